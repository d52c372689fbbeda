"""Salesy: warns when a post on X reads like pure advertising.

The same package runs on CPython (tests, CLI) and on PyScript's MicroPython (the extension):
no typing, dataclasses or regular expressions, only plain Python both understand.

    check(text, config=None) -> dict      the verdict on one draft (see DESIGN.md)
    balance(posts, config=None) -> dict   the share of promotional posts among recent ones
    config.validate(doc) -> (config, errors)
"""

from salesy.balance import balance
from salesy.engine import check
from salesy.rules import RULES

__version__ = "0.1.0"
__all__ = ["RULES", "__version__", "balance", "check"]
