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

ID = "SL107"
NAME = "shouting"
CATEGORY = "promotion"
WEIGHT = 10
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


def _caps_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capital words; commas, dashes and emoji may sit inside, sentence ends may not."""
    spans: list[tuple[int, int]] = []
    run: list[int] = []
    for index, token in enumerate(doc.tokens):
        if run and doc.newline_before(index):
            _close(doc, run, spans)
            run = []
        if token.is_upper_word() or (run and token.kind == tk.WORD and token.text in ("A", "I")):
            run.append(index)
        elif token.kind == tk.EMOJI or (
            token.kind == tk.PUNCT and token.text[0] not in tk.SENTENCE_END
        ):
            continue
        else:
            _close(doc, run, spans)
            run = []
    _close(doc, run, spans)
    return spans


def _bangs(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    first = last = -1
    for index, token in enumerate(doc.tokens):
        adjacent = first >= 0 and token.start == doc.tokens[last].end
        if token.kind == tk.PUNCT and token.text[0] in "!\uff01" and (first < 0 or adjacent):
            if first < 0:
                first = index
            last = index
            continue
        if first >= 0 and last > first:
            spans.append(doc.span(first, last))
        first = -1
        if token.kind == tk.PUNCT and token.text[0] in "!\uff01":
            first = last = index
    if first >= 0 and last > first:
        spans.append(doc.span(first, last))
    return spans


def detect(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
    return _caps_runs(doc) + _bangs(doc)
