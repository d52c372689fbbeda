"""Buried #ad (SL303).

What it does:
    Finds an `#ad` (or `#sponsored`) hidden at the end of the post after other hashtags
    ("… #makeup #beauty #lashes #ad").

Why is this bad?
    A disclosure must be seen before the reader engages. The UK's ASA and the FTC both say
    `#ad` lost in a hashtag pile, or after "see more", does not count.

Example:
    Best mascara ever 💕 #makeup #beauty #mascara #lashes #ad

Use instead:
    #ad Best mascara I've tried this year 💕 #makeup
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL303"
NAME = "buried-ad"
CATEGORY = "disclosure"
NOUN = ("a buried #ad", "buried #ad tags")
MESSAGE = "Buried #ad: the disclosure is hidden after other hashtags."
SUGGESTION = "Move #ad to the start of the post, before anything else."

TAGS = ("#ad", "#ads", "#advert", "#advertisement", "#sponsored", "#paidpartnership")
BEFORE = 2  # hashtags ahead of #ad in the same run that bury it

FLAG = [
    "Best mascara ever 💕 #makeup #beauty #mascara #lashes #ad",
    "Love my new hair tools #gifted #hair #beauty #style #ad",
    "Great shoes. #running #fitness #sponsored",
]
PASS = [
    "#ad Best mascara I've tried this year 💕 #makeup",
    "Ad | I partnered with @bookshop this month because I love what they do.",
    "I tested this jacket for a week. #ad #hiking",
]


def buried(doc: Doc) -> list[tuple[int, int]]:
    """Spans of disclosure tags with at least BEFORE other hashtags ahead in their run."""
    spans: list[tuple[int, int]] = []
    for first, last, _size in doc.runs(tk.HASHTAG, (tk.PUNCT, tk.EMOJI)):
        ahead = 0
        for index in range(first, last + 1):
            token = doc.tokens[index]
            if token.kind != tk.HASHTAG:
                continue
            if token.low in TAGS and ahead >= BEFORE:
                spans.append((token.start, token.end))
            ahead += 1
    return spans


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return buried(doc)
