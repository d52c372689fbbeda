"""Shouting (SL107).

What it does:
    Finds shouting: runs of ALL-CAPS words ("HUGE SALE TODAY") and repeated exclamation
    marks ("!!!"). Single acronyms (NASA, FTC, PhD) are left alone.

Why is this bad?
    Capitals and "!!!" are the typography of a flyer taped to a lamp post. They ask for
    attention instead of earning it.

Example:
    EVERYTHING MUST GO!!! 70% OFF!!!

Use instead:
    We're closing the shop in June, so everything left is going at cost.
"""

from salesy import tokens as tk
from salesy.doc import Doc
from salesy.tokens import Token

ID = "SL107"
NAME = "shouting"
CATEGORY = "promotion"
NOUN = ("some shouting", "some shouting")
MESSAGE = 'Shouting: capitals and "!!!" are the typography of a flyer.'
SUGGESTION = "Write in sentence case with one exclamation mark at most; let the words carry it."

MIN_LETTERS = 6  # "DO IT" is not shouting; "HUGE SALE" is

FLAG = [
    "EVERYTHING MUST GO!!! 70% OFF!!!",
    "AMAZING PRODUCTS AT AMAZING PRICES",
    "New drop today!!!",
]
PASS = [
    "The FTC updated its guides today.",
    "I got my PhD in 2019 from UCLA!",
    "What a game! I can't believe it.",
]


def _close(doc: Doc, run: list[int], spans: list[tuple[int, int]]) -> None:
    letters = 0
    for index in run:
        letters += len(doc.tokens[index].text)
    if len(run) >= 2 and letters >= MIN_LETTERS:
        spans.append(doc.span(run[0], run[-1]))


def _capital(token: Token, in_run: bool) -> bool:
    if token.low == token.text:
        return False  # no capital letter at all: the common case, decided at once
    return token.is_upper_word() or (in_run and token.text in ("A", "I"))


def _glued(doc: Doc, last: int, index: int) -> bool:
    """Only commas, dashes, emoji (no sentence end, no line break) between two tokens?"""
    tokens = doc.tokens
    nl = doc.newlines()
    for between in range(last + 1, index + 1):
        if nl[between]:
            return False
        if between == index:
            return True
        token = tokens[between]
        if token.kind == tk.EMOJI or (token.kind == tk.PUNCT and token.head not in tk.SENTENCE_END):
            continue
        return False
    return True


def _caps_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capital words; commas, dashes and emoji may sit inside, sentence ends may not."""
    spans: list[tuple[int, int]] = []
    run: list[int] = []
    tokens = doc.tokens
    for index in doc.indices(tk.WORD):
        token = tokens[index]
        if not run and token.low == token.text:
            continue  # no capital letter and no run to end: most words
        joined = bool(run) and _glued(doc, run[-1], index)
        if _capital(token, joined):
            if not joined:
                _close(doc, run, spans)
                run = []
            run.append(index)
        elif run:
            _close(doc, run, spans)
            run = []
    _close(doc, run, spans)
    return spans


def _bangs(doc: Doc) -> list[tuple[int, int]]:
    """Two or more "!" in a row."""
    spans: list[tuple[int, int]] = []
    tokens = doc.tokens
    first = last = -1
    for index in doc.indices(tk.PUNCT):
        if tokens[index].head not in "!\uff01":
            continue
        if first >= 0 and index == last + 1 and tokens[index].start == tokens[last].end:
            last = index
            continue
        if first >= 0 and last > first:
            spans.append(doc.span(first, last))
        first = last = index
    if first >= 0 and last > first:
        spans.append(doc.span(first, last))
    return spans


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return _caps_runs(doc) + _bangs(doc)
