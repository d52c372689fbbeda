"""The engine's garbage collection (issue 17, item 1), on the real MicroPython in the browser.

PyScript's MicroPython collected once 16 KiB had been allocated, which every check exceeds, so
every answer ended with a full collection. extension/engine/engine.py raises the threshold and
sandbox.js collects once the engine is idle. What must hold: the answers are unchanged (the
same as CPython's), and the heap stays bounded however many checks run. Nothing is timed here
(the sweep that chose the threshold is in bench/).
"""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import BrowserContext, Page

import salesy
from harness import ROOT, RequestLog, poll
from worlds import ask, extension_page

Browser = tuple[BrowserContext, RequestLog]
ENGINE_PY = ROOT / "extension" / "engine" / "engine.py"
POST = (
    "We spent two years on this and I'm proud of it. Buy now: 20% off with code EARLY20 "
    "today only! Link in bio. What would you build with it? Thanks @ana for the design. "
)
# One check's garbage and a little more: how far past its threshold the heap may go.
SLACK = 512 * 1024
# What collecting may leave behind beyond the heap after the first round (caches are full).
LEAK_TOLERANCE = 64 * 1024


def gc_threshold() -> int:
    """engine.py's GC_THRESHOLD, e.g. `4 * 1024 * 1024`."""
    found = re.search(r"^GC_THRESHOLD = ([\d* ]+)$", ENGINE_PY.read_text(), re.M)
    assert found, "engine.py sets GC_THRESHOLD"
    value = 1
    for factor in found.group(1).split("*"):
        value *= int(factor)
    return value


def corpus_texts(step: int) -> list[str]:
    texts = []
    for path in sorted((ROOT / "py" / "salesy" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    return texts[::step]


def heap_status(page: Page) -> dict[str, int]:
    reply = ask(page, {"type": "engine-status"})
    assert reply["ok"], reply
    return reply["result"]["heap"]  # type: ignore[no-any-return]


def bench(page: Page, texts: list[str]) -> dict[str, Any]:
    reply = ask(page, {"type": "engine-bench", "texts": texts})
    assert reply["ok"], reply
    assert len(reply["result"]["times"]) == len(texts)
    return reply["result"]["heap"]  # type: ignore[no-any-return]


def test_the_engine_runs_with_the_tuned_threshold_and_answers_as_cpython(browser: Browser) -> None:
    context, _ = browser
    page = extension_page(context)
    assert heap_status(page)["threshold"] == gc_threshold() > 16 * 1024

    texts = [*corpus_texts(12), POST, POST[:140], "BUY NOW!!! 😀😀 #ad"]
    for text in texts * 2:  # twice: the second time from the engine's caches
        reply = ask(page, {"type": "check", "text": text})
        assert reply["ok"], reply
        got, expected = reply["result"], salesy.check(text)
        assert (got["verdict"], got["score"], got["value"]) == (
            expected["verdict"],
            expected["score"],
            expected["value"],
        ), text
        assert got["findings"] == expected["findings"], text


def test_the_heap_stays_bounded_over_many_checks(browser: Browser) -> None:
    context, _ = browser
    page = extension_page(context)
    threshold = gc_threshold()
    typing = [(POST * 2)[:length] for length in range(140, 281)]
    round_texts = typing + corpus_texts(3)  # ≈ 300 checks a round

    first = bench(page, round_texts)  # fills the engine's caches
    rounds = [bench(page, round_texts) for _ in range(3)]

    baseline = rounds[0]["before"]["used"]  # after a collection, caches full
    for found in [first, *rounds]:
        # Never more than the threshold's worth of garbage on top of what salesy holds.
        assert found["after"]["peak"] <= found["before"]["used"] + threshold + SLACK, found
    for found in rounds:
        # Collecting gives everything back: hundreds of checks leave nothing behind.
        assert found["before"]["used"] <= baseline + LEAK_TOLERANCE, (baseline, found)
    # The checks did make garbage (the peak is what collecting gives back).
    assert rounds[-1]["after"]["peak"] > baseline + 64 * 1024, rounds[-1]

    # Idle: the engine collects by itself, with no request asking it to. First some garbage
    # for it to collect (a few checks; the last round may have ended on a collection).
    for extra in range(50):
        assert ask(page, {"type": "check", "text": f"{POST} {extra}"})["ok"]
        if heap_status(page)["used"] > baseline + 64 * 1024:
            break
    else:
        raise AssertionError("50 checks made no garbage")
    page.wait_for_timeout(600)  # sandbox.js IDLE_COLLECT_MS is 400
    settled = poll(
        lambda: (used := heap_status(page)["used"]) <= baseline + LEAK_TOLERANCE and used,
        timeout=5,
    )
    assert settled <= baseline + LEAK_TOLERANCE


def test_a_benchmark_may_only_try_thresholds_within_bounds(browser: Browser) -> None:
    context, _ = browser
    page = extension_page(context)
    for wrong in (0, 1024, 2**40, 1.5, "4M"):
        reply = ask(page, {"type": "engine-bench", "texts": ["x"], "gcThreshold": wrong})
        assert reply["ok"] is False and "gcThreshold" in reply["error"], (wrong, reply)
    found = ask(page, {"type": "engine-bench", "texts": ["x"] * 3, "gcThreshold": 256 * 1024})
    assert found["ok"], found
    # For that run only: the engine is back on its own threshold.
    assert heap_status(page)["threshold"] == gc_threshold()
