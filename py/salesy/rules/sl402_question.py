"""Question to readers (SL402), a value signal.

What it does:
    Finds real questions to readers: a sentence ending in "?" that asks something open
    ("What's the one book that changed how you think about money?"). Sales openers
    ("Tired of slow WiFi?", "Looking for the perfect gift?") and very short questions do
    not count.

Why is this bad?
    It is not: asking readers something starts a conversation, which is what X is for.

Example:
    Parents of teenagers: how do you handle phones at dinner?

Use instead:
    Keep it.
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases
from salesy.rules import sl101_call_to_action

ID = "SL402"
NAME = "question"
CATEGORY = "value"
NOUN = ("a question to readers", "questions to readers")
MESSAGE = "Question to readers: you invite a conversation."
SUGGESTION = "Keep it: questions start conversations."

MIN_WORDS = 4
QUESTION_MARKS = "?\uff1f\u061f"
# Questions that open a sales pitch, not a conversation.
SALES_OPENERS = Phrases(
    [
        "tired of",
        "sick of",
        "looking for",
        "ready to",
        "ready for",
        "want to",
        "want the",
        "want a",
        "wanna",
        "need a",
        "need more",
        "need the",
        "struggling with",
        "hungry",
        "thirsty",
        "who wants",
        "have you subscribed",
        "have you tried",
        "did you know",
        "still using",
        "still paying",
        "still looking",
        "why pay",
        "why wait",
        "what are you waiting for",
        "do you want",
        "do you need",
        "are you ready",
        "are you tired",
        "are you looking",
        "are you still",
        "can you believe",
        "guess what",
    ]
)

FLAG = [
    "Parents of teenagers: how do you handle phones at dinner? We're losing this battle.",
    "What's the one book that changed how you think about money?",
    "Which city has the best public transit you've ridden?",
]
PASS = [
    "Tired of slow WiFi? Switch today.",
    "Looking for the perfect gift? Shop now!",
    "Hungry? 🍔 Two burgers for $12",
    "Why? Just why?",
    "Have you been refused a loan before? We can still help. Call us today on 0800 1956669",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    tokens = doc.tokens
    if not any(tokens[i].head in QUESTION_MARKS for i in doc.indices(tk.PUNCT)):
        return spans  # no question mark, no question: skip splitting sentences
    if sl101_call_to_action.calls(doc, config):
        # "Been refused a loan? Call us today": a question that leads into an order to the
        # reader opens a pitch; it invites no conversation (value is easy to fake).
        return spans
    for first, last in doc.sentences():
        end = doc.tokens[last]
        if not (end.kind == tk.PUNCT and end.head in QUESTION_MARKS):
            continue
        start_p, stop_p = doc.stream_range(first, last)
        if stop_p - start_p < MIN_WORDS:
            continue
        if SALES_OPENERS.match_at(doc, start_p):
            continue
        spans.append(doc.span(first, last))
    return spans
