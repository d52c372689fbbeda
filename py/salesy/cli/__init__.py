"""The `salesy` command: one module per subcommand, each adding itself with `register`.

    salesy check TEXT | - | --file F [--format text|json|jsonl] [--config FILE]
    salesy rules [ID|PREFIX] [--format text|json|markdown]
    salesy report [DIR] [--misses] [--config FILE]
    salesy config ...   salesy audit ...   (see `salesy config -h`, `salesy audit -h`)

Exit status: 0 fine, 1 when any checked post is a pure ad (so CI can gate scheduled posts),
2 on bad usage or unreadable input. Errors are one line on stderr, never a traceback.
CPython only (argparse, files, terminals): the browser never imports this package.
"""

from __future__ import annotations

import argparse
import sys
from typing import cast

from salesy.cli import audit, check, report, rules
from salesy.cli import config as config_command
from salesy.cli.common import Parser, UsageError

COMMANDS = (check, rules, report, config_command, audit)


def build_parser() -> Parser:
    parser = Parser(
        prog="salesy",
        description="Warns when a post on X reads like pure advertising.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # Their register() takes plain ArgumentParser subparsers; ours only print errors shorter.
    shared = cast("argparse._SubParsersAction[argparse.ArgumentParser]", commands)
    for command in COMMANDS:
        command.register(shared)
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
