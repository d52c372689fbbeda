"""The labelled corpus: its shape, and quality floors the engine must not fall below.

The floors are what the engine reaches today (`salesy report` prints the details); raise
them when the engine improves, never lower them to make a change pass. (They were lowered
once, from 91 % to 85 %, when the weights stopped being picked by hand on this corpus and
became fitted on real posts by others, with the thresholds set for false alarms on everyday
tweets: the corpus's hard cases now cost accuracy that real posts pay back.)
"""

from collections import Counter
from pathlib import Path

import pytest

from salesy.training import corpus

FOLDER = Path(corpus.FOLDER)

ACCURACY_FLOOR = 0.89
FLAG_PRECISION_FLOOR = 0.97  # of the posts warned about, how many deserve it
MAX_OK_WARNED = 1  # ok posts (personal, news, jokes...) that get a warning


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    return corpus.evaluate(corpus.load(str(FOLDER)))


def test_corpus_is_big_and_varied() -> None:
    posts = corpus.load(str(FOLDER))
    assert len(posts) >= 400
    labels = Counter(p["label"] for p in posts)
    assert labels["ok"] >= 150 and labels["promotional"] >= 40 and labels["pure_ad"] >= 100
    texts = [p["text"] for p in posts]
    assert len(set(texts)) == len(texts), "no duplicate posts"


def test_accuracy_floor(report: dict[str, object]) -> None:
    assert report["accuracy"] >= ACCURACY_FLOOR, corpus.format_report(report, show_misses=True)


def test_personal_posts_are_not_nagged(report: dict[str, object]) -> None:
    assert report["ok_flagged"] <= MAX_OK_WARNED, corpus.format_report(report, show_misses=True)
    assert report["flag_precision"] >= FLAG_PRECISION_FLOOR


def test_named_tricky_negatives_are_ok() -> None:
    import salesy

    for text in (
        "I bought a new bike",
        "this sale of the company surprised me",
        "free speech",
        "call me later",
    ):
        result = salesy.check(text)
        assert result["verdict"] == "ok", (text, result)
        assert not [f for f in result["findings"] if f["category"] != "value"], text


def test_report_formats(report: dict[str, object]) -> None:
    text = corpus.format_report(report, show_misses=True)
    assert "accuracy" in text and "SL101" in text and "misses" in text


def test_bad_corpus_lines_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"label": "maybe", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r"a\.jsonl:1"):
        corpus.load(str(tmp_path))
