"""Signals several rules share: where a sentence gives an order, what reaches the seller
(a link, a phone number, a short code, an e-mail address), what money looks like.

A rule reads these instead of keeping its own copy, so "an imperative aimed at a channel"
means the same thing to the call-to-action, subscribe-begging and contact rules. Like the
rest of the engine: plain loops over the post's tokens, the same on both interpreters.
"""

from salesy import tokens as tk
from salesy.doc import Doc, Phrases, _count_below
from salesy.order import sort_by
from salesy.tokens import Token

# Words that may stand before an imperative without making it anything else: "Please buy",
# "Hey guys, subscribe", "So go check it out", "Don't forget to order".
SOFTENERS = {
    "please",
    "pls",
    "plz",
    "pleas",
    "pleasee",
    "plss",
    "kindly",
    "just",
    "so",
    "now",
    "go",
    "come",
    "and",
    "also",
    "then",
    "hey",
    "hi",
    "hello",
    "yo",
    "guys",
    "everyone",
    "everybody",
    "y'all",
    "yall",
    "folks",
    "friends",
    "ok",
    "okay",
    "don't",
    "dont",
    "forget",
    "to",
    "be",
    "sure",
    "make",
    "remember",
    "why",
    "not",
    "quickly",
    "simply",
    "ladies",
    "gentlemen",
    "all",
}
# How many softener words may stand before the verb.
SOFTENERS_BEFORE = 4


def sentence_start(doc: Doc, p: int) -> int:
    """The stream position that starts the sentence holding stream position p (worked out
    for the whole post once, so a long post without full stops stays linear)."""
    found = doc.memo.get("sentence_starts")
    if found is None:
        starts: list[int] = []
        current = 0
        for q, brk in enumerate(doc.brk):
            if brk:
                current = q
            starts.append(current)
        doc.memo["sentence_starts"] = found = starts
    return found[p]  # type: ignore[index,no-any-return]


def opens_directive(doc: Doc, p: int) -> bool:
    """Does stream position p open an order to the reader: the start of a sentence, or after
    only softeners ("please", "hey guys", "don't forget to") and @mentions?"""
    if p == 0 or doc.brk[p]:
        return True
    start = sentence_start(doc, p)
    if p - start > SOFTENERS_BEFORE:
        return False
    tokens = doc.tokens
    stream = doc.stream
    for q in range(start, p):
        token = tokens[stream[q]]
        if token.kind not in LEADING_KINDS and token.low not in SOFTENERS:
            return False
    return True


def paragraph_of(doc: Doc, index: int) -> int:
    """Which paragraph (text between blank lines) token `index` stands in. Rules that pair
    two things anywhere in a post pair them within a paragraph: a link under one paragraph is
    not what an order in another is aimed at (and an edit costs one paragraph's check)."""
    found = doc.memo.get("blank_lines")
    if found is None:
        blanks: list[int] = []
        at = doc.text.find("\n\n")
        while at >= 0:
            blanks.append(at)
            at = doc.text.find("\n\n", at + 1)
        doc.memo["blank_lines"] = found = blanks
    return _count_below(found, doc.tokens[index].start)  # type: ignore[arg-type]


# Tokens that may stand before an order: "@ana check this out", "https://… Go register".
LEADING_KINDS = (tk.MENTION, tk.URL)


def followed_by(doc: Doc, last: int, phrases: Phrases) -> int:
    """How many stream tokens of `phrases` follow stream position `last` in the same
    sentence (0: none does)."""
    following = last + 1
    if following >= len(doc.stream) or doc.brk[following]:
        return 0
    return phrases.match_at(doc, following)


def digits(token: Token) -> int:
    count = 0
    for c in token.text:
        if "0" <= c <= "9":
            count += 1
    return count


def phone_end(doc: Doc, index: int) -> int:
    """If a phone number starts at token `index`, the index of its last token, else -1: a
    number of 10 or more digits, or numbers next to each other that make up 9 or more
    ("0800 1956669", "1-800-555-0199"), never a date or a price."""
    tokens = doc.tokens
    token = tokens[index]
    if token.kind != tk.NUMBER or "," in token.text or token.text.endswith("00000"):
        return -1  # 1,000,000 or 2000000000 views: a count, not a phone
    total = digits(token)
    last = index
    # Neighbouring numbers joined by spaces, dashes, dots or brackets count together.
    j = index + 1
    while j < len(tokens) and total < 9:
        between = tokens[j]
        if between.kind == tk.NUMBER and between.start - tokens[j - 1].end <= 1:
            total += digits(between)
            last = j
        elif not (
            between.kind == tk.PUNCT
            and between.head in "-.()"
            and between.start - tokens[j - 1].end <= 1
        ):
            break
        j += 1
    return last if total >= 9 else -1


# A short code is the number an SMS is sent to: "Txt WIN to 80086", "reply to 61200".
SHORT_CODE_LEAD = {"to", "on"}


def is_short_code(doc: Doc, p: int) -> bool:
    """Stream position p is a 4-6 digit number right after "to"/"on" that follows a
    text/txt/send/reply verb in the same sentence."""
    token = doc.tokens[doc.stream[p]]
    if token.kind != tk.NUMBER or not (4 <= digits(token) <= 6) or digits(token) != len(token.text):
        return False
    if p == 0 or doc.brk[p] or doc.tokens[doc.stream[p - 1]].low not in SHORT_CODE_LEAD:
        return False
    start = sentence_start(doc, p)
    return any(doc.tokens[doc.stream[q]].low in TEXT_VERBS for q in range(max(start, p - 6), p - 1))


TEXT_VERBS = {"text", "txt", "sms", "send", "reply", "call", "ring", "dial", "msg", "message"}


def is_money(token: Token) -> bool:
    """A price or an amount: $5, 5 USD, £100,000, and pence written "150p"."""
    if token.kind == tk.PRICE:
        return True
    if token.kind != tk.WORD or not token.low.endswith("p") or len(token.text) < 2:
        return False
    body = token.text[:-1]
    return body.isdigit() and len(body) <= 4


def channels(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token indices of what reaches a seller: links, e-mail addresses, phone
    numbers, short codes, in text order."""
    found = [(i, i) for i in doc.indices(tk.URL)] + [(i, i) for i in doc.indices(tk.EMAIL)]
    numbers = doc.indices(tk.NUMBER)
    if numbers:
        phones = []  # (first, last) of each phone number, in order
        covered = -1
        for index in numbers:
            if index <= covered:
                continue
            last = phone_end(doc, index)
            if last >= 0:
                phones.append((index, last))
                covered = last
        found.extend(phones)
        # A short code is a number of its own, not one of a phone number's groups; it may
        # stand before a phone number as well as after one.
        at = 0
        for p, index in enumerate(doc.stream):
            if doc.tokens[index].kind != tk.NUMBER:
                continue
            while at < len(phones) and phones[at][1] < index:
                at += 1
            if at < len(phones) and phones[at][0] <= index:
                continue
            if is_short_code(doc, p):
                found.append((index, index))
    # Links first, then numbers: merge them in order (a quicksort on MicroPython goes
    # quadratic on input this close to sorted).
    return sort_by(found, _span_key) if len(found) > 64 else sorted(found)


def _span_key(span: tuple[int, int]) -> tuple[int, int]:
    return span
