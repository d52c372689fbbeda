"""Mass mention (SL203).

What it does:
    Finds mass invitations: three or more @mentions in a row that open a post or stand
    apart from the sentence ("@a @b @c check this out"), or six or more in one post.

Why is this bad?
    Tagging strangers or celebrities to get their attention is spam by X's own rules; it
    pulls people into a sales pitch they did not ask for.

Example:
    @elonmusk @BillGates @tim_cook our revolutionary app is changing the game!

Use instead:
    Reply to one person, about what they said.
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL203"
NAME = "mass-mention"
CATEGORY = "engagement"
NOUN = ("a mass mention", "mass mentions")
MESSAGE = "Mass mention: tagging many accounts at once is a spam pattern."
SUGGESTION = "Mention the one or two people the post is really for."

RUN = 3
TOTAL = 6

FLAG = [
    "@elonmusk @BillGates @tim_cook our revolutionary app is changing the game!",
    "Check this out @a @b @c @d",
    "@one hi @two @three and @four, @five, @six: join us",
]
PASS = [
    "@ana @bob thanks both, see you Thursday",
    "Huge thanks to @nils and @priya for reviewing my talk.",
    "@sam replying late, sorry!",
    "@user @user @user see you all at the game",  # one account, named three times
]


def _distinct(doc: Doc, first: int, last: int) -> int:
    """How many different accounts a run of mentions names ("@user @user @user" is one)."""
    return len(
        {doc.tokens[i].low for i in range(first, last + 1) if doc.tokens[i].kind == tk.MENTION}
    )


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    runs = [
        (first, last, _distinct(doc, first, last))
        for first, last, _size in doc.runs(tk.MENTION, (tk.PUNCT, tk.EMOJI))
    ]
    spans = [doc.span(first, last) for first, last, size in runs if size >= RUN]
    if not spans and len({doc.tokens[i].low for i in doc.indices(tk.MENTION)}) >= TOTAL:
        spans = [doc.span(first, last) for first, last, _size in runs]
    return spans
