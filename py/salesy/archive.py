"""Reads the posts out of an X data archive ("Download an archive of your data").

The archive's `data/tweets.js` is JavaScript, not JSON: `window.YTD.tweets.part0 = [...]`,
with large accounts split over `tweets-part1.js`, `tweets-part2.js`… (older archives say
`tweet` instead of `tweets`). Each item is `{"tweet": {"id_str", "full_text", "created_at":
"Wed Oct 10 20:19:24 +0000 2018", "in_reply_to_status_id_str", "entities", ...}}`.
`data/account.js` (`window.YTD.account.part0`) names the account.

Reposts of other people's posts are left out (they are not the account's own voice); replies
are kept and marked. Links are shown expanded, as X shows them, so the link rules see them.

One implementation for both places: the CLI (`salesy audit`) and the browser (the popup sends
the file's text to the engine's `archive` request), so this runs on CPython and MicroPython.
"""

import json

from salesy.order import sort_by

TWEETS_PREFIX = "window.YTD.tweets.part"
EXPECTED = "X's archive file data/tweets.js, which starts with `window.YTD.tweets.part0 = [`"
MONTHS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "May": 5,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
# What other archive files hold, to say what the user picked instead of their posts.
OTHER_FILES = {
    "like": "your likes (data/like.js)",
    "follower": "your followers (data/follower.js)",
    "following": "the accounts you follow (data/following.js)",
    "direct-messages": "your direct messages",
    "deleted-tweets": "your deleted posts (data/deleted-tweets.js)",
    "profile": "your profile (data/profile.js)",
    "note-tweet": "your long posts (data/note-tweet.js)",
}


class ArchiveError(Exception):
    """A file that is not (or not a readable) part of an X archive; the message says why."""


FIRST_YEAR = 2006
LAST_YEAR = 2100


def _month_days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _two(number: int) -> str:
    return ("0" if number < 10 else "") + str(number)


def iso_date(created_at: object) -> str | None:
    """`Wed Oct 10 20:19:24 +0000 2018` -> `2018-10-10T20:19:24Z`; None if unreadable."""
    if not isinstance(created_at, str):
        return None
    parts = created_at.split()
    if len(parts) != 6 or parts[1] not in MONTHS:
        return None
    clock = parts[3].split(":")
    zone = parts[4]
    if len(clock) != 3 or len(zone) != 5 or zone[0] not in "+-":
        return None
    try:
        year, day = int(parts[5]), int(parts[2])
        hour, minute, second = int(clock[0]), int(clock[1]), int(clock[2])
        offset = int(zone[1:3]) * 60 + int(zone[3:5])
    except ValueError:
        return None
    # X began in 2006; a date outside these ranges is a damaged or made-up record.
    month = MONTHS[parts[1]]
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= day <= _month_days(year, month)):
        return None
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 61 and offset < 24 * 60):
        return None
    if offset:
        # Archives write +0000; should one not, shift to UTC through the day count.
        from salesy.balance import timestamp

        base = timestamp(str(year) + "-" + _two(MONTHS[parts[1]]) + "-" + _two(day))
        if base is None:
            return None
        moment = int(base) + hour * 3600 + minute * 60 + second
        moment -= offset * 60 if zone[0] == "+" else -offset * 60
        return _from_timestamp(moment)
    return (
        str(year)
        + "-"
        + _two(MONTHS[parts[1]])
        + "-"
        + _two(day)
        + "T"
        + _two(hour)
        + ":"
        + _two(minute)
        + ":"
        + _two(second)
        + "Z"
    )


def _from_timestamp(moment: int) -> str:
    days, rest = moment // 86400, moment % 86400
    # Inverse of days_from_civil (Howard Hinnant).
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return (
        str(year)
        + "-"
        + _two(month)
        + "-"
        + _two(day)
        + "T"
        + _two(rest // 3600)
        + ":"
        + _two(rest % 3600 // 60)
        + ":"
        + _two(rest % 60)
        + "Z"
    )


def _unescape(text: str) -> str:
    # The archive escapes these three in full_text, as X's API does.
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# Caps on what one post may become once its links are shown expanded: X's longest post is
# 25 000 characters, a link it expands is far shorter than 2 000, and no post has 100 links.
MAX_POST_TEXT = 25_000
MAX_LINK_TEXT = 2_000
MAX_LINKS = 100


def _index(value: object) -> int:
    """An entity index as archives write it: a number, or a number in a string."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= 7:
        return int(value)
    return -1


def _links(tweet: dict[str, object]) -> list[tuple[str, str, int]]:
    """(short link, what X shows instead, where X says it starts) for each link and media
    entity; "" for media, whose link X leaves out because it shows the picture."""
    entities = tweet.get("entities")
    if not isinstance(entities, dict):
        return []
    found: list[tuple[str, str, int]] = []
    for key in ("urls", "media"):
        items = entities.get(key)
        for item in items if isinstance(items, list) else []:
            if len(found) >= MAX_LINKS:
                return found
            if not isinstance(item, dict) or not isinstance(item.get("url"), str):
                continue
            short = item["url"]
            if not short:
                continue
            shown = ""
            if key == "urls":
                for field in ("expanded_url", "display_url", "url"):
                    if isinstance(item.get(field), str) and item[field]:
                        shown = item[field][:MAX_LINK_TEXT]
                        break
            indices = item.get("indices")
            start = _index(indices[0]) if isinstance(indices, list) and indices else -1
            found.append((short, shown, start))
    return found


def _expand_links(text: str, tweet: dict[str, object]) -> str:
    """t.co links as X shows them: expanded, and attached media links dropped.

    One pass over the original text, each link once: a link is taken where its `indices` say
    when the text there is that link, else at its next occurrence after the previous one
    (replacing every occurrence of every link in turn let a 479-byte archive explode). The
    rest of the text is unescaped as it goes; the result is capped at MAX_POST_TEXT."""
    text = text[: 2 * MAX_POST_TEXT]  # escaped (&amp;) it may be longer than it reads
    links = _links(tweet)
    if not links:
        return _unescape(text).strip()[:MAX_POST_TEXT]
    # Where each link is, in the text as written (indices count code points, as Python does).
    placed: list[tuple[int, int, str]] = []
    taken: dict[int, bool] = {}
    for short, shown, start in links:
        at = start if start >= 0 and text[start : start + len(short)] == short else -1
        if at < 0 or at in taken:
            at = text.find(short)
            while at >= 0 and at in taken:
                at = text.find(short, at + len(short))
        if at >= 0:
            taken[at] = True
            placed.append((at, at + len(short), shown))
    placed = sorted(placed)
    pieces: list[str] = []
    cursor = 0
    length = 0
    for start, end, shown in placed:
        if start < cursor:  # overlapping entities: keep the first
            continue
        pieces.append(_unescape(text[cursor:start]))
        pieces.append(shown)
        cursor = end
        length += len(pieces[-2]) + len(shown)
        if length > MAX_POST_TEXT:
            break
    else:
        pieces.append(_unescape(text[cursor:]))
    return "".join(pieces).strip()[:MAX_POST_TEXT]


def _describe(head: str) -> str:
    shown = head.strip().replace("\n", " ")
    if not shown:
        return "an empty file"
    return "a file that starts with `" + (shown[:40] + "…" if len(shown) > 40 else shown) + "`"


def _split(text: str, name: str) -> tuple[str, str, str]:
    """`window.YTD.<kind>.part<N> = <json>` -> (kind, part, json text)."""
    body = text[1:] if text[:1] == "\ufeff" else text
    stripped = body.strip()
    if not stripped.startswith("window.YTD."):
        if stripped.startswith("[") or stripped.startswith("{"):
            raise ArchiveError(
                name + ": this is plain JSON, not a file from an X archive; expected " + EXPECTED
            )
        raise ArchiveError(name + ": expected " + EXPECTED + "; got " + _describe(stripped))
    equals = stripped.find("=")
    if equals < 0:
        raise ArchiveError(name + ": expected " + EXPECTED + "; got " + _describe(stripped))
    # One line: a label cut or spliced across a line break names itself on one line.
    label = " ".join(stripped[len("window.YTD.") : equals].split())
    dot = label.rfind(".part")
    kind = label[:dot] if dot >= 0 else label
    part = label[dot + 5 :] if dot >= 0 else ""
    return kind, part, stripped[equals + 1 :].strip().rstrip(";")


def _hex(text: str) -> int:
    value = 0
    for char in text:
        digit = "0123456789abcdef".find(char.lower())
        if digit < 0:
            return -1
        value = value * 16 + digit
    return value


def _join_surrogates(data: str) -> str:
    """Writes escaped surrogate pairs (`\\ud83d\\ude00`, how some JSON writers escape an emoji) as
    the character itself: MicroPython's json.loads decodes each half on its own and garbles
    it, CPython's joins them. A raw character is valid JSON either way."""
    if "\\ud" not in data and "\\uD" not in data:
        return data
    out = []
    start = 0
    index = data.find("\\u")
    while index >= 0:
        slashes = 0
        while index - slashes - 1 >= 0 and data[index - slashes - 1] == "\\":
            slashes += 1
        high = _hex(data[index + 2 : index + 6])
        low = _hex(data[index + 8 : index + 12]) if data[index + 6 : index + 8] == "\\u" else -1
        if slashes % 2 == 0 and 0xD800 <= high <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
            out.append(data[start:index])
            out.append(chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)))
            start = index + 12
            index = data.find("\\u", start)
        else:
            index = data.find("\\u", index + 2)
    out.append(data[start:])
    return "".join(out)


def _not_json(name: str, label: str, reason: str) -> ArchiveError:
    return ArchiveError(
        name
        + ": the data after `"
        + label
        + " =` is not valid JSON ("
        + reason
        + "); the file may be cut short: export the archive again"
    )


def _load_json(data: str, name: str, label: str) -> object:
    try:
        return json.loads(_join_surrogates(data))
    except Exception as error:
        raise _not_json(name, label, str(error)) from None


def head(text: object, name: str = "tweets.js") -> dict[str, str]:
    """What an archive file holds, from its first characters (the browser parses the rest
    with JSON.parse): {"kind", "part", "label"}. Raises ArchiveError for a file that is not
    one of an archive's post or account files, naming it and what was expected."""
    if not isinstance(text, str):
        raise ArchiveError(name + ": expected " + EXPECTED)
    kind, part, _ = _split(text, name)
    label = "window.YTD." + kind + ".part" + part
    _readable_kind(kind, name)
    return {"kind": kind, "part": part, "label": label}


def not_json(name: str, label: str, reason: object) -> ArchiveError:
    """The error for a file whose data JSON.parse refused (the browser's import)."""
    return _not_json(name, label, str(reason)[:200])


def _readable_kind(kind: str, name: str) -> None:
    if kind not in ("tweets", "tweet", "account"):
        flat = " ".join(kind.split())  # an error message is one line
        what = OTHER_FILES.get(
            kind, "`window.YTD." + (flat[:40] + "…" if len(flat) > 40 else flat) + "`"
        )
        raise ArchiveError(
            name + ": this archive file holds " + what + ", not your posts; expected " + EXPECTED
        )


def read_file(text: object, name: str = "tweets.js") -> dict[str, object]:
    """Reads one archive file. Returns {"kind": "tweets", "posts": [...], "reposts": n,
    "skipped": n} for tweets.js / tweets-partN.js, {"kind": "account", "account": handle}
    for account.js. Raises ArchiveError naming the file and what was expected."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except Exception:
            raise ArchiveError(name + ": not a text file; expected " + EXPECTED) from None
    if not isinstance(text, str):
        raise ArchiveError(name + ": expected " + EXPECTED)
    kind, part, data = _split(text, name)
    label = "window.YTD." + kind + ".part" + part
    _readable_kind(kind, name)
    found = read_items(kind, _load_json(data, name, label), name, label)
    if found["kind"] == "tweets":
        found["part"] = part
        file_done(name, found)
    return found


def read_items(kind: str, items: object, name: str, label: str) -> dict[str, object]:
    """The posts (or the account) in the parsed items of one archive file, or of a slice of
    them: the browser's import sends a big file's items in slices, each a request of its own.
    """
    _readable_kind(kind, name)
    if kind == "account":
        for item in items if isinstance(items, list) else []:
            account = item.get("account") if isinstance(item, dict) else None
            if isinstance(account, dict) and isinstance(account.get("username"), str):
                return {"kind": "account", "account": account["username"]}
        raise ArchiveError(name + ": an account file without a username")
    if not isinstance(items, list):
        raise ArchiveError(
            name + ": `" + label + "` should be a list of posts; expected " + EXPECTED
        )
    posts = []
    reposts = 0
    skipped = 0
    for item in items:
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            skipped += 1
            continue
        post_id = tweet.get("id_str") or tweet.get("id")
        full = tweet.get("full_text")
        if full is None:
            full = tweet.get("text")
        at = iso_date(tweet.get("created_at"))
        if not isinstance(full, str) or not isinstance(post_id, (str, int)) or at is None:
            skipped += 1
            continue
        if full.startswith("RT @") or tweet.get("retweeted") is True:
            reposts += 1
            continue
        post: dict[str, object] = {
            "id": str(post_id),
            "text": _expand_links(full, tweet),
            "at": at,
            "source": "archive",
            "reply": bool(tweet.get("in_reply_to_status_id_str")),
        }
        if post["reply"] and isinstance(tweet.get("in_reply_to_screen_name"), str):
            post["reply_to"] = tweet["in_reply_to_screen_name"]
        posts.append(post)
    return {
        "kind": "tweets",
        "items": len(items),
        "posts": posts,
        "reposts": reposts,
        "skipped": skipped,
    }


def file_done(name: str, counts: dict[str, object]) -> None:
    """Refuses a file none of whose items reads as a post (its counts summed over slices)."""
    items, posts, skipped = counts.get("items"), counts.get("posts"), counts.get("skipped")
    found = len(posts) if isinstance(posts, list) else posts
    if items and not found and skipped:
        raise ArchiveError(
            name + ": none of its " + str(items) + " items reads as a post; expected " + EXPECTED
        )


def read(files: list[tuple[str, object]], on_file: object = None) -> dict[str, object]:
    """Reads several archive files (tweets.js, tweets-part1.js…, optionally account.js).

    Returns {"account": handle or None, "posts": [...] newest first, merged by id,
    "reposts": n, "skipped": n, "files": n}. Any unreadable file raises ArchiveError, so an
    import is all or nothing. `on_file(name, posts_so_far)`, if given, is called after each
    file (the CLI's progress)."""
    if not files:
        raise ArchiveError("no file chosen; expected " + EXPECTED)
    merged = Merged()
    for name, text in files:
        merged.add(read_file(text, name))
        if on_file is not None:
            on_file(name, len(merged.by_id))  # type: ignore[operator]
    return merged.result()


class Merged:
    """What several archive files hold, merged as they are read: add() each read_file() (or,
    file by file, each read_items() slice of one), then result() is what read() returns. The
    CLI reads through this too, so both merge and order posts alike."""

    def __init__(self) -> None:
        self.account: object = None
        self.by_id: dict[str, dict[str, object]] = {}
        self.reposts = 0
        self.skipped = 0
        self.tweet_files = 0

    def add(self, found: dict[str, object], new_file: bool = True) -> None:
        """One file's answer; new_file=False for a further slice of the same file."""
        if found["kind"] == "account":
            self.account = found["account"]
            return
        if new_file:
            self.tweet_files += 1
        self.reposts += int(found["reposts"])  # type: ignore[call-overload]
        self.skipped += int(found["skipped"])  # type: ignore[call-overload]
        by_id = self.by_id
        for post in found["posts"]:  # type: ignore[attr-defined]
            by_id[str(post["id"])] = post

    def result(self) -> dict[str, object]:
        if self.tweet_files == 0:
            raise ArchiveError("only account.js was chosen; expected " + EXPECTED + " as well")
        # Newest first. The keys are unique (ids are), so ascending then reversed is the order
        # sort(reverse=True) gives; archives list posts newest first, so they go in reversed
        # and sort_by finds them in order (MicroPython's list.sort would go quadratic).
        posts = list(self.by_id.values())
        posts.reverse()
        posts = sort_by(posts, _at_id)
        posts.reverse()
        return {
            "account": self.account,
            "posts": posts,
            "reposts": self.reposts,
            "skipped": self.skipped,
            "files": self.tweet_files,
        }


def _at_id(post: dict[str, object]) -> tuple[str, str]:
    return str(post["at"]), str(post["id"])


def classify(
    posts: list[dict[str, object]], config: object = None, limit: int = 0
) -> list[dict[str, object]]:
    """Adds `verdict` and `score` to the newest `limit` posts (all if 0) and returns them."""
    from salesy.engine import effective_config, rate

    conf = effective_config(config)
    chosen = posts[:limit] if limit > 0 else posts
    out = []
    for post in chosen:
        item = dict(post)
        item["verdict"], item["score"] = rate(str(post["text"]), conf)  # check()'s, no more
        out.append(item)
    return out
