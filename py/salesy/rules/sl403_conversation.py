"""Conversation (SL403), a value signal.

What it does:
    Finds a reply: a post that opens by addressing one or two people ("@maria this is such
    a good point…"). Three or more mentions in a row are a mass mention (SL203), not a
    conversation.

Why is this bad?
    It is not: replying to people, in their threads, is the heart of X.

Example:
    @maria_dev this is such a good point. I ran into the same thing last year.

Use instead:
    Keep it.
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL403"
NAME = "conversation"
CATEGORY = "value"
NOUN = ("a reply", "replies")
MESSAGE = "Conversation: you are talking with someone, not at everyone."
SUGGESTION = "Keep it: replies are what X is for."

MAX_ADDRESSED = 2

FLAG = [
    "@maria_dev this is such a good point. I ran into the same thing last year.",
    "@ana @bob thanks both, see you Thursday",
]
PASS = [
    "@a @b @c @d check out our new app",
    "Huge thanks to @nils for reviewing my talk.",
    "@sam",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    tokens = doc.tokens
    index = 0
    while index < len(tokens) and tokens[index].kind == tk.MENTION:
        index += 1
    if index == 0 or index > MAX_ADDRESSED or index >= len(tokens):
        return []
    return [doc.span(0, index - 1)]
