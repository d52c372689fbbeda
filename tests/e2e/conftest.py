"""End-to-end fixtures: a fresh Chromium profile per test with the built extension loaded."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

sys.path.insert(0, str(Path(__file__).parent))
import harness

sys.path.insert(0, str(harness.ROOT / "scripts"))
import build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def extension() -> Path:
    """Builds dist/salesy/ from the working tree, so the tests never run a stale build."""
    build.build()
    return harness.EXTENSION


@pytest.fixture
def browser(extension: Path, tmp_path: Path) -> Iterator[tuple[BrowserContext, harness.RequestLog]]:
    """A browser with Salesy; on teardown it fails the test if anything left the machine."""
    with harness.browser(tmp_path / "profile") as (context, log):
        yield context, log
    assert log.outside() == [], f"requests outside the extension and fixture: {log.outside()}"
