"""Offer (SL104).

What it does:
    Finds offers: free offers used as bait ("free shipping", "free trial", "first month
    free", "risk-free", "no credit card required"), and money, a percentage or "free"
    standing in a post that also tells readers to act ("Only $9.99, order yours today",
    "Call now for a FREE quote", "BUY NOW 50% off"). The offer counts once; a price in a
    story, with nothing to act on, is not one.

Why is this bad?
    "Free" in an ad is a hook, not a gift: it is there to get a click or a sign-up. Posts
    built around the hook read as marketing, however friendly the tone.

Example:
    Free shipping on all orders this week! Try it risk-free.

Use instead:
    We switched to paper packaging this year; here is what it cost us and what it saved.
"""

from salesy import signals
from salesy import tokens as tk
from salesy.doc import Doc, Phrases
from salesy.rules import sl101_call_to_action

ID = "SL104"
NAME = "offer"
CATEGORY = "promotion"
NOUN = ("an offer", "offers")
MESSAGE = 'Offer: a price or "free" next to a call to action is a hook to get a sale or a sign-up.'
SUGGESTION = (
    "If something is genuinely free and useful, say what it helps with, not that it's free."
)

MATCHER = Phrases(
    [
        "free shipping",
        "free delivery",
        "free returns",
        "free trial",
        "free gift",
        "free gifts",
        "free sample",
        "free samples",
        "free consultation",
        "free quote",
        "free estimate",
        "free download",
        "free ebook",
        "free e-book",
        "free webinar",
        "free masterclass",
        "free bonus",
        "free tote bag",
        "free tote",
        "free for life",
        "free for the first",
        "free with every order",
        "free with any order",
        "free with purchase",
        "free when you",
        "get it free",
        "get one free",
        "{number} months free",
        "{number} month free",
        "{count} months free",
        "{count} months for free",
        "first month free",
        "first month is free",
        "months for free",
        "try it free",
        "try it for free",
        "try for free",
        "start for free",
        "sign up for free",
        "join for free",
        "risk-free",
        "risk free",
        "money back",
        "money-back guarantee",
        "no credit card required",
        "no credit card needed",
        "no strings attached",
        "no purchase necessary",
        "freebie",
        "freebies",
    ]
)

FLAG = [
    "Free shipping on all orders this week!",
    "Try it risk-free for 30 days",
    "Start your 14-day free trial, no credit card required",
    "Only $9.99 this week, order yours today",
    "Call now for a FREE quote",
]
PASS = [
    "Free speech is messy, and I'd still choose it every time.",
    "I'm free this Saturday if anyone wants to go climbing.",
    "The museum is free on the first Sunday of every month.",
    "I paid $5 for this coffee and it was worth every cent",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = MATCHER.spans(doc)
    if spans or not sl101_call_to_action.calls(doc, config):
        return spans
    # A call to action in the post makes its prices and its "free" an offer.
    for index in doc.indices(tk.PRICE) + doc.indices(tk.PERCENT) + doc.indices(tk.WORD):
        token = doc.tokens[index]
        if token.kind != tk.WORD or token.low == "free" or signals.is_money(token):
            spans.append((token.start, token.end))
    return spans
