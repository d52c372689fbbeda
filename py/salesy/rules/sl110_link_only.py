"""Link-only post (SL110).

What it does:
    Finds posts that are a link and little else: three words or fewer besides the link
    ("New post 👉 https://…", "https://shop.example.com/new").

Why is this bad?
    A bare link asks for a click and gives nothing in the feed. It treats X as a
    distribution channel for a website, not a place to talk; say what is behind the link.

Example:
    New post 👉 https://blog.example.com/10-ways-to-grow

Use instead:
    I tracked my sleep for a year; caffeine after 2pm cost me 40 minutes a night. Notes: <link>
"""

from salesy import tokens as tk
from salesy.doc import Doc

ID = "SL110"
NAME = "link-only"
CATEGORY = "promotion"
NOUN = ("a bare link", "bare links")
MESSAGE = "Link-only post: a link with nothing around it only asks for a click."
SUGGESTION = "Say in a sentence what is behind the link and why it is worth a reader's time."

MAX_WORDS = 3

FLAG = [
    "https://shop.example.com/collections/new",
    "New post 👉 https://blog.example.com/10-ways-to-grow",
    "🔥🔥 bit.ly/4aBcD 🔥🔥",
]
PASS = [
    "Great piece by @kim on why cities need more benches: https://example.org/benches",
    "Read this and call your mother: https://example.org/essay",
    "Just a few words here",
    "@ana look at this http://t.co/abc123",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    links = doc.indices(tk.URL)
    if not links or doc.tokens[0].kind == tk.MENTION:
        return []  # a reply with a photo or a link in it answers someone
    others = 0
    for kind in (tk.WORD, tk.MENTION, tk.NUMBER, tk.PRICE, tk.PERCENT):
        others += len(doc.indices(kind))
    if others > MAX_WORDS:
        return []
    return [(doc.tokens[i].start, doc.tokens[i].end) for i in links]
