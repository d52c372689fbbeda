"""One bad input must never stall the shared engine (issue 15, points 1 and 2).

The engine is MicroPython in one sandboxed frame that every tab, the popup and the options page
share, one request at a time. So: every request is capped in the router before it reaches
Python (a 120 000-character preview, a 50 000-character pathological draft), a request that
overruns its deadline gets the engine torn down and restarted (the requests queued behind it
go to the fresh one), and a start-up that stalls is retried with backoff and reported.
"""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import BrowserContext

from harness import RequestLog, content_world, open_compose, paste, poll, wait_for_verdict
from worlds import ask, engine_frames, extension_page, hang_engine

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"
CHECK_DEADLINE_S = 2.0  # extension/limits.js DEADLINES_MS.check
CHECK_CAP = 5_000  # extension/limits.js LIMITS.checkChars


def timed(fn: Any) -> tuple[Any, float]:
    start = time.monotonic()
    result = fn()
    return result, time.monotonic() - start


def engine_status(page: Any) -> dict[str, Any]:
    reply = ask(page, {"type": "engine-status"})
    assert reply["ok"], reply
    return reply["result"]["status"] or {}


def test_a_hung_engine_is_restarted_and_the_other_tabs_check_answers(browser: Browser) -> None:
    context, _ = browser
    first = extension_page(context)
    assert ask(first, {"type": "check", "text": "warm up"})["ok"]
    before = engine_frames(context)

    hang_engine(context)  # the frame spins: it will answer nobody again
    first.evaluate(
        "window.answer = chrome.runtime.sendMessage("
        "{target: 'background', type: 'check', text: 'Hello there'}); 0"
    )
    compose = open_compose(context)  # another tab, asking while the first waits
    other = content_world(compose)
    reply, elapsed = timed(
        lambda: other.send({"target": "background", "type": "check", "text": AD})
    )

    assert reply["ok"], reply
    assert reply["result"]["verdict"] == "pure_ad"
    # Queued behind the hung request: its deadline, then a fresh engine's start-up.
    assert elapsed < CHECK_DEADLINE_S + 4.0, elapsed
    stuck = first.evaluate("window.answer")
    assert stuck["ok"] is False
    assert "took longer than 2 s on this draft and was restarted" in stuck["error"]
    frames = engine_frames(context)
    assert len(frames) == 1 and frames != before  # one engine, a new one

    # Everyone goes on as before, and the restart is reported.
    again = ask(first, {"type": "check", "text": AD})
    assert again["ok"] and again["result"]["verdict"] == "pure_ad"
    status = engine_status(first)
    assert status["restarts"] == 1
    assert "restarted" in status["problem"]["message"]
    assert 'did not answer a "check" request within 2 s' in status["problem"]["message"]


def test_a_start_up_that_stalls_is_retried_with_backoff_and_reported(browser: Browser) -> None:
    """The first engine frame is kept busy from the moment it exists (as a machine too busy to
    start it would): the request waiting for it gets a clear error, the next attempt starts."""
    context, _ = browser
    page = extension_page(context)
    page.evaluate(
        "window.first = chrome.runtime.sendMessage("
        "{target: 'background', type: 'check', text: 'BUY NOW'}); 0"
    )
    hang_engine(context, wait=10)
    first = page.evaluate("window.first")
    assert first["ok"] is False, first
    assert "did not start (attempt 1 of 4: it did not start within 8 s)" in first["error"]
    assert "tried again in 1 s" in first["error"]

    def answered() -> Any:
        reply = ask(page, {"type": "check", "text": AD})
        return reply if reply["ok"] else None

    reply = poll(answered, timeout=30, interval=0.2)
    assert reply["result"]["verdict"] != "ok"
    status = engine_status(page)
    assert status["startFailures"] == 1
    assert status["problem"]["message"] == "It started on attempt 2 of 4."
    assert len(engine_frames(context)) == 1
    # The popup says so too.
    popup = extension_page(context, "popup/popup.html")
    line = poll(lambda: "Engine ready" in (text := popup.inner_text("#engine-status")) and text)
    assert "It started on attempt 2 of 4." in line


def test_a_request_that_would_hang_the_engine_no_longer_holds_up_other_tabs(
    browser: Browser,
) -> None:
    """A 120 000-character preview in the popup and a 50 000-character pathological draft took
    the engine for 4-10 s and more; capped in the router, they are checked up to the cap and a
    normal check in another tab answers within 3 s."""
    context, _ = browser
    popup = extension_page(context, "popup/popup.html")
    compose = open_compose(context)
    world = content_world(compose)
    assert world.send({"target": "background", "type": "check", "text": "warm up"})["ok"]

    popup.evaluate(
        "window.big = chrome.runtime.sendMessage("
        "{target: 'background', type: 'check', text: 'a.'.repeat(60000)}); 0"
    )
    reply, elapsed = timed(
        lambda: world.send({"target": "background", "type": "check", "text": AD})
    )
    assert reply["ok"] and reply["result"]["verdict"] == "pure_ad"
    assert elapsed < 3.0, elapsed
    big = popup.evaluate("window.big")
    assert big["ok"], big
    assert big["result"]["truncated"] == {"checked": CHECK_CAP, "length": 120_000}

    # The same from the compose box: a pasted pathological draft of 50 000 characters.
    other = open_compose(context)
    paste(other, "!" * 50_000)
    reply, elapsed = timed(
        lambda: world.send({"target": "background", "type": "check", "text": AD})
    )
    assert reply["ok"] and elapsed < 3.0, elapsed
    wait_for_verdict(other, timeout=15)


def test_every_kind_of_request_is_capped_in_the_router(browser: Browser) -> None:
    """Each request type has its cap, checked before anything reaches Python: the refusals
    are the router's own ("Refused: ..."), or the answer says how much was checked."""
    context, _ = browser
    page = extension_page(context, "options/options.html")
    huge_config = {"salesy": 1, "terms": {"promotion": ["x" * 70] * 4000}}

    preview = ask(page, {"type": "config-check", "text": "BUY NOW " * 2000, "doc": {"salesy": 1}})
    assert preview["ok"] and preview["result"]["truncated"]["checked"] == CHECK_CAP

    for message in (
        {"type": "config-inspect", "doc": huge_config},
        {"type": "config-save", "doc": huge_config},
        {"type": "config-diff", "old": None, "new": huge_config},
        {"type": "config-inspect", "doc": {"salesy": 1}, "bases": {"a.json": huge_config}},
        {"type": "check", "text": "BUY NOW", "allow": ["x"] * 500},
        {"type": "check", "text": 12},
        {"type": "history-import", "files": [{}] * 60},
        {"type": "engine-bench", "texts": ["x"] * 5000},
    ):
        reply = ask(page, message)
        assert reply["ok"] is False, message["type"]
        assert reply["error"].startswith(("Refused: ", "A benchmark request")), reply

    code = ask(page, {"type": "config-share-decode", "code": "SALESY1-" + "A" * 150_000 + "-0"})
    assert code["ok"] and code["result"]["doc"] is None
    assert "longer than Salesy's share codes" in code["result"]["errors"][0]
    parsed = ask(page, {"type": "config-parse", "text": "{" + " " * 300_000 + "}"})
    assert parsed["ok"] and "is too big" in parsed["result"]["errors"][0]
