"""Follow-begging (SL201).

What it does:
    Finds requests for followers: "follow me", "follow back", "follow for follow", "F4F",
    "click here to follow me", "help me reach 1k followers", "#followback".

Why is this bad?
    Followers come from posts worth following. Asking for them reads as needy or spammy, and
    follow-for-follow rings are exactly what X's spam rules describe.

Example:
    Follow me and I'll follow back! #F4F

Use instead:
    I write one thread a week on home espresso. This week: why your grinder matters most.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL201"
NAME = "follow-begging"
CATEGORY = "engagement"
NOUN = ("a request for followers", "requests for followers")
MESSAGE = "Follow-begging: asking for follows reads as needy or spammy."
SUGGESTION = "Tell readers what they will get from following, or just post the good stuff."

MATCHER = Phrases(
    [
        "follow me",
        "follow us",
        "follow back",
        "follow for follow",
        "follow 4 follow",
        "follow4follow",
        "followback",
        "f4f",
        "l4l",
        "follow for more",
        "follow my page",
        "follow our page",
        "follow my account",
        "follow the account",
        "please follow",
        "pls follow",
        "plz follow",
        "hit follow",
        "hit the follow button",
        "smash that follow",
        "smash the follow button",
        "give me a follow",
        "give us a follow",
        "drop a follow",
        "click here to follow",
        "follow and turn on notifications",
        "turn on notifications",
        "help me reach {number} followers",
        "help me get to {number} followers",
        "help us reach {number} followers",
        "road to {number} followers",
        "gain followers",
        "#followme",
        "#followback",
        "#f4f",
        "#follow4follow",
        "#followforfollow",
        "#teamfollowback",
        "#followtrain",
    ]
)

FLAG = [
    "Follow me and I'll follow back! #F4F",
    "Help me reach 1k followers 🙏",
    "New here, please follow!!",
    "click here to follow me for daily tips",
]
PASS = [
    "I follow a lot of bird accounts, they make my feed calmer",
    "Hard to follow this plot, honestly",
    "Thanks for the follow, @ana — loved your thread on sourdough",
    "@airline please follow me so I can DM you my booking number",
    "@bakery you're the best, follow me back!",
]


# "Follow me so I can DM you": a follow asked for to open a private conversation (X lets
# only followers send direct messages) is not reach-hunting.
DIRECT_MESSAGE = {"dm", "dms", "dm'd", "message", "pm", "inbox", "direct", "private"}


def _for_a_message(doc: Doc, first: int) -> bool:
    """Does the sentence around stream position `first` speak of a direct message?"""
    stream = doc.stream
    start = signals.sentence_start(doc, first)
    q = start
    while q < len(stream) and (q == start or not doc.brk[q]):
        if doc.tokens[stream[q]].low in DIRECT_MESSAGE:
            return True
        q += 1
    return False


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if doc.tokens and doc.tokens[0].kind == tk.MENTION:
        return spans  # a reply asking one account to follow back is talking to it
    for first, last in MATCHER.find(doc):
        if not _for_a_message(doc, first):
            spans.append(doc.span(doc.stream[first], doc.stream[last]))
    return spans
