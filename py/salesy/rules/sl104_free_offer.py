"""Free-offer bait (SL104).

What it does:
    Finds free offers used as bait: "free shipping", "free trial", "first month free",
    "free gift with every order", "giveaway", "risk-free", "no credit card required".

Why is this bad?
    "Free" in an ad is a hook, not a gift: it is there to get a click or a sign-up. Posts
    built around the hook read as marketing, however friendly the tone.

Example:
    Free shipping on all orders this week! Try it risk-free.

Use instead:
    We switched to paper packaging this year; here is what it cost us and what it saved.
"""

from salesy.doc import Doc, Phrases

ID = "SL104"
NAME = "free-offer"
CATEGORY = "promotion"
WEIGHT = 20
NOUN = ("a free offer", "free offers")
MESSAGE = 'Free-offer bait: "free" here is a hook to get a click or a sign-up.'
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
        "giveaway",
        "give away",
        "giving away",
        "we're giving away",
        "chance to win",
        "to win a",
        "to win $",
        "win a free",
        "win a brand new",
        "#giveaway",
        "freebie",
        "freebies",
    ]
)

FLAG = [
    "Free shipping on all orders this week!",
    "Try it risk-free for 30 days",
    "Start your 14-day free trial, no credit card required",
    "Huge giveaway this weekend 🎁",
]
PASS = [
    "Free speech is messy, and I'd still choose it every time.",
    "I'm free this Saturday if anyone wants to go climbing.",
    "The museum is free on the first Sunday of every month.",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
