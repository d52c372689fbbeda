"""Reads `salesy audit`'s archive files in slices, with orjson when it is installed.

The posts come out a slice at a time (SLICE items), so the workers judge the first ones while
the rest is still being read. Parsing goes through orjson (`pip install 'salesy[fast]'`)
straight from the file's bytes, without decoding 100 MB to a str first. Whatever orjson does
not take goes to `salesy.archive.read_file` and the standard json module, which reads it or
says what is wrong in its own words: orjson not installed, a lone escaped surrogate, NaN, an
integer beyond 64 bits as a post's id, anything that is not plain JSON. Both give the same
posts.

CPython only: the browser reads archives through `salesy.archive` alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from salesy.archive import ArchiveError, file_done, head, read_file, read_items

SLICE = 2000  # items per slice: a few chunks of posts for the workers at a time
HEAD = 4096  # the `window.YTD.tweets.part0 =` label is within this
Loads = Callable[[memoryview], object]


def fast_loads() -> Loads | None:
    """orjson.loads, or None when orjson is not installed (the standard json reads then)."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson.loads


def _parsed(name: str, data: bytes, loads: Loads) -> tuple[str, str, str, object] | None:
    """(kind, part, label, parsed data) of one file by `loads`; None to leave it to read_file.
    The JSON's bounds are what archive._split would cut from the decoded text: after the
    first `=`, without the whitespace and the `;` at the end (a byte-wise strip can only
    leave more there than the str one, and then orjson refuses it)."""
    equals = data.find(b"=", 0, HEAD)
    if equals < 0:
        return None
    try:
        label = head(data[: equals + 1].decode("utf-8"), name)
    except (UnicodeDecodeError, ArchiveError):
        return None
    end = len(data)
    while end > equals + 1 and data[end - 1] in b" \t\n\r\x0b\x0c":
        end -= 1
    while end > equals + 1 and data[end - 1] == 0x3B:  # ";"
        end -= 1
    try:
        parsed = loads(memoryview(data)[equals + 1 : end])
    except Exception:  # orjson.JSONDecodeError and anything else it refuses
        return None
    if _float_ids(parsed):
        return None
    return label["kind"], label["part"], label["label"], parsed


def _float_ids(items: object) -> bool:
    """Does a post's id read as a float? orjson reads an integer beyond 64 bits as one, json
    as the integer; an id is the one place where archive.read_items tells them apart (a
    post with a float id is skipped), so such a file goes to json. Entity indices that big
    are no place in any text, either way."""
    for item in items if isinstance(items, list) else ():
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if isinstance(tweet, dict) and isinstance(tweet.get("id_str") or tweet.get("id"), float):
            return True
    return False


def file_answers(
    name: str, data: bytes, loads: Loads | None
) -> Iterator[tuple[dict[str, object], bool]]:
    """What one archive file holds as archive.read_items answers, slice by slice, each with
    whether it is the file's first. Raises ArchiveError as read_file would, file_done's
    check included (after the last slice: a file none of whose items is a post)."""
    parsed = _parsed(name, data, loads) if loads is not None else None
    if parsed is None:
        yield read_file(data, name), True
        return
    kind, part, label, items = parsed
    if kind == "account" or not isinstance(items, list):
        yield read_items(kind, items, name, label), True  # the account, or its error
        return
    seen = skipped = posts = 0
    for start in range(0, max(1, len(items)), SLICE):
        piece = items[start : start + SLICE]
        found = read_items(kind, piece, name, label)
        found["part"] = part
        seen += len(piece)
        skipped += _count(found["skipped"])
        posts += _count(found["posts"])
        if start + SLICE >= len(items):
            file_done(name, {"items": seen, "posts": posts, "skipped": skipped})
        yield found, start == 0


def _count(value: object) -> int:
    return len(value) if isinstance(value, list) else int(str(value))
