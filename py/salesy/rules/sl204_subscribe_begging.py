"""Subscribe-begging (SL204).

What it does:
    Finds requests to subscribe to, like, watch or "check out" the writer's own channel or
    content: "subscribe to my channel", "sub back", "check out my new song", "please like my
    video", "leave a like", "sub4sub", "help me get to 1k subscribers"; a bare "subscribe"
    that nobody says they do ("I subscribe to the paper" is not a plea); "check it out" in a
    post about the writer's own video, song or channel.

Why is this bad?
    A comment or post that exists to send readers to the writer's channel is advertising for
    it, and begging for subscribers treats readers as numbers. It is the most common spam
    under videos and the quickest way to be muted.

Example:
    Hey guys check out my new channel and please subscribe!!

Use instead:
    We covered this song on ukulele last week; the bridge was the hardest part to get right.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL204"
NAME = "subscribe-begging"
CATEGORY = "engagement"
NOUN = ("a plea for subscribers", "pleas for subscribers")
MESSAGE = "Subscribe-begging: this asks readers to subscribe to, like or visit your channel."
SUGGESTION = "Share the thing itself (the song, the video, what you made) and let it speak."

# The writer's own things.
MINE = ("my", "our", "me", "us")
CONTENT = (
    "channel",
    "chanel",
    "channels",
    "video",
    "videos",
    "vid",
    "vids",
    "song",
    "songs",
    "music",
    "cover",
    "covers",
    "mix",
    "track",
    "tracks",
    "beat",
    "beats",
    "rap",
    "raps",
    "page",
    "profile",
    "account",
    "blog",
    "vlog",
    "stuff",
    "playlist",
    "podcast",
    "stream",
    "art",
    "work",
    "mixtape",
    "project",
    "band",
    "game",
    "app",
)
# Spellings people really write under videos.
SUBSCRIBE = ("subscribe", "suscribe", "subcribe", "subscrib", "subscibe", "sub", "subs")
BEG_VERBS = (
    "check out",
    "check",
    "watch",
    "listen to",
    "visit",
    "see",
    "view",
    "like",
    "support",
    "look at",
    "take a look at",
)


def _phrases() -> list[str]:
    phrases = [
        "sub back",
        "subscribe back",
        "sub4sub",
        "sub 4 sub",
        "sub for sub",
        "subscribe for subscribe",
        "like4like",
        "like 4 like",
        "l4l",
        "s4s",
        "leave a like",
        "drop a like",
        "give it a like",
        "give me a like",
        "give us a like",
        "hit the like button",
        "smash the like button",
        "like and subscribe",
        "like comment and subscribe",
        "like comment subscribe",
        "subscribe like comment",
        "like my comment",
        "like this comment",
        "thumbs up this comment",
        "thumbs this comment up",
        "i need subs",
        "i need subscribers",
        "need more subscribers",
        "get more subscribers",
        "help me get {number} subscribers",
        "help me get {number} subs",
        "help me reach {number} subscribers",
        "help me reach {number} subs",
        "help me get to {number} subscribers",
        "road to {number} subscribers",
        "road to {number} subs",
        "reach {number} subscribers",
        "reach {number} subs",
        "get {number} subscribers",
        "get {number} subs",
        "hit {number} subscribers",
        "some subs",
        "some subscribers",
        "more subs",
        "subscribe for me",
        "subscribes to me",
        "new youtuber",
        "small youtuber",
        "my first subscriber",
        "my first subscribers",
        "become my subscriber",
        "my new channel",
        "my youtube channel",
        "on my channel",
    ]
    for verb in BEG_VERBS:
        phrases.append(verb + " me out")
        phrases.append(verb + " us out")
    for sub in SUBSCRIBE[:5]:
        for please in ("please", "pls", "plz", "plis", "pleas", "pleaseee", "plss"):
            phrases.append(please + " " + sub)
    # "Check my channel out" (never "check my bag"): the writer's thing, then "out".
    phrases.append("check my {word} out")
    phrases.append("check my {word} {word} out")
    return phrases


ANYWHERE = Phrases(_phrases())
# "subscribe to my …", "sub me", "check out our new song": a verb, then the writer's own
# thing, matched as small sets (every combination would be thousands of phrases to compile).
SUBSCRIBE_WORDS = Phrases(list(SUBSCRIBE))
TO_MINE = Phrases(
    [m for m in MINE] + ["to " + m for m in MINE] + ["to the channel", "to this channel"],
    shared=False,
)
BEG_VERB_WORDS = Phrases(list(BEG_VERBS))
MY_CONTENT = Phrases(
    [
        mine + " " + extra + thing
        for mine in ("my", "our")
        for extra in ("", "new ", "latest ", "first ")
        for thing in CONTENT
    ],
    shared=False,
)
# What the writer says they made: "I made a new channel", "I did a cover", "just uploaded a video".
MADE = Phrases(
    [
        who + verb + " " + a + thing
        for who in ("i ", "we ", "just ", "i just ", "we just ")
        for verb in ("made", "did", "started", "uploaded", "posted", "recorded", "wrote")
        for a in ("a ", "a new ", "my first ", "some ", "my ", "our ")
        for thing in CONTENT
    ],
    shared=False,
)
# A request to look at "it" or "them": begging when the post names the writer's own thing
# ("My videos are half decent, check them out", "I did a cover if u want to check it out").
LOOK_AT_IT = Phrases(
    [
        verb + " " + it + out
        for verb in ("check", "watch", "see", "hear", "listen to", "look at", "support")
        for it in ("it", "them", "this", "em", "'em", "me", "us")
        for out in ("", " out")
    ]
    + ["give it a listen", "give it a watch", "give it a look", "take a look", "have a look"],
    shared=False,
)
# Who may stand before "subscribe" in a sentence that tells rather than asks: "I subscribe to
# the paper", "we'll subscribe", "want to subscribe".
TELLING = {
    "i",
    "we",
    "they",
    "he",
    "she",
    "who",
    "i'll",
    "we'll",
    "will",
    "would",
    "should",
    "gonna",
    "to",
    "did",
    "didn't",
    "don't",
    "never",
    "not",
    "already",
}
# "Subscribe!", "Please subscribe", "Subscribe and like": begging when it opens a sentence.
SUBSCRIBE_VERBS = SUBSCRIBE[:5]  # "subscribe" and its misspellings, not "sub"
OPENING = Phrases(list(SUBSCRIBE_VERBS) + ["subscribe and", "like and", "please like", "pls like"])

FLAG = [
    "Hey guys check out my new channel and please subscribe!!",
    "sub to my channel I sub back",
    "Please like my video and leave a like on this comment",
    "Help me get 1000 subscribers before Christmas",
    "SUBSCRIBE!!!",
    "My videos are half decent, check them out if you want",
    "if you watch this in 2025 subscribe to my friend",
]
PASS = [
    "I subscribed to the local paper again, it's worth it",
    "Check out time is at 11, don't be late",
    "The subway sub was honestly the best part of the trip",
    "My channel of choice for news is the BBC",
    "I subscribe to three newspapers and read none of them",
]


# _like_subscribe() of each word it was asked about: an edit distance is a double loop.
_LIKE: dict[str, bool] = {}


def _like_subscribe(word: str) -> bool:
    """ "Sucscribe", "subcsribe", "subscirbe": people beg in a hurry. A word of 7-11 letters
    that starts like "subscribe" and is within two edits of it."""
    if not (7 <= len(word) <= 11) or word[:2] != "su" or word in SUBSCRIBE:
        return False
    found = _LIKE.get(word)
    if found is None:
        if len(_LIKE) >= 4096:
            _LIKE.clear()
        found = _LIKE[word] = _near_subscribe(word)
    return found


def _near_subscribe(word: str) -> bool:
    if word.endswith(("ed", "er", "ers", "tion", "ing")):
        return False  # "I subscribed", "subscribers": telling, not asking
    target = "subscribe"
    previous = list(range(len(target) + 1))
    for i in range(1, len(word) + 1):
        current = [i] + [0] * len(target)
        for j in range(1, len(target) + 1):
            cost = 0 if word[i - 1] == target[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if min(current) > 2:
            return False
        previous = current
    return previous[-1] <= 2 and word[:9] != "subscript"


BEGGING = ((SUBSCRIBE_WORDS, TO_MINE), (BEG_VERB_WORDS, MY_CONTENT))


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = ANYWHERE.spans(doc)
    stream = doc.stream
    for finder, objects in BEGGING:
        for first, last in finder.find(doc):
            size = signals.followed_by(doc, last, objects)
            if size:
                spans.append(doc.span(stream[first], stream[last + size]))
    for index in doc.indices(tk.WORD):
        token = doc.tokens[index]
        if token.head in "sS" and _like_subscribe(token.low):
            spans.append((token.start, token.end))
    for first, last in OPENING.find(doc):
        if signals.opens_directive(doc, first):
            spans.append(doc.span(doc.stream[first], doc.stream[last]))
    # "subscribe" as a bare verb, anywhere but after someone telling what they do.
    for p, index in enumerate(stream):
        token = doc.tokens[index]
        if token.low in SUBSCRIBE_VERBS and (p == 0 or doc.brk[p] or _asks(doc, p)):
            spans.append((token.start, token.end))
    # "check it out" where the same paragraph names the writer's own thing (looked for only
    # once there is a "check it out": most posts have none).
    looks = LOOK_AT_IT.find(doc)
    if looks:
        own = {
            signals.paragraph_of(doc, stream[f]) for f, _l in MY_CONTENT.find(doc) + MADE.find(doc)
        }
        for first, last in looks:
            if signals.paragraph_of(doc, stream[first]) in own:
                spans.append(doc.span(stream[first], stream[last]))
    return spans


def _asks(doc: Doc, p: int) -> bool:
    return doc.tokens[doc.stream[p - 1]].low not in TELLING
