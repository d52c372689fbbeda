"""Sponsored post (SL114).

What it does:
    Finds a post that declares itself paid: `#ad` up front, "Ad |", "paid partnership",
    "sponsored by", `#sponsored`. (A hidden or buried tie is SL301/SL303.)

Why is this bad?
    It isn't wrong: disclosing is exactly right. But a paid post is promotion however well
    it is labelled, so it counts toward the verdict and the account's balance; make it
    worth reading on its own.

Example:
    #ad Get 30% off your first box with code FRESH30!

Use instead:
    #ad I was skeptical of meal kits; three recipes from this box I'll keep making: …
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases
from salesy.rules.sl303_buried_ad import buried

ID = "SL114"
NAME = "sponsored"
CATEGORY = "promotion"
NOUN = ("a paid post", "paid posts")
MESSAGE = "Sponsored: a paid post is promotion, however well disclosed."
SUGGESTION = "Good that it's disclosed; make sure the post is useful on its own."

MATCHER = Phrases(
    [
        "#ad",
        "#ads",
        "#advert",
        "#advertisement",
        "#sponsored",
        "#paidpartnership",
        "paid partnership",
        "paid post",
        "sponsored by",
        "sponsored post",
        "this is sponsored",
        "this is an ad",
        "our sponsor",
        "this week's sponsor",
        "today's sponsor",
    ]
)
OPENERS = ("ad", "advert", "sponsored", "advertisement")
QUOTES = "'\"‘“«"

FLAG = [
    "#ad Get 30% off your first box with code FRESH30!",
    "Ad | I partnered with @bookshop this month.",
    "Paid partnership with @outdoorco: I tested their rain jacket.",
]
PASS = [
    "The UK's ad rules say it should be upfront.",
    "I bought this jacket with my own money. Not sponsored, just happy.",
    "Bad ads everywhere on this site",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    hidden = buried(doc)
    spans = []
    for start, end in MATCHER.spans(doc):
        # A quoted '#ad' is talked about, not used: "the rules say '#ad' goes first".
        quoted = start > 0 and doc.slice(start - 1, start) in QUOTES
        if (start, end) not in hidden and not quoted:
            spans.append((start, end))
    # "Ad:" / "AD |" / "Sponsored:" opening the post.
    if doc.stream:
        first = doc.tokens[doc.stream[0]]
        following = doc.tokens[doc.stream[0] + 1] if doc.stream[0] + 1 < len(doc.tokens) else None
        if (
            first.kind == tk.WORD
            and first.low in OPENERS
            and following is not None
            and following.kind == tk.PUNCT
            and following.head in ":|-–—"
        ):
            spans.append((first.start, first.end))
    return spans
