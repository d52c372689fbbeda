"""The tokenizer: kinds and code-point spans."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesy import tokens as tk
from salesy.doc import Doc
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


def test_lower_folds_a_shared_table_and_apostrophes() -> None:
    assert lower("BUY Now’s É") == "buy now's é"
    assert lower("ΑΘΗΝΑ МОСКВА Ёж") == "αθηνα москва ёж"
    assert lower("İ ß Ÿ") == "İ ß Ÿ"  # outside the shared table: left alone on both


def test_long_dotted_chain_is_linear() -> None:
    text = "a." * 50_000
    assert len(tokenize(text)) == 100_000


def _slow(text: str) -> list[tuple[str, str, int, int]]:
    tokens: list[tk.Token] = []
    tk._scan_range(list(text), 0, len(text), len(text), tokens)
    return [(t.kind, t.text, t.start, t.end) for t in tokens]


def _fast(text: str) -> list[tuple[str, str, int, int]]:
    return [(t.kind, t.text, t.start, t.end) for t in tk.tokenize(text)]


WORDY = st.text(alphabet=st.sampled_from(list("aZ'’.,!?:;)\"  \n#@$%€5 0./-w:h💥é")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(WORDY)
def test_fast_path_gives_the_same_tokens_as_the_scanner(text: str) -> None:
    assert _fast(text) == _slow(text)


@pytest.mark.parametrize(
    "text",
    ["5 USD now", "20 % off", "www. x", "www.example.com", "it's don't 'quoted' rock''n", "a  b"],
)
def test_fast_path_edge_cases(text: str) -> None:
    assert _fast(text) == _slow(text)


def _newline_before(text: str, tokens: list[tk.Token], index: int) -> bool:
    if index == 0:
        return True
    gap = text[tokens[index - 1].end : tokens[index].start]
    return any(c in tk.LINE_BREAKS for c in gap)


@settings(max_examples=300, deadline=None)
@given(WORDY)
def test_line_breaks_noted_by_the_scanner_match_the_text(text: str) -> None:
    doc = Doc(text)
    expected = [_newline_before(text, doc.tokens, i) for i in range(len(doc.tokens))]
    assert doc.newlines() == expected


@settings(max_examples=200, deadline=None)
@given(WORDY)
def test_cached_chunks_give_the_same_tokens_as_a_fresh_scan(text: str) -> None:
    first = _fast(text)
    tk._PLAIN.clear()
    tk._WINDOWS.clear()
    assert _fast(text) == first == _slow(text)


def _by_the_scanner(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    with monkeypatch.context() as patch:
        patch.setattr(tk, "_is_link_chunk", lambda chunk: False)  # every link char by char
        patch.setattr(tk, "_WINDOWS", {})
        breaks: list[int] = []
        tokens = tk.scan(text, breaks)
    return [(t.kind, t.text, t.start, t.end, t.low, t.head) for t in tokens] + [breaks]


def _as_scanned(text: str) -> list[tuple[object, ...]]:
    breaks: list[int] = []
    tokens = tk.scan(text, breaks)
    return [(t.kind, t.text, t.start, t.end, t.low, t.head) for t in tokens] + [breaks]


LINKS = [
    "https://shop.example.com/beans?utm_source=x&p=12",
    "HTTP://X.CO/A",
    "www.example.com",
    "www.",
    "http://",
    "https://",
    "Www.a.b/c).",
    "https://t.co/abc...!!",
    "http://a.b/c?d='e'\"",
    "https://x.com/a%20b#frag;",
    "https://x.com/ünï",  # not ASCII: the scanner's
    "https://x.com/a\u200bb",
    "httpx://no",
    "wwwx.no",
    "https://a.b/🔥",
]


@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize(
    "around", ["{}", "Shop {} now", "{} 5 USD", "a\n{}\nb", "{}: #sale", "x{} y", "({}) 20 %"]
)
def test_a_link_chunk_is_read_as_the_scanner_reads_it(
    link: str, around: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = around.format(link)
    assert _as_scanned(text) == _by_the_scanner(text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["https://", "http://", "www.", "HTTPS://", "a", ".", ")", "'", "\n", " "])
        | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=130), max_size=6),
        max_size=12,
    )
)
def test_any_text_with_links_is_read_as_the_scanner_reads_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _as_scanned(text) == _by_the_scanner(text, monkeypatch)
