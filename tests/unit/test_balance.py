"""balance(): the share of promotional posts over a window, against the target."""

from __future__ import annotations

import pytest

import salesy
from salesy import config
from salesy.balance import timestamp


def post(verdict: str, at: object, **extra: object) -> dict[str, object]:
    return {"text": "", "verdict": verdict, "at": at, "source": "composed", **extra}


def day(n: int) -> str:
    return f"2026-10-{n:02d}T12:00:00Z"


def series(*verdicts: str) -> list[dict[str, object]]:
    """Posts oldest first, one a day."""
    return [post(v, day(i + 1), id=str(i + 1)) for i, v in enumerate(verdicts)]


def test_empty_says_what_to_do() -> None:
    result = salesy.balance([])
    assert result["total"] == 0 and result["share"] == 0 and result["status"] == "healthy"
    assert "Post something" in str(result["advice"])
    assert result["recent"] == []


def test_one_post() -> None:
    ok = salesy.balance(series("ok"))
    assert (ok["total"], ok["share"], ok["status"]) == (1, 0, "healthy")
    ad = salesy.balance(series("pure_ad"))
    # One ad is over any target, but one post is not yet a billboard.
    assert (ad["total"], ad["share"], ad["status"]) == (1, 100, "leaning")


def test_healthy_leaning_billboard() -> None:
    assert salesy.balance(series(*["ok"] * 8, "pure_ad", "promotional"))["status"] == "healthy"
    leaning = series(*["ok"] * 6, "promotional", "ok", "pure_ad", "ok", "promotional")
    assert salesy.balance(leaning)["status"] == "leaning"
    billboard = salesy.balance(series(*["pure_ad"] * 10))
    assert billboard["status"] == "billboard"
    assert billboard["share"] == 100 and billboard["target"] == 20
    assert billboard["counts"] == {"ok": 0, "promotional": 0, "pure_ad": 10}


def test_exactly_on_target_is_healthy() -> None:
    # 80/20 over 20 posts allows 4 promotional posts; a 5th tips it.
    four = salesy.balance(series(*["ok", "ok", "ok", "promotional"] * 4, *["ok"] * 4))
    assert (four["allowed"], four["promotional"], four["status"]) == (4, 4, "healthy")
    assert "Right at your target" in str(four["advice"])
    five = salesy.balance(series(*["ok", "ok", "promotional"] * 5, *["ok"] * 5))
    assert five["status"] == "leaning"


@pytest.mark.parametrize(
    ("target", "percent", "allowed_of_12"),
    [
        ("80/20", 20, 2),
        ("4-1-1", 17, 2),
        ("thirds", 33, 4),
        (50, 50, 6),
        (0, 0, 0),
        ("90/10", 10, 1),
        ("75/25", 25, 3),
        ("100/0", 0, 0),
    ],
)
def test_presets_and_custom_share(target: object, percent: int, allowed_of_12: int) -> None:
    posts = series(*["ok"] * 12)
    result = salesy.balance(posts, {"balance": {"target": target}})
    assert result["target"] == percent
    assert result["allowed"] == allowed_of_12


def test_four_one_one_is_one_in_six_not_seventeen_percent() -> None:
    # 1 of 6 is 16.7 %: on target for 4-1-1, even though it rounds to 17 %.
    six = series(*["ok"] * 5, "promotional")
    assert salesy.balance(six, {"balance": {"target": "4-1-1"}})["status"] == "healthy"
    # 2 of 11 (18.2 %) is over 1 in 6.
    eleven = series(*["ok"] * 9, "promotional", "promotional")
    assert salesy.balance(eleven, {"balance": {"target": "4-1-1"}})["status"] == "leaning"
    assert salesy.balance(eleven, {"balance": {"target": "thirds"}})["status"] == "healthy"


def test_window_of_posts_counts_the_newest() -> None:
    # 30 old ads, then 20 recent personal posts: the default window (20) sees only those.
    posts = series(*["pure_ad"] * 10) + [post("ok", f"2026-11-{d:02d}") for d in range(1, 21)]
    result = salesy.balance(posts)
    assert result["total"] == 20 and result["promotional"] == 0
    wider = salesy.balance(posts, {"balance": {"window": 25}})
    assert wider["total"] == 25 and wider["promotional"] == 5
    assert salesy.balance(posts, window=30)["promotional"] == 10


def test_input_order_does_not_matter_time_does() -> None:
    posts = series("ok", "ok", "pure_ad")
    shuffled = [posts[2], posts[0], posts[1]]
    result = salesy.balance(shuffled, window=1)
    assert result["counts"]["pure_ad"] == 1  # type: ignore[index]
    assert [item["id"] for item in result["recent"]] == ["3"]  # type: ignore[attr-defined]


def test_ties_keep_input_order() -> None:
    same = "2026-10-01T12:00:00Z"
    posts = [post("ok", same, id="a"), post("pure_ad", same, id="b")]
    result = salesy.balance(posts, window=1)
    assert [item["id"] for item in result["recent"]] == ["b"]  # type: ignore[attr-defined]


def test_window_of_days() -> None:
    posts = series(*["pure_ad"] * 5, *["ok"] * 5)  # Oct 1-5 ads, Oct 6-10 personal
    by_days = salesy.balance(posts, {"balance": {"days": 5}})
    assert by_days["total"] == 5 and by_days["promotional"] == 0
    assert by_days["window"] == {"posts": 20, "days": 5}
    # Counted back from `now`: the last 7 days up to Oct 12 are Oct 6-10 (5 posts).
    assert salesy.balance(posts, days=7, now="2026-10-12T12:00:00Z")["total"] == 5
    assert salesy.balance(posts, days=30, now="2026-10-12T12:00:00Z")["total"] == 10
    assert salesy.balance(posts, days=7, now="2027-01-01")["total"] == 0


def test_streak_advice_names_the_run() -> None:
    result = salesy.balance(series(*["ok"] * 15, *["promotional"] * 5))
    assert result["streak"] == 5
    assert str(result["advice"]).startswith("Your last 5 posts in a row were promotion")
    allads = salesy.balance(series(*["pure_ad"] * 5))
    assert allads["advice"] == (
        "Your last 5 posts were all promotion — share something you learned, or reply to someone."
    )


def test_posts_without_verdict_are_checked() -> None:
    posts = [{"text": "BUY NOW! 50% off with code SAVE50 — shop today", "at": 1, "source": "x"}]
    assert salesy.balance(posts)["counts"] == {"ok": 0, "promotional": 0, "pure_ad": 1}


def test_bad_input_is_ignored_not_fatal() -> None:
    posts: list[object] = [None, "text", post("ok", None), post("weird", "not a date")]
    result = salesy.balance(posts)  # type: ignore[arg-type]
    assert result["total"] == 2


def test_timestamps() -> None:
    assert timestamp("1970-01-02") == 86400
    assert timestamp("2018-10-10T20:19:24Z") == 1539202764
    assert timestamp("2018-10-10T20:19:24.000Z") == 1539202764
    assert timestamp("2018-10-10T20:19:24.250Z") == 1539202764.25
    assert timestamp("2018-10-10T22:19:24+02:00") == 1539202764
    assert timestamp(1539202764000) == 1539202764
    assert timestamp("yesterday") is None and timestamp(None) is None


@pytest.mark.parametrize("target", ["90/10", "70/30", "50/50"])
def test_any_ratio_adding_up_to_100_is_a_target(target: str) -> None:
    merged, errors = config.validate({"salesy": 1, "balance": {"target": target}})
    assert errors == []
    result = salesy.balance(series(*["ok"] * 10), merged)
    assert result["target"] == int(target.split("/")[1])
    assert result["target_label"] == target


@pytest.mark.parametrize("target", ["90/20", "90/", "/10", "a/b", "90/10/0", "1000/-900", "9O/10"])
def test_ratios_that_do_not_add_up_to_100_are_refused(target: str) -> None:
    _merged, errors = config.validate({"salesy": 1, "balance": {"target": target}})
    assert len(errors) == 1 and errors[0].startswith("balance.target: ")
