"""Vague disclosure (SL302).

What it does:
    Finds vague disclosure tags (`#sp`, `#spon`, `#collab`, `#partner`, `#ambassador`)
    used instead of a clear `#ad`.

Why is this bad?
    Regulators (the UK's ASA, the FTC) say readers don't understand `#sp` or `#spon`; they
    are not a disclosure. Brands and creators are both liable.

Example:
    This is the only moisturizer I use 🧴 #skincare #sp

Use instead:
    #ad This is the moisturizer I've used for a year.
"""

from salesy.doc import Doc, Phrases
from salesy.rules.sl301_undisclosed_tie import disclosed

ID = "SL302"
NAME = "vague-disclosure"
CATEGORY = "disclosure"
NOUN = ("a vague disclosure tag", "vague disclosure tags")
MESSAGE = "Vague disclosure: #sp, #spon or #collab don't tell readers it's an ad."
SUGGESTION = 'Use #ad (or "Paid partnership") instead, at the start of the post.'

MATCHER = Phrases(
    [
        "#sp",
        "#spon",
        "#spons",
        "#sponsor",
        "#collab",
        "#collaboration",
        "#partner",
        "#partnership",
        "#ambassador",
        "#brandpartner",
    ]
)

FLAG = [
    "This is the only moisturizer I use 🧴 #skincare #sp",
    "Code FIT20 saves you 20% #spon",
    "These headphones are unreal #collab",
]
PASS = [
    "#ad These headphones are great. #collab",
    "Our team is looking for a design partner for the spring show",
    "#spoonie life: a slow day, and that's fine",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    if disclosed(doc):
        return []
    return MATCHER.spans(doc)
