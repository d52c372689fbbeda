"""check(): tokenize, run every enabled rule, add up the fitted weights of those that fired,
judge against the thresholds, and say why."""

import sys

from salesy import config as cfg
from salesy.doc import Doc, compiled
from salesy.language import language
from salesy.model import fitted
from salesy.order import sort_by
from salesy.rules import RULES, Rule

PROMOTION_SIDE = ("promotion", "engagement", "disclosure")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

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


def _scores(
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]], cap: int
) -> tuple[int, int, int, list[list[int]]]:
    """(promotion points, value points, net score, [registry order, points, hits] of each
    rule that fired, by points then order).

    SpamAssassin's sum: each rule that fired adds its fitted weight once (a graded rule, the
    share of it its level says); value rules take points away, but together never more than
    `cap`, so a question and a "we" cannot cancel an offer with a phone number."""
    promotion = value = 0
    reasons: list[list[int]] = []
    for order, rule, weight, level, spans in fired:
        points = weight * level // 100
        if not points:
            continue
        if rule.CATEGORY == "value":
            value += points
        else:
            promotion += points
        reasons.append([order, points, len(spans)])
    value = min(value, cap)
    net = max(0, min(100, promotion - value))
    reasons.sort(key=lambda r: (-r[1], r[0]))
    return min(100, promotion), value, net, reasons


def _verdict(score: int, promotion: int, value: int, config: dict[str, object]) -> str:
    """ok below the promotion threshold; a pure ad from the pure-ad threshold on unless real
    value surrounds the promotion; promotional in between."""
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    if score < thresholds["promotion"]:
        return "ok"
    if score < thresholds["pure_ad"]:
        return "promotional"
    if value >= thresholds["value"] and value * 100 >= promotion * thresholds["value_share"]:
        return "promotional"
    return "pure_ad"


SUMMARY_REASONS = 3  # the biggest reasons a summary names, as a writer reads in a glance


def _named(reasons: list[list[int]], value_side: bool) -> str:
    """ "2 calls to action, a discount or code": the biggest reasons on one side, biggest
    first."""
    parts = []
    for order, _points, hits in reasons:
        rule = RULES[order]
        if (rule.CATEGORY == "value") != value_side:
            continue
        if hits == 1 or rule.NOUN[0] == rule.NOUN[1]:
            parts.append(rule.NOUN[0])
        else:
            parts.append(str(hits) + " " + rule.NOUN[1])
        if len(parts) == SUMMARY_REASONS:
            break
    return ", ".join(parts)


def _summary(verdict: str, reasons: list[list[int]]) -> str:
    promo = _named(reasons, False)
    value = _named(reasons, True)
    if verdict == "pure_ad":
        return "Pure ad: " + promo + (", too little else" if value else ", nothing personal")
    if verdict == "promotional":
        return "Promotional: " + promo + (", balanced by " + value if value else "")
    if promo:
        return "OK: light promotion (" + promo + ")"
    if value:
        return "OK: no promotion, " + value
    return "OK: nothing promotional"


def _findings(
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]],
    reasons: list[list[int]],
    length: int,
) -> list[list[int]]:
    """[registry order, start, end] of every span of every rule that counted, in text order.

    Rules may overlap ("FREE" is shouting inside a free offer): a span that lies wholly under
    what rules that counted for more already underline is left out (it adds nothing to
    read); anything else stays, so each reason keeps its words. A graded rule's words (the
    wording rule's heaviest) only explain it: they are shown where no other rule is.
    `cover` marks the code points already underlined; slices test and mark in C on both
    interpreters."""
    rank = {order: index for index, (order, _points, _hits) in enumerate(reasons)}
    ordered = []
    for order, rule, _weight, _level, spans in fired:
        if order in rank:
            for start, end in spans:
                if end > start:
                    ordered.append((rule.GRADED, rank[order], start, -end, order))
    ordered = _ordered(ordered, _whole)
    cover = bytearray(length + 1)
    kept = []
    for graded, _rank, start, minus_end, order in ordered:
        end = -minus_end
        taken = cover[start:end]  # min/max run in C (MicroPython has no `int in bytearray`)
        if max(taken) if graded else min(taken):
            continue
        cover[start:end] = b"\x01" * (end - start)
        kept.append([order, start, end])
    return _ordered(kept, _in_text)


def _ordered(items: "list[Any]", key: "Callable[[Any], Any]") -> "list[Any]":
    """The built-in sort for a post's few items (C on both interpreters; every key here is
    unique, so stability is moot), the merge sort beyond: MicroPython's quicksort turns
    quadratic on input already in order, as findings usually are (625 took 42 s)."""
    if len(items) <= 64:
        return sorted(items, key=key)
    return sort_by(items, key)


def _whole(item: "Any") -> "Any":
    return item


def _in_text(finding: list[int]) -> tuple[int, int, int]:
    return finding[1], finding[2], finding[0]


def _outer_first(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def _quiet(found: list[list[int]], score: int, config: dict[str, object]) -> list[list[int]]:
    """On an ok post, trivia is not underlined: a price in a story, one "best ever", a
    "!!!" on a birthday. Promotion-side findings are shown only once the promotion is at
    least two thirds of the way to a warning ("light promotion"); the score still counts
    them. Precision first: nobody should be nagged about a personal post."""
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    if score * 3 >= int(thresholds["promotion"]) * 2:
        return found
    return [f for f in found if RULES[f[0]].CATEGORY not in PROMOTION_SIDE]


def check(text: str, config: object = None) -> dict[str, object]:
    """Judge one draft. See DESIGN.md for the contract; offsets are code points."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return filled(text, judge(text, config))


def filled(text: str, result: dict[str, object]) -> dict[str, object]:
    """judge()'s answer for `text` as check() gives it: each finding and reason in full."""
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
    reasons = result["reasons"]
    assert isinstance(reasons, list)
    result["reasons"] = [
        {"rule": RULES[order].ID, "points": points, "hits": hits} for order, points, hits in reasons
    ]
    return result


def detect(
    doc: Doc, conf: dict[str, object]
) -> tuple[list[tuple[int, Rule, int, int, list[tuple[int, int]]]], list[dict[str, str]]]:
    """What each enabled rule finds: ([(registry order, rule, weight, level 1-100, spans)]
    for each rule that fired, [the rules that failed]). Spans inside an allowed phrase
    (terms.allow) do not count; a rule left with none did not fire."""
    allowed = _allowed(doc, conf)
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]] = []
    skipped: list[dict[str, str]] = []
    for order, rule, weight in _enabled_rules(conf):
        try:
            level, spans = rule.run(doc, conf)
        except Exception as error:  # a broken rule must not take the other rules down
            _report(rule, error)
            skipped.append({"rule": rule.ID, "name": rule.NAME, "error": _describe(error)})
            continue
        count(fired, order, rule, weight, level, spans, allowed)
    return fired, skipped


def count(
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]],
    order: int,
    rule: Rule,
    weight: int,
    level: int,
    spans: list[tuple[int, int]],
    allowed: bytearray | None,
) -> None:
    """Adds what a rule found to `fired`, if it counts: spans inside an allowed phrase left
    out, each span once; a rule left with none did not fire."""
    if allowed is not None and spans:
        spans = [(s, e) for s, e in spans if not _touches(allowed, s, e)]
    if len(spans) > 1:
        spans = _distinct(spans)
    if spans and level > 0:
        fired.append((order, rule, weight, min(100, level), spans))


def _distinct(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A rule's spans in text order, each once: one inside another is the same hit."""
    spans = _ordered(spans, _outer_first)
    out = [spans[0]]
    for start, end in spans[1:]:
        if end > out[-1][1]:
            out.append((start, end))
    return out


_weighted_for: object = _NOTHING
_weighted: list[tuple[int, Rule, int]] = []


def _weighted_rules(config: dict[str, object]) -> list[tuple[int, Rule, int]]:
    """The enabled rules whose weight is not 0: the only ones that can move a score (a rule
    of weight 0 adds 0 points whatever it finds), worked out once per merged config."""
    global _weighted_for, _weighted
    if config is not _weighted_for:
        active = [item for item in _enabled_rules(config) if item[2] != 0]
        _weighted_for, _weighted = config, active
    return _weighted


def rate(text: str, config: object = None) -> tuple[str, int]:
    """(verdict, score) of check(text, config), for callers that need nothing else (an
    archive's posts, by the thousand): only the rules that can move the score are run (a
    rule of weight 0 cannot: it stays as documentation and for the findings), and no
    findings, summary or language are worked out. The answer is check()'s, always."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    conf = effective_config(config)
    doc = Doc(text)
    allowed = _allowed(doc, conf)
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]] = []
    for order, rule, weight in _weighted_rules(conf):
        try:
            level, spans = rule.run(doc, conf)
        except Exception as error:  # as detect(): a broken rule counts for nothing
            _report(rule, error)
            continue
        if allowed is not None and spans:
            spans = [(s, e) for s, e in spans if not _touches(allowed, s, e)]
        if spans and level > 0:  # what count() keeps; its order of spans is moot here
            fired.append((order, rule, weight, min(100, level), spans))
    promotion, value, score, _reasons = _scores(fired, fitted.VALUE_CAP)
    return _verdict(score, promotion, value, conf), score


def judge(text: str, config: object = None) -> dict[str, object]:
    """check() with each finding as [registry index of its rule, start, end] and each reason
    as [registry index, points, hits].

    What the browser's engine sends: the rules' texts are fixed and the sandbox holds the
    draft, so it fills the findings in itself, and MicroPython (which writes JSON at about a
    microsecond a character) writes a tenth of the text.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    conf = effective_config(config)
    doc = Doc(text)
    fired, skipped = detect(doc, conf)
    return judged(fired, skipped, doc.length, language(doc), conf)


def judged(
    fired: list[tuple[int, Rule, int, int, list[tuple[int, int]]]],
    skipped: list[dict[str, str]],
    length: int,
    lang: str,
    conf: dict[str, object],
) -> dict[str, object]:
    """judge()'s answer from what the rules found (detect()) in a text of `length` code
    points in language `lang`: the incremental checker comes here with its own findings."""
    promotion, value, score, reasons = _scores(fired, fitted.VALUE_CAP)
    verdict = _verdict(score, promotion, value, conf)
    found = _findings(fired, reasons, length)
    if verdict == "ok":
        # Not underlined, but still listed as reasons: a score above 0 always says what
        # made it (the hint card shows them on request).
        found = _quiet(found, score, conf)
    result: dict[str, object] = {
        "verdict": verdict,
        "score": score,
        "value": value,
        "language": lang,
        "summary": _summary(verdict, reasons),
        "findings": found,
        "reasons": reasons,
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
