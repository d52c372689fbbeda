"""Hashtag pile (SL108).

What it does:
    Finds piles of hashtags: three or more in a row, or four or more in one post.

Why is this bad?
    X's own advice is one or two hashtags. A pile of them is reach-hunting: it reads as
    marketing, crowds out the words, and tends to bury any real message (or an `#ad`).

Example:
    New arrivals! #fashion #style #ootd #sale #shopping

Use instead:
    New arrivals: the linen shirts are back, in the green you asked for. #linen
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL108"
NAME = "hashtag-pile"
CATEGORY = "promotion"
NOUN = ("a hashtag pile", "hashtag piles")
MESSAGE = "Hashtag pile: a stack of hashtags reads as reach-hunting."
SUGGESTION = "Keep one or two hashtags that a reader would actually search for."

RUN = 3
TOTAL = 4

FLAG = [
    "New arrivals! #fashion #style #ootd #sale #shopping",
    "#marketing #growth #business #entrepreneur",
    "Loved this #art show, #painting and #sculpture and #design everywhere",
]
PASS = [
    "#tbt to the summer we drove across the country. #roadtrip",
    "Sunset at the pier tonight #nofilter",
    "Thread on #Python packaging, part 2",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    # Hashtag runs may have punctuation and emoji between the tags.
    runs = doc.runs(tk.HASHTAG, (tk.PUNCT, tk.EMOJI))
    spans = [doc.span(first, last) for first, last, size in runs if size >= RUN]
    if not spans and len(doc.indices(tk.HASHTAG)) >= TOTAL:
        # Scattered through the text: underline each tag, the engine counts them as one pile.
        spans = [doc.span(first, last) for first, last, _size in runs]
    return spans
