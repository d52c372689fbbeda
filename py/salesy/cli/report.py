"""`salesy report`: how the engine fares on labelled posts, per source and per rule."""

from __future__ import annotations

import argparse
import json
import sys

from salesy.cli import data
from salesy.cli.common import load_config
from salesy.cli.files import examples
from salesy.training import fit
from salesy.training import report as figures


def run_report(args: argparse.Namespace) -> int:
    sources = data.sources(args, args.folder)
    triples = figures.judged(sources, load_config(args.config))
    rows = [(post, verdict) for post, verdict, _reasons in triples]
    examples = fit.extract(sources)
    out: dict[str, object] = {
        "sources": figures.by_source(rows),
        "corpus": figures.corpus_figures(rows),
        "rules": figures.hit_frequencies(examples),
    }
    if args.leave_one_out:
        out["leave_one_out"] = figures.leave_one_out(examples, [s.name for s in sources])
    if args.format == "json":
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = ["Per source (flagged: promotional or pure ad):"]
    lines += figures.format_sources(out["sources"])  # type: ignore[arg-type]
    lines += figures.format_corpus(out["corpus"])  # type: ignore[arg-type]
    lines += ["", "Per rule, on posts (hit-frequencies):"]
    lines += figures.format_hits(out["rules"])  # type: ignore[arg-type]
    for held in out.get("leave_one_out") or []:  # type: ignore[attr-defined]
        lines += ["", "Fitted without " + held["source"] + ", judged on it:"]
        lines += figures.format_sources(held["figures"])
        lines += figures.format_corpus(held["corpus"])
    if args.misses:
        lines += ["", "Misses:"] + figures.misses(triples)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "report",
        help="how the engine fares on labelled posts: per source, per rule, leave-one-out",
        description="Judge labelled posts and report, per source, the share flagged and called "
        "a pure ad; on the own corpus the three-way accuracy; per rule its hit-frequencies. "
        "",
        epilog=examples(
            "salesy report                  # the labelled corpus: accuracy, per rule",
            "salesy report --misses         # and the posts it misjudged",
            "salesy report --data youtube=Youtube-Spam-Collection-v1/ --leave-one-out",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folder", nargs="?", default=None, metavar="DIR", help="a corpus of .jsonl files"
    )
    data.add_arguments(parser)
    parser.add_argument(
        "--leave-one-out",
        action="store_true",
        help="also fit without each source and judge it (slow: one fit per source)",
    )
    parser.add_argument("--misses", action="store_true", help="list misjudged posts")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    parser.set_defaults(run=run_report)
