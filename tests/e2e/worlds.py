"""Reach the parts of the browser a page cannot: Salesy's content-script world on an x.com tab
(harness.content_world: to act as a compromised content script would), and the engine's
sandboxed frame (to make it stop answering, as a pathological input would)."""

from __future__ import annotations

import json
import time
from typing import Any

from playwright.sync_api import BrowserContext, Page

import harness


def hang_engine(context: BrowserContext, *, wait: float = 0.0) -> None:
    """Makes the engine's sandboxed frame spin forever, as a request it cannot finish would:
    the frame stops answering anyone until it is torn down. With `wait`, waits up to that
    many seconds for a frame to appear and spins it at once (a start-up that never ends)."""
    assert context.browser is not None
    session = context.browser.new_browser_cdp_session()
    try:
        deadline = time.monotonic() + wait
        while True:
            frames = [
                t
                for t in session.send("Target.getTargets")["targetInfos"]
                if t["url"].endswith("/engine/sandbox.html")
            ]
            if frames or time.monotonic() > deadline:
                break
        assert len(frames) == 1, frames
        attached = session.send(
            "Target.attachToTarget", {"targetId": frames[0]["targetId"], "flatten": False}
        )
        spin = {
            "id": 1,
            "method": "Runtime.evaluate",
            "params": {"expression": "setTimeout(() => { for (;;) {} }, 0); 0"},
        }
        session.send(
            "Target.sendMessageToTarget",
            {"sessionId": attached["sessionId"], "message": json.dumps(spin)},
        )
    finally:
        session.detach()


def engine_frames(context: BrowserContext) -> list[str]:
    """The target ids of the engine's sandboxed frames (one per browser when it is up)."""
    return [
        t["targetId"]
        for t in harness.browser_targets(context)
        if t["url"].endswith("/engine/sandbox.html")
    ]


def extension_page(context: BrowserContext, path: str = "manifest.json") -> Page:
    """A page of the extension (trusted by the router), for asking it directly."""
    page = context.new_page()
    page.goto(f"chrome-extension://{harness.extension_id(context)}/{path}")
    return page


def ask(page: Page, message: dict[str, Any]) -> Any:
    """A message to the router from an extension page; the router's reply."""
    return page.evaluate(
        "(message) => chrome.runtime.sendMessage({target: 'background', ...message})", message
    )
