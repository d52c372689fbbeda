"""The tokenizer: kinds and code-point spans."""

import pytest

from salesy.tokens import lower, tokenize


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$19.99", [("price", "$19.99")]),
        ("€5", [("price", "€5")]),
        ("5€", [("price", "5€")]),
        ("5 USD", [("price", "5 USD")]),
        ("20%", [("percent", "20%")]),
        ("1,000.50", [("number", "1,000.50")]),
        ("10k", [("number", "10k")]),
        ("#1", [("number", "#1")]),
        ("$TSLA", [("cashtag", "$TSLA")]),
        ("@ana_b", [("mention", "@ana_b")]),
        ("#ad", [("hashtag", "#ad")]),
        ("#café", [("hashtag", "#café")]),
        ("https://x.com/a?b=1.", [("url", "https://x.com/a?b=1"), ("punct", ".")]),
        ("bit.ly/abc", [("url", "bit.ly/abc")]),
        ("www.example.org", [("url", "www.example.org")]),
        ("ok.so", [("word", "ok"), ("punct", "."), ("word", "so")]),
        ("me@example.com", [("email", "me@example.com")]),
        ("I'm", [("word", "I'm")]),
        ("don’t", [("word", "don’t")]),
        ("café", [("word", "café")]),
        ("שלום", [("word", "שלום")]),
        ("مرحبا", [("word", "مرحبا")]),
        ("日本語", [("word", "日本語")]),
        ("👨‍👩‍👧", [("emoji", "👨‍👩‍👧")]),
        ("👍🏽", [("emoji", "👍🏽")]),
        ("🇫🇷🇩🇪", [("emoji", "🇫🇷"), ("emoji", "🇩🇪")]),
        ("1️⃣", [("emoji", "1️⃣")]),
        ("❤️", [("emoji", "❤️")]),
        ("sign-up", [("word", "sign"), ("punct", "-"), ("word", "up")]),
        ("SAVE50", [("word", "SAVE50")]),
    ],
)
def test_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_spans_are_code_points() -> None:
    text = "😀 BUY now\n#ad"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    assert [t.start for t in tokenize(text)] == [0, 2, 6, 10]


def test_lower_is_ascii_only_and_folds_apostrophes() -> None:
    assert lower("BUY Now’s É") == "buy now's É"


def test_long_dotted_chain_is_linear() -> None:
    text = "a." * 50_000
    assert len(tokenize(text)) == 100_000
