"""A tokenized post and the phrase matcher every rule shares.

Phrases are data, never regular expressions: a phrase is a sequence of lowercase tokens,
matched case-insensitively over the post's words, skipping punctuation, emoji and line
breaks between them but never running across the end of a sentence. A shared config can
therefore carry phrases without ever being able to hang the engine.

Placeholders stand for one token of a kind: {number} {percent} {price} {word} {code}
{mention} {url} {hashtag}. {code} is a word that looks like a promo code (SAVE50, EARLY).
"""

from salesy import tokens as tk
from salesy.tokens import Token

PLACEHOLDERS = {
    "{number}": tk.NUMBER,
    "{percent}": tk.PERCENT,
    "{price}": tk.PRICE,
    "{word}": tk.WORD,
    "{code}": tk.WORD,
    "{mention}": tk.MENTION,
    "{url}": tk.URL,
    "{hashtag}": tk.HASHTAG,
}


def looks_like_code(token: Token) -> bool:
    """SAVE50, EARLY20, WELCOME10, FREESHIP: capitals or letters+digits, 4-20 characters."""
    if token.kind != tk.WORD or not (4 <= len(token.text) <= 20):
        return False
    letters = digits = lowers = 0
    for c in token.text:
        if "0" <= c <= "9":
            digits += 1
        elif "a" <= c <= "z":
            lowers += 1
            letters += 1
        elif "A" <= c <= "Z":
            letters += 1
        else:
            return False
    if letters == 0:
        return False
    return lowers == 0 or digits > 0


class Doc:
    """The text, its tokens, and the stream of matchable tokens phrases run over."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tk.tokenize(text)
        # stream: indices of tokens that carry words; brk[p]: a sentence ends before stream[p].
        self.stream: list[int] = []
        self.brk: list[bool] = []
        pending_break = False
        for index, token in enumerate(self.tokens):
            if token.kind in tk.MATCHABLE:
                self.stream.append(index)
                self.brk.append(pending_break)
                pending_break = False
            elif token.kind == tk.EMOJI or token.text[0] in tk.SENTENCE_END:
                # Posts end sentences with emoji as often as with full stops.
                pending_break = True
        # next_pos[i]: stream position of the first matchable token at or after token i.
        self.next_pos: list[int] = []
        p = 0
        for index in range(len(self.tokens) + 1):
            while p < len(self.stream) and self.stream[p] < index:
                p += 1
            self.next_pos.append(p)
        self.words = [t for t in self.tokens if t.kind == tk.WORD]
        self.sentences = self._sentences()

    def _sentences(self) -> list[tuple[int, int]]:
        """(first, last) token indices of each sentence; a sentence ends at . ! ? or a line
        break, and keeps its closing punctuation."""
        out: list[tuple[int, int]] = []
        first = -1
        for index, token in enumerate(self.tokens):
            if first >= 0 and self.newline_before(index):
                out.append((first, index - 1))
                first = -1
            if first < 0:
                if token.kind == tk.PUNCT and token.text[0] in tk.SENTENCE_END:
                    continue  # stray "!!" after a line break belongs to nothing
                first = index
            if token.kind == tk.PUNCT and token.text[0] in tk.SENTENCE_END:
                # "?!" and "..." stay with the sentence they close.
                following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
                if following is None or not (
                    following.kind == tk.PUNCT
                    and following.text[0] in tk.SENTENCE_END
                    and following.start == token.end
                ):
                    out.append((first, index))
                    first = -1
        if first >= 0:
            out.append((first, len(self.tokens) - 1))
        return out

    def runs(self, kinds: tuple[str, ...], glue: tuple[str, ...]) -> list[tuple[int, int]]:
        """Maximal runs of tokens of `kinds`, allowing `glue` kinds in between but not at the
        ends: (first, last) token indices and the count of `kinds` tokens in each."""
        out: list[tuple[int, int]] = []
        first = last = -1
        for index, token in enumerate(self.tokens):
            if token.kind in kinds:
                if first < 0:
                    first = index
                last = index
            elif token.kind not in glue and first >= 0:
                out.append((first, last))
                first = -1
        if first >= 0:
            out.append((first, last))
        return out

    def stream_range(self, first: int, last: int) -> tuple[int, int]:
        """Stream positions [start, stop) of the matchable tokens among tokens first..last."""
        return self.next_pos[first], self.next_pos[last + 1]

    def count(self, first: int, last: int, kinds: tuple[str, ...]) -> int:
        return sum(1 for t in self.tokens[first : last + 1] if t.kind in kinds)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point span from token `first` to token `last` (inclusive)."""
        return self.tokens[first].start, self.tokens[last].end

    def sentence_start(self, p: int) -> bool:
        """Does stream position p start a sentence (or the post)?"""
        return p == 0 or self.brk[p]

    def newline_before(self, index: int) -> bool:
        """Is there a line break between token index-1 and token index (or is it first)?"""
        if index == 0:
            return True
        previous = self.tokens[index - 1]
        return "\n" in self.text[previous.end : self.tokens[index].start]


def _parse(phrase: str) -> list[str]:
    seq: list[str] = []
    for piece in phrase.split():
        if piece in PLACEHOLDERS:
            seq.append(piece)
            continue
        for token in tk.tokenize(piece):
            if token.kind in tk.MATCHABLE:
                seq.append(token.low)
    return seq


def _fits(token: Token, element: str) -> bool:
    if element[0] == "{" and element in PLACEHOLDERS:
        if element == "{code}":
            return looks_like_code(token)
        return token.kind == PLACEHOLDERS[element]
    return token.low == element


class Phrases:
    """A compiled set of phrases, indexed by first element; longest phrase wins."""

    def __init__(self, phrases: list[str] | tuple[str, ...]) -> None:
        self.first: dict[str, list[list[str]]] = {}
        self.size = 0
        self.placeholder_first = False
        for phrase in phrases:
            seq = _parse(phrase)
            if not seq:
                continue
            self.size += 1
            self.placeholder_first = self.placeholder_first or seq[0] in PLACEHOLDERS
            self.first.setdefault(seq[0], []).append(seq)
        for key in self.first:
            # Longest first; ties in text order so both interpreters try the same one.
            self.first[key].sort(key=lambda s: (-len(s), " ".join(s)))

    def _candidates(self, token: Token) -> list[list[str]]:
        out = list(self.first.get(token.low, ()))
        if not self.placeholder_first:
            return out
        for placeholder, kind in PLACEHOLDERS.items():
            if (
                kind == token.kind
                and placeholder in self.first
                and (placeholder != "{code}" or looks_like_code(token))
            ):
                out.extend(self.first[placeholder])
        if len(out) > 1:
            out.sort(key=lambda s: (-len(s), " ".join(s)))
        return out

    def match_at(self, doc: Doc, p: int) -> int:
        """Length (in stream tokens) of the longest phrase starting at stream position p."""
        stream = doc.stream
        for seq in self._candidates(doc.tokens[stream[p]]):
            size = len(seq)
            if p + size > len(stream):
                continue
            ok = True
            for q in range(1, size):
                if doc.brk[p + q] or not _fits(doc.tokens[stream[p + q]], seq[q]):
                    ok = False
                    break
            if ok:
                return size
        return 0

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Non-overlapping matches, left to right: (first stream pos, last stream pos)."""
        found: list[tuple[int, int]] = []
        if not self.size:
            return found
        p = 0
        count = len(doc.stream)
        while p < count:
            size = self.match_at(doc, p)
            if size:
                found.append((p, p + size - 1))
                p += size
            else:
                p += 1
        return found

    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Code-point spans of find()."""
        return [doc.span(doc.stream[a], doc.stream[b]) for a, b in self.find(doc)]


_cache: dict[str, Phrases] = {}


def compiled(phrases: list[str]) -> Phrases:
    """Phrases from a config, compiled once per distinct list."""
    key = "\n".join(phrases)
    found = _cache.get(key)
    if found is None:
        if len(_cache) > 32:
            _cache.clear()
        found = Phrases(phrases)
        _cache[key] = found
    return found
