"""check(): tokenize, run every enabled rule, keep one finding per span, score, judge."""

import sys

from salesy import config as cfg
from salesy.doc import Doc, compiled
from salesy.order import sort_by
from salesy.rules import RULES, Rule

PROMOTION_SIDE = ("promotion", "engagement", "disclosure")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    Finding = dict[str, object]  # MicroPython cannot subscript types at run time

# The last config seen and its merged form: the extension sends the same config with every
# keystroke, and validating it (examples included) on each one would cost more than a check.
_NOTHING = object()
_last_in: object = _NOTHING
_last_out: dict[str, object] | None = None


def effective_config(config: object) -> dict[str, object]:
    """Defaults with `config` merged over them; invalid parts are ignored (see validate)."""
    global _last_in, _last_out
    if _last_out is not None and config == _last_in:
        return _last_out
    merged = cfg.merge(config)  # judging a draft does not need the config's examples run
    # Keep a private copy of the input: a caller may mutate its dict between calls.
    _last_in = _copy(config)
    _last_out = merged
    return merged


def _copy(value: object) -> object:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _settings(config: dict[str, object], rule: Rule) -> tuple[bool, int]:
    rules = config["rules"]
    assert isinstance(rules, dict)
    setting = rules.get(rule.ID, {})
    return bool(setting.get("enabled", True)), int(setting.get("weight", rule.WEIGHT))


_active_for: object = _NOTHING
_active: list[tuple[int, Rule, int]] = []


def _enabled_rules(config: dict[str, object]) -> list[tuple[int, Rule, int]]:
    """(registry order, rule, weight) of each enabled rule, worked out once per merged config
    (the same dict comes back from effective_config while the config does not change)."""
    global _active_for, _active
    if config is not _active_for:
        active = []
        for order, rule in enumerate(RULES):
            enabled, weight = _settings(config, rule)
            if enabled:
                active.append((order, rule, weight))
        _active_for, _active = config, active
    return _active


def _allowed(doc: Doc, config: dict[str, object]) -> bytearray | None:
    """Code points inside an allowed phrase (terms.allow) are marked 1; None if none are."""
    terms = config["terms"]
    assert isinstance(terms, dict)
    allow = terms.get("allow") or []
    assert isinstance(allow, list)
    spans = compiled(allow).spans(doc) if allow else []
    if not spans:
        return None
    mask = bytearray(doc.length + 1)
    for start, end in spans:
        for i in range(start, end):
            mask[i] = 1
    return mask


def _resolve(
    candidates: list[tuple[int, int, int, int, Rule]], length: int
) -> list[tuple[int, int, int, int, Rule]]:
    """One span, one best finding: heavier first, then longer, then earlier, then by id.

    `taken` marks claimed code points; slices test and mark a span in C on both
    interpreters, so resolving stays linear in the text length and cheap per finding.
    """
    candidates = _sorted(candidates, lambda c: (-c[2], -(c[1] - c[0]), c[0], c[3]))
    taken = bytearray(length + 1)
    kept = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        if end <= start or max(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(candidate)
    return _sorted(kept, lambda c: (c[0], c[1], c[3]))


def _sorted(
    candidates: list[tuple[int, int, int, int, Rule]], key: "Callable[..., tuple[int, ...]]"
) -> list[tuple[int, int, int, int, Rule]]:
    """A post's few findings go through the built-in sort, which is C on both interpreters:
    the keys decide every order that can be seen (equal keys mean the same rule on the same
    span), so stability is moot, and quicksort's worst case is harmless this small."""
    if len(candidates) <= 64:
        return sorted(candidates, key=key)
    return sort_by(candidates, key)


def _tally(kept: list[tuple[int, int, int, int, Rule]]) -> tuple[int, int, dict[int, int]]:
    """(promotion score, value score, how often each rule was kept by registry order), in one
    pass. Scores are sums of weights, capped at 100; a rule's repeats count half each, so
    repetition adds up, but slowly."""
    times: dict[int, int] = {}
    promotion = value = 0
    for _start, _end, weight, order, rule in kept:
        seen = times.get(order, 0)
        times[order] = seen + 1
        if seen:
            weight //= 2
        if rule.CATEGORY == "value":
            value += weight
        else:
            promotion += weight
    return min(100, promotion), min(100, value), times


def _verdict(score: int, value: int, config: dict[str, object]) -> str:
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    if score < thresholds["promotion"]:
        return "ok"
    if value >= thresholds["value"] and value * 100 >= score * thresholds["value_share"]:
        return "promotional"
    return "pure_ad"


def _counted(times: dict[int, int], value_side: bool) -> str:
    """ "2 calls to action, a discount or code", in registry order (stable on both VMs)."""
    parts = []
    for order in sorted(times):
        rule = RULES[order]
        if (rule.CATEGORY == "value") != value_side:
            continue
        count = times[order]
        if count == 1 or rule.NOUN[0] == rule.NOUN[1]:
            parts.append(rule.NOUN[0])
        else:
            parts.append(str(count) + " " + rule.NOUN[1])
    return ", ".join(parts)


def _summary(verdict: str, times: dict[int, int]) -> str:
    promo = _counted(times, False)
    value = _counted(times, True)
    if verdict == "pure_ad":
        return "Pure ad: " + promo + (", too little else" if value else ", nothing personal")
    if verdict == "promotional":
        return "Promotional: " + promo + ", balanced by " + value
    if promo:
        return "OK: light promotion (" + promo + ")"
    if value:
        return "OK: no promotion, " + value
    return "OK: nothing promotional"


def _quiet(
    kept: list[tuple[int, int, int, int, Rule]], score: int, config: dict[str, object]
) -> list[tuple[int, int, int, int, Rule]]:
    """On an ok post, trivia is not underlined: a price in a story, one "best ever", a
    "!!!" on a birthday. Promotion-side findings are shown only once the promotion is at
    least two thirds of the way to a warning ("light promotion"); the score still counts
    them.
    Precision first: nobody should be nagged about a personal post."""
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    if score * 3 >= int(thresholds["promotion"]) * 2:
        return kept
    return [c for c in kept if c[4].CATEGORY not in PROMOTION_SIDE]


def check(text: str, config: object = None) -> dict[str, object]:
    """Judge one draft. See DESIGN.md for the contract; offsets are code points."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    result = judge(text, config)
    found = result["findings"]
    assert isinstance(found, list)
    findings: list[Finding] = []
    for order, start, end in found:
        rule = RULES[order]
        findings.append(
            {
                "rule": rule.ID,
                "name": rule.NAME,
                "category": rule.CATEGORY,
                "start": start,
                "end": end,
                "text": text[start:end],  # MicroPython walks to start in C: cheap enough
                "message": rule.MESSAGE,
                "suggestion": rule.SUGGESTION,
            }
        )
    result["findings"] = findings
    return result


def judge(text: str, config: object = None) -> dict[str, object]:
    """check() with each finding as [registry index of its rule, start, end].

    What the browser's engine sends: the rules' texts are fixed and the sandbox holds the
    draft, so it fills the findings in itself, and MicroPython (which writes JSON at about a
    microsecond a character) writes a tenth of the text.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    conf = effective_config(config)
    doc = Doc(text)
    allowed = _allowed(doc, conf)
    candidates: list[tuple[int, int, int, int, Rule]] = []
    skipped: list[dict[str, str]] = []
    for order, rule, weight in _enabled_rules(conf):
        try:
            spans = list(rule.detect(doc, conf))
        except Exception as error:  # a broken rule must not take the other rules down
            _report(rule, error)
            skipped.append({"rule": rule.ID, "name": rule.NAME, "error": _describe(error)})
            continue
        for start, end in spans:
            if allowed is not None and _touches(allowed, start, end):
                continue
            candidates.append((start, end, weight, order, rule))
    kept = _resolve(candidates, doc.length)
    score, value, times = _tally(kept)
    verdict = _verdict(score, value, conf)
    if verdict == "ok":
        quiet = _quiet(kept, score, conf)
        if len(quiet) < len(kept):
            kept = quiet  # what is not shown is not summed up either
            times = {o: n for o, n in times.items() if RULES[o].CATEGORY == "value"}
    result: dict[str, object] = {
        "verdict": verdict,
        "score": score,
        "value": value,
        "summary": _summary(verdict, times),
        "findings": [[order, start, end] for start, end, _weight, order, _rule in kept],
    }
    if skipped:
        result["skipped"] = skipped
    return result


_reported: set[str] = set()


def _report(rule: Rule, error: Exception) -> None:
    """Logs a failing rule once per run (the result says so on every check)."""
    if rule.ID in _reported:
        return
    _reported.add(rule.ID)
    what = "salesy: rule " + rule.ID + " (" + rule.NAME + ") failed and was skipped: "
    print(what + _describe(error), file=sys.stderr)


def _describe(error: Exception) -> str:
    # Not repr(): the two interpreters print exceptions differently.
    return type(error).__name__ + ": " + str(error)


def _touches(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[i] for i in range(start, end))
