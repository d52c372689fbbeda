"""A hand-written tokenizer for posts on X.

Why by hand: PyScript's MicroPython has a crippled `re` (no \\b, no {m,n}, no lookaround) and
its `str.isalpha()`, `isspace()` and `lower()` only know ASCII. So this module classifies
code points itself, the same way on both interpreters, and keeps code-point offsets (what
Python's `text[start:end]` counts; the extension converts to UTF-16 in one place).

Token kinds:
  word     letters (any script), digits and apostrophes inside a word: "I'm", "SAVE50", "café"
  number   123, 1,000, 4.5, 10k, "#1"
  percent  20%, 20 %
  price    $19.99, €5, 5€, £10.50, 5 USD, 19.99 dollars
  url      https://…, www.…, bit.ly/x, shop.example.com/sale
  email    me@example.com
  mention  @name
  hashtag  #word
  cashtag  $TSLA
  emoji    one pictograph with its modifiers, ZWJ sequences, flags and keycaps
  punct    any other single non-space character
"""

WORD = "word"
NUMBER = "number"
PERCENT = "percent"
PRICE = "price"
URL = "url"
EMAIL = "email"
MENTION = "mention"
HASHTAG = "hashtag"
CASHTAG = "cashtag"
EMOJI = "emoji"
PUNCT = "punct"

# Kinds that carry words a phrase can match; punctuation and emoji are skipped by phrases.
MATCHABLE = {WORD, NUMBER, PERCENT, PRICE, URL, EMAIL, MENTION, HASHTAG, CASHTAG}

# Punctuation that ends a sentence: a phrase never runs across it ("Don't buy. Now I …").
SENTENCE_END = ".!?;…\u061f\u06d4\u0964\u0965\u3002\uff01\uff1f"

CURRENCY_SIGNS = "$€£¥₹₩₽₺₴₦₱₪₫"
CURRENCY_WORDS = {
    "usd",
    "eur",
    "gbp",
    "cad",
    "aud",
    "jpy",
    "inr",
    "chf",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "bucks",
    "pounds",
    "quid",
}

# Endings that make "name.tld/…" a link even without http:// or www.
TLDS = {
    "com",
    "net",
    "org",
    "io",
    "co",
    "ly",
    "to",
    "me",
    "gg",
    "tv",
    "ai",
    "app",
    "dev",
    "shop",
    "store",
    "link",
    "info",
    "biz",
    "uk",
    "de",
    "fr",
    "es",
    "it",
    "nl",
    "ca",
    "us",
    "page",
    "site",
    "xyz",
    "online",
}

APOSTROPHES = "'\u2019"
# Characters that end a line (a phrase may run across them; a sentence may not).
LINE_BREAKS = "\n\r\u2028\u2029\x85"
URL_TRAILING = ".,;:!?)]}\"'\u2019\u201d>"


_SPACE_CACHE: dict[str, bool] = {}


def _is_space(c: str) -> bool:
    if c == " ":
        return True
    if c < "\x80":
        return c <= " " or c == "\x7f"  # ASCII controls count as space
    known = _SPACE_CACHE.get(c)
    if known is None:
        if len(_SPACE_CACHE) >= 4096:
            _SPACE_CACHE.clear()
        known = _SPACE_CACHE[c] = _is_space_wide(ord(c))
    return known


def _is_space_wide(o: int) -> bool:
    """Non-ASCII spaces and invisible marks."""
    return (
        o == 0x85
        or o == 0xA0
        or o == 0x1680
        or 0x2000 <= o <= 0x200B  # typographic spaces and the zero-width space
        or 0x200E <= o <= 0x200F  # LRM / RLM: invisible direction marks (RTL text)
        or 0x2028 <= o <= 0x202F  # line/paragraph separators, bidi embeddings, NNBSP
        or 0x205F <= o <= 0x206F  # math space, word joiner, bidi isolates
        or o == 0x3000
        or o == 0xFEFF
    )


def _is_emoji_base(o: int) -> bool:
    return (
        0x1F000 <= o <= 0x1FAFF  # pictographs, emoticons, transport, symbols & pictographs
        or 0x2600 <= o <= 0x27BF  # misc symbols and dingbats: ☀ ✅ ❤ ➡
        or 0x2B00 <= o <= 0x2BFF  # ⬆ ⭐ ⭕
        or 0x2300 <= o <= 0x23FF  # ⌚ ⏰ ⏳
        or 0x2190 <= o <= 0x21FF  # arrows, often used as emoji: ↗ ↘
        or o in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x24C2, 0x3030, 0x303D)
        or o in (0x3297, 0x3299, 0x25B6, 0x25C0, 0x25AA, 0x25AB, 0x25FB, 0x25FC, 0x25FD, 0x25FE)
    )


def _is_emoji_modifier(o: int) -> bool:
    """Code points that belong to the emoji before them (never start a token)."""
    return (
        0xFE00 <= o <= 0xFE0F  # variation selectors
        or 0x1F3FB <= o <= 0x1F3FF  # skin tones
        or o == 0x20E3  # combining keycap
        or 0xE0020 <= o <= 0xE007F  # tag sequences (subdivision flags)
    )


def _is_regional(o: int) -> bool:
    return 0x1F1E6 <= o <= 0x1F1FF


def _is_punct_nonascii(o: int) -> bool:
    """Non-ASCII code points that are punctuation or symbols, not letters."""
    return (
        (0xA1 <= o <= 0xBF and o not in (0xAA, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA))
        or o in (0xD7, 0xF7)
        or 0x2010 <= o <= 0x2027  # dashes, quotes, bullets, ellipsis
        or 0x2030 <= o <= 0x205E  # per mille, primes, ‹ ›, ‼, ⁉ …
        or 0x20A0 <= o <= 0x20CF  # currency signs
        or 0x2100 <= o <= 0x214F  # letterlike symbols: ™ ℹ №
        or 0x2150 <= o <= 0x218F  # number forms
        or 0x2200 <= o <= 0x22FF  # maths
        or 0x2400 <= o <= 0x25FF  # control pictures, enclosed, box drawing, shapes
        or 0x2800 <= o <= 0x2AFF  # braille, arrows, maths
        or 0x2E00 <= o <= 0x2E7F  # supplemental punctuation
        or 0x3001 <= o <= 0x303F  # CJK punctuation
        or 0xFE10 <= o <= 0xFE6F  # vertical forms, small forms
        or 0xFF01 <= o <= 0xFF0F  # fullwidth punctuation
        or 0xFF1A <= o <= 0xFF20
        or 0xFF3B <= o <= 0xFF40
        or 0xFF5B <= o <= 0xFF65
        or 0xD800 <= o <= 0xDFFF  # lone surrogates (CPython only): never letters
        or 0xE000 <= o <= 0xF8FF  # private use
        or o in (0x037E, 0x0387, 0x055C, 0x055D, 0x055E, 0x0589, 0x05BE, 0x05C0, 0x05C3)
        or o in (0x05F3, 0x05F4, 0x060C, 0x061B, 0x061F, 0x066A, 0x06D4, 0x0964, 0x0965)
        or o in (0xFFFC, 0xFFFD)
    )


ASCII_WORD = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


# Non-ASCII characters already classified: Hebrew, Arabic or CJK posts repeat a few dozen
# letters, and the range tests below cost ~50 bytecodes each on MicroPython.
_WORD_CACHE: dict[str, bool] = {}


def is_word_char(c: str) -> bool:
    """A letter, digit, underscore or mark: anything >= 0x80 that is not space/emoji/punct."""
    if c in ASCII_WORD:  # the common case, one set lookup
        return True
    if c < "\x80":
        return False
    known = _WORD_CACHE.get(c)
    if known is not None:
        return known
    o = ord(c)
    word = not (
        _is_space(c)
        or _is_emoji_base(o)
        or _is_emoji_modifier(o)
        or _is_regional(o)
        or o == 0x200D
        or _is_punct_nonascii(o)
    )
    if len(_WORD_CACHE) >= 4096:
        _WORD_CACHE.clear()  # random text must not grow it without bound
    _WORD_CACHE[c] = word
    return word


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


def _is_ascii_alnum(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9") or c == "_"


def _fold(c: str) -> str:
    """One character lowercased by a fixed table: ASCII, Latin-1, Greek and Cyrillic capitals.

    Not str.lower(): MicroPython's only folds ASCII, so a table both interpreters share keeps
    their answers identical ("CAFÉ" matches "café" on both)."""
    o = ord(c)
    if (
        0x41 <= o <= 0x5A
        or (0xC0 <= o <= 0xDE and o != 0xD7)
        or (0x391 <= o <= 0x3AB and o != 0x3A2)
        or 0x410 <= o <= 0x42F
    ):
        return chr(o + 32)
    if 0x400 <= o <= 0x40F:
        return chr(o + 80)  # Ѐ-Џ
    if c == "\u2019":
        return "'"
    return c


def lower(s: str) -> str:
    """Lowercase for matching, the same on both interpreters, with ’ folded to '."""
    if not s or max(s) < "\x80":  # ASCII: str.lower() agrees on both, and is fast
        return s.lower()
    return "".join([_fold(c) for c in s])


class Token:
    """One token: its kind, original text, lowercase form, first character and code-point
    span."""

    def __init__(
        self, kind: str, text: str, start: int, end: int, low: str = "", head: str = ""
    ) -> None:
        self.kind = kind
        self.text = text
        self.low = low or lower(text)
        self.start = start
        self.end = end
        # The first character, kept: on MicroPython text[0] would make a new str each time.
        self.head = head or text[:1]

    def __repr__(self) -> str:
        return "Token(" + self.kind + ", " + self.text + ", " + str(self.start) + ")"

    def is_upper_word(self) -> bool:
        """A word written in capitals: at least two ASCII letters, no lowercase letter."""
        if self.kind != WORD:
            return False
        known = _UPPER.get(self.text)
        if known is None:
            if len(_UPPER) >= 4096:
                _UPPER.clear()
            known = _UPPER[self.text] = _upper(self.text)
        return known


def _upper(text: str) -> bool:
    letters = 0
    for c in text:
        if "a" <= c <= "z":
            return False
        if "A" <= c <= "Z":
            letters += 1
    return letters >= 2


# Words already judged by is_upper_word: the loop over characters is slow on MicroPython.
_UPPER: dict[str, bool] = {}


def _scan_number(text: list[str], i: int, n: int) -> int:
    """End of a number starting at digit i: 1,000.50 but not a trailing '.' or ','."""
    j = i
    while j < n:
        c = text[j]
        if _is_digit(c) or (c in ".," and j + 1 < n and _is_digit(text[j + 1])):
            j += 1
        else:
            break
    return j


def _scan_word(text: list[str], i: int, n: int) -> int:
    j = i
    while j < n:
        c = text[j]
        if c in ASCII_WORD or is_word_char(c):
            j += 1
        elif c in APOSTROPHES and j + 1 < n and j > i and is_word_char(text[j + 1]):
            j += 1  # I'm, don't, it’s
        else:
            break
    return j


def _scan_url_end(text: list[str], i: int, n: int) -> int:
    """A link runs to the next space; trailing punctuation belongs to the sentence."""
    j = i
    while j < n:
        c = text[j]
        if " " < c < "\x7f":
            j += 1  # printable ASCII: neither space nor emoji, decided without a call
        elif _is_space(c) or _is_emoji_base(ord(c)):
            break
        else:
            j += 1
    while j > i and text[j - 1] in URL_TRAILING:
        j -= 1
    return j


def _starts_with_ci(text: list[str], i: int, prefix: str) -> bool:
    return lower("".join(text[i : i + len(prefix)])) == prefix


def _dot_ahead(text: list[str], i: int, n: int) -> bool:
    """Does the ASCII name at i run into a "." followed by more name ("bit.ly")?"""
    j = i
    while j < n and (text[j] in ASCII_WORD or text[j] == "-"):
        j += 1
    return j + 1 < n and text[j] == "." and text[j + 1] in ASCII_WORD


def _bare_domain(text: list[str], i: int, n: int) -> tuple[bool, int]:
    """Is there a link without scheme at i ("bit.ly/x", "shop.example.com")? And where does
    the scan stop: the link's end, or how far a failed scan looked."""
    j = i
    labels = 0
    while True:
        k = j
        while k < n and (_is_ascii_alnum(text[k]) or text[k] == "-"):
            k += 1
        if k == j:
            return False, k
        labels += 1
        if k < n and text[k] == "." and k + 1 < n and _is_ascii_alnum(text[k + 1]):
            j = k + 1
            continue
        # The last label must be a known top-level domain: "ok.so" is a sentence, not a link.
        if labels >= 2 and lower("".join(text[j:k])) in TLDS:
            if k < n and text[k] == "/":
                return True, _scan_url_end(text, k, n)
            if k < n and is_word_char(text[k]):
                return False, k
            return True, k
        return False, k


def _emoji_end(text: list[str], i: int, n: int) -> int:
    """End of one emoji cluster: base + modifiers, ZWJ-joined parts, or a flag pair."""
    o = ord(text[i])
    if _is_regional(o):
        if i + 1 < n and _is_regional(ord(text[i + 1])):
            return i + 2
        return i + 1
    j = i + 1
    while j < n:
        o = ord(text[j])
        if _is_emoji_modifier(o):
            j += 1
        elif o == 0x200D and j + 1 < n and _is_emoji_base(ord(text[j + 1])):
            j += 2
        else:
            break
    return j


def _keycap_end(text: list[str], i: int, n: int) -> int:
    """1️⃣ / #️⃣: a digit, # or * followed by (FE0F) 20E3; else -1."""
    j = i + 1
    if j < n and text[j] == "\ufe0f":
        j += 1
    if j < n and text[j] == "\u20e3":
        return j + 1
    return -1


def _currency_word_after(text: list[str], j: int, n: int) -> int:
    """If " USD" / " dollars" follows position j, the end of that word; else -1."""
    k = j
    if k < n and text[k] == " ":
        k += 1
    m = k
    while m < n and _is_ascii_alnum(text[m]):
        m += 1
    if m > k and lower("".join(text[k:m])) in CURRENCY_WORDS:
        return m
    return -1


def tokenize(text: str) -> list[Token]:
    """Split text into tokens, in order, with code-point offsets. Linear in len(text)."""
    return scan(text)


# A plain word may end in these; each becomes its own punctuation token.
TRAILING = '.,!?:;)"'

# Why caches: on MicroPython every new str costs a search of the interned-string table
# (thousands of entries once salesy is imported), a few microseconds each. Posts repeat their
# words, and a draft being typed repeats all but one, so each chunk between spaces is worked
# out once: plain chunks by their text, the others by their text and the chunk after it (the
# only context a token reads: "5 USD", "20 %").
_PLAIN: dict[str, "tuple[str, str, tuple[str, ...], str] | None"] = {}
_WINDOWS: dict[str, "tuple[list[tuple[str, str, int, int, str, str]], list[int], int]"] = {}
_CACHE_SIZE = 4096
_WINDOW_CACHED = 80  # longer windows (a pasted blob without spaces) are scanned, not kept


def scan(source: str, breaks: list[int] | None = None) -> list[Token]:
    """tokenize(); positions of line-break characters are appended to `breaks` if given.

    The text is split at spaces in C. A chunk that is a plain ASCII word with trailing
    punctuation ("today", "it's", "bio.") is recognised by a few string calls; any other chunk
    goes through the character scanner, over the chunk and the one after it only (MicroPython
    stores str as UTF-8, so reading the whole text by index would be quadratic, and splitting
    it into characters would make a str per character).
    """
    tokens: list[Token] = []
    chunks = source.split(" ")
    last = len(chunks) - 1
    plain_cache = _PLAIN
    pos = 0  # start of the current chunk
    done = 0  # the scanner has consumed everything before this
    for index, chunk in enumerate(chunks):
        end = pos + len(chunk)
        if end > done:
            if pos >= done:
                plain = plain_cache.get(chunk, False)
                if plain is False:
                    plain = _plain(chunk)
                    if len(plain_cache) >= _CACHE_SIZE:
                        plain_cache.clear()
                    plain_cache[chunk] = plain
                if plain is not None:
                    core, low, tail, initial = plain  # type: ignore[misc]
                    stop = pos + len(core)
                    tokens.append(Token(WORD, core, pos, stop, low, initial))
                    for mark in tail:
                        tokens.append(Token(PUNCT, mark, stop, stop + 1, mark, mark))
                        stop += 1
                    pos = end + 1
                    continue
                if _is_link_chunk(chunk):
                    # What the scanner makes of it, without splitting it into characters: a
                    # link to the chunk's end, its trailing punctuation a mark each (posts'
                    # links are new text every time, so no cache knows them).
                    core = chunk.rstrip(URL_TRAILING)
                    stop = pos + len(core)
                    tokens.append(Token(URL, core, pos, stop, "", core[0]))
                    for k in range(len(core), len(chunk)):
                        mark = chunk[k]
                        tokens.append(Token(PUNCT, mark, stop, stop + 1, mark, mark))
                        stop += 1
                    pos = end + 1
                    continue
            window = chunk if index == last else chunk + " " + chunks[index + 1]
            first = done - pos if done > pos else 0
            done = _scan_window(window, pos, first, end - pos, tokens, breaks)
        pos = end + 1
    return tokens


def _scan_window(
    window: str, base: int, first: int, limit: int, tokens: list[Token], breaks: list[int] | None
) -> int:
    """Scan window[first:limit] (cached when it starts the window); return the absolute end."""
    if first or len(window) > _WINDOW_CACHED:
        parts, here, stop = _scan_fresh(window, first, limit)
    else:
        cached = _WINDOWS.get(window)
        if cached is None:
            cached = _scan_fresh(window, 0, limit)
            if len(_WINDOWS) >= _CACHE_SIZE:
                _WINDOWS.clear()
            _WINDOWS[window] = cached
        parts, here, stop = cached
    for kind, text, start, end, low, initial in parts:
        tokens.append(Token(kind, text, base + start, base + end, low, initial))
    if breaks is not None:
        for at in here:
            breaks.append(base + at)
    return base + stop


def _scan_fresh(
    window: str, first: int, limit: int
) -> "tuple[list[tuple[str, str, int, int, str, str]], list[int], int]":
    """The character scanner over window[first:limit]: each token's parts, the line breaks
    skipped and where it stopped, all relative to the window."""
    found: list[Token] = []
    here: list[int] = []
    chars = list(window)
    stop = _scan_range(chars, first, limit, len(chars), found, here)
    return [(t.kind, t.text, t.start, t.end, t.low, t.head) for t in found], here, stop


def _is_link_chunk(chunk: str) -> bool:
    """Is `chunk` printable ASCII that starts like a link (http://, https://, www.)? The
    character scanner takes such a chunk whole as one link, less its trailing punctuation
    (URL_TRAILING, each then a mark of its own): a link runs to the next space or emoji."""
    if len(chunk) < 4 or chunk[0] not in "hHwW":
        return False
    if min(chunk) <= " " or max(chunk) >= "\x7f":  # in C: no space, control or non-ASCII
        return False
    start = chunk[:8].lower()
    return start[:7] == "http://" or start == "https://" or start[:4] == "www."


def _plain(chunk: str) -> "tuple[str, str, tuple[str, ...], str] | None":
    """(word, its lowercase, trailing marks, first letter) if `chunk` is one ASCII word with
    optional trailing punctuation; else None."""
    size = len(chunk)
    # max() finds a non-ASCII character in C; encode() would choke on lone surrogates.
    if size == 0 or size > 40 or max(chunk) >= "\x80":
        return None
    core = chunk.rstrip(TRAILING)
    if not core:
        return None
    if not core.isalpha():
        # One apostrophe inside a word ("it's", "don't") keeps it plain.
        if core[0] == "'" or core[-1] == "'" or "''" in core:
            return None
        if not core.replace("'", "").isalpha():
            return None
    low = core.lower()
    if low == "www":
        return None  # "www." starts a link: the scanner decides
    return core, low, tuple(chunk[k] for k in range(len(core), size)), core[0]


def _scan_range(
    text: list[str],
    i: int,
    limit: int,
    n: int,
    tokens: list[Token],
    breaks: list[int] | None = None,
) -> int:
    """Scan characters from i until a token ends at or after limit; return where it stopped
    (beyond limit when a token such as "5 USD" runs on). Line-break characters skipped on
    the way are noted in `breaks`."""
    no_domain_until = 0
    while i < limit:
        c = text[i]
        o = ord(c)
        if _is_space(c):
            if breaks is not None and c in LINE_BREAKS:
                breaks.append(i)
            i += 1
            continue
        after_word = i > 0 and is_word_char(text[i - 1])

        # Links first: they contain every other kind of character.
        if (
            not after_word
            and c in "hHwW"
            and (
                _starts_with_ci(text, i, "http://")
                or _starts_with_ci(text, i, "https://")
                or _starts_with_ci(text, i, "www.")
            )
        ):
            j = _scan_url_end(text, i, n)
            tokens.append(Token(URL, "".join(text[i:j]), i, j, "", c))
            i = j
            continue
        if not after_word and i >= no_domain_until and c in ASCII_WORD and _dot_ahead(text, i, n):
            is_link, j = _bare_domain(text, i, n)
            if is_link:
                tokens.append(Token(URL, "".join(text[i:j]), i, j, "", c))
                i = j
                continue
            # A failed scan of "a.b.c" fails from "b" and "c" too: skip them (stays linear).
            no_domain_until = j

        if (_is_digit(c) or c in "#*") and _keycap_end(text, i, n) > 0:
            j = _keycap_end(text, i, n)
            emoji = "".join(text[i:j])
            tokens.append(Token(EMOJI, emoji, i, j, emoji, c))
            i = j
            continue

        if c == "@" and not after_word and i + 1 < n and _is_ascii_alnum(text[i + 1]):
            j = i + 1
            while j < n and _is_ascii_alnum(text[j]):
                j += 1
            tokens.append(Token(MENTION, "".join(text[i:j]), i, j, "", c))
            i = j
            continue

        if c == "#" and not after_word and i + 1 < n and is_word_char(text[i + 1]):
            j = _scan_word(text, i + 1, n)
            kind = HASHTAG
            if _is_digit(text[i + 1]) and _scan_number(text, i + 1, n) == j:
                kind = NUMBER  # "#1" is a rank, not a hashtag (X agrees)
            tokens.append(Token(kind, "".join(text[i:j]), i, j, "", c))
            i = j
            continue

        if c in CURRENCY_SIGNS and not after_word and i + 1 < n:
            if _is_digit(text[i + 1]):
                j = _scan_number(text, i + 1, n)
                j = _number_suffix(text, j, n)
                tokens.append(Token(PRICE, "".join(text[i:j]), i, j, "", c))
                i = j
                continue
            if c == "$" and ("A" <= text[i + 1] <= "Z" or "a" <= text[i + 1] <= "z"):
                j = i + 1
                while j < n and ("A" <= text[j] <= "Z" or "a" <= text[j] <= "z"):
                    j += 1
                if j < n and is_word_char(text[j]):
                    j = _scan_word(text, j, n)  # "$5off" style junk: keep it one token
                tokens.append(Token(CASHTAG, "".join(text[i:j]), i, j, "", c))
                i = j
                continue

        if _is_digit(c) and not after_word:
            j = _scan_number(text, i, n)
            if j < n and is_word_char(text[j]) and _number_suffix(text, j, n) == j:
                # 3rd, 2x, 50USD... : a word that starts with a digit, unless a currency.
                k = _scan_word(text, j, n)
                if lower("".join(text[j:k])) in CURRENCY_WORDS:
                    tokens.append(Token(PRICE, "".join(text[i:k]), i, k, "", c))
                else:
                    tokens.append(Token(WORD, "".join(text[i:k]), i, k, "", c))
                i = k
                continue
            j = _number_suffix(text, j, n)
            if j < n and text[j] == "%":
                tokens.append(Token(PERCENT, "".join(text[i : j + 1]), i, j + 1, "", c))
                i = j + 1
                continue
            if j + 1 < n and text[j] == " " and text[j + 1] == "%":
                tokens.append(Token(PERCENT, "".join(text[i : j + 2]), i, j + 2, "", c))
                i = j + 2
                continue
            if j < n and text[j] in CURRENCY_SIGNS:
                tokens.append(Token(PRICE, "".join(text[i : j + 1]), i, j + 1, "", c))
                i = j + 1
                continue
            k = _currency_word_after(text, j, n)
            if k > 0:
                tokens.append(Token(PRICE, "".join(text[i:k]), i, k, "", c))
                i = k
                continue
            tokens.append(Token(NUMBER, "".join(text[i:j]), i, j, "", c))
            i = j
            continue

        if is_word_char(c):
            j = _scan_word(text, i, n)
            if j < n and text[j] == "@" and j + 1 < n and _is_ascii_alnum(text[j + 1]):
                k = _scan_url_end(text, j, n)  # an email address: keep it whole
                tokens.append(Token(EMAIL, "".join(text[i:k]), i, k, "", c))
                i = k
                continue
            tokens.append(Token(WORD, "".join(text[i:j]), i, j, "", c))
            i = j
            continue

        if _is_emoji_base(o) or _is_regional(o):
            j = _emoji_end(text, i, n)
            emoji = "".join(text[i:j])
            tokens.append(Token(EMOJI, emoji, i, j, emoji, c))
            i = j
            continue

        # Anything else is one punctuation character; stray modifiers ride along with it.
        j = i + 1
        while j < n and (_is_emoji_modifier(ord(text[j])) or text[j] == "\u200d"):
            j += 1
        mark = "".join(text[i:j])
        tokens.append(Token(PUNCT, mark, i, j, "'" if mark == "\u2019" else mark, c))
        i = j
    return i


def _number_suffix(text: list[str], j: int, n: int) -> int:
    """10k, 2M: a magnitude letter that ends the number."""
    if j < n and text[j] in "kKmM" and (j + 1 >= n or not is_word_char(text[j + 1])):
        return j + 1
    return j
