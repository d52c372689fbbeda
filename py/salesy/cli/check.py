"""`salesy check`: judge posts, print the verdict and underline each finding."""

from __future__ import annotations

import argparse
import sys
import unicodedata

from salesy.cli.common import UsageError, examples, load_config, read_text
from salesy.cli.files import dumps_json, printable
from salesy.engine import check

FORMATS = ("text", "json", "jsonl")
# X's longest post (Premium's long posts): anything longer is not a draft, and the engine's
# time grows with length (25 000 characters of the worst patterns take ~1-2 s on CPython).
MAX_POST = 25000


def paragraphs(text: str) -> list[str]:
    """One post per paragraph: blocks separated by blank lines, trimmed."""
    posts: list[str] = []
    block: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            posts.append("\n".join(block).strip())
            block = []
    if block:
        posts.append("\n".join(block).strip())
    return posts


def _width(char: str, previous: str) -> int:
    """Terminal columns of one character: 0 for marks, joiners, skin tones and whatever a
    zero-width joiner glues on (👨‍👩‍👧 is one glyph), 2 for wide ones."""
    if previous == "\u200d" or "\U0001f3fb" <= char <= "\U0001f3ff":
        return 0
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufe0e\ufe0f":
        return 0
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def underline(text: str, findings: list[dict[str, object]]) -> list[str]:
    """The text, line by line, each followed by carets under the findings it holds; control
    characters are shown as visible ones of one column, so the carets stay under the words."""
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        covered = [False] * len(line)
        for finding in findings:
            start, stop = int(str(finding["start"])), int(str(finding["end"]))
            for i in range(max(start, offset), min(stop, end)):
                covered[i - offset] = True
        shown = printable(line)
        out.append("  " + shown)
        if any(covered):
            columns: list[str] = []
            previous = ""
            for i, char in enumerate(shown):
                if char == "\t":
                    columns.append("\t")
                else:
                    columns.append(("^" if covered[i] else " ") * _width(char, previous))
                previous = char
            out.append("  " + "".join(columns).rstrip())
        offset = end + 1
    return out


LABEL = {"ok": "ok", "promotional": "promotional", "pure_ad": "PURE AD"}


def format_text(text: str, result: dict[str, object]) -> str:
    findings = result["findings"]
    assert isinstance(findings, list)
    lines = [
        LABEL[str(result["verdict"])]
        + "  (promotion "
        + str(result["score"])
        + ", value "
        + str(result["value"])
        + ")  "
        + printable(str(result["summary"]))
    ]
    if findings:
        lines += underline(text, findings)
        for finding in findings:
            lines.append(
                "  "
                + str(finding["rule"])
                + " "
                + str(finding["name"])
                + '  "'
                + printable(" ".join(str(finding["text"]).split()))
                + '"  '
                + str(finding["message"])
            )
            if finding["category"] != "value":
                lines.append("        → " + str(finding["suggestion"]))
    for skipped in result.get("skipped") or []:  # type: ignore[attr-defined]
        lines.append("  skipped " + skipped["rule"] + " " + skipped["name"] + ": it failed")
    return "\n".join(lines) + "\n"


def _posts(args: argparse.Namespace) -> tuple[list[str], str]:
    """The posts to check and where they came from (for messages)."""
    if args.file and args.text is not None:
        raise UsageError("give TEXT or --file, not both")
    if args.file or args.text == "-":
        source = args.file or "stdin"
        posts = paragraphs(read_text(args.file or "-"))
        if not posts:
            raise UsageError("nothing to check: " + source + " holds no post")
        return posts, source
    if args.text is None:
        raise UsageError("nothing to check: give TEXT, - (stdin) or --file FILE")
    if not args.text.strip():
        raise UsageError("nothing to check: the post is empty")
    return [args.text], ""


def run_check(args: argparse.Namespace) -> int:
    posts, source = _posts(args)
    for number, post in enumerate(posts, 1):
        if len(post) > MAX_POST:
            where = "post " + str(number) + " of " + source if source else "the post"
            raise UsageError(
                where
                + " is "
                + f"{len(post):,}"
                + " characters long; Salesy checks posts of up to "
                + f"{MAX_POST:,}"
                + " (X's longest)"
            )
    config = load_config(args.config)
    results = [check(post, config) for post in posts]
    many = bool(source)
    if args.format == "json":
        if many:
            payload: object = [dict(r, text=p) for p, r in zip(posts, results, strict=True)]
        else:
            payload = results[0]
        sys.stdout.write(dumps_json(payload) + "\n")
    elif args.format == "jsonl":
        for post, result in zip(posts, results, strict=True):
            sys.stdout.write(dumps_json(dict(result, text=post), indent=None) + "\n")
    else:
        blocks = [format_text(p, r) for p, r in zip(posts, results, strict=True)]
        sys.stdout.write("\n".join(blocks))
        if many:
            counts = {v: sum(1 for r in results if r["verdict"] == v) for v in LABEL}
            sys.stdout.write(
                "\n"
                + str(len(posts))
                + " posts: "
                + ", ".join(str(counts[v]) + " " + v for v in LABEL)
                + "\n"
            )
    return 1 if any(r["verdict"] == "pure_ad" for r in results) else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="judge posts: verdict, score and each finding underlined",
        description="Judge posts. Exit 1 if any is a pure ad, 2 on bad usage or input.",
        epilog=examples(
            'salesy check "BUY NOW! 50% off, today only"',
            "salesy check --file scheduled-posts.txt --format jsonl   # one post per paragraph",
            "pbpaste | salesy check -                                 # stdin, one per paragraph",
            "salesy check --config salesy.json --file drafts.txt      # a team's rules",
        ),
    )
    parser.add_argument(
        "text", nargs="?", metavar="TEXT", help='the post ("-" reads stdin, one per paragraph)'
    )
    parser.add_argument("--file", metavar="F", help="posts to check, one per paragraph")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    parser.set_defaults(run=run_check)
