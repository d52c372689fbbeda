"""A thread opener ("1/", "🧵") says more posts follow; it is not substance (issue 14): each
post of a thread is judged on what it says."""

import salesy

OPENERS = ["1/ ", "🧵 ", "1/ 🧵 "]
AD = "New drop just landed, 50% off with code SAVE50. Shop now!"


def reasons(text: str) -> list[str]:
    return [reason["rule"] for reason in salesy.check(text)["reasons"]]


def test_a_thread_opener_is_no_value() -> None:
    for opener in OPENERS:
        assert "SL405" not in reasons(opener + AD), opener
        result = salesy.check(opener + AD)
        assert result["value"] == salesy.check(AD)["value"] == 0, opener


def test_a_thread_that_explains_still_has_substance() -> None:
    text = "1/ 🧵 Why does bread go stale? It turns out the starch recrystallizes."
    assert "SL405" in reasons(text)
    found = [f["text"] for f in salesy.check(text)["findings"] if f["rule"] == "SL405"]
    assert found and not {"1/", "🧵"} & set(found)
