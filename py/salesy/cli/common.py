"""What every `salesy` command shares: one-line errors, reading input, `--config FILE`."""

from __future__ import annotations

import argparse
from typing import NoReturn

from salesy.cli import config as cli_config
from salesy.cli.files import MB, InputError, examples, read_capped

__all__ = ["MAX_INPUT", "Parser", "UsageError", "examples", "load_config", "read_text"]

MAX_INPUT = 10 * MB


class UsageError(Exception):
    """Bad usage or unreadable input: one line on stderr, exit 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but an error is one line (argparse prints the usage as well), and a help
    text keeps the examples of its epilog as written."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        self.exit(2, "salesy: " + message + " (see `" + self.prog + " --help`)\n")


def read_text(path: str) -> str:
    """A text file ("-": stdin) of at most 10 MB, as UTF-8."""
    try:
        data = read_capped(path, MAX_INPUT)
    except InputError as error:
        raise UsageError(str(error)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(("stdin" if path == "-" else path) + ": not UTF-8 text") from None


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
