"""Config validation does bounded work whatever the document (issue 15, point 4).

A share link opened on page load and the daily team-URL check validate a config with no user
action, so a hostile document must not keep the shared engine busy: no did-you-mean for keys
no person typed, the first 20 unknown keys then "and N more", an early-exit distance, and a cap
on the examples' total length (each example is a check). Work is counted, not timed.
"""

from __future__ import annotations

from typing import Any

import pytest

from salesy import config, examples
from salesy.config import hints


class CountingStr(str):
    """A string that counts how often its characters are read."""

    reads = 0

    def __getitem__(self, index: Any) -> str:
        CountingStr.reads += 1
        return str.__getitem__(self, index)


def cells_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Patches hints.levenshtein to record len(a) x len(b) of every call."""
    calls: list[int] = []
    real = hints.levenshtein

    def counted(a: str, b: str, limit: int = -1) -> int:
        calls.append(len(a) * len(b))
        return real(a, b, limit)

    monkeypatch.setattr(hints, "levenshtein", counted)
    return calls


def test_the_distance_exits_early_past_its_limit() -> None:
    CountingStr.reads = 0
    long = CountingStr("x" * 5000)
    other = CountingStr("y" * 5000)
    assert hints.levenshtein(long, other, 3) == 4
    # Only the band around the diagonal, and only until a whole row is past the limit.
    assert CountingStr.reads <= 2 * 7 * 10
    assert hints.levenshtein("thersholds", "thresholds", 3) == 2
    assert hints.levenshtein("kitten", "sitting") == 3
    assert hints.levenshtein("kitten", "sitting", 2) == 3  # capped at limit + 1


def test_a_huge_unknown_rule_id_gets_one_short_line_and_no_distance_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = cells_counted(monkeypatch)
    _, errors = config.validate({"salesy": 1, "rules": {"S" * 20_000: {}}})
    assert calls == []
    assert len(errors) == 1
    assert len(errors[0]) < 200
    assert errors[0].startswith("rules.SSSS") and "…: unknown rule" in errors[0]


def test_thousands_of_unknown_keys_name_the_first_twenty(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = cells_counted(monkeypatch)
    doc: dict[str, object] = {"salesy": 1, **{f"key{i:04d}": 1 for i in range(5000)}}
    _, errors = config.validate(doc)
    assert len(errors) == 21
    assert errors[0].startswith("key0000: unknown setting")
    assert errors[-1] == "and 4980 more unknown settings"
    assert len(calls) <= 20 * len(config.TOP_KEYS)

    _, errors = config.validate({"salesy": 1, "rules": {f"SLX{i}": {} for i in range(5000)}})
    assert len(errors) == 21
    assert errors[-1] == "rules: and 4980 more unknown rules"

    _, errors = config.validate({"salesy": 1, "thresholds": {f"t{i}": 1 for i in range(300)}})
    assert errors[-1] == "thresholds: and 280 more unknown settings"


def test_typos_still_get_their_did_you_mean() -> None:
    _, errors = config.validate({"thersholds": {}, "rules": {"SL1O1": {}, "SL101": {"wieght": 1}}})
    assert 'thersholds: unknown setting; did you mean "thresholds"?' in errors
    assert 'rules.SL1O1: unknown rule; did you mean "SL101"?' in errors
    assert 'rules.SL101.wieght: unknown setting; did you mean "weight"?' in errors


def test_many_bad_list_entries_are_named_twenty_at_a_time() -> None:
    _, errors = config.validate({"salesy": 1, "terms": {"promotion": [""] * 500}})
    assert len(errors) == 21
    assert errors[-1] == "terms.promotion: and 480 more entries like these"


def test_examples_are_capped_in_total_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """120 examples of 2 000 characters were 240 000 characters of checking per validation."""
    checked: list[int] = []
    real = examples.check

    def counted(text: str, conf: object = None) -> dict[str, object]:
        checked.append(len(text))
        return real(text, conf)

    monkeypatch.setattr(examples, "check", counted)
    long = [f"BUY NOW! {i}% off everything today. " * 50 for i in range(120)]
    report = examples.inspect({"salesy": 1, "examples": {"flag": long}})
    assert sum(checked) <= config.MAX_EXAMPLES_CHARS
    assert any(
        error.startswith(f"examples: at most {config.MAX_EXAMPLES_CHARS} characters in all")
        for error in report["errors"]
    )
    assert not report["ok"]
    flagged = report["config"]["examples"]["flag"]  # type: ignore[index]
    assert sum(len(text) for text in flagged) <= config.MAX_EXAMPLES_CHARS

    # Within the cap nothing changes: every example is checked.
    checked.clear()
    fine = ["BUY NOW! 50% off everything today.", "I finally fixed my bike today."]
    report = examples.inspect({"salesy": 1, "examples": {"flag": fine[:1], "pass": fine[1:]}})
    assert report["ok"], report["errors"]
    assert sum(checked) == sum(len(text) for text in fine)


def test_the_diff_of_two_long_term_lists_is_by_membership_not_by_scan() -> None:
    old = {"salesy": 1, "terms": {"promotion": [f"old {i}" for i in range(2000)]}}
    new = {"salesy": 1, "terms": {"promotion": [f"new {i}" for i in range(1000)] + ["old 1"]}}
    changes = config.diff(config.merge(old), config.merge(new))
    (terms,) = [change for change in changes if change["path"] == "terms.promotion"]
    assert terms["added"] == [f"new {i}" for i in range(1000)]
    assert len(terms["removed"]) == 1999 and "old 1" not in terms["removed"]  # type: ignore[operator]


def test_an_oversized_share_code_is_refused_before_decoding() -> None:
    doc, errors = config.decode_share("SALESY1-" + "A" * 600_000 + "-00000000")
    assert doc is None
    assert errors and "longer than the code of any config" in errors[0]
