"""Team terms (SL112).

What it does:
    Finds the product and brand names a team lists in its config under
    `terms.promotion` ("Acme Cloud", "SuperWidget Pro"), matched as words, case-insensitive.

Why is this bad?
    Naming your own product is promotion, even in a friendly sentence. Counting it lets a
    team see how often its account is selling, and keep that in balance.

Example:
    (config: "terms": {"promotion": ["Acme Cloud"]})  Acme Cloud makes deploys painless.

Use instead:
    We cut our deploy time from 20 minutes to 2; here is the one change that did it.
"""

from salesy.doc import Doc, compiled

ID = "SL112"
NAME = "team-term"
CATEGORY = "promotion"
# Only a team's config says what its terms are, so no corpus can fit this weight: a product
# name alone stays light promotion (below the threshold), and adds up with anything else.
FIXED_WEIGHT = 15
NOUN = ("a product name", "product names")
MESSAGE = "Team term: your own product or brand name counts as promotion."
SUGGESTION = "Fine now and then; make sure the post gives readers something besides the name."

# Examples run with this config (see tests/unit/test_rule_examples.py).
CONFIG = {"terms": {"promotion": ["Acme Cloud", "SuperWidget"]}}

FLAG = [
    "Acme Cloud makes deploys painless.",
    "Meet the new SuperWidget, now in blue",
    "acme   cloud, for teams that ship",
]
PASS = [
    "We cut our deploy time from 20 minutes to 2.",
    "The cloud over Acme Street looked like a whale",
]


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    terms = config.get("terms")
    if not isinstance(terms, dict):
        return []
    promotion = terms.get("promotion")
    if not isinstance(promotion, list) or not promotion:
        return []
    return compiled(promotion).spans(doc)
