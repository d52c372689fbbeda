"""Ad wording (SL119), a word-statistics rule.

What it does:
    Weighs the post's words and word pairs against how often each appears in real ads and
    spam versus everyday posts (SpamAssassin's Bayes, made explainable). Numbers, prices,
    links, phone numbers and codes count by kind ("<money>", "<phone>"), not by value. The
    more ad-like the wording, the more of its weight it counts; the finding underlines the
    words that weigh most. Quiet on posts of a few words.

Why is this bad?
    Phrase lists only know the phrases someone thought of. The vocabulary of advertising
    ("claim", "prize", "order", "exclusive", "subscribe") carries across writers, and a post
    made of it reads like a flyer even when no single phrase gives it away.

Example:
    Congratulations! You have been selected to receive an exclusive prize. Claim it now.

Use instead:
    Got a lovely surprise in the post today: my aunt sent the scarf she knitted.

The table is fitted by `salesy train` (model/fitted.py): a few thousand words and pairs, each
kept only when seen in at least two training sources, so no corpus's topic becomes a signal.
"""

from salesy import tokens as tk
from salesy.doc import Doc, looks_like_code
from salesy.model import fitted
from salesy.tokens import Token

ID = "SL119"
NAME = "ad-wording"
CATEGORY = "promotion"
GRADED = True
NOUN = ("ad wording", "ad wording")
MESSAGE = "Ad wording: these words are far more common in ads and spam than in everyday posts."
SUGGESTION = "Say it the way you would to a friend: what it is, what it did for you."

MIN_WORDS = 3  # fewer words than this are not weighed: too little to go on
SCALE = max(1, int(fitted.WORDING.get("scale", 100)))
STEP = 10  # levels come in tenths, like SpamAssassin's BAYES_xx bands
SHOWN = 3  # words underlined: the heaviest
# Only the most telling words count (Graham's "A Plan for Spam"): a long post is not more
# ad-like for having more words, and a few everyday words cannot hide a spam's vocabulary.
TELLING = 10

FLAG = [
    "Congratulations! You have been selected to receive an exclusive prize. Claim it now.",
    "Exclusive offer for our customers: order online and save on every purchase",
]
PASS = [
    "Got a lovely surprise in the post today: my aunt sent the scarf she knitted.",
    "Buy now",  # too short to weigh
]

# What a number-like token stands for: its kind, never its value ("0800 1956669" and
# "0161 4960000" are the same signal).
PLACEHOLDERS = {
    tk.PRICE: "<money>",
    tk.PERCENT: "<percent>",
    tk.URL: "<url>",
    tk.EMAIL: "<email>",
    tk.MENTION: "<mention>",
    tk.CASHTAG: "<cashtag>",
}


# Each word's key, by its text (which decides it): posts repeat their words, and working
# out whether one looks like a code is a loop over its characters.
_WORD_KEYS: dict[str, str] = {}


def key(token: Token) -> str:
    """The token as the table knows it."""
    kind = token.kind
    if kind == tk.WORD:
        found = _WORD_KEYS.get(token.text)
        if found is None:
            found = token.low
            if looks_like_code(token) and found != token.text.lower():
                found = "<code>"  # SAVE50, CLAIM: capitals or letters with digits
            if len(_WORD_KEYS) >= 4096:
                _WORD_KEYS.clear()
            _WORD_KEYS[token.text] = found
        return found
    if kind == tk.NUMBER:
        digits = 0
        for c in token.text:
            if "0" <= c <= "9":
                digits += 1
        if digits >= 7:
            return "<phone>"
        if digits >= 5:
            return "<shortcode>"
        return "<number>"
    if kind == tk.HASHTAG:
        return token.low[1:]  # "#sale" says what "sale" says
    return PLACEHOLDERS.get(kind, token.low)


def keys(doc: Doc) -> dict[str, int]:
    """Every word and pair of neighbouring words in a sentence, each once, with the stream
    position where it first occurs (what `salesy train` counts)."""
    found: dict[str, int] = {}
    previous = ""
    for p, index in enumerate(doc.stream):
        k = key(doc.tokens[index])
        if k not in found:
            found[k] = p
        if previous and not doc.brk[p]:
            pair = previous + " " + k
            if pair not in found:
                found[pair] = p - 1
        previous = k
    return found


def _table(keys: str, weights: bytes) -> dict[str, int]:
    """{key: weight + 128}: built in C on both interpreters (a loop over 3 000 entries
    would cost a tenth of a second of every engine start on MicroPython)."""
    # zip(strict=) is CPython only; the two are written together by `salesy train`.
    return dict(zip(keys.split("\n"), weights)) if keys else {}  # noqa: B905


# The fitted table (model/fitted.py): joined strings of keys and bytes strings of weights
# + 128, a fraction of what JSON costs to load on MicroPython.
WORDS = _table(fitted.WORDS, fitted.WORD_WEIGHTS)
PAIRS = _table(fitted.PAIRS, fitted.PAIR_WEIGHTS)
TABLE = bool(WORDS or PAIRS)


def _pairs_after(pairs: dict[str, int]) -> dict[str, dict[str, int]]:
    """{first word: {second word: weight + 128}}: a post's pairs are looked up without making
    their keys (a new str costs microseconds on MicroPython, and most words start a pair)."""
    out: dict[str, dict[str, int]] = {}
    for pair, weight in pairs.items():
        first, second = pair.split(" ", 1)
        after = out.get(first)
        if after is None:
            out[first] = {second: weight}
        else:
            after[second] = weight
    return out


PAIRS_AFTER = _pairs_after(PAIRS)


def weigh(
    doc: Doc, words: dict[str, int], pairs_after: dict[str, dict[str, int]]
) -> tuple[int, list[tuple[int, int, int]]]:
    """(the sum of the weights of the post's TELLING most telling distinct words and pairs,
    [(weight, first and last stream position)] of the positive ones)."""
    weights: list[int] = []
    seen: dict[object, bool] = {}  # words, and pairs as (first, second)
    heavy: list[tuple[int, int, int]] = []
    tokens = doc.tokens
    brk = doc.brk
    word_keys = _WORD_KEYS
    word = tk.WORD
    after = None  # the pairs the previous word starts
    previous = ""
    for p, index in enumerate(doc.stream):
        token = tokens[index]
        k = word_keys.get(token.text) if token.kind == word else None  # key(), mostly known
        if k is None:
            k = key(token)
        if after is not None and not brk[p]:
            weight = after.get(k)
            if weight is not None:
                pair = (previous, k)
                if pair not in seen:
                    seen[pair] = True
                    weight -= 128
                    weights.append(weight)
                    if weight > 0:
                        heavy.append((weight, p - 1, p))
        weight = words.get(k)
        if weight is not None and k not in seen:
            seen[k] = True
            weight -= 128
            weights.append(weight)
            if weight > 0:
                heavy.append((weight, p, p))
        after = pairs_after.get(k)
        previous = k
    return telling(weights), heavy


def telling(weights: list[int]) -> int:
    """The sum of the TELLING weights furthest from zero (ties: the positive first)."""
    if len(weights) <= TELLING:
        return sum(weights)
    if len(weights) <= 64:  # a post's few: the built-in sort, in C (quicksort is harmless here)
        codes = sorted([w + w + 1 if w > 0 else -w - w for w in weights])
        total = 0
        for code in codes[len(codes) - TELLING :]:
            total += code // 2 if code % 2 else -(code // 2)
        return total
    # Each weight as one integer that orders as (distance from zero, positive first) does:
    # the weights are -128..127 (a byte each in the table), so the codes are 0..256 and a
    # count of each picks the furthest from the top down, with no sort (on MicroPython a
    # sort of a long post's thousand weights is in Python). Equal codes are equal weights:
    # which of them is taken is moot.
    counts = [0] * 257
    for w in weights:
        counts[w + w + 1 if w > 0 else -w - w] += 1
    total = 0
    left = TELLING
    code = 256
    while left:
        count = counts[code]
        if count:
            taken = count if count < left else left
            total += taken * (code // 2 if code % 2 else -(code // 2))
            left -= taken
        code -= 1
    return total


WORD_KINDS = (tk.WORD, tk.HASHTAG, tk.PRICE, tk.PERCENT, tk.NUMBER)


def count_words(doc: Doc) -> int:
    """Words, hashtags and figures: what there is to weigh ("BUY NOW 50% off" is four)."""
    return sum(len(doc.indices(kind)) for kind in WORD_KINDS)


def grade(total: int, words: int) -> int:
    """The level 0-100 a sum of weights earns, in tenths; 0 on posts of few words."""
    if words < MIN_WORDS or total <= 0:
        return 0
    level = total * 100 // SCALE
    return min(100, level - level % STEP)


def detect(doc: Doc, config: dict[str, object]) -> tuple[int, list[tuple[int, int]]]:
    if not TABLE:
        return 0, []
    words = count_words(doc)
    if words < MIN_WORDS:
        return 0, []
    total, heavy = weigh(doc, WORDS, PAIRS_AFTER)
    level = grade(total, words)
    if not level:
        return 0, []
    stream = doc.stream
    spans = [doc.span(stream[first], stream[last]) for first, last in shown(heavy)]
    spans.sort()
    return level, spans


def shown(heavy: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """(first, last) stream positions of the SHOWN heaviest of `heavy` that do not overlap,
    the heaviest first, equal weights in text order. `heavy` comes in text order, as weigh()
    makes it, so grouping it by weight orders it: no sort (on a long post, MicroPython's
    merge sort in Python cost more than the rest of the rule)."""
    groups: dict[int, list[tuple[int, int, int]]] = {}
    for item in heavy:
        group = groups.get(item[0])
        if group is None:
            groups[item[0]] = [item]
        else:
            group.append(item)
    out: list[tuple[int, int]] = []
    taken: dict[int, bool] = {}
    for weight in sorted(groups, reverse=True):
        for _weight, first, last in groups[weight]:
            if first in taken or last in taken:
                continue
            taken[first] = taken[last] = True
            out.append((first, last))
            if len(out) == SHOWN:
                return out
    return out
