"""The default config, the presets, the balance targets and the limits every document obeys."""

from salesy.model import fitted
from salesy.rules import RULES

VERSION = 1

# Balance targets: the share of promotional posts (percent) a user may aim for. Besides these,
# any "N/M" with N + M = 100 ("90/10": at most 10 % promote), read by ratio_target().
TARGETS = {"80/20": 20, "4-1-1": 17, "thirds": 33}

THRESHOLD_DOCS = {
    "promotion": "score from which a post counts as promotional (few everyday posts reach it)",
    "pure_ad": "score from which a promotional post can be a pure ad",
    "value": "value score a promotion needs around it not to be a pure ad",
    "value_share": "and that value as a percentage of the promotion score",
}


def _shifted(by: int) -> dict[str, int]:
    """The fitted thresholds made stricter (by < 0) or more relaxed (by > 0)."""
    base = fitted.THRESHOLDS
    promotion = max(1, min(100, base["promotion"] + by))
    return {
        "promotion": promotion,
        "pure_ad": max(promotion, min(100, base["pure_ad"] + by)),
        "value": max(0, min(100, base["value"] - by)),
        "value_share": base["value_share"],
    }


# Limits keep an imported config from making the engine slow (Harper does the same).
MAX_BYTES = 256 * 1024
MAX_TERMS = 2000  # terms.promotion and terms.allow together
MAX_TERM_LENGTH = 80
MAX_EXAMPLES = 200
MAX_EXAMPLE_LENGTH = 2000
# Examples are checked on every edit and import: their total length bounds what validating a
# config costs (pathological text at this length: about half a second on MicroPython in the
# browser, see bench/pathological.py).
MAX_EXAMPLES_CHARS = 10_000
MAX_NAME = 80
MAX_DESCRIPTION = 1000
MAX_EXTENDS = 8
MAX_DEPTH = 5

# Presets a config may extend anywhere, with no file or network at all.
PRESETS: dict[str, dict[str, object]] = {
    "salesy:recommended": {"salesy": 1},
    "salesy:strict": {
        "salesy": 1,
        "thresholds": _shifted(-10),
        "balance": {"target": "4-1-1"},
    },
    "salesy:relaxed": {
        "salesy": 1,
        "thresholds": _shifted(15),
        "balance": {"target": "thirds"},
    },
}

TOP_KEYS = [
    "$schema",
    "salesy",
    "name",
    "description",
    "extends",
    "rules",
    "thresholds",
    "terms",
    "balance",
    "examples",
]


def defaults() -> dict[str, object]:
    """A fresh copy of the default config."""
    rules: dict[str, object] = {}
    for rule in RULES:
        rules[rule.ID] = {"enabled": True, "weight": rule.WEIGHT}
    return {
        "salesy": VERSION,
        "name": "",
        "description": "",
        "rules": rules,
        "thresholds": dict(fitted.THRESHOLDS),
        "terms": {"promotion": [], "allow": []},
        "balance": {"target": "80/20", "window": 20, "days": 0},
        "examples": {"flag": [], "pass": []},
    }


def ratio_target(goal: object) -> int | None:
    """`"90/10"` -> 10, the promoting share of an N/M target whose parts add up to 100;
    None for anything else."""
    if not isinstance(goal, str):
        return None
    parts = goal.split("/")
    if len(parts) != 2 or not all(0 < len(part) <= 3 and part.isdigit() for part in parts):
        return None
    if int(parts[0]) + int(parts[1]) != 100:
        return None
    return int(parts[1])


def target_percent(config: dict[str, object]) -> int:
    """The balance target as a percentage of promotional posts."""
    balance = config["balance"]
    assert isinstance(balance, dict)
    goal = balance["target"]
    if isinstance(goal, str):
        if goal in TARGETS:
            return TARGETS[goal]
        share = ratio_target(goal)
        assert share is not None
        return share
    assert isinstance(goal, int)
    return goal
