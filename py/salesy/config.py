"""Salesy's config: data only (switches, weights, thresholds, terms, examples), never code.

A config is JSON, versioned by `"salesy": 1`. `validate(doc)` returns the defaults with every
valid part of `doc` merged over them, and a list of errors that each name their path, so a
team config with one typo still works and says exactly what to fix.
"""

from salesy.rules import RULES

VERSION = 1

# Balance targets: the share of promotional posts (percent) a user may aim for.
TARGETS = {"80/20": 20, "4-1-1": 17, "thirds": 33}

THRESHOLD_DOCS = {
    "promotion": "promotion score from which a post counts as promotional",
    "value": "value score a promotion needs around it not to be a pure ad",
    "value_share": "and that value as a percentage of the promotion score",
}

# Limits keep an imported config from making the engine slow (Harper does the same).
MAX_TERMS = 2000
MAX_TERM_LENGTH = 100
MAX_EXAMPLES = 200
MAX_EXAMPLE_LENGTH = 2000


def defaults() -> dict[str, object]:
    """A fresh copy of the default config."""
    rules: dict[str, object] = {}
    for rule in RULES:
        rules[rule.ID] = {"enabled": True, "weight": rule.WEIGHT}
    return {
        "salesy": VERSION,
        "rules": rules,
        "thresholds": {"promotion": 30, "value": 20, "value_share": 40},
        "terms": {"promotion": [], "allow": []},
        "balance": {"target": "80/20", "window": 50},
        "examples": {"flag": [], "pass": []},
    }


def _is_int(value: object) -> bool:
    # bool is an int subclass on CPython (not on MicroPython): reject it on both.
    return isinstance(value, int) and not isinstance(value, bool)


def _int_in(value: object, low: int, high: int) -> bool:
    return _is_int(value) and low <= value <= high  # type: ignore[operator]


def _strings(
    value: object, path: str, errors: list[str], limit: int, length: int
) -> list[str] | None:
    if not isinstance(value, list):
        errors.append(path + ": must be a list of strings")
        return None
    if len(value) > limit:
        errors.append(path + ": at most " + str(limit) + " entries")
        return None
    out: list[str] = []
    for index, item in enumerate(value):
        where = path + "[" + str(index) + "]"
        if not isinstance(item, str) or not item.strip():
            errors.append(where + ": must be a non-empty string")
        elif len(item) > length:
            errors.append(where + ": at most " + str(length) + " characters")
        else:
            out.append(item)
    return out


def _unknown(section: dict[str, object], known: list[str], path: str, errors: list[str]) -> None:
    for key in sorted(section):
        if key not in known:
            prefix = path + "." if path else ""
            errors.append(prefix + str(key) + ": unknown setting")


def _rules(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("rules: must be an object of rule ids")
        return
    target = config["rules"]
    assert isinstance(target, dict)
    for rule_id in sorted(value):
        path = "rules." + str(rule_id)
        if rule_id not in target:
            errors.append(path + ": unknown rule")
            continue
        setting = value[rule_id]
        if isinstance(setting, bool):  # "SL101": false is a handy shorthand
            setting = {"enabled": setting}
        if not isinstance(setting, dict):
            errors.append(path + ': must be an object like {"enabled": true, "weight": 30}')
            continue
        _unknown(setting, ["enabled", "weight"], path, errors)
        if "enabled" in setting:
            if isinstance(setting["enabled"], bool):
                target[rule_id]["enabled"] = setting["enabled"]
            else:
                errors.append(path + ".enabled: must be true or false")
        if "weight" in setting:
            if _int_in(setting["weight"], 0, 100):
                target[rule_id]["weight"] = setting["weight"]
            else:
                errors.append(path + ".weight: must be an integer 0-100")


def _thresholds(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("thresholds: must be an object")
        return
    target = config["thresholds"]
    assert isinstance(target, dict)
    _unknown(value, list(THRESHOLD_DOCS), "thresholds", errors)
    for key in sorted(THRESHOLD_DOCS):
        if key in value:
            if _int_in(value[key], 0, 100):
                target[key] = value[key]
            else:
                errors.append("thresholds." + key + ": must be an integer 0-100")


def _terms(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("terms: must be an object with lists 'promotion' and 'allow'")
        return
    target = config["terms"]
    assert isinstance(target, dict)
    _unknown(value, ["promotion", "allow"], "terms", errors)
    for key in ("promotion", "allow"):
        if key in value:
            terms = _strings(value[key], "terms." + key, errors, MAX_TERMS, MAX_TERM_LENGTH)
            if terms is not None:
                target[key] = terms


def _balance(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("balance: must be an object")
        return
    target = config["balance"]
    assert isinstance(target, dict)
    _unknown(value, ["target", "window"], "balance", errors)
    if "target" in value:
        goal = value["target"]
        if (isinstance(goal, str) and goal in TARGETS) or _int_in(goal, 0, 100):
            target["target"] = goal
        else:
            errors.append(
                "balance.target: must be one of "
                + ", ".join(sorted(TARGETS))
                + " or a percentage 0-100"
            )
    if "window" in value:
        if _int_in(value["window"], 1, 10000):
            target["window"] = value["window"]
        else:
            errors.append("balance.window: must be an integer 1-10000")


def _examples(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("examples: must be an object with lists 'flag' and 'pass'")
        return
    target = config["examples"]
    assert isinstance(target, dict)
    _unknown(value, ["flag", "pass"], "examples", errors)
    for key in ("flag", "pass"):
        if key in value:
            found = _strings(
                value[key], "examples." + key, errors, MAX_EXAMPLES, MAX_EXAMPLE_LENGTH
            )
            if found is not None:
                target[key] = found


SECTIONS = {
    "rules": _rules,
    "thresholds": _thresholds,
    "terms": _terms,
    "balance": _balance,
    "examples": _examples,
}


def validate(doc: object) -> tuple[dict[str, object], list[str]]:
    """Merge `doc` over the defaults; return (config, errors), each error naming its path."""
    config = defaults()
    errors: list[str] = []
    if doc is None:
        return config, errors
    if not isinstance(doc, dict):
        return config, ["(root): a config must be a JSON object"]
    if "salesy" in doc and doc["salesy"] != VERSION:
        errors.append("salesy: unsupported config version (this Salesy reads version 1)")
    _unknown(doc, ["salesy"] + sorted(SECTIONS), "", errors)
    for key in sorted(SECTIONS):
        if key in doc:
            SECTIONS[key](doc[key], config, errors)
    return config, errors


def target_percent(config: dict[str, object]) -> int:
    """The balance target as a percentage of promotional posts."""
    balance = config["balance"]
    assert isinstance(balance, dict)
    goal = balance["target"]
    if isinstance(goal, str):
        return TARGETS[goal]
    assert isinstance(goal, int)
    return goal
