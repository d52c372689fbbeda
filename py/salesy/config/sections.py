"""One validator per section of a document: each merges what is valid into the config and
appends an error, naming its path, for what is not."""

from salesy.config.defaults import (
    MAX_DESCRIPTION,
    MAX_EXAMPLE_LENGTH,
    MAX_EXAMPLES,
    MAX_EXAMPLES_CHARS,
    MAX_NAME,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    TARGETS,
    THRESHOLD_DOCS,
    ratio_target,
)
from salesy.config.hints import (
    MAX_UNKNOWN_REPORTED,
    describe,
    int_in,
    more_unknown,
    report_unknown,
    shown_key,
    string_list,
    suggest,
    union,
)
from salesy.rules import RULES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Section = Callable[[object, dict[str, object], list[str]], None]


def _rules(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("rules: must be an object of rule ids, got " + describe(value))
        return
    target = config["rules"]
    assert isinstance(target, dict)
    ids = [rule.ID for rule in RULES]
    unknown = 0
    for rule_id in sorted(value, key=str):
        path = "rules." + shown_key(rule_id)
        if rule_id not in target:
            unknown += 1
            if unknown <= MAX_UNKNOWN_REPORTED:
                errors.append(path + ": unknown rule" + _rule_hint(str(rule_id), ids))
            continue
        setting = value[rule_id]
        if isinstance(setting, bool):  # "SL101": false is a handy shorthand
            setting = {"enabled": setting}
        if not isinstance(setting, dict):
            errors.append(
                path
                + ': must be an object like {"enabled": true, "weight": 30}, got '
                + describe(setting)
            )
            continue
        report_unknown(setting, ["enabled", "weight"], path, errors)
        if "enabled" in setting:
            if isinstance(setting["enabled"], bool):
                target[rule_id]["enabled"] = setting["enabled"]
            else:
                errors.append(
                    path + ".enabled: must be true or false, got " + describe(setting["enabled"])
                )
        if "weight" in setting:
            if int_in(setting["weight"], 0, 100):
                target[rule_id]["weight"] = setting["weight"]
            else:
                errors.append(
                    path + ".weight: must be an integer 0-100, got " + describe(setting["weight"])
                )
    more_unknown(unknown, "rules", "rules", errors)


def _rule_hint(key: str, ids: list[str]) -> str:
    for rule in RULES:
        if key.lower() == rule.NAME:
            return '; did you mean "' + rule.ID + '" (' + rule.NAME + ")?"
    guess = suggest(key, ids)
    if guess is not None:
        return '; did you mean "' + guess + '"?'
    return " (rules are SL101-SL114, SL201-SL203, SL301-SL303, SL401-SL405)"


def _thresholds(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("thresholds: must be an object, got " + describe(value))
        return
    target = config["thresholds"]
    assert isinstance(target, dict)
    report_unknown(value, sorted(THRESHOLD_DOCS), "thresholds", errors)
    for key in sorted(THRESHOLD_DOCS):
        if key in value:
            if int_in(value[key], 0, 100):
                target[key] = value[key]
            else:
                errors.append(
                    "thresholds." + key + ": must be an integer 0-100, got " + describe(value[key])
                )


def _terms(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(
            "terms: must be an object with lists 'promotion' and 'allow', got " + describe(value)
        )
        return
    target = config["terms"]
    assert isinstance(target, dict)
    report_unknown(value, ["allow", "promotion"], "terms", errors)
    for key in ("promotion", "allow"):
        if key in value:
            terms = string_list(value[key], "terms." + key, errors, MAX_TERMS, MAX_TERM_LENGTH)
            if terms is not None:
                target[key] = union(target[key], terms)
    total = len(target["promotion"]) + len(target["allow"])
    if total > MAX_TERMS:
        errors.append(
            "terms: at most "
            + str(MAX_TERMS)
            + " terms in all (promotion and allow), got "
            + str(total)
            + "; only the first "
            + str(MAX_TERMS)
            + " are used"
        )
        target["promotion"] = target["promotion"][:MAX_TERMS]
        target["allow"] = target["allow"][: MAX_TERMS - len(target["promotion"])]


def _balance(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("balance: must be an object, got " + describe(value))
        return
    target = config["balance"]
    assert isinstance(target, dict)
    report_unknown(value, ["days", "target", "window"], "balance", errors)
    if "target" in value:
        goal = value["target"]
        named = isinstance(goal, str) and goal in TARGETS
        if named or ratio_target(goal) is not None or int_in(goal, 0, 100):
            target["target"] = goal
        else:
            errors.append(
                "balance.target: must be one of "
                + ", ".join(sorted(TARGETS))
                + ", a ratio N/M that adds up to 100 (90/10) or a percentage 0-100, got "
                + describe(goal)
            )
    if "window" in value:
        if int_in(value["window"], 1, 10000):
            target["window"] = value["window"]
        else:
            errors.append(
                "balance.window: must be an integer 1-10000, got " + describe(value["window"])
            )
    if "days" in value:  # 0: the last `window` posts; D > 0: every post of the last D days
        if int_in(value["days"], 0, 3650):
            target["days"] = value["days"]
        else:
            errors.append("balance.days: must be an integer 0-3650, got " + describe(value["days"]))


def _examples(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(
            "examples: must be an object with lists 'flag' and 'pass', got " + describe(value)
        )
        return
    target = config["examples"]
    assert isinstance(target, dict)
    report_unknown(value, ["flag", "pass"], "examples", errors)
    for key in ("flag", "pass"):
        if key in value:
            found = string_list(
                value[key], "examples." + key, errors, MAX_EXAMPLES, MAX_EXAMPLE_LENGTH
            )
            if found is not None:
                target[key] = union(target[key], found)[:MAX_EXAMPLES]
    _examples_within(target, errors)


def _examples_within(target: dict[str, object], errors: list[str]) -> None:
    """Every example is checked on each edit and import, so their total length is what one
    validation costs the engine: past the cap, the examples that fit are kept."""
    flag, passing = target["flag"], target["pass"]
    assert isinstance(flag, list) and isinstance(passing, list)
    total = sum(len(text) for text in flag) + sum(len(text) for text in passing)
    if total <= MAX_EXAMPLES_CHARS:
        return
    errors.append(
        "examples: at most "
        + str(MAX_EXAMPLES_CHARS)
        + " characters in all (flag and pass), got "
        + str(total)
        + "; shorten or drop some (only the first that fit are checked)"
    )
    room = MAX_EXAMPLES_CHARS
    for key in ("flag", "pass"):
        kept = []
        texts = target[key]
        assert isinstance(texts, list)
        for text in texts:
            if len(text) <= room:
                kept.append(text)
                room -= len(text)
        target[key] = kept


def _text(key: str, limit: int) -> "Section":
    def section(value: object, config: dict[str, object], errors: list[str]) -> None:
        if not isinstance(value, str):
            errors.append(key + ": must be a string, got " + describe(value))
        elif len(value) > limit:
            errors.append(key + ": at most " + str(limit) + " characters, got " + str(len(value)))
        else:
            config[key] = value.strip()

    return section


SECTIONS = {
    "name": _text("name", MAX_NAME),
    "description": _text("description", MAX_DESCRIPTION),
    "rules": _rules,
    "thresholds": _thresholds,
    "terms": _terms,
    "balance": _balance,
    "examples": _examples,
}
