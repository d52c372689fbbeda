"""Incremental checking of long posts: an edit costs about one paragraph's check.

`Checker().judge(text, config)` gives exactly what `engine.judge(text, config)` gives; it
keeps what the rules found in each paragraph (by its text) and, on the next call, works out
only the paragraphs that changed, then combines all of them into the whole post's findings,
scores and verdict as the engine does.

Where a post may be cut: at a blank line ("\\n\\n") whose paragraph before ends a sentence
(".", "!", "?"…) and whose paragraph after starts with a word or a number. Across such a
cut nothing the rules read can reach: phrases, orders and their channels stop at a
sentence end, runs of hashtags, mentions or emoji are broken by the full stop and the word,
phone numbers by the blank line. Paragraphs without such a cut between them are checked
together. Most rules then find in the whole post what they find in its parts; the others
also weigh the whole post (a hashtag count, "I" anywhere, a disclosure anywhere, how the post
opens, the wording score), and for them each part keeps the counts and spans they weigh, in
FACTS below, and COMBINE adds them up as the rule would. A rule that fails in a part: the
whole post is checked at once, as the engine would (and it reports the failure).

Plain Python for both interpreters, like the rest of the engine.
"""

from salesy import engine, language, signals
from salesy import tokens as tk
from salesy.doc import Doc, compiled
from salesy.rules import (
    RULES,
    sl101_call_to_action,
    sl104_offer,
    sl108_hashtag_pile,
    sl110_link_only,
    sl114_sponsored,
    sl118_reader_address,
    sl119_ad_wording,
    sl201_follow_begging,
    sl203_mass_mention,
    sl301_undisclosed_tie,
    sl302_vague_disclosure,
    sl303_buried_ad,
    sl402_question,
    sl403_conversation,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Spans = list[tuple[int, int]]

CUT = "\n\n"
CACHE = 512  # parts remembered; a 25 000-character post has a few hundred paragraphs at most
OPENS = (tk.WORD, tk.NUMBER)  # what a part after a cut must start with


def _shift(spans: "Spans", by: int) -> "Spans":
    if not by:
        return spans
    return [(start + by, end + by) for start, end in spans]


# ---------------------------------------------------------------- the rules that weigh the post
# FACTS[id](doc, config) -> what one part holds for that rule; COMBINE[id](facts of each part,
# each part's offset) -> (level, spans) for the whole post, as the rule's detect() would say.


def _mention_first(doc: Doc) -> bool:
    return bool(doc.tokens) and doc.tokens[0].kind == tk.MENTION


def _offer_facts(doc: Doc, config: dict[str, object]) -> "Any":
    money = []
    tokens = doc.tokens
    for index in doc.indices(tk.PRICE) + doc.indices(tk.PERCENT) + doc.indices(tk.WORD):
        token = tokens[index]
        if token.kind != tk.WORD or token.low == "free" or signals.is_money(token):
            money.append((token.start, token.end))
    calls = bool(sl101_call_to_action.calls(doc, config))
    return sl104_offer.MATCHER.spans(doc), calls, money


def _offer(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    spans = _joined(parts, at, 0)
    if not spans and any(facts[1] for facts in parts):
        spans = _joined(parts, at, 2)
    return _found(spans)


def _runs_facts(kind: str) -> "Any":
    def facts(doc: Doc, config: dict[str, object]) -> "Any":
        runs = doc.runs(kind, (tk.PUNCT, tk.EMOJI))
        if kind == tk.MENTION:
            sized = [(doc.span(a, b), sl203_mass_mention._distinct(doc, a, b)) for a, b, _n in runs]
            return sized, {doc.tokens[i].low for i in doc.indices(tk.MENTION)}
        sized = [(doc.span(a, b), n) for a, b, n in runs]
        return sized, len(doc.indices(tk.HASHTAG))

    return facts


def _pile(run: int, total: int, distinct: bool) -> "Any":
    def combine(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
        runs: list[tuple[tuple[int, int], int]] = []
        for facts, by in zip(parts, at):  # noqa: B905 (MicroPython: no strict=)
            for (start, end), size in facts[0]:
                runs.append(((start + by, end + by), size))
        spans = [span for span, size in runs if size >= run]
        if distinct:
            seen: set[str] = set()
            for facts in parts:
                seen |= facts[1]
            count = len(seen)
        else:
            count = sum(facts[1] for facts in parts)
        if not spans and count >= total:
            spans = [span for span, _size in runs]
        return _found(spans)

    return combine


def _link_only_facts(doc: Doc, config: dict[str, object]) -> "Any":
    links = [(doc.tokens[i].start, doc.tokens[i].end) for i in doc.indices(tk.URL)]
    others = 0
    for kind in (tk.WORD, tk.MENTION, tk.NUMBER, tk.PRICE, tk.PERCENT):
        others += len(doc.indices(kind))
    return links, others, _mention_first(doc)


def _link_only(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    links = _joined(parts, at, 0)
    if not links or parts[0][2] or sum(facts[1] for facts in parts) > sl110_link_only.MAX_WORDS:
        return 0, []
    return _found(links)


def _sponsored_facts(doc: Doc, config: dict[str, object]) -> "Any":
    """sl114's detect() in two: its tags anywhere, and the "Ad:" opening of the post."""
    rule = sl114_sponsored
    hidden = sl303_buried_ad.buried(doc)
    spans = []
    for start, end in rule.MATCHER.spans(doc):
        quoted = start > 0 and doc.slice(start - 1, start) in rule.QUOTES
        if (start, end) not in hidden and not quoted:
            spans.append((start, end))
    opener = None
    if doc.stream:
        first = doc.tokens[doc.stream[0]]
        nxt = doc.stream[0] + 1
        following = doc.tokens[nxt] if nxt < len(doc.tokens) else None
        if (
            first.kind == tk.WORD
            and first.low in rule.OPENERS
            and following is not None
            and following.kind == tk.PUNCT
            and following.head in ":|-–—"
        ):
            opener = (first.start, first.end)
    return spans, opener, bool(doc.stream)


def _sponsored(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    spans = _joined(parts, at, 0)
    # The post opens where its first part with any word or sign does (not a blank one).
    for facts, by in zip(parts, at):  # noqa: B905 (MicroPython: no strict=)
        if facts[2]:
            if facts[1] is not None:
                spans.extend(_shift([facts[1]], by))
            break
    return _found(spans)


def _reader_facts(doc: Doc, config: dict[str, object]) -> "Any":
    tokens = doc.tokens
    you = []
    self_ = False
    for index in doc.indices(tk.WORD):
        low = tokens[index].low
        if low in sl118_reader_address.SELF:
            self_ = True
            break
        if low in sl118_reader_address.YOU:
            you.append((tokens[index].start, tokens[index].end))
    return you, self_, _mention_first(doc)


def _reader(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    if parts[0][2] or any(facts[1] for facts in parts):
        return 0, []
    you = _joined(parts, at, 0)
    if len(you) < sl118_reader_address.MIN_YOU:
        return 0, []
    return _found(you)


def _wording_facts(doc: Doc, config: dict[str, object]) -> "Any":
    """What sl119's weigh() meets in the part: {word or pair: weight} of those it weighs, and
    the positive ones by weight, each where it first occurs in the part, in text order:
    {weight: [(key, first and last stream position, code-point span)]}; and the part's word
    and stream counts."""
    rule = sl119_ad_wording
    weights: dict[object, int] = {}  # words, and pairs as (first, second), as weigh() has them
    heavy: dict[int, list[tuple[object, int, int, tuple[int, int]]]] = {}
    tokens = doc.tokens
    brk = doc.brk
    stream = doc.stream
    after = None
    previous = ""
    for p, index in enumerate(stream):
        k = rule.key(tokens[index])
        found: list[tuple[object, int, int, tuple[int, int]]] = []
        if after is not None and not brk[p]:
            weight = after.get(k)
            if weight is not None:
                pair = (previous, k)  # made only for a known pair, as in weigh()
                if pair not in weights:
                    span = (tokens[stream[p - 1]].start, tokens[index].end)
                    found.append((pair, weight - 128, p - 1, span))
        weight = rule.WORDS.get(k)
        if weight is not None and k not in weights:
            found.append((k, weight - 128, p, (tokens[index].start, tokens[index].end)))
        for key, weight, first, span in found:
            weights[key] = weight
            if weight > 0:
                item = (key, first, p, span)
                group = heavy.get(weight)
                if group is None:
                    heavy[weight] = [item]
                else:
                    group.append(item)
        after = rule.PAIRS_AFTER.get(k)
        previous = k
    return weights, heavy, rule.count_words(doc), len(stream)


def _wording(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    """sl119's detect() from the parts: the weights of the distinct words and pairs of the
    whole post are the union of the parts' (a dict update, no loop in Python), and the words
    shown are found from the heaviest weight down, looking only at the parts' items of that
    weight, in text order, each key where the post first has it."""
    rule = sl119_ad_wording
    if not rule.TABLE:
        return 0, []
    words = sum(facts[2] for facts in parts)
    if words < rule.MIN_WORDS:
        return 0, []
    union: dict[object, int] = {}
    for facts in parts:
        union.update(facts[0])
    level = rule.grade(rule.telling(list(union.values())), words)
    if not level:
        return 0, []
    offsets = []  # stream positions before each part
    offset = 0
    for facts in parts:
        offsets.append(offset)
        offset += facts[3]
    levels: set[int] = set()
    for facts in parts:
        levels.update(facts[1])
    spans: list[tuple[int, int]] = []
    taken: dict[int, bool] = {}
    for weight in sorted(levels, reverse=True):
        seen: dict[object, bool] = {}
        for facts, before, by in zip(parts, offsets, at):  # noqa: B905 (MicroPython: no strict=)
            for key, first, last, span in facts[1].get(weight, ()):
                if key in seen:
                    continue
                seen[key] = True
                first += before
                last += before
                if first in taken or last in taken:
                    continue
                taken[first] = taken[last] = True
                spans.append((span[0] + by, span[1] + by))
                if len(spans) == rule.SHOWN:
                    spans.sort()
                    return level, spans
    spans.sort()
    return level, spans


def _follow_facts(doc: Doc, config: dict[str, object]) -> "Any":
    rule = sl201_follow_begging
    spans = []
    for first, last in rule.MATCHER.find(doc):
        if not rule._for_a_message(doc, first):
            spans.append(doc.span(doc.stream[first], doc.stream[last]))
    return spans, _mention_first(doc)


def _follow(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    if parts[0][1]:
        return 0, []
    return _found(_joined(parts, at, 0))


def _disclosure_facts(matcher: "Any") -> "Any":
    def facts(doc: Doc, config: dict[str, object]) -> "Any":
        hidden = sl303_buried_ad.buried(doc)
        tagged = any(span not in hidden for span in sl301_undisclosed_tie.DISCLOSED.spans(doc))
        opener = bool(doc.stream) and doc.tokens[doc.stream[0]].low in (
            "ad",
            "advert",
            "sponsored",
        )
        if matcher is None:  # SL301: its signals and affiliate links
            spans = sl301_undisclosed_tie.SIGNALS.spans(doc)
            for index in doc.indices(tk.URL):
                token = doc.tokens[index]
                if sl301_undisclosed_tie._is_affiliate(token):
                    spans.append((token.start, token.end))
        else:
            spans = matcher.spans(doc)
        return spans, tagged, opener

    return facts


def _disclosure(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    if parts[0][2] or any(facts[1] for facts in parts):
        return 0, []
    return _found(_joined(parts, at, 0))


def _question_facts(doc: Doc, config: dict[str, object]) -> "Any":
    rule = sl402_question
    tokens = doc.tokens
    asks = any(tokens[i].head in rule.QUESTION_MARKS for i in doc.indices(tk.PUNCT))
    spans = []
    if asks:
        for first, last in doc.sentences():
            end = tokens[last]
            if not (end.kind == tk.PUNCT and end.head in rule.QUESTION_MARKS):
                continue
            start_p, stop_p = doc.stream_range(first, last)
            if stop_p - start_p < rule.MIN_WORDS:
                continue
            if rule.SALES_OPENERS.match_at(doc, start_p):
                continue
            spans.append(doc.span(first, last))
    return spans, asks, bool(sl101_call_to_action.calls(doc, config))


def _question(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    if not any(facts[1] for facts in parts) or any(facts[2] for facts in parts):
        return 0, []
    return _found(_joined(parts, at, 0))


def _first_part_facts(detect: "Any") -> "Any":
    def facts(doc: Doc, config: dict[str, object]) -> "Any":
        return (detect(doc, config),)

    return facts


def _first_part(parts: "list[Any]", at: list[int]) -> "tuple[int, Spans]":
    """How the post opens: its first part says it all (a cut comes after a sentence end)."""
    return _found(list(parts[0][0]))


def _joined(parts: "list[Any]", at: list[int], field: int) -> "Spans":
    out: list[tuple[int, int]] = []
    for facts, by in zip(parts, at):  # noqa: B905 (MicroPython: no strict=)
        if facts[field]:
            out.extend(_shift(facts[field], by))
    return out


def _found(spans: "Spans") -> "tuple[int, Spans]":
    return (100 if spans else 0), spans


FACTS = {
    "SL104": _offer_facts,
    "SL108": _runs_facts(tk.HASHTAG),
    "SL110": _link_only_facts,
    "SL114": _sponsored_facts,
    "SL118": _reader_facts,
    "SL119": _wording_facts,
    "SL201": _follow_facts,
    "SL203": _runs_facts(tk.MENTION),
    "SL301": _disclosure_facts(None),
    "SL302": _disclosure_facts(sl302_vague_disclosure.MATCHER),
    "SL402": _question_facts,
    "SL403": _first_part_facts(sl403_conversation.detect),
}
COMBINE = {
    "SL104": _offer,
    "SL108": _pile(sl108_hashtag_pile.RUN, sl108_hashtag_pile.TOTAL, False),
    "SL110": _link_only,
    "SL114": _sponsored,
    "SL118": _reader,
    "SL119": _wording,
    "SL201": _follow,
    "SL203": _pile(sl203_mass_mention.RUN, sl203_mass_mention.TOTAL, True),
    "SL301": _disclosure,
    "SL302": _disclosure,
    "SL402": _question,
    "SL403": _first_part,
}


# ---------------------------------------------------------------- parts and the checker


class Part:
    """What the rules find in one part of a post (one paragraph or several), offsets from
    the part's own start."""

    def __init__(self, text: str, conf: dict[str, object]) -> None:
        doc = Doc(text)
        tokens = doc.tokens
        self.length = doc.length
        last = tokens[-1] if tokens else None
        # Can a cut come after this part, and before it? Not after "Buy 🔥.": an emoji after
        # the last word, before any full stop, reads as a sentence end only when more follows
        # (SL101, "Subscribe 🔥"). Nor after a part with no word ("🔥."): the words before it
        # are in other parts, out of its sight.
        self.ends = (
            bool(doc.stream)
            and last is not None
            and last.kind == tk.PUNCT
            and last.head in tk.SENTENCE_END
        )
        if self.ends:
            for index in range(doc.stream[-1] + 1, len(tokens)):
                token = tokens[index]
                if token.kind == tk.EMOJI:
                    self.ends = False
                    break
                if token.kind == tk.PUNCT and token.head in tk.SENTENCE_END:
                    break
        self.opens = bool(tokens) and tokens[0].kind in OPENS
        self.words = language.counts(doc)
        terms = conf["terms"]
        allow = terms.get("allow") if isinstance(terms, dict) else None
        self.allowed = compiled(allow).spans(doc) if isinstance(allow, list) and allow else []
        self.found: dict[int, Any] = {}  # registry order -> (level, spans) or the rule's facts
        self.failed = False
        for order, rule, _weight in engine._enabled_rules(conf):
            facts = FACTS.get(rule.ID)
            try:
                self.found[order] = rule.run(doc, conf) if facts is None else facts(doc, conf)
            except Exception:
                self.failed = True  # the engine reports it, on the whole post
                return
        # The rules that add up their parts' spans, where this part has some: most have none.
        self.hits = [
            (order, found[1])
            for order, found in self.found.items()
            if RULES[order].ID not in COMBINE and found[1]
        ]


class Checker:
    """Checks successive versions of a long post, reusing each unchanged part's answer."""

    def __init__(self) -> None:
        self._parts: dict[str, Part] = {}
        self._conf: object = None

    def judge(self, text: str, config: object = None) -> dict[str, object]:
        """engine.judge(text, config), worked out part by part."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        conf = engine.effective_config(config)
        if conf is not self._conf:
            # What a part holds depends on the config (rules, terms). The same config merged
            # again (another caller's config came in between) keeps the parts.
            if conf != self._conf:
                self._parts = {}
            self._conf = conf
        # A whole post is checked with the caller's config, not the merged one: the engine
        # remembers the last config it merged, and another would replace it.
        if CUT not in text:
            return engine.judge(text, config)
        cut = _parts(text, self._part)
        if len(cut) == 1:
            return engine.judge(text, config)
        parts = []
        for _start, part_text in cut:
            part = self._part(part_text)
            if part.failed:
                return engine.judge(text, config)
            parts.append(part)
        return _combined(parts, [start for start, _text in cut], conf)

    def check(self, text: str, config: object = None) -> dict[str, object]:
        """engine.check(text, config), worked out part by part."""
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        return engine.filled(text, self.judge(text, config))

    def _part(self, text: str) -> Part:
        part = self._parts.get(text)
        if part is None:
            if len(self._parts) >= CACHE:
                self._parts = {}
            conf = self._conf
            assert isinstance(conf, dict)
            part = self._parts[text] = Part(text, conf)
        return part


def _parts(text: str, part_of: "Any") -> list[tuple[int, str]]:
    """Where the post is cut: (offset, text) of each part. Paragraphs are cut at each blank
    line; a cut stays only where the paragraph before ends a sentence and the one after opens
    with a word or a number (each paragraph's own Part says; they are needed anyway). The
    paragraphs come from one split(), not a slice each: MicroPython walks a str's UTF-8 from
    its start to slice it."""
    pieces = text.split(CUT)
    if len(pieces) == 1:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    group: list[str] = []  # paragraphs with no cut between them yet
    start = at = 0
    before = None
    for piece in pieces:
        after = part_of(piece)
        if before is not None and not (before.ends and after.opens):
            group.append(piece)
        else:
            if group:
                out.append((start, CUT.join(group)))
            group = [piece]
            start = at
        at += len(piece) + len(CUT)
        before = after
    out.append((start, CUT.join(group)))
    return out


def _combined(parts: list[Part], at: list[int], conf: dict[str, object]) -> dict[str, object]:
    """engine.judge()'s answer from the parts' findings."""
    length = at[-1] + parts[-1].length
    allowed = None
    if any(part.allowed for part in parts):
        allowed = bytearray(length + 1)
        for part, by in zip(parts, at):  # noqa: B905 (MicroPython: no strict=)
            for start, end in part.allowed:
                for i in range(start + by, end + by):
                    allowed[i] = 1
    union: dict[int, list[tuple[int, int]]] = {}
    for part, by in zip(parts, at):  # noqa: B905 (MicroPython: no strict=)
        for order, part_spans in part.hits:
            got = union.get(order)
            if got is None:
                got = union[order] = []
            got.extend(_shift(part_spans, by))
    fired: list[Any] = []
    for order, rule, weight in engine._enabled_rules(conf):
        combine = COMBINE.get(rule.ID)
        if combine is not None:
            level, spans = combine([part.found[order] for part in parts], at)
        else:
            spans = union.get(order) or []
            level = 100 if spans else 0
        engine.count(fired, order, rule, weight, level, spans, allowed)
    words = english = latin = foreign = 0
    for part in parts:
        words += part.words[0]
        english += part.words[1]
        latin += part.words[2]
        foreign += part.words[3]
    lang = language.judged(words, english, latin, foreign)
    return engine.judged(fired, [], length, lang, conf)


__all__ = ["RULES", "Checker"]
