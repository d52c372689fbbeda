"""The check() contract from DESIGN.md: shape, types, offsets, determinism."""

import json

import pytest

import salesy
from salesy.rules import CATEGORIES, RULES

KEYS = {"verdict", "score", "value", "language", "summary", "findings", "reasons"}
REASON_KEYS = {"rule", "points", "hits"}
FINDING_KEYS = {"rule", "name", "category", "start", "end", "text", "message", "suggestion"}

PERSONAL = "I finally fixed my bike today, took me three weekends"
AD = "BUY NOW! 50% off with code SAVE50 — shop today"
LAUNCH = (
    "We spent two years building this and I'm proud of it. Here's what we learned: people wanted"
    " fewer clicks, not more features. It's out today, 20% off for early readers"
)

SAMPLES = [
    PERSONAL,
    AD,
    LAUNCH,
    "",
    "   \n\t ",
    "😀👨‍👩‍👧🇫🇷 BUY NOW 👍🏽 50% off",
    "מבצע! BUY NOW ‏50% off‎ שלום",
]


def assert_contract(text: str, result: dict[str, object]) -> None:
    assert set(result) == KEYS
    assert result["verdict"] in ("ok", "promotional", "pure_ad")
    for key in ("score", "value"):
        value = result[key]
        assert isinstance(value, int) and not isinstance(value, bool)
        assert 0 <= value <= 100
    assert result["language"] in ("en", "other")
    assert isinstance(result["summary"], str) and result["summary"]
    assert "\n" not in result["summary"]
    findings = result["findings"]
    assert isinstance(findings, list)
    previous = (-1, -1)
    for finding in findings:
        assert set(finding) == FINDING_KEYS
        assert finding["category"] in CATEGORIES
        start, end = finding["start"], finding["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text)
        assert finding["text"] == text[start:end]
        assert (start, end) >= previous, "findings are in text order"
        previous = (start, end)
    reasons = result["reasons"]
    assert isinstance(reasons, list)
    for reason in reasons:
        assert set(reason) == REASON_KEYS and reason["points"] > 0 and reason["hits"] > 0
    # Every finding belongs to a reason: no underline without what it counted for.
    assert {f["rule"] for f in findings} <= {r["rule"] for r in reasons}
    assert [r["points"] for r in reasons] == sorted((r["points"] for r in reasons), reverse=True)
    assert json.loads(json.dumps(result)) == result


@pytest.mark.parametrize("text", SAMPLES)
def test_contract_holds(text: str) -> None:
    assert_contract(text, salesy.check(text))


def test_deterministic() -> None:
    assert salesy.check(LAUNCH) == salesy.check(LAUNCH)


def test_personal_post_is_ok_without_promotion() -> None:
    result = salesy.check(PERSONAL)
    assert result["verdict"] == "ok"
    assert result["score"] == 0
    assert all(f["category"] == "value" for f in result["findings"])


def test_pure_ad() -> None:
    result = salesy.check(AD)
    assert result["verdict"] == "pure_ad"
    assert result["summary"].startswith("Pure ad:")
    flagged = " ".join(f["text"].lower() for f in result["findings"])
    for words in ("buy now", "50% off", "save50", "shop today"):
        assert words in flagged


def test_launch_with_a_story_is_promotional() -> None:
    result = salesy.check(LAUNCH)
    assert result["verdict"] == "promotional"
    assert result["value"] > 0


def test_emoji_before_a_finding_gives_code_point_offsets() -> None:
    text = "👨‍👩‍👧 🇫🇷 BUY NOW"
    # Thresholds at 1: the call to action is shown whatever its fitted weight.
    config = {"thresholds": {"promotion": 1, "pure_ad": 1}}
    finding = salesy.check(text, config)["findings"][0]
    assert finding["text"] == "BUY NOW"
    assert finding["start"] == text.index("BUY")  # code points, not UTF-16 units
    assert finding["start"] == 9  # 5 + 1 + 2 + 1 code points; 14 UTF-16 units


def test_config_weights_and_switches_apply() -> None:
    off = salesy.check(AD, {"rules": {"SL101": {"enabled": False}}})
    assert all(f["rule"] != "SL101" for f in off["findings"])
    weightless = {rule.ID: {"weight": 0} for rule in RULES if rule.CATEGORY != "value"}
    light = salesy.check(AD, {"rules": weightless})
    assert light["verdict"] == "ok" and light["score"] == 0
    heavier = salesy.check(AD, {"rules": {"SL101": {"weight": 100}}})
    assert heavier["score"] >= salesy.check(AD)["score"]


def test_allowed_phrases_silence_findings() -> None:
    result = salesy.check(
        "Our band is called Buy Now and we play Friday", {"terms": {"allow": ["buy now"]}}
    )
    assert all(f["rule"] != "SL101" for f in result["findings"])


def test_non_string_input_does_not_crash() -> None:
    assert salesy.check(None)["verdict"] == "ok"  # type: ignore[arg-type]


def test_ok_posts_are_quiet_about_trivia() -> None:
    # Promotion findings on an ok post are shown only from two thirds of the way to a
    # warning ("light promotion"); below that they count but are not underlined.
    text = "Got these boots 50% off"
    result = salesy.check(text)
    assert result["verdict"] == "ok"
    threshold = salesy.config.defaults()["thresholds"]["promotion"]  # type: ignore[index]
    shown = [f for f in result["findings"] if f["category"] != "value"]
    assert bool(shown) == (result["score"] * 3 >= threshold * 2)
    quiet = salesy.check(text, {"thresholds": {"promotion": 100, "pure_ad": 100}})
    assert quiet["verdict"] == "ok" and not [
        f for f in quiet["findings"] if f["category"] != "value"
    ]
    # Not underlined, yet still a reason: a score above 0 always says what made it.
    assert quiet["score"] > 0 and "SL103" in [r["rule"] for r in quiet["reasons"]]
    near = salesy.check(text, {"thresholds": {"promotion": max(2, result["score"] + 1)}})
    assert near["verdict"] == "ok" and "SL103" in [f["rule"] for f in near["findings"]]
