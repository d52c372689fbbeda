"""A rule that raises is skipped and reported once; the other rules still judge the draft."""

from collections.abc import Iterator

import pytest

import salesy
from salesy import engine
from salesy.doc import Doc
from salesy.rules import BY_ID

AD = "BUY NOW, today only! 50% off"


def test_the_other_rules_still_judge_the_draft(broken_urgency: None) -> None:
    result = salesy.check(AD)
    rules = {f["rule"] for f in result["findings"]}  # type: ignore[attr-defined]
    assert "SL105" not in rules
    assert {"SL101", "SL103"} <= rules
    assert result["verdict"] == "pure_ad"
    assert result["skipped"] == [
        {"rule": "SL105", "name": "urgency", "error": "ValueError: broken on purpose"}
    ]


def test_the_failure_is_logged_once(
    broken_urgency: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(5):
        assert "skipped" in salesy.check(AD)
    assert capsys.readouterr().err.count("SL105") == 1


def test_a_rule_that_fails_while_yielding_is_contained(monkeypatch: pytest.MonkeyPatch) -> None:
    def half(doc: Doc, config: dict[str, object]) -> Iterator[tuple[int, int]]:
        yield (0, 3)
        raise RuntimeError("midway")

    monkeypatch.setattr(BY_ID["SL106"], "detect", half)
    monkeypatch.setattr(engine, "_reported", set())
    result = salesy.check("The best ever launch. BUY NOW")
    assert [s["rule"] for s in result["skipped"]] == ["SL106"]  # type: ignore[attr-defined]
    assert all(f["rule"] != "SL106" for f in result["findings"])  # type: ignore[attr-defined]


def test_a_healthy_check_has_no_skipped_key() -> None:
    assert "skipped" not in salesy.check(AD)
