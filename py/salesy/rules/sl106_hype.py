"""Hype and superlatives (SL106).

What it does:
    Finds marketing superlatives: "best ever", "revolutionary", "game-changer", "#1",
    "world-class", "must-have", "unbeatable", "life-changing", "the only X you'll ever need".

Why is this bad?
    Superlatives are claims nobody can check; readers discount them on sight. Hype reads as
    an ad even when the product is good.

Example:
    The most revolutionary running shoe ever made. A total game-changer.

Use instead:
    I've run 400 km in these. The heel wore out first, the upper still looks new.
"""

from salesy.doc import Doc, Phrases

ID = "SL106"
NAME = "hype"
CATEGORY = "promotion"
NOUN = ("a superlative", "superlatives")
MESSAGE = "Hype: superlatives are claims nobody can check, and read as an ad."
SUGGESTION = "Replace the superlative with a concrete fact: a number, a test, a story."

MATCHER = Phrases(
    [
        # "Best day ever" is a person talking; only the pitch forms count.
        "the best {word} you'll ever",
        "best ever made",
        "the most {word} {word} ever",
        "you'll ever need",
        "you will ever need",
        "revolutionary",
        "game-changer",
        "game changer",
        "game-changing",
        "life-changing",
        "life changing",
        "groundbreaking",
        "ground-breaking",
        "world-class",
        "world class",
        "world's best",
        "world's most",
        "best-selling",
        "bestselling",
        "best seller",
        "bestseller",
        "must-have",
        "unbeatable",
        "unmatched",
        "unrivaled",
        "unrivalled",
        "unparalleled",
        "second to none",
        "like never before",
        "next-level",
        "take it to the next level",
        "industry-leading",
        "best-in-class",
        "best in class",
        "cutting-edge",
        "state-of-the-art",
        "clinically proven",
        "guaranteed results",
        "100% guaranteed",
        "the ultimate",
        "the hottest",
        "everyone is talking about",
        "everyone's talking about",
        "you won't believe",
        "{number} rated",
        "rated {number}",
        "the {number} rated",
        "#1 rated",
        "10x",
        "amazing results",
        "unbelievable results",
        "insane results",
    ]
)

FLAG = [
    "The most revolutionary running shoe ever made. A total game-changer.",
    "Rated #1 by customers 5 years in a row",
    "The only planner you'll ever need",
    "World-class quality at unbeatable prices",
]
PASS = [
    "The best pizza I've ever had was in a tiny place in Naples",
    "Best day ever at the beach with the kids",
    "My kid came first in the sack race and is unbearable about it",
    "This was a hard year, but we got through it",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
