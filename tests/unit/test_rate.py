"""engine.rate(): check()'s verdict and score, without the rules that cannot move them.

`salesy audit` and an archive's import need only (verdict, score) of each post; rate() skips
the rules of weight 0, the findings, the summary and the language. Its answer must be check()'s
on every text and every config, including configs that give those rules a weight."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from salesy.archive import classify
from salesy.engine import check, rate
from salesy.rules import RULES
from salesy.training import corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402

ZERO = [rule.ID for rule in RULES if rule.WEIGHT == 0]
CONFIGS: list[object] = [
    None,
    # The rules of weight 0 given one, and so run; others switched off or set to 0.
    {"salesy": 1, "rules": {rule_id: {"weight": 35} for rule_id in ZERO}},
    {"salesy": 1, "rules": {"SL101": {"enabled": False}, "SL119": {"weight": 0}}},
    {
        "salesy": 1,
        "terms": {"promotion": ["beans", "roast"], "allow": ["free shipping", "code"]},
        "thresholds": {"promotion": 20, "pure_ad": 30},
        "rules": {"SL404": {"weight": 12}, "SL102": {"weight": 60}},
    },
    {"salesy": 1, "rules": {rule.ID: {"weight": 0} for rule in RULES}},  # nothing can score
]


def texts() -> list[str]:
    out = [post["text"] for post in corpus.load(corpus.FOLDER)]
    for rule in RULES:
        out.extend(rule.FLAG + rule.PASS)
    items = sample_archive.sample_tweets(600, seed=3)
    out.extend(str(item["tweet"]["full_text"]) for item in items)  # type: ignore[index]
    out.extend(["", " \n ", "BUY NOW", "😀" * 40, "$5 " * 200, "A" * 3000])
    return out


TEXTS = texts()


def test_there_are_rules_of_weight_0_to_leave_out() -> None:
    assert ZERO, "no rule of weight 0: rate() saves nothing, and this test proves little"


@pytest.mark.parametrize("config", CONFIGS)
def test_rate_is_checks_verdict_and_score(config: object) -> None:
    differ = []
    for text in TEXTS:
        result = check(text, config)
        if rate(text, config) != (result["verdict"], result["score"]):
            differ.append(text)
    assert not differ, f"{len(differ)} texts rated differently, first: {differ[0]!r}"


def test_rate_takes_what_check_takes() -> None:
    assert rate(None) == ("ok", 0)  # type: ignore[arg-type]
    assert rate(12345) == (check(12345)["verdict"], check(12345)["score"])  # type: ignore[arg-type]


def test_a_broken_rule_counts_for_nothing_either_way(
    broken_urgency: None, capsys: pytest.CaptureFixture[str]
) -> None:
    ad = "BUY NOW, today only! 50% off"
    result = check(ad)
    assert rate(ad) == (result["verdict"], result["score"]) == ("pure_ad", result["score"])
    assert capsys.readouterr().err.count("SL105") == 1  # logged once, by whichever ran first


def test_classify_still_gives_checks_answers() -> None:
    posts = [{"text": text, "at": "2026-01-01T00:00:00Z"} for text in TEXTS[:300]]
    for post in classify(posts, CONFIGS[3]):
        result = check(str(post["text"]), CONFIGS[3])
        assert (post["verdict"], post["score"]) == (result["verdict"], result["score"])
