"""Fixtures the unit tests share."""

from collections.abc import Iterator

import pytest

from salesy import engine
from salesy.doc import Doc
from salesy.rules import BY_ID


@pytest.fixture
def broken_urgency(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """SL105 raises on every draft; the engine's once-per-rule report starts afresh."""

    def fail(doc: Doc, config: dict[str, object]) -> list[tuple[int, int]]:
        raise ValueError("broken on purpose")

    monkeypatch.setattr(BY_ID["SL105"], "detect", fail)
    monkeypatch.setattr(engine, "_reported", set())
    yield
