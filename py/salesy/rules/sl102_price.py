"""Price (SL102).

What it does:
    Finds prices: "$19.99", "€5", "5 USD", "£10.50", "from $9".

Why is this bad?
    A price turns a post into a shop window. One price in a story is fine ("I paid $5 for
    this coffee"); prices stacked next to calls to action are an ad.

Example:
    New hoodies, only $39.99. Grab yours!

Use instead:
    We finally found a cotton that doesn't pill after a wash. Here's how we tested it.
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases

ID = "SL102"
NAME = "price"
CATEGORY = "promotion"
NOUN = ("a price", "prices")
MESSAGE = "Price: a price in the post makes it read like a shop window."
SUGGESTION = "Leave prices to the product page; tell readers what the thing is for."

# "only $9" and "just $9" are the sales pitch around a price: underline them with it.
LEADS = Phrases(["only {price}", "just {price}", "from {price}", "starting at {price}"])

FLAG = [
    "New hoodies, only $39.99. Grab yours!",
    "Tickets from €25 for the whole weekend",
    "Lifetime deal: 49 USD",
    "The course is £99 until Friday",
]
PASS = [
    "I bought a new bike and I love it",
    "Inflation is up 3% this year, says the central bank",
    "Tesla ($TSLA) fell again today",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    # The engine keeps the longer of "only $9" and "$9": one span, one finding.
    spans = LEADS.spans(doc)
    for index in doc.indices(tk.PRICE):
        token = doc.tokens[index]
        spans.append((token.start, token.end))
    return spans
