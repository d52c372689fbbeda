"""Reader address (SL118).

What it does:
    Measures who the post is about: a post that speaks to "you" ("you", "your", "u") again
    and again and never of "I" or "we", and is not a reply to anyone, is addressed to a
    customer. Underlines the words that address the reader.

Why is this bad?
    Ads are written to the reader ("your skin", "you deserve", "you'll love"); posts are
    written by a person about something. A post with no one behind it and only a "you" in
    front of it reads as copy.

Example:
    You deserve better sleep. Your body will thank you, and you'll wake up ready for your day.

Use instead:
    I finally fixed my sleep: no screens after ten, and I'm up before the alarm most days.
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL118"
NAME = "reader-address"
CATEGORY = "promotion"
NOUN = ("copy aimed at the reader", "copy aimed at the reader")
MESSAGE = 'Reader address: the post talks only to "you", like ad copy, with nobody behind it.'
SUGGESTION = "Say who you are and what you found; talk with readers, not at them."

YOU = {"you", "your", "yours", "you're", "you'll", "you've", "youre", "u", "ur", "yourself"}
SELF = {"i", "i'm", "i've", "i'd", "i'll", "im", "ive", "me", "my", "mine", "myself", "we", "we're",
        "we've", "we'll", "our", "ours", "us"}  # fmt: skip
MIN_YOU = 3

FLAG = [
    "You deserve better sleep. Your body will thank you, and you'll wake up ready for your day.",
    "Your skin, your rules. You choose what touches your face, and you'll love the glow.",
]
PASS = [
    "I think you should read this, your take on it would interest me",
    "@sam you were right, your map saved us",
    "Did you see the eclipse?",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    tokens = doc.tokens
    if tokens and tokens[0].kind == tk.MENTION:
        return []  # a reply speaks to someone by name: that is a conversation
    you = []
    for index in doc.indices(tk.WORD):
        low = tokens[index].low
        if low in SELF:
            return []
        if low in YOU:
            you.append(index)
    if len(you) < MIN_YOU:
        return []
    return [(tokens[i].start, tokens[i].end) for i in you]
