"""`salesy rules`: every rule with its docs, or one in full; the README's table."""

from __future__ import annotations

import argparse
import json
import sys

from salesy.cli.common import UsageError, examples
from salesy.rules import RULES, Rule, select


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


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "rules",
        help="list the rules, or show one",
        description="List the rules or show one, with its docs and examples.",
        epilog=examples(
            "salesy rules                     # every rule, one line each",
            "salesy rules SL101               # one rule in full; SL1 or a slug works too",
            "salesy rules --format markdown   # the table in the README",
        ),
    )
    parser.add_argument("rule", nargs="?", metavar="ID", help="SL101, a prefix (SL1) or a slug")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.set_defaults(run=run_rules)
