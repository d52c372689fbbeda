"""Progress bars for long work (`salesy audit` on a big archive), on stderr, by tqdm.

Shown only on a terminal, and only when the work lasts longer than half a second, so a pipe,
a log or a small archive sees nothing. SALESY_PROGRESS=always shows them anyway (a CI log),
SALESY_PROGRESS=never hides them. Work reports progress by counts (bytes read, files parsed,
posts judged), so a reader that streams can drive the same bars.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Tick = Callable[[int], object]


def _mode() -> str:
    mode = os.environ.get("SALESY_PROGRESS", "auto").strip().lower()
    return mode if mode in ("always", "never") else "auto"


@contextmanager
def bar(total: int, what: str, unit: str, is_bytes: bool = False) -> Iterator[Bar]:
    mode = _mode()
    if mode == "never" or (mode == "auto" and not _is_terminal()):
        yield Bar(None)
        return
    from tqdm import tqdm  # type: ignore[import-untyped]

    with tqdm(
        total=total,
        desc=what,
        unit=unit,
        unit_scale=is_bytes,
        unit_divisor=1024 if is_bytes else 1000,
        delay=0 if mode == "always" else 0.5,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
        mininterval=0.2,
    ) as shown:
        yield Bar(shown)


def _is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """One bar: `advance(n)` as work is done, `note(text)` for what it is doing now."""

    def __init__(self, shown: object) -> None:
        self._shown = shown

    def advance(self, amount: int) -> None:
        if self._shown is not None:
            self._shown.update(amount)  # type: ignore[attr-defined]

    def note(self, text: str) -> None:
        if self._shown is not None:
            self._shown.set_postfix_str(text, refresh=False)  # type: ignore[attr-defined]
