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
import json
import multiprocessing
import os
import sys
import zipfile
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from salesy import config as cfg
from salesy.archive import ArchiveError, classify
from salesy.archive import read as read_archive
from salesy.balance import balance
from salesy.cli.config import ConfigFileError, load_config
from salesy.engine import check, effective_config

LABELS = {"ok": "OK", "promotional": "Promotional", "pure_ad": "Pure ad"}
RANK = {"pure_ad": 2, "promotional": 1, "ok": 0}


class AuditError(Exception):
    """Bad input the user can fix; the message is the one line they see."""


def _is_archive_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.endswith(".js") and (
        base in ("tweets.js", "tweet.js", "account.js")
        or base.startswith(("tweets-part", "tweet-part"))
    )


def archive_files(path: Path) -> list[tuple[str, bytes]]:
    """The archive files (tweets*.js, account.js) a zip, folder or single file holds."""
    if not path.exists():
        raise AuditError(str(path) + ": no such file or folder")
    try:
        if path.is_dir():
            folder = path / "data" if (path / "data").is_dir() else path
            found = [f for f in sorted(folder.iterdir()) if _is_archive_name(f.name)]
            if not any(f.name != "account.js" for f in found):
                raise AuditError(
                    str(path) + ": no tweets.js here; expected X's archive folder (with data/"
                    "tweets.js), its data/ folder, the archive's .zip or tweets.js itself"
                )
            return [(f.name, f.read_bytes()) for f in found]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if _is_archive_name(n)]
                if not any(not n.endswith("account.js") for n in names):
                    raise AuditError(
                        str(path) + ": a zip without data/tweets.js; expected the archive X sends"
                    )
                return [(n.rsplit("/", 1)[-1], archive.read(n)) for n in sorted(names)]
        return [(path.name, path.read_bytes())]
    except OSError as error:
        raise AuditError(
            "cannot read " + str(path) + ": " + (error.strerror or str(error))
        ) from None
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


# Many posts are judged by one worker process per CPU (each post is judged on its own, so the
# report is the same); for fewer, starting the workers costs more than they save. Reading
# stays in this process: parsing the JSON is memory-bound and gained nothing from a second.
PARALLEL_POSTS = 5000
CHUNK = 1000  # posts per task: small enough to keep every worker busy to the end


def _jobs(posts: int) -> int:
    """Worker processes to judge `posts` posts (SALESY_JOBS=N overrides; 1: none)."""
    wanted = os.environ.get("SALESY_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if posts < PARALLEL_POSTS:
        return 1
    return max(1, min(os.cpu_count() or 1, 16))


@contextmanager
def _workers(jobs: int) -> Iterator[Executor | None]:
    """A process pool, or None where there is no point or no way to start one."""
    if jobs <= 1:
        yield None
        return
    # fork starts at once and shares the loaded engine; elsewhere the platform's default.
    method = "fork" if sys.platform == "linux" else None
    try:
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))
    except (OSError, ImportError, NotImplementedError, ValueError):
        yield None  # no semaphores or no processes here: judge in this one
        return
    with pool:
        yield pool


def _judge(texts: list[str], config: dict[str, object]) -> list[tuple[object, object]]:
    """(verdict, score) of each text, as classify() would give them."""
    conf = effective_config(config)
    out = []
    for text in texts:
        result = check(text, conf)
        out.append((result["verdict"], result["score"]))
    return out


def _classify(
    posts: list[dict[str, object]], config: dict[str, object], pool: Executor | None
) -> list[dict[str, object]]:
    if pool is None or len(posts) <= CHUNK:
        return classify(posts, config)
    texts = [str(post["text"]) for post in posts]
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    try:
        answers = list(pool.map(_judge, chunks, [config] * len(chunks)))
    except BrokenProcessPool:  # a worker died (out of memory?): judge them here instead
        return classify(posts, config)
    out = []
    index = 0
    for judged in answers:
        for verdict, score in judged:
            item = dict(posts[index])
            item["verdict"] = verdict
            item["score"] = score
            out.append(item)
            index += 1
    return out


def audit(
    files: list[tuple[str, bytes]],
    config: dict[str, object],
    since: str = "",
    posts_window: int = 0,
    days: int = 0,
    top: int = 5,
) -> dict[str, object]:
    """The whole report as data (what --format json prints)."""
    try:
        found = read_archive([(name, data) for name, data in files])
    except ArchiveError as error:
        raise AuditError(str(error)) from None
    all_posts = found["posts"]
    assert isinstance(all_posts, list)
    chosen = [p for p in all_posts if str(p["at"]) >= since] if since else all_posts
    with _workers(_jobs(len(chosen))) as pool:
        posts = _classify(chosen, config, pool)
    window = posts_window or None
    now = posts[0]["at"] if posts else None
    result = balance(posts, config, window=window, days=days, now=now)
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
    return {
        "account": found["account"],
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
                "url": "https://x.com/"
                + (str(found["account"]) if found["account"] else "i")
                + "/status/"
                + str(p["id"]),
            }
            for p in ranked[: max(0, top)]
        ],
    }


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def format_text(report: dict[str, object]) -> str:
    lines = []
    who = "@" + str(report["account"]) if report["account"] else "This archive"
    if not report["posts"]:
        since = " since " + str(report["since"]) if report["since"] else ""
        return who + ": no posts of its own" + since + " to audit.\n"
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
        + " reposts of others left out)"
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
    lines.append("Month    Posts   OK  Promo  Pure ad  Promotional")
    months = report["months"]
    assert isinstance(months, list)
    for row in months:
        bar = "█" * ((int(row["share"]) + 5) // 10)
        lines.append(
            f"{row['month']}  {row['posts']:>5} {row['ok']:>4} {row['promotional']:>6}"
            f" {row['pure_ad']:>8}  {row['share']:>6} % {bar}"
        )
    top = report["top"]
    assert isinstance(top, list)
    if top:
        lines.append("")
        lines.append("Most salesy posts")
        for post in top:
            label = LABELS[str(post["verdict"])] + " " + str(post["score"])
            reply = " (reply)" if post["reply"] else ""
            lines.append(
                "  "
                + str(post["at"])[:10]
                + "  "
                + f"{label:<14}"
                + _short(str(post["text"]), 70)
                + reply
            )
            lines.append("              " + str(post["url"]))
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
        description="Balance, month-by-month table and most salesy posts of an X data archive.",
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
        report = audit(
            archive_files(Path(args.path)),
            config,
            since=_since(args.since),
            posts_window=posts_window,
            days=days,
            top=args.top,
        )
        if args.format == "json":
            text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        elif args.format == "csv":
            text = format_csv(report)
        else:
            text = format_text(report)
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    except AuditError as error:
        print("salesy audit: error: " + str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="salesy")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["audit", *(sys.argv[1:] if argv is None else argv)])
    return run(args)
