"""`salesy audit PATH`: how promotional an account has been, from its X data archive.

    salesy audit twitter-2026-11-20.zip          the archive as X delivers it
    salesy audit ARCHIVE_FOLDER                  or unzipped (its data/ folder, or data/tweets.js)
        [--since 2026-06-01] [--window 50 | --window 30d] [--top 5]
        [--format text|json|csv] [--config salesy.json]

Prints the balance over the last N posts (or D days) against the target, a month-by-month
table, and the most salesy posts. `--format csv` prints the month table. Errors are one line
on stderr with exit status 2, never a traceback. A big archive's posts are judged by one
process per CPU (SALESY_JOBS=N sets how many; 1 judges them all in this one).

CPython only (argparse, files, zip): the browser reads archives through `salesy.archive`.
`salesy.cli` adds this command with `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

from salesy import config as cfg
from salesy.archive import EXPECTED, ArchiveError, Merged, read_file
from salesy.balance import balance
from salesy.cli.archive_read import Loads, fast_loads, file_answers
from salesy.cli.config import ConfigFileError, load_config
from salesy.cli.files import (
    MB,
    InputError,
    dumps_json,
    examples,
    one_line,
    open_regular,
    printable,
    reason,
    regular_or_folder,
    size_words,
)
from salesy.cli.judging import Judging, jobs, workers
from salesy.cli.progress import bar
from salesy.engine import effective_config

LABELS = {"ok": "OK", "promotional": "Promotional", "pure_ad": "Pure ad"}
RANK = {"pure_ad": 2, "promotional": 1, "ok": 0}


class AuditError(Exception):
    """Bad input the user can fix; the message is the one line they see."""


# Archive files are read whole, so their size is capped before anything is read: 118 MB of
# tweets*.js (100 000 posts) take about 1 GB of memory to judge, so 512 MB (about 430 000
# posts) stays within 5 GB.
MAX_ARCHIVE = 512 * MB
HEAD = 4096  # what is read first, to refuse a file that is not an archive file at once
BLOCK = 8 * MB


def _is_archive_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.endswith(".js") and (
        base in ("tweets.js", "tweet.js", "account.js")
        or base.startswith(("tweets-part", "tweet-part"))
    )


def _order(name: str) -> tuple[int, int, str]:
    """tweets.js, tweets-part1.js, tweets-part2.js… (numerically), then account.js."""
    base = name.rsplit("/", 1)[-1]
    if base.startswith("account"):
        return (2, 0, base)
    digits = "".join(char for char in base.split("part", 1)[-1] if char.isdigit())
    return (1, int(digits), base) if "part" in base and digits else (0, 0, base)


class Source:
    """One archive file to read: its name as shown, its size, and how to open it."""

    def __init__(self, shown: str, size: int, opener: Callable[[], IO[bytes]]) -> None:
        self.shown = shown
        self.name = shown.rsplit("/", 1)[-1]
        self.size = size
        self.opener = opener


def _file_opener(path: Path) -> Callable[[], IO[bytes]]:
    def opener() -> IO[bytes]:
        return os.fdopen(open_regular(str(path)), "rb")

    return opener


def _regular_file(path: Path, shown: str) -> Source:
    if regular_or_folder(str(path)):
        raise InputError(str(path) + ": a folder, not an archive file")
    return Source(shown, path.stat().st_size, _file_opener(path))


def discover(path: Path) -> list[Source]:
    """The archive files (tweets*.js, account.js) a zip, folder or file names, sizes checked
    and nothing read yet. Given one file of an archive (data/tweets.js), the others beside it
    (tweets-part1.js…, account.js) come too: X splits big archives."""
    if regular_or_folder(str(path)):
        folder = path / "data" if (path / "data").is_dir() else path
        prefix = "data/" if folder != path else ""
        found = [f for f in folder.iterdir() if _is_archive_name(f.name)]
        if not any(f.name != "account.js" for f in found):
            raise AuditError(
                str(path) + ": no tweets.js here; expected X's archive folder (with data/"
                "tweets.js), its data/ folder, the archive's .zip or tweets.js itself"
            )
        return [
            _regular_file(f, prefix + f.name) for f in sorted(found, key=lambda f: _order(f.name))
        ]
    if zipfile.is_zipfile(path):
        return _zip_sources(path)
    if _is_archive_name(path.name):
        siblings = [f for f in path.parent.iterdir() if _is_archive_name(f.name)]
        return [_regular_file(f, f.name) for f in sorted(siblings, key=lambda f: _order(f.name))]
    return [_regular_file(path, path.name)]


def _zip_sources(path: Path) -> list[Source]:
    with zipfile.ZipFile(path) as archive:
        infos = [i for i in archive.infolist() if _is_archive_name(i.filename) and not i.is_dir()]
    if not any(not i.filename.endswith("account.js") for i in infos):
        raise AuditError(str(path) + ": a zip without data/tweets.js; expected the archive X sends")

    def opener_for(info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
        def opener() -> IO[bytes]:
            archive = zipfile.ZipFile(os.fdopen(open_regular(str(path)), "rb"))
            return cast("IO[bytes]", _ZipMember(archive, archive.open(info)))

        return opener

    # The size is the one the zip declares (ZipInfo.file_size): checked against the cap
    # before a byte is inflated, and reading stops there whatever the entry really holds.
    ordered = sorted(infos, key=lambda i: _order(i.filename))
    return [Source(i.filename, i.file_size, opener_for(i)) for i in ordered]


class _ZipMember(io.RawIOBase):
    """A zip entry that closes its zip file with it."""

    def __init__(self, archive: zipfile.ZipFile, member: IO[bytes]) -> None:
        self._archive = archive
        self._member = member

    def read(self, size: int = -1) -> bytes:
        return self._member.read(size)

    def close(self) -> None:
        self._member.close()
        self._archive.close()
        super().close()


def _check_sizes(sources: list[Source]) -> None:
    total = sum(source.size for source in sources)
    if total > MAX_ARCHIVE:
        names = ", ".join(source.shown for source in sources)
        raise AuditError(
            names
            + ": "
            + size_words(total)
            + " of archive files; salesy audit reads at most "
            + size_words(MAX_ARCHIVE)
            + " (about 430 000 posts)"
        )


def _sniff(source: Source, head: bytes) -> None:
    """Refuses, from its first bytes, a file that is not an archive file (a video renamed
    tweets.js is not read to its end first)."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut by the block's end
            raise AuditError(source.shown + ": not a text file; expected " + EXPECTED) from None
        text = head[: error.start].decode("utf-8")
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("window.YTD."[: len(text)]) and text:
        return
    try:
        read_file(text, source.shown)
    except ArchiveError as error:
        raise AuditError(str(error)) from None
    raise AuditError(source.shown + ": not an X archive file")


def read_sources(sources: list[Source]) -> list[tuple[str, bytes]]:
    """The bytes of each file, every read capped, with a progress bar on a terminal."""
    _check_sizes(sources)
    out: list[tuple[str, bytes]] = []
    left = MAX_ARCHIVE
    total = sum(source.size for source in sources)
    with bar(total, "Reading", "B", is_bytes=True) as shown:
        for source in sources:
            shown.note(source.shown)
            blocks: list[bytes] = []
            got = 0
            try:
                with source.opener() as handle:
                    while got <= left:
                        block = handle.read(min(BLOCK, left + 1 - got) if got else HEAD)
                        if not block:
                            break
                        if not got:
                            _sniff(source, block)
                        blocks.append(block)
                        got += len(block)
                        shown.advance(len(block))
            except OSError as error:
                raise AuditError("cannot read " + source.shown + ": " + reason(error)) from None
            except (zipfile.BadZipFile, EOFError, zlib.error) as error:
                raise AuditError(
                    source.shown + ": a damaged zip entry (" + str(error) + ")"
                ) from None
            if got > left:
                raise AuditError(
                    source.shown
                    + ": bigger than it said; salesy audit reads at most "
                    + size_words(MAX_ARCHIVE)
                )
            left -= got
            out.append((source.shown, b"".join(blocks)))
    return out


def archive_files(path: Path) -> list[tuple[str, bytes]]:
    """The archive files (tweets*.js, account.js) a zip, folder or file holds, read whole."""
    try:
        return read_sources(discover(path))
    except InputError as error:
        raise AuditError(str(error)) from None
    except OSError as error:
        raise AuditError("cannot read " + str(path) + ": " + reason(error)) from None
    except zipfile.BadZipFile as error:
        raise AuditError(str(path) + ": a damaged zip (" + str(error) + ")") from None


def _window(text: str) -> tuple[int, int]:
    """`50` -> (50 posts, 0 days); `30d` -> (default posts, 30 days)."""
    raw = text.strip().lower()
    days = raw.endswith("d")
    number = raw[:-1] if days else raw
    if not number.isdigit() or int(number) < 1 or int(number) > (3650 if days else 10000):
        raise AuditError(
            "--window: expected a number of posts (1-10000) or of days like 30d, got " + text
        )
    return (0, int(number)) if days else (int(number), 0)


def _since(text: str | None) -> str:
    if text is None:
        return ""
    parts = text.split("-")
    ok = len(parts) == 3 and [len(p) for p in parts] == [4, 2, 2] and "".join(parts).isdigit()
    if not ok or not (1 <= int(parts[1]) <= 12 and 1 <= int(parts[2]) <= 31):
        raise AuditError("--since: expected a date like 2026-06-01, got " + text)
    return text


def _config(path: str | None) -> dict[str, object]:
    if path is None:
        return cfg.defaults()
    try:
        config, errors = load_config(path)
    except ConfigFileError as error:
        raise AuditError(str(error)) from None
    if errors:
        more = " (and " + str(len(errors) - 1) + " more)" if len(errors) > 1 else ""
        raise AuditError(path + ": " + errors[0] + more)
    return config


@contextmanager
def _collector_paused() -> Iterator[None]:
    """CPython's cycle collector off while an archive is read and judged: parsing makes
    millions of objects that live to the end, and each collection would walk them all again
    (it took two thirds of orjson's time on 100 000 posts). Nothing here makes cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read(
    files: list[tuple[str, bytes]], since: str, judging: Judging, loads: Loads | None
) -> dict[str, object]:
    """archive.read() of the files, each post from `since` on handed to `judging` as soon
    as its slice of the file is read."""
    if not files:
        raise ArchiveError("no file chosen; expected " + EXPECTED)
    merged = Merged()
    with bar(len(files), "Parsing", "file") as parsing:
        for name, data in files:
            for found, first in file_answers(name, data, loads):
                merged.add(found, new_file=first)
                for post in found.get("posts") or []:  # type: ignore[attr-defined]
                    if not since or str(post["at"]) >= since:
                        judging.add(str(post["text"]))
            parsing.note(f"{len(merged.by_id):,} posts read")  # shown with the next advance
            parsing.advance(1)
    return merged.result()


def audit(
    files: list[tuple[str, bytes]],
    config: dict[str, object],
    since: str = "",
    posts_window: int = 0,
    days: int = 0,
    top: int = 5,
) -> dict[str, object]:
    """The whole report as data (what --format json prints)."""
    size = sum(len(data) for _name, data in files)
    with _collector_paused():
        with workers(jobs(size)) as pool:
            judging = Judging(config, pool)
            try:
                found = _read(files, since, judging, fast_loads())
            except ArchiveError as error:
                raise AuditError(str(error)) from None
            with bar(judging.distinct(), "Judging", "posts") as shown:
                judging.answers(shown)
        all_posts = found["posts"]
        assert isinstance(all_posts, list)
        chosen = [p for p in all_posts if str(p["at"]) >= since] if since else all_posts
        posts = []
        for post in chosen:
            item = dict(post)
            item["verdict"], item["score"] = judging.answer(str(post["text"]))
            posts.append(item)
        return _report(files, found, posts, config, since, posts_window, days, top)


def _report(
    files: list[tuple[str, bytes]],
    found: dict[str, object],
    posts: list[dict[str, object]],
    config: dict[str, object],
    since: str,
    posts_window: int,
    days: int,
    top: int,
) -> dict[str, object]:
    window = posts_window or None
    now = posts[0]["at"] if posts else None
    result = balance(_countable(posts, config, window, days), config, window, days, now)
    months: dict[str, dict[str, int]] = {}
    for post in posts:
        month = str(post["at"])[:7]
        row = months.setdefault(month, {"posts": 0, "ok": 0, "promotional": 0, "pure_ad": 0})
        row["posts"] += 1
        row[str(post["verdict"])] += 1
    table = []
    for month in sorted(months):
        row = months[month]
        promo = row["promotional"] + row["pure_ad"]
        share = (promo * 100 + row["posts"] // 2) // row["posts"]
        table.append({"month": month, **row, "share": share})
    ranked = sorted(
        (p for p in posts if p["verdict"] != "ok"),
        key=lambda p: (RANK[str(p["verdict"])], int(str(p["score"])), str(p["at"])),
        reverse=True,
    )
    replies = sum(1 for p in posts if p.get("reply"))
    handle = str(found["account"]) if found["account"] else "i"
    return {
        "account": found["account"],
        "files": [name for name, _data in files],
        "posts": len(posts),
        "replies": replies,
        "reposts_left_out": found["reposts"],
        "unreadable": found["skipped"],
        "first": posts[-1]["at"] if posts else None,
        "last": posts[0]["at"] if posts else None,
        "since": since or None,
        "balance": {k: v for k, v in result.items() if k != "recent"},
        "months": table,
        "top": [
            {
                "id": p["id"],
                "at": p["at"],
                "verdict": p["verdict"],
                "score": p["score"],
                "reply": p["reply"],
                "text": p["text"],
                "times": times,
                "url": "https://x.com/" + handle + "/status/" + str(p["id"]),
            }
            for p, times in _once_each(ranked)[: max(0, top)]
        ],
    }


def _countable(
    posts: list[dict[str, object]], config: dict[str, object], window: int | None, days: int
) -> list[dict[str, object]]:
    """What balance() needs of `posts` (newest first by `at`, all written alike, so the
    string order is the time order) to answer as it would on all of them: over the last N
    posts, the first N and any at the same moment as the last of those (balance() orders
    a tie itself); over days, all. Working out a moment for 100 000 posts to keep 20 is a
    fifth of a second."""
    if days:
        return posts
    settings = effective_config(config)["balance"]
    assert isinstance(settings, dict)
    size = max(1, int(window if window is not None else settings["window"]))
    if len(posts) <= size:
        return posts
    cut = size
    while cut < len(posts) and posts[cut]["at"] == posts[size - 1]["at"]:
        cut += 1
    return posts[:cut]


def _once_each(ranked: list[dict[str, object]]) -> list[tuple[dict[str, object], int]]:
    """Each text once (its best-ranked, newest copy), with how many times it was posted: an
    ad posted ten times is one post to rewrite, not the whole list. Copies differ only in
    case, spacing or their links (each posting gets its own t.co link)."""
    seen: dict[str, int] = {}
    out: list[tuple[dict[str, object], int]] = []
    for post in ranked:
        words = str(post["text"]).casefold().split()
        key = " ".join(w for w in words if not w.startswith(("http://", "https://")))
        if key in seen:
            first, times = out[seen[key]]
            out[seen[key]] = (first, times + 1)
        else:
            seen[key] = len(out)
            out.append((post, 1))
    return out


def _short(text: str, width: int) -> str:
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_text(report: dict[str, object]) -> str:
    lines = []
    who = "@" + printable(str(report["account"])) if report["account"] else "This archive"
    files = report.get("files") or []
    assert isinstance(files, list)
    if files:
        lines.append("Read " + ", ".join(printable(str(name)) for name in files))
    if not report["posts"]:
        since = " since " + str(report["since"]) if report["since"] else ""
        return "\n".join([*lines, who + ": no posts of its own" + since + " to audit."]) + "\n"
    lines.append(
        who
        + ": "
        + str(report["posts"])
        + " posts from "
        + str(report["first"])[:10]
        + " to "
        + str(report["last"])[:10]
        + " ("
        + str(report["replies"])
        + " replies; "
        + str(report["reposts_left_out"])
        + " reposts of others left out"
        + (
            "; " + str(report["unreadable"]) + " unreadable items skipped"
            if report.get("unreadable")
            else ""
        )
        + ")"
    )
    b = report["balance"]
    assert isinstance(b, dict)
    window = b["window"]
    span = (
        "the last " + str(window["days"]) + " days"
        if window["days"]
        else "the last " + str(b["total"]) + " posts"
    )
    lines.append(
        "Balance over "
        + span
        + ": "
        + str(b["share"])
        + " % promotional ("
        + str(b["promotional"])
        + " of "
        + str(b["total"])
        + ", "
        + str(b["counts"]["pure_ad"])
        + " pure ads) — target "
        + str(b["target_label"])
        + ": at most "
        + str(b["allowed"])
        + " of "
        + str(b["total"])
    )
    lines.append("Status: " + str(b["status"]) + ". " + str(b["advice"]))
    lines.append("")
    # Each column says one thing: three counts of verdicts, then the share they make.
    lines.append("Month     Posts    OK  Promotional  Pure ads  Share promoting")
    months = report["months"]
    assert isinstance(months, list)
    for row in months:
        bar_ = "█" * ((int(row["share"]) + 5) // 10)
        lines.append(
            f"{row['month']}  {row['posts']:>6} {row['ok']:>5} {row['promotional']:>12}"
            f" {row['pure_ad']:>9}  {row['share']:>5} % {bar_}"
        )
    top = report["top"]
    assert isinstance(top, list)
    if top:
        lines.append("")
        lines.append("Most salesy posts (each text once)")
        for post in top:
            label = LABELS[str(post["verdict"])] + " " + str(post["score"])
            notes = " (reply)" if post["reply"] else ""
            if int(post.get("times", 1)) > 1:
                notes += " (posted " + str(post["times"]) + " times)"
            lines.append(
                "  "
                + str(post["at"])[:10]
                + "  "
                + f"{label:<14}"
                + _short(str(post["text"]), 70)
                + notes
            )
            lines.append("              " + printable(str(post["url"])))
    return "\n".join(lines) + "\n"


def format_csv(report: dict[str, object]) -> str:
    out: list[str] = []

    class Lines:
        def write(self, text: str) -> None:
            out.append(text)

    writer = csv.writer(Lines(), lineterminator="\n")
    writer.writerow(["month", "posts", "ok", "promotional", "pure_ad", "share_percent"])
    months = report["months"]
    assert isinstance(months, list)
    for row in months:
        writer.writerow(
            [
                row["month"],
                row["posts"],
                row["ok"],
                row["promotional"],
                row["pure_ad"],
                row["share"],
            ]
        )
    return "".join(out)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `audit` to the `salesy` command's subparsers."""
    parser = subparsers.add_parser(
        "audit",
        help="how promotional an account has been, from its X data archive",
        description="Balance, month-by-month table and most salesy posts of an X data archive."
        " Every tweets*.js file and account.js is read (given data/tweets.js, the others beside"
        " it too); progress shows on a terminal. Exit 2 if the archive cannot be read.",
        epilog=examples(
            "salesy audit twitter-2026-11-20.zip                   # the archive as X sends it",
            "salesy audit archive/ --since 2026-06-01 --window 30d  # unzipped; last 30 days",
            "salesy audit archive/data/tweets.js --format json     # reads tweets-part1.js… too",
        ),
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        help="the archive's .zip, its folder, its data/ folder, or data/tweets.js",
    )
    parser.add_argument("--since", metavar="DATE", help="only posts from DATE (2026-06-01) on")
    parser.add_argument(
        "--window",
        metavar="N",
        help="balance over the last N posts, or Nd for the last N days (default: the config's)",
    )
    parser.add_argument("--top", type=int, default=5, metavar="N", help="most salesy posts shown")
    parser.add_argument("--format", choices=["text", "json", "csv"], default="text")
    parser.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Runs a parsed `audit` command: errors are one line on stderr, never a traceback."""
    try:
        config = _config(args.config)
        posts_window, days = _window(args.window) if args.window else (0, 0)
        since = _since(args.since)
        report = audit(
            archive_files(Path(args.path)),
            config,
            since=since,
            posts_window=posts_window,
            days=days,
            top=args.top,
        )
        if args.format == "json":
            text = dumps_json(report) + "\n"
        elif args.format == "csv":
            text = format_csv(report)
        else:
            text = format_text(report)
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    except AuditError as error:
        print("salesy audit: error: " + one_line(str(error)), file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="salesy", formatter_class=argparse.RawTextHelpFormatter)
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["audit", *(sys.argv[1:] if argv is None else argv)])
    return run(args)
