"""`salesy check`: judge posts, print the verdict and underline each finding."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from salesy.cli.common import UsageError, load_config, read_text
from salesy.engine import check

FORMATS = ("text", "json", "jsonl")


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
    """The text, line by line, each followed by carets under the findings it holds."""
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        marks: list[str] = []
        column_chars: list[str] = []
        covered = [False] * len(line)
        for finding in findings:
            start, stop = int(str(finding["start"])), int(str(finding["end"]))
            for i in range(max(start, offset), min(stop, end)):
                covered[i - offset] = True
        if any(covered):
            previous = ""
            for i, char in enumerate(line):
                if char == "\t":
                    column_chars.append("\t")
                else:
                    column_chars.append(("^" if covered[i] else " ") * _width(char, previous))
                previous = char
            marks.append("".join(column_chars).rstrip())
        out.append("  " + line)
        out.extend("  " + mark for mark in marks)
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
        + str(result["summary"])
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
                + str(finding["text"])
                + '"  '
                + str(finding["message"])
            )
            if finding["category"] != "value":
                lines.append("        → " + str(finding["suggestion"]))
    for skipped in result.get("skipped") or []:  # type: ignore[attr-defined]
        lines.append("  skipped " + skipped["rule"] + " " + skipped["name"] + ": it failed")
    return "\n".join(lines) + "\n"


def run_check(args: argparse.Namespace) -> int:
    if args.file and args.text is not None:
        raise UsageError("give TEXT or --file, not both")
    if args.file:
        posts = paragraphs(read_text(args.file))
    elif args.text is None:
        raise UsageError("nothing to check: give TEXT, - (stdin) or --file FILE")
    elif args.text == "-":
        posts = [read_text("-").strip()]
    else:
        posts = [args.text]
    config = load_config(args.config)
    results = [check(post, config) for post in posts]
    many = bool(args.file)
    if args.format == "json":
        if many:
            payload: object = [dict(r, text=p) for p, r in zip(posts, results, strict=True)]
        else:
            payload = results[0]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "jsonl":
        for post, result in zip(posts, results, strict=True):
            sys.stdout.write(json.dumps(dict(result, text=post), ensure_ascii=False) + "\n")
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
        description="Judge posts. Exit 1 if any is a pure ad, 2 on bad usage.",
    )
    parser.add_argument("text", nargs="?", metavar="TEXT", help='the post ("-" reads stdin)')
    parser.add_argument("--file", metavar="F", help="posts to check, one per paragraph")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    parser.set_defaults(run=run_check)
