"""What every `salesy` command shares: one-line errors, reading input, `--config FILE`."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from salesy.cli import config as cli_config

MAX_INPUT = 10 * 1024 * 1024


class UsageError(Exception):
    """Bad usage or unreadable input: one line on stderr, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but an error is one line (argparse prints the usage as well)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, "salesy: " + message + " (see `" + self.prog + " --help`)\n")


def read_text(path: str) -> str:
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


def load_config(path: str | None) -> object:
    """The merged config of `--config FILE` (None: the defaults); its first error is fatal."""
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
