"""Support-begging (SL205).

What it does:
    Finds requests that readers do something for the writer: vote, donate, sign, share,
    like or rate, or watch, visit or look at the writer's own thing. A request is an order
    (it opens a sentence, perhaps after "please" or "hey guys"), a "please" before the verb,
    or "can you", "could you", "would you" before a verb of support. It counts when, within
    the same sentence, it is aimed at the writer ("vote for my band", "please share our
    page", "add me") or at "this page", "this video", "this petition" and the like. Pointing
    readers at "our" work is a brand's call to action (SL101 reads those), and a question
    that asks a company for something ("Can you add me to the 6 pm flight?") is not a plea:
    verbs other than those of support come only as orders or after "please".

Why is this bad?
    A post that exists to collect votes, likes, shares or money for its writer treats readers
    as a means, whatever the cause. It is the commonest spam under videos and in replies, and
    it reads the same whether it is a song, a contest or a fundraiser.

Example:
    VOTE FOR MY BAND PLEASE GUYS, and share this page with everyone!

Use instead:
    We made the final of the battle of the bands. Here's the song that got us there.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL205"
NAME = "support-begging"
CATEGORY = "engagement"
NOUN = ("a plea for support", "pleas for support")
MESSAGE = "Support-begging: this asks readers to vote, donate, like or share for you."
SUGGESTION = "Say what the cause or the work is and why it matters; let readers choose to help."

# Verbs of a request for support, and of pointing readers somewhere.
SUPPORT = ("vote", "donate", "sign", "pledge", "fund", "back", "support", "share", "like", "rate")
POINTING = ("watch", "view", "visit", "check", "look", "listen", "download", "click", "add")
VERBS = Phrases(list(SUPPORT + POINTING), shared=False)
PLEASE = {"please", "pls", "plz", "plis", "pleas", "pleasee", "plss", "kindly"}
# "Can you vote for...", "would you please share": a question that asks a favour.
ASKING = {"can", "could", "would", "will", "please", "pls", "plz"}
# What the request may be aimed at: the writer, or a thing pointed at.
WRITER = {"me", "my", "our", "us", "mine"}
# Pointing readers at "our" work is a brand's call to action (SL101's); at "my" work, a plea.
ONE_WRITER = {"me", "my", "mine"}
POINTED = {"this", "these", "that"}
THINGS = {
    "page",
    "pic",
    "picture",
    "photo",
    "video",
    "vid",
    "post",
    "link",
    "project",
    "petition",
    "campaign",
    "channel",
    "song",
    "comment",
    "poster",
    "playlist",
    "app",
    "game",
    "fundraiser",
    "cause",
    "site",
    "website",
    "track",
    "album",
    "band",
    "shop",
    "store",
}
# How far after the verb its object may stand ("vote for my band", "please share this page").
REACH = 5

FLAG = [
    "VOTE FOR MY BAND PLEASE GUYS, and share this page with everyone!",
    "Please donate to help my dog get surgery http://gofund.example/rex",
    "Hi! Could you please like this photo on the contest page? It would mean so much",
    "Check this video out, I made it last night",
]
PASS = [
    "Can you add me to the 6pm flight? Been on hold for an hour",
    "I like my coffee black and my mornings quiet",
    "Voters should look at my district's turnout numbers, they are shocking",
    "Like 2 weeks after my flight, still no bag",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    stream = doc.stream
    tokens = doc.tokens
    brk = doc.brk
    spans = []
    for p, _last in VERBS.find(doc):
        # "Like 2 weeks after my flight", "back 3 hours later": a word, not a verb.
        if p + 1 < len(stream) and tokens[stream[p + 1]].kind == tk.NUMBER:
            continue
        if not _asked(doc, p):
            continue
        # "Like" is a verb of support only right before what it is aimed at ("like my
        # video", "like this page"); elsewhere it is mostly "like they care".
        reach = 1 if tokens[stream[p]].low == "like" else REACH
        support = tokens[stream[p]].low in SUPPORT
        for q in range(p + 1, min(len(stream), p + 1 + reach)):
            if brk[q]:
                break
            token = tokens[stream[q]]
            low = token.low
            aimed = low in (WRITER if support else ONE_WRITER)
            if not aimed and low in POINTED and q + 1 < len(stream) and not brk[q + 1]:
                aimed = tokens[stream[q + 1]].low in THINGS
                if aimed:
                    token = tokens[stream[q + 1]]
            if aimed:
                spans.append((tokens[stream[p]].start, token.end))
                break
    return spans


def _asked(doc: Doc, p: int) -> bool:
    """Is the verb at stream position p asked of the reader: an order, after "please", or
    "can you" with a verb of support?"""
    if signals.opens_directive(doc, p):
        return True
    if not p:
        return False
    tokens = doc.tokens
    stream = doc.stream
    before = tokens[stream[p - 1]].low
    if before in PLEASE:
        return True
    if before == "you" and p > 1 and tokens[stream[p - 2]].low in ASKING:
        verb = tokens[stream[p]].low
        # "Would you like me to DM you?" offers; "would you like this page" is rare.
        return verb in SUPPORT and verb != "like"
    return False
