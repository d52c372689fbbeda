"""`salesy train`: fit the rule weights, the wording table and the thresholds, and write them
to the package's model (py/salesy/model/fitted.py). Deterministic: the same data gives the
same file, byte for byte."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salesy.cli import data
from salesy.cli.common import UsageError
from salesy.cli.files import examples
from salesy.model import fitted as current
from salesy.training import fit
from salesy.training import report as figures
from salesy.training.datasets import Post

TARGET = Path(current.__file__)


def run_train(args: argparse.Namespace) -> int:
    sources = data.sources(args)
    examples = fit.extract(sources)
    model = fit.train(examples)
    text = fit.render(model, [s.manifest() for s in sources])
    verdicts = fit.judge(model, examples)
    rows = [
        (Post("", ex.label, ex.source, ""), v) for ex, v in zip(examples, verdicts, strict=True)
    ]
    lines = ["Fitted on " + ", ".join(f"{s.name} ({len(s.posts)})" for s in sources) + "."]
    lines.append("Thresholds: " + ", ".join(f"{k} {v}" for k, v in model.thresholds.items()))
    lines += figures.format_sources(figures.by_source(rows))
    lines += figures.format_corpus(figures.corpus_figures(rows))
    for rule_id, why in sorted(model.gated.items()):
        lines.append(f"  {rule_id} weight 0: {why}")
    sys.stdout.write("\n".join(lines) + "\n")
    out = Path(args.write) if args.write else TARGET
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            raise UsageError(f"{out} differs from what this data fits: run `make train`")
        sys.stdout.write(f"{out} is what this data fits.\n")
        return 0
    out.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n")
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "train",
        help="fit weights, wording table and thresholds on labelled posts",
        description="Fit Salesy's judgement on its own corpus plus the --data sources and "
        "write the model.",
        epilog=examples(
            "salesy train --development          # corpus + development sets: writes the model",
            "salesy train --development --check  # is the model what this data fits?",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    data.add_arguments(parser)
    parser.add_argument("--write", metavar="FILE", help="where to write (default: the package's)")
    parser.add_argument(
        "--check", action="store_true", help="only check that the model file is what this data fits"
    )
    parser.set_defaults(run=run_train)
