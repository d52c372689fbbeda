"""balance(): share of promotional posts against the target."""

import salesy


def post(verdict: str, at: int) -> dict[str, object]:
    return {"text": "", "verdict": verdict, "at": at, "source": "x"}


def test_healthy_leaning_billboard() -> None:
    healthy = [post("ok", i) for i in range(9)] + [post("pure_ad", 9)]
    assert salesy.balance(healthy)["status"] == "healthy"
    leaning = [post("ok", i) for i in range(7)] + [post("promotional", i) for i in range(7, 10)]
    assert salesy.balance(leaning)["status"] == "leaning"
    billboard = [post("pure_ad", i) for i in range(10)]
    result = salesy.balance(billboard)
    assert result["status"] == "billboard" and result["share"] == 100 and result["target"] == 20


def test_posts_without_verdict_are_checked() -> None:
    posts = [{"text": "BUY NOW! 50% off with code SAVE50 — shop today", "at": 1, "source": "x"}]
    assert salesy.balance(posts)["counts"] == {"ok": 0, "promotional": 0, "pure_ad": 1}


def test_empty_and_window() -> None:
    assert salesy.balance([])["total"] == 0
    many = [post("ok", i) for i in range(100)]
    assert salesy.balance(many, {"balance": {"window": 10, "target": "4-1-1"}})["total"] == 10
