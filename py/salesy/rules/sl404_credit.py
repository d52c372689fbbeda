"""Thanks and credit (SL404), a value signal.

What it does:
    Finds thanks and credit to others: "thank you", "thanks to", "shoutout to", "credit to",
    "h/t", "via @…", "congrats", "kudos".

Why is this bad?
    It is not: crediting others and thanking people is paying it forward, the opposite of
    a billboard.

Example:
    Huge thanks to @nils and @priya for reviewing my talk.

Use instead:
    Keep it.
"""

from salesy.doc import Doc, Phrases

ID = "SL404"
NAME = "credit"
CATEGORY = "value"
NOUN = ("thanks or credit", "thanks and credit")
MESSAGE = "Credit: you thank or credit someone else."
SUGGESTION = "Keep it: credit is paying it forward."

MATCHER = Phrases(
    [
        "thank you",
        "thank u",
        "thanks",
        "thanks to",
        "thanks for",
        "thankful for",
        "thankful to",
        "grateful for",
        "grateful to",
        "shoutout to",
        "shout out to",
        "shout-out to",
        "credit to",
        "credit where it's due",
        "kudos to",
        "props to",
        "h/t",
        "hat tip",
        "via {mention}",
        "by {mention}",
        "photo by",
        "congrats",
        "congratulations",
        "you're a legend",
        "couldn't have done it without",
    ]
)

FLAG = [
    "Huge thanks to @nils and @priya for reviewing my talk.",
    "Shoutout to the bus driver who waited for me this morning.",
    "Credit where it's due: the photo is by @lens_and_light, not me.",
]
PASS = [
    "Use my code and thank me later",
    "No thanks needed, it's just a sandwich... okay it's a great sandwich",
    "The printer jammed again",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    spans = []
    for first, last in MATCHER.find(doc):
        # "No thanks" declines; it credits nobody.
        if first > 0 and not doc.brk[first] and doc.tokens[doc.stream[first - 1]].low == "no":
            continue
        spans.append(doc.span(doc.stream[first], doc.stream[last]))
    return spans
