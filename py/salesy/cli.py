"""The `salesy` command.

    salesy check TEXT | - | --file F [--format text|json|jsonl] [--config FILE]
    salesy rules [ID|PREFIX] [--format text|json]
    salesy report [DIR] [--misses] [--config FILE]
    salesy config ...   salesy audit ...   (see `salesy config -h`, `salesy audit -h`)

Exit status: 0 fine, 1 when any checked post is a pure ad (so CI can gate scheduled posts),
2 on bad usage or unreadable input. Errors are one line on stderr, never a traceback.
CPython only (argparse, files, terminals): the browser never imports this module.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import NoReturn, cast

from salesy import cli_audit, cli_config
from salesy import corpus as corpus_mod
from salesy.engine import check
from salesy.rules import RULES, Rule, select

FORMATS = ("text", "json", "jsonl")
DEFAULT_CORPUS = "tests/corpus"
MAX_INPUT = 10 * 1024 * 1024


class UsageError(Exception):
    """Bad usage or unreadable input: one line on stderr, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but an error is one line (argparse prints the usage as well)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, "salesy: " + message + " (see `" + self.prog + " --help`)\n")


# ----------------------------------------------------------------------------- check


def _read(path: str) -> str:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_INPUT + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_INPUT + 1)
    except OSError as error:
        raise UsageError("cannot read " + path + ": " + (error.strerror or str(error))) from None
    if len(data) > MAX_INPUT:
        raise UsageError(path + ": bigger than 10 MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(path + ": not UTF-8 text") from None


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


def _config(path: str | None) -> object:
    if not path:
        return None
    try:
        config, errors = cli_config.load_config(path)
    except cli_config.ConfigFileError as error:
        raise UsageError(str(error)) from None
    if errors:
        more = " (and " + str(len(errors) - 1) + " more)" if len(errors) > 1 else ""
        raise UsageError(path + ": " + errors[0] + more)
    return config


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
        posts = paragraphs(_read(args.file))
    elif args.text is None:
        raise UsageError("nothing to check: give TEXT, - (stdin) or --file FILE")
    elif args.text == "-":
        posts = [_read("-").strip()]
    else:
        posts = [args.text]
    config = _config(args.config)
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


# ----------------------------------------------------------------------------- rules


def _rule_json(rule_id: str) -> dict[str, object]:
    rule = next(r for r in RULES if rule_id == r.ID)
    return {
        "id": rule.ID,
        "name": rule.NAME,
        "category": rule.CATEGORY,
        "weight": rule.WEIGHT,
        "message": rule.MESSAGE,
        "suggestion": rule.SUGGESTION,
        "doc": rule.DOC.strip(),
        "flag": rule.FLAG,
        "pass": rule.PASS,
    }


def markdown_table(rules: list[Rule]) -> str:
    """The rules as a Markdown table, for the README: generated, never written by hand."""
    lines = [
        "| Rule | Name | Category | Weight | What it finds | Fires on |",
        "| --- | --- | --- | ---: | --- | --- |",
    ]
    for rule in rules:
        message = rule.MESSAGE.split(":", 1)[-1].strip()
        example = rule.FLAG[0].replace("|", "\\|")
        lines.append(
            "| "
            + " | ".join(
                [rule.ID, rule.NAME, rule.CATEGORY, str(rule.WEIGHT), message, "“" + example + "”"]
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def run_rules(args: argparse.Namespace) -> int:
    chosen = select(args.rule) if args.rule else list(RULES)
    if not chosen:
        raise UsageError("no rule " + args.rule + " (try `salesy rules`)")
    if args.format == "markdown":
        sys.stdout.write(markdown_table(chosen))
        return 0
    if args.format == "json":
        sys.stdout.write(
            json.dumps([_rule_json(r.ID) for r in chosen], ensure_ascii=False, indent=2) + "\n"
        )
        return 0
    if len(chosen) == 1 and args.rule:
        rule = chosen[0]
        lines = [
            rule.ID
            + "  "
            + rule.NAME
            + "  ("
            + rule.CATEGORY
            + ", weight "
            + str(rule.WEIGHT)
            + ")",
            "",
            rule.DOC.strip(),
            "",
            "Message:     " + rule.MESSAGE,
            "Suggestion:  " + rule.SUGGESTION,
            "",
            "Fires on:",
        ]
        lines += ["  ✗ " + text for text in rule.FLAG]
        lines += ["Does not fire on:"]
        lines += ["  ✓ " + text for text in rule.PASS]
        sys.stdout.write("\n".join(lines) + "\n")
        return 0
    for rule in chosen:
        summary = rule.DOC.strip().split("\n")[0]
        sys.stdout.write(
            rule.ID + "  " + rule.CATEGORY.ljust(11) + rule.NAME.ljust(20) + summary + "\n"
        )
        sys.stdout.write("       e.g. " + rule.FLAG[0] + "\n")
    return 0


# ----------------------------------------------------------------------------- report


def run_report(args: argparse.Namespace) -> int:
    try:
        posts = corpus_mod.load(args.folder)
    except corpus_mod.CorpusError as error:
        raise UsageError(str(error)) from None
    report = corpus_mod.evaluate(posts, _config(args.config))
    if args.format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(corpus_mod.format_report(report, show_misses=args.misses))
    return 0


# ----------------------------------------------------------------------------- main


def build_parser() -> Parser:
    parser = Parser(
        prog="salesy",
        description="Warns when a post on X reads like pure advertising.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check_cmd = commands.add_parser(
        "check",
        help="judge posts: verdict, score and each finding underlined",
        description="Judge posts. Exit 1 if any is a pure ad, 2 on bad usage.",
    )
    check_cmd.add_argument("text", nargs="?", metavar="TEXT", help='the post ("-" reads stdin)')
    check_cmd.add_argument("--file", metavar="F", help="posts to check, one per paragraph")
    check_cmd.add_argument("--format", choices=FORMATS, default="text")
    check_cmd.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    check_cmd.set_defaults(run=run_check)

    rules_cmd = commands.add_parser(
        "rules", help="list the rules, or show one", description="List the rules or show one."
    )
    rules_cmd.add_argument("rule", nargs="?", metavar="ID", help="SL101, a prefix (SL1) or a slug")
    rules_cmd.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules_cmd.set_defaults(run=run_rules)

    report_cmd = commands.add_parser(
        "report",
        help="accuracy on a labelled corpus: confusion matrix, per-rule precision",
        description="Run the engine on a labelled corpus (.jsonl files) and report.",
    )
    report_cmd.add_argument("folder", nargs="?", default=DEFAULT_CORPUS, metavar="DIR")
    report_cmd.add_argument("--misses", action="store_true", help="list every misjudged post")
    report_cmd.add_argument("--format", choices=("text", "json"), default="text")
    report_cmd.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    report_cmd.set_defaults(run=run_report)

    # Their register() takes plain ArgumentParser subparsers; ours only print errors shorter.
    shared = cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands)
    cli_config.register(shared)
    cli_audit.register(shared)
    return parser


def main(argv: list[str] | None = None) -> int:
    # A post may hold lone surrogates (undecodable argv bytes): print them, never crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        print("salesy: " + str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
