"""Urgency and scarcity (SL105).

What it does:
    Finds pressure to act fast: "today only", "limited time", "last chance", "ends soon",
    "while supplies last", "only 3 left", "before they're gone", "hurry", "don't miss out".

Why is this bad?
    Manufactured urgency is the oldest sales trick. It pushes readers to decide before they
    think, which is the opposite of the trust a good account builds.

Example:
    Hurry! Only 3 left in stock. Sale ends at midnight.

Use instead:
    We make these in small batches of 40; the next batch is in March.
"""

from salesy.doc import Doc, Phrases

ID = "SL105"
NAME = "urgency"
CATEGORY = "promotion"
NOUN = ("an urgency push", "urgency pushes")
MESSAGE = "Urgency: pressure to act fast is a sales tactic."
SUGGESTION = "Give the facts (dates, quantities) calmly, or leave the pressure out."

DAYS = ("today", "tonight", "tomorrow", "midnight", "sunday", "monday", "tuesday")
DAYS2 = ("wednesday", "thursday", "friday", "saturday", "soon", "this week", "this weekend")

PHRASES = [
    "today only",
    "only today",
    "tonight only",
    "this weekend only",
    "this week only",
    "one day only",
    "{number} hours only",
    "{number} days only",
    "{number} hours left",
    "{number} days left",
    "{count} hours left",
    "{count} spots left",
    "{number} left in stock",
    "only {number} left",
    "only {word} left",
    "limited time",
    "limited-time",
    "for a limited time",
    "limited time only",
    "limited stock",
    "limited quantities",
    "limited quantity",
    "limited spots",
    "limited seats",
    "limited edition",
    "spots are limited",
    "seats are limited",
    "spots are filling up",
    "selling fast",
    "going fast",
    "almost gone",
    "almost sold out",
    "nearly sold out",
    "before it's gone",
    "before they're gone",
    "before it's too late",
    "before they sell out",
    "before it sells out",
    "before prices go up",
    "last chance",
    "final chance",
    "last call",
    "final hours",
    "final days",
    "last day to order",
    "last day to save",
    "last day to buy",
    "last day to get",
    "last day of the sale",
    "last day for",
    "ends soon",
    "ending soon",
    "offer ends",
    "deal ends",
    "doors close",
    "cart closes",
    "enrollment closes",
    "price goes up",
    "prices go up",
    "while supplies last",
    "while stocks last",
    "while stock lasts",
    "while they last",
    "don't miss out",
    "don't miss it",
    "don't miss this",
    "don't wait",
    "act now",
    "act fast",
    "hurry",
    "hurry up",
    "now or never",
]
for _day in DAYS + DAYS2:
    PHRASES.append("ends " + _day)
    PHRASES.append("ends at " + _day)
    PHRASES.append("until " + _day + " only")

MATCHER = Phrases(PHRASES)

FLAG = [
    "Hurry! Only 3 left in stock.",
    "Today only: everything half price",
    "Offer ends Sunday, don't miss out!",
    "Limited time: while supplies last",
]
PASS = [
    "I'll see you tomorrow at the park",
    "Don't miss the sunset tonight if you're near the water.",
    "The last day of school always makes me cry",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
