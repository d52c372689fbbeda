"""Emoji pile (SL109).

What it does:
    Finds piles of emoji: five or more in a row, or three or more in a row when the
    pile is made of sales emoji (🔥🔥🔥, 🛍️🛍️✨, 👉👉👉, 💯🚀💰).

Why is this bad?
    A wall of emoji is the visual equivalent of shouting. In ads it stands in for having
    something to say; it is also unreadable with a screen reader.

Example:
    NEW ARRIVALS 🔥🔥🔥🔥 shop now 🛍️🛍️🛍️🛍️

Use instead:
    New arrivals 🔥 the linen shirts are back.
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL109"
NAME = "emoji-pile"
CATEGORY = "promotion"
NOUN = ("an emoji pile", "emoji piles")
MESSAGE = "Emoji pile: a wall of emoji stands in for something to say."
SUGGESTION = (
    "One emoji can add tone; more than three in a row is noise (and hard on screen readers)."
)

RUN = 5
SALES_RUN = 3
# The emoji of sales posts; a run mostly made of these is a pile sooner (🎉🎂❤️ is a party).
SALES = (
    "🔥",
    "💥",
    "🚨",
    "💯",
    "🛍",
    "🛒",
    "💰",
    "💸",
    "🤑",
    "🎁",
    "👉",
    "👇",
    "👆",
    "⚡",
    "✨",
    "🚀",
    "📢",
    "⏰",
    "‼",
    "❗",
    "💲",
    "🏷",
)

FLAG = [
    "NEW ARRIVALS 🔥🔥🔥🔥 shop now",
    "💥💥 MEGA SALE 💥💥 🛒🛒🛒 🤑🤑🤑",
    "🚀🚀🚀 to the moon",
    "Best day ever at the beach 😂😂😂😭😭😭",
]
PASS = [
    "Sunset at the pier tonight 🌅🌊✨",
    "HAPPY BIRTHDAY MOM 🎂🎉❤️",
    "Best day ever at the beach with the kids ☀️🌊🏖️🍦",
    "We got the keys to our first home! 🏡🔑",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    tokens = doc.tokens
    for first, last, size in doc.runs(tk.EMOJI, ()):
        if size >= RUN:
            spans.append(doc.span(first, last))
        elif size >= SALES_RUN:
            sales = 0
            for index in range(first, last + 1):
                if tokens[index].head in SALES:
                    sales += 1
            if sales * 2 > size:
                spans.append(doc.span(first, last))
    return spans
