"""The `salesy` command: one module per subcommand, each adding itself with `register`.

    salesy check TEXT | - | --file F [--format text|json|jsonl] [--config FILE]
    salesy rules [ID|PREFIX] [--format text|json|markdown]
    salesy report [DIR] [--misses] [--config FILE]
    salesy config ...   salesy audit ...   (see `salesy config -h`, `salesy audit -h`)
    salesy --version

Exit status: 0 fine; 1 when a checked post is a pure ad (so CI can gate scheduled posts) or
a config fails validation; 2 on bad usage or unreadable input; 130 when interrupted. Errors
are one line on stderr, never a traceback, with control characters made visible.
CPython only (argparse, files, terminals): the browser never imports this package.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import cast

from salesy import __version__
from salesy.cli import audit, check, report, rules, train
from salesy.cli import config as config_command
from salesy.cli.common import Parser, UsageError, examples
from salesy.cli.files import InputError, one_line, reason

COMMANDS = (check, rules, report, train, config_command, audit)


def build_parser() -> Parser:
    parser = Parser(
        prog="salesy",
        description="Warns when a post on X reads like pure advertising.",
        epilog=examples(
            'salesy check "BUY NOW! 50% off, today only"',
            "salesy audit twitter-2026-11-20.zip",
            "salesy config validate salesy.json",
            "salesy rules SL101",
        )
        + "\n\nexit status: 0 fine, 1 a pure ad found or a config that fails validation,"
        "\n2 bad usage or unreadable input, 130 interrupted",
    )
    parser.add_argument("--version", action="version", version="salesy " + __version__)
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
        code = int(args.run(args))
        sys.stdout.flush()
        return code
    except (UsageError, InputError) as error:
        return fail(str(error))
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as error:  # writing the output: a full disk, a quota, a closed terminal
        _quiet_stdout()
        return fail("cannot write the output: " + reason(error))
    except KeyboardInterrupt:
        return 130


def fail(message: str, code: int = 2) -> int:
    print("salesy: " + one_line(message), file=sys.stderr)
    return code


def _quiet_stdout() -> None:
    # What is still buffered for a pipe that closed or a disk that is full must not make
    # the interpreter print a second error on exit.
    try:
        devnull = open(os.devnull, "w")  # noqa: SIM115 (kept open until exit)
        os.dup2(devnull.fileno(), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
