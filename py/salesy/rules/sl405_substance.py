"""Substance (SL405), a value signal.

What it does:
    Finds posts that explain or teach: "here's what I learned", "how to", "the trick is",
    "because", "it turns out", "for example", "TIL". A thread marker ("🧵", "1/") is not
    substance: it only says more posts follow, and each post of a thread is judged on its own.

Why is this bad?
    It is not: explaining something, sharing what you learned or someone else's work is
    the value the doctrine asks for.

Example:
    Why does bread go stale? It's not drying out; the starch recrystallizes.

Use instead:
    Keep it.
"""

from salesy.doc import Doc, Phrases

ID = "SL405"
NAME = "substance"
CATEGORY = "value"
NOUN = ("some substance", "some substance")
MESSAGE = "Substance: you explain, teach or share what you learned."
SUGGESTION = "Keep it: this is what readers come back for."

MATCHER = Phrases(
    [
        "here's what i learned",
        "here's what we learned",
        "what i learned",
        "what we learned",
        "what i've learned",
        "what we've learned",
        "lessons i learned",
        "lessons learned",
        "my lesson",
        "our lesson",
        "the lesson",
        "honest lesson",
        "the story of",
        "here's the story",
        "i learned",
        "we learned",
        "today i learned",
        "til",
        "here's how",
        "here's why",
        "here's what",
        "how to",
        "the trick is",
        "the key is",
        "the reason is",
        "the secret is",
        "it turns out",
        "turns out",
        "that's why",
        "which means",
        "this means",
        "in other words",
        "for example",
        "for instance",
        "e.g.",
        "because",
        "the problem is",
        "the fix was",
        "short version",
        "quick tip",
        "tip:",
        "pro tip",
        "fun fact",
        "a thread",
        "thread on",
        "honest review",
        "full review",
        "explained",
        "explains",
        "according to",
        "study",
        "research",
        "data",
    ]
)

FLAG = [
    "Why does bread go stale? The starch recrystallizes; that's why toasting helps.",
    "Quick tip for new managers: write down what you said you'd do in every 1:1.",
    "1/ I've been a teacher for 20 years. Here's what I've learned about homework 🧵",
]
PASS = [
    "Flash sale! Everything $10.",
    "1/ 🧵 New drop just landed, link below",
    "Good morning everyone",
    "New drop just landed",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
