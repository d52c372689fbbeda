"""The engine starts when a compose box appears, before the first key: its cold start (about
a second) is paid while the user reads the page, not by the first hint."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext

from harness import (
    RequestLog,
    browser_targets,
    extension_worker,
    open_compose,
    poll,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]


def engine_status(context: BrowserContext) -> dict[str, Any] | None:
    """What the service worker noted of the engine's starts, read without asking the engine
    (asking would start it)."""
    found = extension_worker(context).evaluate("chrome.storage.session.get('engineStatus')")
    return found.get("engineStatus")  # type: ignore[no-any-return]


def engine_frames(context: BrowserContext) -> int:
    return sum(t["url"].endswith("/engine/sandbox.html") for t in browser_targets(context))


def test_opening_the_compose_box_starts_the_engine_without_a_keystroke(browser: Browser) -> None:
    context, _ = browser
    assert engine_frames(context) == 0  # a fresh browser: nothing has asked for it yet
    page = open_compose(context)
    status = poll(lambda: (engine_status(context) or {}).get("starts"), timeout=20)
    assert status == 1
    assert engine_frames(context) == 1
    # Nobody typed: the chip has nothing to say yet, and the first draft is answered.
    type_draft(page, "BUY NOW with code SAVE20")
    wait_for_verdict(page, "pure_ad")
