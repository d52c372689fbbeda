"""Robustness: whatever the extension hands over (empty drafts, pasted novels, lone surrogates
from JavaScript strings, RTL text, emoji only), check() answers sanely and never raises."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import assert_contract

import salesy

EVERY_CATEGORY = st.characters(blacklist_categories=())  # includes Cs: lone surrogates
POSTISH = st.sampled_from(
    [
        *"abcXYZ 0159$€%#@!?.,'’-\n\t",
        *["buy", "now", "BUY NOW", "50% off", "code SAVE50", "I think", "link in bio", "#ad"],
        *["😀", "👨‍👩‍👧", "👍🏽", "🇫🇷", "1️⃣", "שלום", "مرحبا", "日本", "\u200f", "\u202e", "\ud800"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=EVERY_CATEGORY, max_size=300))
def test_any_unicode_gives_a_sane_answer(text: str) -> None:
    assert_contract(text, salesy.check(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(POSTISH, max_size=60).map("".join))
def test_post_like_text_gives_a_sane_answer(text: str) -> None:
    assert_contract(text, salesy.check(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\t \u00a0\u2003\u3000",
        "😀" * 500,
        "👨‍👩‍👧‍👦" * 200,
        "\ud800\udfff\udc00 BUY NOW \ud83d",
        "\u202eBUY NOW\u202c \u200fשלום עולם، اشتر الآن!",
        "".join(chr(c) for c in range(0x20, 0x3000)),
        "#" * 1000,
        "@" * 1000,
        "$" * 1000,
        "http://" * 500,
        "a." * 5000,
        "1,2,3," * 2000,
    ],
)
def test_edge_cases(text: str) -> None:
    assert_contract(text, salesy.check(text))


@pytest.mark.parametrize(
    "unit",
    [
        "We spent two years on this and I'm proud of it. Buy now: 20% off with code EARLY20 "
        "today only! Link in bio. What would you build with it? Thanks @ana for the design.\n",
        "😀 #ad #sale BUY NOW!!! $5 ",
        "x",
    ],
)
def test_100_000_characters_finish_fast(unit: str) -> None:
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.perf_counter()
    result = salesy.check(text)
    elapsed = time.perf_counter() - started
    assert_contract(text, result)
    # Linear time: generous bound so a loaded CI machine does not flake (typical: 0.2 s).
    assert elapsed < 5.0


def test_allowed_phrases_stay_linear() -> None:
    text = "BUY NOW " * 12_500
    started = time.perf_counter()
    result = salesy.check(text, {"terms": {"allow": ["buy now"]}})
    assert result["findings"] == [] and result["verdict"] == "ok"
    assert time.perf_counter() - started < 5.0
