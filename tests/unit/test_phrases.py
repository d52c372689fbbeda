"""Phrase matching: token sequences, case-insensitive, tolerant of punctuation and line breaks,
never across the end of a sentence, placeholders for kinds of token. No regular expressions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesy import doc as doc_module
from salesy import tokens as tk
from salesy.doc import Doc, Phrases, compiled

LINK = Phrases(["link in bio"], shared=False)


def found(phrases: Phrases, text: str) -> list[str]:
    return [text[s:e] for s, e in phrases.spans(Doc(text))]


@pytest.mark.parametrize(
    "text",
    [
        "link in bio",
        "LINK IN BIO!",
        "Link-in-bio",
        "link\nin\nbio",
        "link, in bio",
        "👉link in bio",
    ],
)
def test_tolerant_of_case_punctuation_and_line_breaks(text: str) -> None:
    assert found(LINK, text)


@pytest.mark.parametrize("text", ["link. In bio", "links in bio", "link in biography", "link in"])
def test_not_across_sentences_or_inside_words(text: str) -> None:
    assert not found(LINK, text)


def test_longest_phrase_wins_and_matches_do_not_overlap() -> None:
    phrases = Phrases(["buy", "buy now", "now or never"], shared=False)
    assert found(phrases, "Buy now or never") == ["Buy now"]


def test_placeholders() -> None:
    phrases = Phrases(["{percent} off", "code {code}", "tag {count} friends"], shared=False)
    text = "20% off, code SAVE50, tag three friends, code red, tag 3 friends"
    assert found(phrases, text) == ["20% off", "code SAVE50", "tag three friends", "tag 3 friends"]


def test_apostrophes_fold() -> None:
    assert found(Phrases(["it's out"], shared=False), "It’s out now")


def test_config_phrases_are_data_even_when_they_look_like_regex() -> None:
    hostile = compiled(["(a+)+$", ".*", "[", "\\b"])
    assert found(hostile, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!") == []
    assert found(hostile, "say .* now") == []  # tokens: "say", "now"; punctuation is skipped


def test_non_ascii_terms_fold_by_a_shared_table() -> None:
    terms = compiled(["Café Crème", "Москва"])
    assert found(terms, "Try the CAFÉ CRÈME") == ["CAFÉ CRÈME"]
    assert found(terms, "привет МОСКВА") == ["МОСКВА"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abzAZéÉßİçΑωжЖ'’-.5 ")), max_size=30))
def test_phrase_shortcuts_read_words_as_the_tokenizer_does(phrase: str) -> None:
    """_parse skips the tokenizer for plain words: it must not change what they match."""
    expected = [
        token.low
        for piece in phrase.split()
        for token in tk.tokenize(piece)
        if token.kind in tk.MATCHABLE
    ]
    assert doc_module._parse(phrase) == expected
