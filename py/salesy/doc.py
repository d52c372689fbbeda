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
        self._breaks: list[int] = []
        self.tokens = tk.scan(text, self._breaks)
        # stream: indices of tokens that carry words; brk[p]: a sentence ends before stream[p].
        self.stream: list[int] = []
        self.brk: list[bool] = []
        # by_kind[kind]: indices of the tokens of that kind, ascending.
        self.by_kind: dict[str, list[int]] = {}
        # stream_keys[p]: the index keys stream token p can start a phrase with.
        self.stream_keys: list[tuple[str, ...]] = []
        # _starts[set]: where a rule's phrase set may start, ascending (see shared_starts); a
        # set only looks where its first words occur, so its cost follows hits, not length.
        self._starts: dict[int, list[tuple[int, list[Trie]]]] = {}
        # One pass with everything in locals: attribute lookups cost on both interpreters.
        by_kind = self.by_kind
        stream = self.stream
        brk = self.brk
        stream_keys = self.stream_keys
        starts = self._starts
        matchable = tk.MATCHABLE
        emoji = tk.EMOJI
        word = tk.WORD
        word_entries = _WORD_ENTRIES
        sentence_end = tk.SENTENCE_END
        pending_break = False
        size = 0  # len(stream)
        for index, token in enumerate(self.tokens):
            kind = token.kind
            found = by_kind.get(kind)
            if found is None:
                by_kind[kind] = [index]
            else:
                found.append(index)
            if kind in matchable:
                stream.append(index)
                brk.append(pending_break)
                pending_break = False
                if kind == word:
                    entry = word_entries.get(token.text)
                    if entry is None:
                        entry = _entry(token)
                        if len(word_entries) >= 4096:
                            word_entries.clear()
                        word_entries[token.text] = entry
                else:
                    entry = _entry(token)
                stream_keys.append(entry[0])
                for owner, level in entry[1]:
                    where = starts.get(owner)
                    if where is None:
                        starts[owner] = [(size, level)]
                    else:
                        where.append((size, level))
                size += 1
            elif kind == emoji or token.head in sentence_end:
                # Posts end sentences with emoji as often as with full stops.
                pending_break = True
        # What one rule works out and another asks for too (the offer rule reads the calls to
        # action), by rule id.
        self.memo: dict[str, object] = {}
        # Worked out on first use: most posts never need them.
        self._nl: list[bool] | None = None
        self._positions: dict[str, list[int]] | None = None
        self._sentences: list[tuple[int, int]] | None = None

    def shared_starts(self, shared_id: int) -> "list[tuple[int, list[Trie]]]":
        """Where rule phrase set `shared_id` may start, ascending: (stream position, the
        set's trie nodes below that token)."""
        return self._starts.get(shared_id) or []

    def positions(self) -> dict[str, list[int]]:
        """Where the stream has a token with each key, ascending (built on first use)."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for p, keys in enumerate(self.stream_keys):
                for key in keys:
                    found = positions.get(key)
                    if found is None:
                        positions[key] = [p]
                    else:
                        found.append(p)
            self._positions = positions
        return self._positions

    def newlines(self) -> list[bool]:
        """nl[i]: a line break (or the start of the post) comes before token i."""
        if self._nl is None:
            nl: list[bool] = []
            breaks = self._breaks
            breaks.append(self.length + 1)  # a sentinel: no break beyond the text
            next_break = breaks[0]
            seen = 0
            for token in self.tokens:
                nl.append(not nl or next_break < token.start)
                while next_break < token.end:
                    seen += 1
                    next_break = breaks[seen]
            self._nl = nl
        return self._nl

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
        nl = self.newlines()
        for index, token in enumerate(tokens):
            if first >= 0 and nl[index]:
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
        return _count_below(self.stream, first), _count_below(self.stream, last + 1)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Code-point span from token `first` to token `last` (inclusive)."""
        return self.tokens[first].start, self.tokens[last].end

    def sentence_start(self, p: int) -> bool:
        """Does stream position p start a sentence (or the post)?"""
        return p == 0 or self.brk[p]

    def newline_before(self, index: int) -> bool:
        """Is there a line break between token index-1 and token index (or is it first)?"""
        return self.newlines()[index]

    def slice(self, start: int, end: int) -> str:
        """text[start:end] (MicroPython walks to start in C: cheap for a few findings)."""
        return self.text[start:end]


def _count_below(ordered: list[int], value: int) -> int:
    """How many items of an ascending list are below value (MicroPython has no bisect)."""
    low, high = 0, len(ordered)
    while low < high:
        mid = (low + high) // 2
        if ordered[mid] < value:
            low = mid + 1
        else:
            high = mid
    return low


# A word's keys, and the rule phrase sets it can start, follow from its text alone; posts
# repeat their words, and drafts all but one.
_WORD_ENTRIES: dict[str, "Entry"] = {}


def _entry(token: Token) -> "Entry":
    """(keys, and for each shared phrase set that starts with one of them: its id and the
    trie nodes below those first elements)."""
    keys = _keys(token)
    owners: list[int] = []
    for key in keys:
        for owner in _SHARED_BY_KEY.get(key, ()):
            if owner not in owners:
                owners.append(owner)
    starts = []
    for owner in owners:
        first = _SHARED[owner].first
        starts.append((owner, [first[key] for key in keys if key in first]))
    return keys, tuple(starts)


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
        if piece.isalpha():
            # Letters only: one word, as tokenize() would find it, without its cost (the
            # rules' ~1 600 phrases are compiled at import, on the engine's cold start).
            if piece.islower():
                seq.append(piece)  # as the rules write them: no new str (dear on MicroPython)
                continue
            if max(piece) < "\x80":
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
    Entry = tuple[tuple[str, ...], tuple[tuple[int, list[Trie]], ...]]

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
            _WORD_ENTRIES.clear()  # they name the sets each word starts

    def match_at(self, doc: Doc, p: int) -> int:
        """Length (in stream tokens) of the longest phrase starting at stream position p."""
        first = self.first
        level = []
        for key in doc.stream_keys[p]:  # a loop, not a comprehension: that is one more call
            if key in first:
                level.append(first[key])
        return _walk(doc, p, level)

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Non-overlapping matches, left to right: (first stream pos, last stream pos)."""
        found: list[tuple[int, int]] = []
        if not self.size:
            return found
        free = 0  # first position not yet inside a match (or already tried)
        if self.shared_id >= 0:
            # doc.shared_starts(), without the call: most sets start nowhere in a post.
            shared = doc._starts.get(self.shared_id)
            if shared is None:
                return found
            for p, level in shared:  # ascending, each once
                if p < free:
                    continue
                free = p + 1
                size = _walk(doc, p, level)
                if size:
                    found.append((p, p + size - 1))
                    free = p + size
            return found
        positions = doc.positions()
        starts: list[int] = []
        if len(positions) < len(self.first):
            for key in positions:
                if key in self.first:
                    starts.extend(positions[key])
        else:
            for key in self.first:
                if key in positions:
                    starts.extend(positions[key])
        for p in sort_ints(starts):
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
        found = self.find(doc)
        if not found:
            return []
        tokens = doc.tokens
        stream = doc.stream
        return [(tokens[stream[a]].start, tokens[stream[b]].end) for a, b in found]


def _walk(doc: Doc, p: int, level: "list[Trie]") -> int:
    """Length of the longest phrase through the trie nodes `level`, which the token at p
    reached: walks on token by token. A token can follow several branches at once (its text,
    "{word}", "{code}"...), and no phrase runs across the end of a sentence."""
    keys = doc.stream_keys
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
