"""Opt-out line (SL117).

What it does:
    Finds the small print of a mass mailing: "reply STOP to opt out", "text STOP to 87239",
    "to unsubscribe", "opt out at any time", "to stop receiving these messages".

Why is this bad?
    An opt-out line is what a message sent to a list has to carry. On X it shows the post was
    written as a blast to everyone, not as something to say.

Example:
    Your exclusive offer is waiting. Reply STOP to opt out.

Use instead:
    Write the post you would want to read, with nothing to opt out of.
"""

from salesy.doc import Doc, Phrases

ID = "SL117"
NAME = "opt-out"
CATEGORY = "promotion"
NOUN = ("an opt-out line", "opt-out lines")
MESSAGE = "Opt-out line: unsubscribe small print marks a mass mailing, not a post."
SUGGESTION = "Leave the mailing-list machinery out; say the one thing worth saying."

MATCHER = Phrases(
    [
        "reply stop",
        "text stop",
        "txt stop",
        "send stop",
        "sms stop",
        "stop to opt out",
        "stop to end",
        "stop to cancel",
        "stop to unsubscribe",
        "stop to stop",
        "to opt out",
        "to opt-out",
        "opt out at any time",
        "opt-out at any time",
        "to unsubscribe",
        "unsubscribe here",
        "click here to unsubscribe",
        "to be removed from",
        "to stop receiving",
        "stop receiving these",
        "no longer wish to receive",
        "remove you from our list",
        "removed from our mailing list",
        "msg rates apply",
        "msg&data rates",
        "message and data rates",
        "std rates apply",
        "std txt rate",
        "per msg",
        "per message",
        "18+ only",
        "t&c",
        "t&cs",
        "t&c's",
        "ts&cs",
        "terms and conditions apply",
    ]
)

FLAG = [
    "Your exclusive offer is waiting. Reply STOP to opt out.",
    "Weekly deals! To unsubscribe click the link below",
    "Text WIN to 80086, 150p per msg, T&Cs apply",
]
PASS = [
    "I finally unsubscribed from all those newsletters",
    "Please stop texting me at 2am",
    "Bus stop moved to the other side of the road",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return MATCHER.spans(doc)
