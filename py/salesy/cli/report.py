"""`salesy report`: how the engine fares on labelled posts."""

from __future__ import annotations

import argparse
import json
import sys

from salesy.cli.common import UsageError, load_config
from salesy.training import corpus as corpus_mod

DEFAULT_CORPUS = corpus_mod.FOLDER


def run_report(args: argparse.Namespace) -> int:
    try:
        posts = corpus_mod.load(args.folder)
    except corpus_mod.CorpusError as error:
        raise UsageError(str(error)) from None
    report = corpus_mod.evaluate(posts, load_config(args.config))
    if args.format == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(corpus_mod.format_report(report, show_misses=args.misses))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "report",
        help="accuracy on a labelled corpus: confusion matrix, per-rule precision",
        description="Run the engine on a labelled corpus (.jsonl files) and report.",
    )
    parser.add_argument("folder", nargs="?", default=DEFAULT_CORPUS, metavar="DIR")
    parser.add_argument("--misses", action="store_true", help="list every misjudged post")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--config", metavar="FILE", help="a Salesy config (JSON)")
    parser.set_defaults(run=run_report)
