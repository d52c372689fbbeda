"""The incremental checker (issue 17): checking a long post part by part, reusing the parts an
edit left alone, gives exactly what a full check gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from incremental_posts import CONFIGS, FRAGMENTS, paragraph, versions

from salesy import engine, incremental


def test_edits_of_long_posts_equal_a_full_check() -> None:
    rng = random.Random(20261203)
    cut = 0
    for case in range(400):
        config = CONFIGS[case % len(CONFIGS)]
        checker = incremental.Checker()
        for text in versions(rng):
            assert checker.judge(text, config) == engine.judge(text, config), repr(text)
            cut += len(incremental._parts(text, checker._part)) > 1
    assert cut > 500  # most versions really were checked in parts


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS),
            st.text(alphabet="aB1.!?#@$%🔥 \n", max_size=20),
        ),
        min_size=1,
        max_size=30,
    ),
    st.lists(st.sampled_from(["\n\n", "\n", " ", ". ", ".\n\n"]), min_size=30, max_size=30),
)
def test_any_glued_text_equals_a_full_check(pieces: list[str], glue: list[str]) -> None:
    text = "".join(piece + between for piece, between in zip(pieces, glue, strict=False))
    checker = incremental.Checker()
    assert checker.judge(text) == engine.judge(text)
    edited = text.replace("\n\n", "\n\nBuy now. ", 1)
    assert checker.judge(edited) == engine.judge(edited)


def test_an_edit_reuses_the_other_paragraphs() -> None:
    rng = random.Random(7)
    paragraphs = [paragraph(rng).rstrip() + "." for _ in range(40)]
    text = "\n\n".join("Para " + p for p in paragraphs)
    checker = incremental.Checker()
    checker.check(text)
    kept = dict(checker._parts)
    paragraphs[20] = "BUY NOW with code SAVE50, today only."
    edited = "\n\n".join("Para " + p for p in paragraphs)
    assert checker.check(edited) == engine.check(edited)
    new = [t for t in checker._parts if t not in kept]
    assert len(new) == 1 and "SAVE50" in new[0]  # only the edited paragraph was checked


def test_short_posts_and_a_failing_rule_are_checked_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    checker = incremental.Checker()
    assert checker.check("BUY NOW! 50% off") == engine.check("BUY NOW! 50% off")
    assert checker._parts == {}  # no blank line: nothing to cut, nothing kept
    from salesy.rules import BY_ID

    def broken(doc: object, config: object) -> object:
        raise ValueError("broken on purpose")

    monkeypatch.setattr(BY_ID["SL103"], "detect", broken)
    text = "Use code SAVE50 today.\n\nWe made it ourselves."
    result = checker.judge(text)
    assert result == engine.judge(text) and result["skipped"][0]["rule"] == "SL103"


def test_a_short_code_before_a_phone_number_is_a_channel_too() -> None:
    from salesy import signals
    from salesy.doc import Doc

    for text in (
        "Txt WIN to 80086 or call 0800 123 4567",
        "Call 0800 123 4567 or txt WIN to 80086",
    ):
        doc = Doc(text)
        found = [doc.tokens[first].text for first, _last in signals.channels(doc)]
        assert sorted(found) == ["0800", "80086"], (text, found)
    # ...so a post with both, a paragraph apart, is checked in parts like any other.
    text = "Txt WIN to 80086 today.\n\nOr call 0800 123 4567 for the prize."
    checker = incremental.Checker()
    assert checker.judge(text) == engine.judge(text)
    assert len(checker._parts) == 2


def test_no_cut_after_an_emoji_that_follows_the_last_word() -> None:
    # Found by the property test: "buy" before "\n\n🔥." is an order only when more follows.
    for text in (
        "buy\n\nBuy now. buy\n\n🔥.\n\nbuy\n\n",
        "buy\n\n🔥\n\n.\n\nbuy",
        "Buy 🔥.\n\nOk.",
    ):
        checker = incremental.Checker()
        assert checker.judge(text) == engine.judge(text), repr(text)
        assert len(incremental._parts(text, checker._part)) == 1, repr(text)
