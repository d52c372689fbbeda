"""A tokenized post and the phrase matcher every rule shares.

Phrases are data, never regular expressions: a phrase is a sequence of lowercase tokens,
matched case-insensitively over the post's words, skipping punctuation, emoji and line
breaks between them but never running across the end of a sentence. A shared config can
therefore carry phrases without ever being able to hang the engine.

Placeholders stand for one token of a kind: {number} {percent} {price} {word} {code}
{mention} {url} {hashtag} {count}. {code} is a word that looks like a promo code (SAVE50,
EARLY20); {count} is a number or a number word ("3", "three").
"""

from salesy import tokens as tk
from salesy.order import sort_ints
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
    "{count}": tk.NUMBER,
}
# "{count}" is a number or a number word: "3 months free", "two months free".
NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
}


# The placeholder that stands for each matchable kind.
KIND_KEYS = {
    tk.NUMBER: "{number}",
    tk.PERCENT: "{percent}",
    tk.PRICE: "{price}",
    tk.WORD: "{word}",
    tk.MENTION: "{mention}",
    tk.URL: "{url}",
    tk.HASHTAG: "{hashtag}",
    tk.EMAIL: "{email}",
    tk.CASHTAG: "{cashtag}",
}


def looks_like_code(token: Token) -> bool:
    """SAVE50, EARLY20, WELCOME10, FREESHIP: capitals or letters+digits, 4-20 characters."""
    if token.kind != tk.WORD or not (4 <= len(token.text) <= 20):
        return False
    if token.low == token.text and token.text.isalpha():
        return False  # lowercase letters only: most words, decided in C
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
    """The text, its tokens, and the indexes every rule reads instead of rescanning.

    Built in one pass: on MicroPython in the browser each loop step costs about a
    microsecond, so rules look things up here rather than walking every token themselves.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        # Where line breaks are: the scanner notes them, so nothing here reads the text by
        # index (MicroPython walks a str's UTF-8 from the start on every index).
        breaks: list[int] = []
        self.tokens = tk.scan(text, breaks)
        # stream: indices of tokens that carry words; brk[p]: a sentence ends before stream[p].
        self.stream: list[int] = []
        self.brk: list[bool] = []
        # next_pos[i]: stream position of the first matchable token at or after token i.
        self.next_pos: list[int] = []
        # nl[i]: a line break (or the start of the post) comes before token i.
        self.nl: list[bool] = []
        # by_kind[kind]: indices of the tokens of that kind, ascending.
        self.by_kind: dict[str, list[int]] = {}
        # stream_keys[p]: the index keys stream token p can start a phrase with.
        # positions[key]: where the stream has a token with that key, ascending; a phrase set
        # only looks where its first words occur, so its cost follows hits, not text length.
        self.stream_keys: list[tuple[str, ...]] = []
        self.positions: dict[str, list[int]] = {}
        # One pass with everything in locals: attribute lookups cost on both interpreters.
        nl = self.nl
        by_kind = self.by_kind
        next_pos = self.next_pos
        stream = self.stream
        brk = self.brk
        stream_keys = self.stream_keys
        positions = self.positions
        matchable = tk.MATCHABLE
        emoji = tk.EMOJI
        word = tk.WORD
        word_keys = _WORD_KEYS
        sentence_end = tk.SENTENCE_END
        pending_break = False
        breaks.append(len(text) + 1)  # a sentinel: no break beyond the text
        next_break = breaks[0]
        seen_breaks = 0
        first = True
        size = 0  # len(stream)
        for index, token in enumerate(self.tokens):
            start = token.start
            if first:
                nl.append(True)
                first = False
            elif next_break < start:
                nl.append(True)  # a line break lies between the previous token and this one
            else:
                nl.append(False)
            while next_break < token.end:
                seen_breaks += 1
                next_break = breaks[seen_breaks]
            kind = token.kind
            found = by_kind.get(kind)
            if found is None:
                by_kind[kind] = [index]
            else:
                found.append(index)
            next_pos.append(size)
            if kind in matchable:
                stream.append(index)
                brk.append(pending_break)
                pending_break = False
                if kind == word:
                    keys = word_keys.get(token.text)
                    if keys is None:
                        keys = _keys(token)
                        if len(word_keys) >= 4096:
                            word_keys.clear()
                        word_keys[token.text] = keys
                else:
                    keys = _keys(token)
                stream_keys.append(keys)
                for key in keys:
                    found = positions.get(key)
                    if found is None:
                        positions[key] = [size]
                    else:
                        found.append(size)
                size += 1
            elif kind == emoji or token.head in sentence_end:
                # Posts end sentences with emoji as often as with full stops.
                pending_break = True
        next_pos.append(size)
        self._sentences: list[tuple[int, int]] | None = None
        self._starts: list[list[int]] | None = None

    def shared_starts(self, shared_id: int) -> list[int]:
        """Stream positions where rule phrase set `shared_id` may start (unsorted)."""
        starts = self._starts
        if starts is None:
            # First call: route every key of this post to the sets that start with it.
            starts = self._starts = [[] for _ in _SHARED]
            for key, found in self.positions.items():
                for owner in _SHARED_BY_KEY.get(key, ()):
                    starts[owner].extend(found)
        return starts[shared_id] if shared_id < len(starts) else []

    def indices(self, kind: str) -> list[int]:
        """Indices of the tokens of one kind, ascending."""
        return self.by_kind.get(kind) or []

    def sentences(self) -> list[tuple[int, int]]:
        """(first, last) token indices of each sentence; a sentence ends at . ! ? or a line
        break, and keeps its closing punctuation. Computed on first use."""
        if self._sentences is None:
            self._sentences = self._split_sentences()
        return self._sentences

    def _split_sentences(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        first = -1
        tokens = self.tokens
        count = len(tokens)
        for index, token in enumerate(tokens):
            if first >= 0 and self.nl[index]:
                out.append((first, index - 1))
                first = -1
            ends = token.kind == tk.PUNCT and token.head in tk.SENTENCE_END
            if first < 0:
                if ends:
                    continue  # stray "!!" after a line break belongs to nothing
                first = index
            if ends:
                # "?!" and "..." stay with the sentence they close.
                following = tokens[index + 1] if index + 1 < count else None
                if following is None or not (
                    following.kind == tk.PUNCT
                    and following.head in tk.SENTENCE_END
                    and following.start == token.end
                ):
                    out.append((first, index))
                    first = -1
        if first >= 0:
            out.append((first, count - 1))
        return out

    def runs(self, kind: str, glue: tuple[str, ...]) -> list[tuple[int, int, int]]:
        """Maximal runs of tokens of `kind`, with only `glue` kinds between them:
        (first, last, how many of `kind`) per run, in order."""
        out: list[tuple[int, int, int]] = []
        tokens = self.tokens
        first = last = -1
        size = 0
        for index in self.indices(kind):
            joined = first >= 0
            if joined:
                for between in range(last + 1, index):
                    if tokens[between].kind not in glue:
                        joined = False
                        break
            if joined:
                last = index
                size += 1
            else:
                if first >= 0:
                    out.append((first, last, size))
                first = last = index
                size = 1
        if first >= 0:
            out.append((first, last, size))
        return out

    def stream_range(self, first: int, last: int) -> tuple[int, int]:
        """Stream positions [start, stop) of the matchable tokens among tokens first..last."""
        return self.next_pos[first], self.next_pos[last + 1]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point span from token `first` to token `last` (inclusive)."""
        return self.tokens[first].start, self.tokens[last].end

    def sentence_start(self, p: int) -> bool:
        """Does stream position p start a sentence (or the post)?"""
        return p == 0 or self.brk[p]

    def newline_before(self, index: int) -> bool:
        """Is there a line break between token index-1 and token index (or is it first)?"""
        return self.nl[index]

    def slice(self, start: int, end: int) -> str:
        """text[start:end] (MicroPython walks to start in C: cheap for a few findings)."""
        return self.text[start:end]


# A word's keys follow from its text alone; posts repeat their words, drafts all but one.
_WORD_KEYS: dict[str, tuple[str, ...]] = {}


def _keys(token: Token) -> tuple[str, ...]:
    if token.kind == tk.WORD:
        if token.low in NUMBER_WORDS:
            return (token.low, "{word}", "{count}")
        if looks_like_code(token):
            return (token.low, "{word}", "{code}")
        return (token.low, "{word}")
    if token.kind == tk.NUMBER:
        return (token.low, "{number}", "{count}")
    return (token.low, KIND_KEYS[token.kind])


def _parse(phrase: str) -> list[str]:
    seq: list[str] = []
    for piece in phrase.split():
        if piece in PLACEHOLDERS:
            seq.append(piece)
            continue
        if piece.isalpha() and max(piece) < "\x80":
            # ASCII letters only: one word, as tokenize() would find it, without its cost
            # (the rules' ~1 600 phrases are compiled at import, on the engine's cold start).
            seq.append(piece.lower())
            continue
        for token in tk.tokenize(piece):
            if token.kind in tk.MATCHABLE:
                seq.append(token.low)
    return seq


# Marks a trie node where a phrase ends (no element is empty).
END = ""
TYPE_CHECKING = False
if TYPE_CHECKING:
    Trie = dict[str, "Trie"]

# The rules' own phrase sets, by the first words they can start with. A Doc looks up each
# of its words here once, instead of every phrase set looking up every word (on MicroPython
# that is the difference between ~80 and ~1 500 dictionary lookups per post).
_SHARED: list["Phrases"] = []
_SHARED_BY_KEY: dict[str, list[int]] = {}


class Phrases:
    """A compiled set of phrases: a trie of their elements; longest phrase wins.

    shared=True (the rules' fixed sets, made at import) registers the set in the index
    above; sets compiled from a config (team terms) are not registered.
    """

    def __init__(self, phrases: list[str] | tuple[str, ...], shared: bool = True) -> None:
        # first[element] is the trie below a phrase's first element; a node maps the next
        # element to its node, and holds END when a phrase ends there.
        self.first: Trie = {}
        self.size = 0
        self.shared_id = -1
        for phrase in phrases:
            seq = _parse(phrase)
            if not seq:
                continue
            self.size += 1
            node = self.first
            for element in seq:
                child = node.get(element)
                if child is None:
                    child = node[element] = {}
                node = child
            node[END] = {}
        if shared:
            self.shared_id = len(_SHARED)
            _SHARED.append(self)
            for key in sorted(self.first):
                _SHARED_BY_KEY.setdefault(key, []).append(self.shared_id)

    def match_at(self, doc: Doc, p: int) -> int:
        """Length (in stream tokens) of the longest phrase starting at stream position p.

        Walks the trie token by token; a token can follow several branches at once (its
        text, "{word}", "{code}"...), and no phrase runs across the end of a sentence."""
        keys = doc.stream_keys
        first = self.first
        level = []
        for key in keys[p]:  # a loop, not a comprehension: that would be one more call
            if key in first:
                level.append(first[key])
        brk = doc.brk
        count = len(keys)
        best = 0
        q = p
        while level:
            q += 1
            below = []
            for node in level:
                if END in node:
                    best = q - p
                if q < count and not brk[q]:
                    for key in keys[q]:
                        if key in node:
                            below.append(node[key])
            level = below
        return best

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Non-overlapping matches, left to right: (first stream pos, last stream pos)."""
        found: list[tuple[int, int]] = []
        if not self.size:
            return found
        positions = doc.positions
        starts: list[int] = []
        if self.shared_id >= 0:
            starts = doc.shared_starts(self.shared_id)
        elif len(positions) < len(self.first):
            for key in positions:
                if key in self.first:
                    starts.extend(positions[key])
        else:
            for key in self.first:
                if key in positions:
                    starts.extend(positions[key])
        if not starts:
            return found
        starts = sort_ints(starts)
        free = 0  # first position not yet inside a match (or already tried)
        for p in starts:
            if p < free:
                continue
            free = p + 1
            size = self.match_at(doc, p)
            if size:
                found.append((p, p + size - 1))
                free = p + size
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
        found = Phrases(phrases, shared=False)
        _cache[key] = found
    return found
