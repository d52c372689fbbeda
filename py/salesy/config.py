"""Salesy's config: data only (switches, weights, thresholds, terms, examples), never code.

A config is JSON, versioned by `"salesy": 1`. `validate(doc)` returns the defaults with every
valid part of `doc` merged over them, and a list of errors that each name their path, so a
team config with one typo still works and says exactly what to fix. It also runs the config's
own `examples` (posts that must come out flagged / not flagged) and reports each that fails.

`extends` names configs this one builds on: a built-in preset (`salesy:strict`) or another
document the caller supplies in `bases` (the CLI reads files, the extension fetches them).
Bases apply first, in order, then the document itself: a setting the document names wins,
term and example lists add up (duplicates dropped), everything else is inherited.

Everything here runs on CPython and on PyScript's MicroPython: no typing, no re, no difflib,
and JSON is written by hand with sorted keys so both interpreters give the same text.
"""

import binascii

from salesy.rules import RULES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Section = Callable[[object, dict[str, object], list[str]], None]

VERSION = 1

# Balance targets: the share of promotional posts (percent) a user may aim for.
TARGETS = {"80/20": 20, "4-1-1": 17, "thirds": 33}

THRESHOLD_DOCS = {
    "promotion": "promotion score from which a post counts as promotional",
    "value": "value score a promotion needs around it not to be a pure ad",
    "value_share": "and that value as a percentage of the promotion score",
}

# Limits keep an imported config from making the engine slow (Harper does the same).
MAX_BYTES = 256 * 1024
MAX_TERMS = 2000  # terms.promotion and terms.allow together
MAX_TERM_LENGTH = 80
MAX_EXAMPLES = 200
MAX_EXAMPLE_LENGTH = 2000
MAX_NAME = 80
MAX_DESCRIPTION = 1000
MAX_EXTENDS = 8
MAX_DEPTH = 5

# Presets a config may extend anywhere, with no file or network at all.
PRESETS: dict[str, dict[str, object]] = {
    "salesy:recommended": {"salesy": 1},
    "salesy:strict": {
        "salesy": 1,
        "thresholds": {"promotion": 20, "value": 30, "value_share": 60},
        "balance": {"target": "4-1-1"},
    },
    "salesy:relaxed": {
        "salesy": 1,
        "thresholds": {"promotion": 45, "value": 15, "value_share": 30},
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
        "thresholds": {"promotion": 30, "value": 20, "value_share": 40},
        "terms": {"promotion": [], "allow": []},
        "balance": {"target": "80/20", "window": 20, "days": 0},
        "examples": {"flag": [], "pass": []},
    }


# ---------------------------------------------------------------- JSON, the same on both VMs


def dumps(value: object) -> str:
    """Minified JSON with sorted keys and raw non-ASCII: identical on CPython and MicroPython
    (whose json.dumps neither sorts keys nor escapes the same way)."""
    parts: list[str] = []
    _dump(value, parts)
    return "".join(parts)


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = ['"', "\\"] + [chr(code) for code in range(32)]
_HEX = "0123456789abcdef"


def _plain(text: str) -> bool:
    return all(char not in text for char in _SPECIAL)


def _dump(value: object, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(str(int(value)) if value == int(value) else repr(value))
    elif isinstance(value, str):
        out.append('"')
        if _plain(value):  # the usual case, without a Python-level loop (MicroPython is slow)
            out.append(value)
        else:
            for char in value:
                if char in _ESCAPES:
                    out.append(_ESCAPES[char])
                elif ord(char) < 32:
                    out.append("\\u00" + _HEX[ord(char) >> 4] + _HEX[ord(char) & 15])
                else:
                    out.append(char)
        out.append('"')
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _dump(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for index, key in enumerate(sorted(value, key=str)):
            if index:
                out.append(",")
            _dump(str(key), out)
            out.append(":")
            _dump(value[key], out)
        out.append("}")
    else:
        _dump(str(value), out)


def size(doc: object) -> int:
    """Bytes of the document as minified UTF-8 JSON (what the 256 KB limit counts)."""
    return len(dumps(doc).encode("utf-8"))


def parse(text: object) -> tuple[object, list[str]]:
    """JSON text -> (document, errors); refuses more than MAX_BYTES before parsing."""
    import json

    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except Exception:
            return None, ["(file): not UTF-8 text"]
    if not isinstance(text, str):
        return None, ["(file): expected JSON text"]
    length = len(text.encode("utf-8"))
    if length > MAX_BYTES:
        return None, ["(file): " + _kb(length) + " is too big; a config is at most 256 KB"]
    if not text.strip():
        return None, ['(file): empty; a config is a JSON object like {"salesy": 1}']
    try:
        return json.loads(text), []
    except Exception as error:
        where = ""
        line = getattr(error, "lineno", None)
        if line is not None:
            where = " at line " + str(line) + ", column " + str(getattr(error, "colno", 0))
        reason = getattr(error, "msg", None) or str(error)
        return None, ["(file): not valid JSON" + where + ": " + str(reason)]


def _kb(length: int) -> str:
    return str((length + 1023) // 1024) + " KB"


# ---------------------------------------------------------------- errors that help


def _got(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = dumps(value)
    return text if len(text) <= 40 else text[:37] + '..."'


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (MicroPython has no difflib)."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return previous[len(b)]


def suggest(word: object, known: list[str]) -> str | None:
    """The known key closest to `word`, if it is close enough to be a typo."""
    text = str(word)
    lowered = text.lower().replace("-", "_").replace(" ", "_")
    best = None
    best_distance = 99
    for candidate in known:
        if candidate.lower().replace("-", "_") == lowered:
            return candidate
        distance = _distance(lowered, candidate.lower())
        if distance < best_distance:
            best, best_distance = candidate, distance
    if best is not None and best_distance <= max(1, len(best) // 3):
        return best
    return None


def _unknown(section: dict[str, object], known: list[str], path: str, errors: list[str]) -> None:
    for key in sorted(section, key=str):
        if key not in known:
            prefix = path + "." if path else ""
            message = prefix + str(key) + ": unknown setting"
            guess = suggest(key, known)
            if guess is not None:
                message += '; did you mean "' + guess + '"?'
            else:
                message += " (known: " + ", ".join(k for k in known if k != "$schema") + ")"
            errors.append(message)


def _is_int(value: object) -> bool:
    # bool is an int subclass on CPython (not on MicroPython): reject it on both.
    return isinstance(value, int) and not isinstance(value, bool)


def _int_in(value: object, low: int, high: int) -> bool:
    return _is_int(value) and low <= value <= high  # type: ignore[operator]


def _strings(
    value: object, path: str, errors: list[str], limit: int, length: int
) -> list[str] | None:
    if not isinstance(value, list):
        errors.append(path + ": must be a list of strings, got " + _got(value))
        return None
    if len(value) > limit:
        errors.append(path + ": at most " + str(limit) + " entries, got " + str(len(value)))
        return None
    out: list[str] = []
    for index, item in enumerate(value):
        where = path + "[" + str(index) + "]"
        if not isinstance(item, str) or not item.strip():
            errors.append(where + ": must be a non-empty string, got " + _got(item))
        elif len(item) > length:
            errors.append(where + ": at most " + str(length) + " characters, got " + str(len(item)))
        else:
            out.append(item.strip())
    return out


def _union(first: list[str], second: list[str]) -> list[str]:
    """first then second, each entry once (compared case-insensitively, first spelling kept)."""
    seen: dict[str, bool] = {}
    out: list[str] = []
    for item in first + second:
        key = " ".join(item.lower().split())
        if key not in seen:
            seen[key] = True
            out.append(item)
    return out


# ---------------------------------------------------------------- sections


def _rules(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append("rules: must be an object of rule ids, got " + _got(value))
        return
    target = config["rules"]
    assert isinstance(target, dict)
    ids = [rule.ID for rule in RULES]
    for rule_id in sorted(value, key=str):
        path = "rules." + str(rule_id)
        if rule_id not in target:
            errors.append(path + ": unknown rule" + _rule_hint(str(rule_id), ids))
            continue
        setting = value[rule_id]
        if isinstance(setting, bool):  # "SL101": false is a handy shorthand
            setting = {"enabled": setting}
        if not isinstance(setting, dict):
            errors.append(
                path
                + ': must be an object like {"enabled": true, "weight": 30}, got '
                + _got(setting)
            )
            continue
        _unknown(setting, ["enabled", "weight"], path, errors)
        if "enabled" in setting:
            if isinstance(setting["enabled"], bool):
                target[rule_id]["enabled"] = setting["enabled"]
            else:
                errors.append(
                    path + ".enabled: must be true or false, got " + _got(setting["enabled"])
                )
        if "weight" in setting:
            if _int_in(setting["weight"], 0, 100):
                target[rule_id]["weight"] = setting["weight"]
            else:
                errors.append(
                    path + ".weight: must be an integer 0-100, got " + _got(setting["weight"])
                )


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
        errors.append("thresholds: must be an object, got " + _got(value))
        return
    target = config["thresholds"]
    assert isinstance(target, dict)
    _unknown(value, sorted(THRESHOLD_DOCS), "thresholds", errors)
    for key in sorted(THRESHOLD_DOCS):
        if key in value:
            if _int_in(value[key], 0, 100):
                target[key] = value[key]
            else:
                errors.append(
                    "thresholds." + key + ": must be an integer 0-100, got " + _got(value[key])
                )


def _terms(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(
            "terms: must be an object with lists 'promotion' and 'allow', got " + _got(value)
        )
        return
    target = config["terms"]
    assert isinstance(target, dict)
    _unknown(value, ["allow", "promotion"], "terms", errors)
    for key in ("promotion", "allow"):
        if key in value:
            terms = _strings(value[key], "terms." + key, errors, MAX_TERMS, MAX_TERM_LENGTH)
            if terms is not None:
                target[key] = _union(target[key], terms)
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
        errors.append("balance: must be an object, got " + _got(value))
        return
    target = config["balance"]
    assert isinstance(target, dict)
    _unknown(value, ["days", "target", "window"], "balance", errors)
    if "target" in value:
        goal = value["target"]
        if (isinstance(goal, str) and goal in TARGETS) or _int_in(goal, 0, 100):
            target["target"] = goal
        else:
            errors.append(
                "balance.target: must be one of "
                + ", ".join(sorted(TARGETS))
                + " or a percentage 0-100, got "
                + _got(goal)
            )
    if "window" in value:
        if _int_in(value["window"], 1, 10000):
            target["window"] = value["window"]
        else:
            errors.append(
                "balance.window: must be an integer 1-10000, got " + _got(value["window"])
            )
    if "days" in value:  # 0: the last `window` posts; D > 0: every post of the last D days
        if _int_in(value["days"], 0, 3650):
            target["days"] = value["days"]
        else:
            errors.append("balance.days: must be an integer 0-3650, got " + _got(value["days"]))


def _examples(value: object, config: dict[str, object], errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(
            "examples: must be an object with lists 'flag' and 'pass', got " + _got(value)
        )
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
                target[key] = _union(target[key], found)[:MAX_EXAMPLES]


def _text(key: str, limit: int) -> "Section":
    def section(value: object, config: dict[str, object], errors: list[str]) -> None:
        if not isinstance(value, str):
            errors.append(key + ": must be a string, got " + _got(value))
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


# ---------------------------------------------------------------- documents and extends


def _version(doc: dict[str, object], prefix: str, errors: list[str]) -> bool:
    """False when the document is too new to read at all."""
    if "salesy" not in doc:
        return True
    version = doc["salesy"]
    if _is_int(version) and version > VERSION:  # type: ignore[operator]
        errors.append(
            prefix + "salesy: this config is version " + str(version) + "; this Salesy reads"
            " version " + str(VERSION) + " and older: update Salesy to use it"
        )
        return False
    if version != VERSION or not _is_int(version):
        errors.append(prefix + "salesy: must be " + str(VERSION) + ", got " + _got(version))
    return True


def extends_refs(doc: object) -> list[str]:
    """The configs `doc` extends, as written (a string or a list of strings)."""
    if not isinstance(doc, dict) or "extends" not in doc:
        return []
    refs = doc["extends"]
    if isinstance(refs, str):
        return [refs]
    if isinstance(refs, list):
        return [ref for ref in refs if isinstance(ref, str)]
    return []


def _apply(
    doc: dict[str, object],
    config: dict[str, object],
    errors: list[str],
    bases: dict[str, object],
    chain: list[str],
    prefix: str,
) -> None:
    if not _version(doc, prefix, errors):
        return
    own: list[str] = []
    _unknown(doc, TOP_KEYS, "", own)
    if "extends" in doc:
        _extends(doc["extends"], config, own, bases, chain)
    for key in SECTIONS:
        if key in doc:
            SECTIONS[key](doc[key], config, own)
    errors.extend(prefix + error for error in own)


def _extends(
    refs: object,
    config: dict[str, object],
    errors: list[str],
    bases: dict[str, object],
    chain: list[str],
) -> None:
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) and r for r in refs):
        errors.append("extends: must be a config name or a list of them, got " + _got(refs))
        return
    if len(refs) > MAX_EXTENDS:
        errors.append("extends: at most " + str(MAX_EXTENDS) + " configs, got " + str(len(refs)))
        return
    for index, ref in enumerate(refs):
        path = "extends" + ("[" + str(index) + "]" if len(refs) > 1 else "")
        assert isinstance(ref, str)
        if ref in chain:
            errors.append(
                path + ': "' + ref + '" extends itself (' + " -> ".join(chain + [ref]) + ")"
            )
            continue
        if len(chain) >= MAX_DEPTH:
            errors.append(
                path + ": configs extend each other more than " + str(MAX_DEPTH) + " deep"
            )
            continue
        base: object = PRESETS.get(ref)
        if base is None:
            base = bases.get(ref)
        if base is None:
            if ref.startswith("salesy:"):
                guess = suggest(ref, sorted(PRESETS))
                hint = '; did you mean "' + guess + '"?' if guess else ""
                errors.append(path + ': no preset "' + ref + '"' + hint)
            else:
                errors.append(path + ': cannot find "' + ref + '"')
            continue
        if not isinstance(base, dict):
            errors.append(path + ': "' + ref + '" is not a JSON object')
            continue
        _apply(base, config, errors, bases, chain + [ref], 'extends "' + ref + '": ')


# The examples run through check(), which validates its config again: no examples there.
_running_examples = False


def validate(doc: object, bases: object = None) -> tuple[dict[str, object], list[str]]:
    """Merge `doc` over the defaults; return (config, errors), each error naming its path.

    `bases` maps the names in `extends` to their documents (presets need none). The
    config's own examples run against the result; each that fails is an error."""
    config = defaults()
    errors: list[str] = []
    if doc is None:
        return config, errors
    if not isinstance(doc, dict):
        return config, ["(root): a config must be a JSON object, got " + _got(doc)]
    length = size(doc)
    if length > MAX_BYTES:
        return config, ["(root): " + _kb(length) + " is too big; a config is at most 256 KB"]
    known = bases if isinstance(bases, dict) else {}
    _apply(doc, config, errors, known, [], "")
    too_new = [error for error in errors if error.endswith("update Salesy to use it")]
    if too_new:
        return defaults(), too_new
    if not _running_examples:
        for result in run_examples(config):
            if not result["ok"]:
                errors.append(str(result["error"]))
    return config, errors


def merge(doc: object, bases: object = None) -> dict[str, object]:
    """validate() without running the examples: the config to judge drafts with."""
    global _running_examples
    before = _running_examples
    _running_examples = True
    try:
        return validate(doc, bases)[0]
    finally:
        _running_examples = before


def run_examples(config: dict[str, object]) -> list[dict[str, object]]:
    """Checks each example under `config`: flag ones must not come out ok, pass ones must."""
    global _running_examples
    from salesy.engine import check  # engine imports this module

    examples = config.get("examples")
    if not isinstance(examples, dict):
        return []
    results: list[dict[str, object]] = []
    before = _running_examples
    _running_examples = True
    try:
        for kind in ("flag", "pass"):
            texts = examples.get(kind)
            for index, text in enumerate(texts if isinstance(texts, list) else []):
                verdict = check(str(text), config)
                flagged = verdict["verdict"] != "ok"
                ok = flagged if kind == "flag" else not flagged
                result: dict[str, object] = {
                    "kind": kind,
                    "index": index,
                    "text": text,
                    "verdict": verdict["verdict"],
                    "score": verdict["score"],
                    "summary": verdict["summary"],
                    "ok": ok,
                }
                if not ok:
                    result["error"] = _example_error(kind, index, str(text), verdict, config)
                results.append(result)
    finally:
        _running_examples = before
    return results


def _example_error(
    kind: str, index: int, text: str, verdict: dict[str, object], config: dict[str, object]
) -> str:
    quoted = dumps(text if len(text) <= 60 else text[:57] + "...")
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    head = "examples." + kind + "[" + str(index) + "]: " + quoted
    if kind == "flag":
        return (
            head
            + " must be flagged but came out ok (score "
            + str(verdict["score"])
            + ", below the promotion threshold "
            + str(thresholds["promotion"])
            + "): "
            + str(verdict["summary"])
        )
    rules = []
    findings = verdict["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        if finding["category"] != "value" and finding["rule"] not in rules:
            rules.append(finding["rule"])
    return (
        head
        + " must pass but came out "
        + str(verdict["verdict"])
        + " (score "
        + str(verdict["score"])
        + "; rules "
        + ", ".join(rules)
        + "): "
        + str(verdict["summary"])
    )


def inspect(doc: object, bases: object = None) -> dict[str, object]:
    """Everything an import preview shows: the config, every error, each example's result."""
    config, errors = validate(doc, bases)
    if isinstance(doc, dict) and "salesy" not in doc:
        # A file that travels says which format it is in, so a future Salesy can read it.
        errors.insert(0, 'salesy: missing; a config starts with "salesy": ' + str(VERSION))
    too_new = any(error.endswith("update Salesy to use it") for error in errors)
    examples = [] if too_new else run_examples(config)
    return {"config": config, "errors": errors, "examples": examples, "ok": not errors}


def target_percent(config: dict[str, object]) -> int:
    """The balance target as a percentage of promotional posts."""
    balance = config["balance"]
    assert isinstance(balance, dict)
    goal = balance["target"]
    if isinstance(goal, str):
        return TARGETS[goal]
    assert isinstance(goal, int)
    return goal


# ---------------------------------------------------------------- compact form and diff


def minimal(config: dict[str, object]) -> dict[str, object]:
    """Only what differs from the defaults (plus the version): the smallest equivalent doc."""
    base = defaults()
    out: dict[str, object] = {"salesy": VERSION}
    for key in ("name", "description"):
        if config.get(key):
            out[key] = config[key]
    for section in ("rules", "thresholds", "terms", "balance", "examples"):
        mine = config.get(section)
        theirs = base[section]
        assert isinstance(theirs, dict)
        if not isinstance(mine, dict):
            continue
        changed: dict[str, object] = {}
        for key in sorted(mine):
            if section == "rules":
                setting = mine[key]
                default = theirs.get(key, {})
                delta = {f: setting[f] for f in sorted(setting) if setting[f] != default.get(f)}
                if delta:
                    changed[key] = delta
            elif mine[key] != theirs.get(key):
                changed[key] = mine[key]
        if changed:
            out[section] = changed
    return out


def diff(old: dict[str, object], new: dict[str, object]) -> list[dict[str, object]]:
    """What changes from config `old` to `new`: scalars by path, lists as added/removed."""
    changes: list[dict[str, object]] = []
    _diff(old, new, "", changes)
    return changes


def _diff(old: object, new: object, path: str, out: list[dict[str, object]]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(list(old) + list(new)), key=str):
            sub = path + "." + str(key) if path else str(key)
            _diff(old.get(key), new.get(key), sub, out)
    elif isinstance(old, list) and isinstance(new, list):
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        if added or removed:
            out.append({"path": path, "added": added, "removed": removed})
    elif old != new or type(old) is not type(new):
        out.append({"path": path, "before": old, "after": new})


SHARE_PREFIX = "SALESY1"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _b32encode(data: bytes) -> str:
    out = []
    buffer = 0
    bits = 0
    for byte in data:
        buffer = (buffer << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(_B32[(buffer >> bits) & 31])
        buffer &= (1 << bits) - 1
    if bits:
        out.append(_B32[(buffer << (5 - bits)) & 31])
    return "".join(out)


def _b32decode(text: str) -> bytes | None:
    out = bytearray()
    buffer = 0
    bits = 0
    for char in text:
        value = _B32.find(char)
        if value < 0:
            return None
        buffer = (buffer << 5) | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 255)
            buffer &= (1 << bits) - 1
    return bytes(out)


def _checksum(text: str) -> str:
    crc = binascii.crc32(text.encode("utf-8")) & 0xFFFFFFFF
    digits = "0123456789ABCDEF"
    return "".join(digits[(crc >> shift) & 15] for shift in (28, 24, 20, 16, 12, 8, 4, 0))


def encode_share(config: dict[str, object]) -> str:
    """A share code: SALESY1-<base32 of the minimal JSON>-<CRC-32>. Letters, digits and
    hyphens only, so chat apps and e-mail neither format nor break it (whitespace a mail
    client inserts is ignored on the way back; case does not matter)."""
    payload = _b32encode(dumps(minimal(config)).encode("utf-8"))
    return SHARE_PREFIX + "-" + payload + "-" + _checksum(payload)


def decode_share(code: object) -> tuple[object, list[str]]:
    """A share code (or a share link holding one) -> (document, errors)."""
    if not isinstance(code, str) or not code.strip():
        return None, ["share code: empty; paste a code that starts with " + SHARE_PREFIX]
    text = "".join(code.split()).upper()
    start = text.find(SHARE_PREFIX + "-")
    if start < 0:
        return None, ["share code: not a Salesy share code (it starts with " + SHARE_PREFIX + "-)"]
    parts = text[start + len(SHARE_PREFIX) + 1 :].split("-")
    if len(parts) != 2 or not parts[0]:
        return None, ["share code: incomplete; copy the whole code, up to its last part"]
    payload, check = parts[0], parts[1][:8]
    if _checksum(payload) != check:
        return None, ["share code: damaged (its checksum does not match); copy it again in full"]
    data = _b32decode(payload)
    if data is None:
        return None, ["share code: damaged (letters outside the code's alphabet)"]
    try:
        return parse(data.decode("utf-8"))
    except Exception:
        return None, ["share code: damaged (not UTF-8 text)"]


# ---------------------------------------------------------------- JSON Schema


def schema() -> dict[str, object]:
    """A JSON Schema (draft 2020-12) of the document, so editors can check it as you type."""
    weight = {"type": "integer", "minimum": 0, "maximum": 100}
    rules: dict[str, object] = {}
    for rule in RULES:
        rules[rule.ID] = {
            "description": rule.NAME + " (" + rule.CATEGORY + "): " + rule.MESSAGE,
            "oneOf": [
                {"type": "boolean"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "enabled": {"type": "boolean"},
                        "weight": dict(weight, default=rule.WEIGHT),
                    },
                },
            ],
        }

    def strings(limit: int, length: int, doc: str) -> dict[str, object]:
        return {
            "description": doc,
            "type": "array",
            "maxItems": limit,
            "items": {"type": "string", "minLength": 1, "maxLength": length},
        }

    thresholds: dict[str, object] = {}
    for key in sorted(THRESHOLD_DOCS):
        thresholds[key] = dict(weight, description=THRESHOLD_DOCS[key])
    name_list = {"type": "string", "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "salesy-config-v" + str(VERSION) + ".schema.json",
        "title": "Salesy config",
        "description": "Rules, weights, thresholds, team terms, balance target and examples"
        " for Salesy. At most 256 KB and " + str(MAX_TERMS) + " terms in all.",
        "type": "object",
        "additionalProperties": False,
        "required": ["salesy"],
        "properties": {
            "$schema": {"type": "string"},
            "salesy": {"const": VERSION, "description": "config format version"},
            "name": {"type": "string", "maxLength": MAX_NAME},
            "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
            "extends": {
                "description": "configs this one builds on: a preset ("
                + ", ".join(sorted(PRESETS))
                + ") or a file path relative to this file; lists add up, the rest is overridden",
                "oneOf": [
                    name_list,
                    {"type": "array", "items": name_list, "maxItems": MAX_EXTENDS},
                ],
            },
            "rules": {
                "type": "object",
                "additionalProperties": False,
                "properties": rules,
            },
            "thresholds": {
                "type": "object",
                "additionalProperties": False,
                "properties": thresholds,
            },
            "terms": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "promotion": strings(
                        MAX_TERMS, MAX_TERM_LENGTH, "product and brand names counted as promotion"
                    ),
                    "allow": strings(MAX_TERMS, MAX_TERM_LENGTH, "phrases never flagged"),
                },
            },
            "balance": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "target": {
                        "description": "at most this share of recent posts may promote",
                        "oneOf": [
                            {"enum": sorted(TARGETS)},
                            {"type": "integer", "minimum": 0, "maximum": 100},
                        ],
                    },
                    "window": {"type": "integer", "minimum": 1, "maximum": 10000},
                    "days": {
                        "description": "count every post of the last D days (0: the last"
                        " `window` posts)",
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 3650,
                    },
                },
            },
            "examples": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "flag": strings(
                        MAX_EXAMPLES, MAX_EXAMPLE_LENGTH, "posts that must come out flagged"
                    ),
                    "pass": strings(
                        MAX_EXAMPLES, MAX_EXAMPLE_LENGTH, "posts that must come out ok"
                    ),
                },
            },
        },
    }
