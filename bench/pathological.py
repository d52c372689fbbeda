"""Adversarial drafts: what one request of each pathological pattern costs the engine.

The engine is shared by every tab, so the size caps in `extension/limits.js` are chosen from
these figures (the worst pattern at the cap), not from X's post limit. Each pattern is timed at
1 000, 10 000 and 50 000 characters on MicroPython in the browser (inside the sandbox, no
message hops) and on CPython (in-process `salesy.check`), plus every pattern at the draft cap
itself, and `salesy check --file` at 25 000 characters (the longest post the CLI takes).

    python bench/run.py --only pathological
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import harness  # noqa: E402
import salesy  # noqa: E402

# Each pattern repeated to the length wanted. The first four are the review's; the others
# stress the other token kinds (numbers and prices, mentions, links, capitals, line breaks).
PATTERNS = {
    "!!!…": "!",
    "#a#a…": "#a",
    "a.a.…": "a.",
    "🔥🔥🔥… (emoji)": "\U0001f525",
    "$1 $1 …": "$1 ",
    "@a @a …": "@a ",
    "#a #a …": "#a ",
    "a.co/ links": "https://a.co/x ",
    "BUY NOW caps": "BUY NOW ",
    "a⏎a⏎… (lines)": "a\n",
    "ordinary post text": (
        "We spent two years on this and I'm proud of it. Buy now: 20% off with code EARLY20 "
        "today only! Link in bio. What would you build with it? Thanks @ana for the design. "
    ),
}
LENGTHS = (1_000, 10_000, 50_000)
BUDGET_MS = 500.0  # the most one check may hold the shared engine (limits.js says why)
CLI_CAP = 25_000  # the command line checks posts of up to X's longest


def repeated(pattern: str, length: int) -> str:
    """`length` code points of `pattern` (the engine counts code points)."""
    return (pattern * (length // len(pattern) + 1))[:length]


def draft_cap() -> int:
    """The cap the router enforces on a draft, read from the extension's source."""
    source = (ROOT / "extension" / "limits.js").read_text(encoding="utf-8")
    match = re.search(r"checkChars:\s*([\d_]+)", source)
    if not match:
        raise RuntimeError("extension/limits.js: no checkChars")
    return int(match.group(1).replace("_", ""))


def _row(name: str, value: float, target: str = "", met: bool | None = None, note: str = "") -> Any:
    out: dict[str, Any] = {"name": name, "value": round(value, 3), "unit": "ms", "target": target}
    out["met"] = met
    if note:
        out["note"] = note
    return out


def browser_times(texts: list[str]) -> list[float]:
    """Each text checked once inside the engine's sandbox, one request per text (a 50 000-
    character pattern takes seconds; the bench request may, from an extension page)."""
    with (
        tempfile.TemporaryDirectory() as profile,
        harness.browser(Path(profile) / "p") as (context, _),
    ):
        page = context.new_page()
        page.goto(f"chrome-extension://{harness.extension_id(context)}/manifest.json")
        harness.poll(
            lambda: page.evaluate(
                "chrome.runtime.sendMessage({target: 'background', type: 'engine-status'})"
                ".then((r) => r.ok, () => false)"
            ),
            timeout=30,
        )
        page.evaluate(  # warm up: the first check of a fresh engine builds its tables
            "chrome.runtime.sendMessage({target: 'background', type: 'check', text: 'warm up'})"
        )
        times = []
        for text in texts:
            reply = page.evaluate(
                """(text) => chrome.runtime.sendMessage(
                     {target: 'background', type: 'engine-bench', texts: [text]})""",
                text,
            )
            if not reply.get("ok"):
                raise RuntimeError(f"engine-bench: {reply.get('error')}")
            times.append(float(reply["result"]["times"][0]))
        return times


def cpython_ms(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        salesy.check(text)
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def cli_ms(text: str) -> float:
    """`salesy check --file` as a user runs it: a fresh process, start-up included."""
    script = Path(sys.executable).with_name("salesy")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "salesy"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "check", "--file", str(path), "--format", "jsonl"],
            capture_output=True,
            text=True,
        )
        elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return elapsed


def rows() -> list[Any]:
    cap = draft_cap()
    cases = [(label, length) for label in PATTERNS for length in LENGTHS]
    at_cap = [(label, cap) for label in PATTERNS]
    texts = [repeated(PATTERNS[label], length) for label, length in cases + at_cap]
    measured = browser_times(texts)
    out = []
    for (label, length), ms in zip(cases, measured, strict=False):
        out.append(_row(f"MicroPython (browser) check {label} {length} chars", ms))
    cap_times = measured[len(cases) :]
    for (label, _), ms in zip(at_cap, cap_times, strict=True):
        out.append(_row(f"MicroPython (browser) check {label} at the cap, {cap} chars", ms))
    worst = max(cap_times)
    worst_label = at_cap[cap_times.index(worst)][0]
    out.append(
        _row(
            f"MicroPython (browser) worst pathological check at the draft cap ({cap} chars)",
            worst,
            f"<= {BUDGET_MS:g} ms",
            worst <= BUDGET_MS,
            note=f"worst pattern: {worst_label}; the router checks longer drafts up to the cap",
        )
    )
    for label, length in cases:
        out.append(
            _row(
                f"CPython check {label} {length} chars",
                cpython_ms(repeated(PATTERNS[label], length)),
            )
        )
    start_up = cli_ms("hello")
    out.append(_row("salesy check --file, a 5-character draft (start-up)", start_up))
    for label in PATTERNS:
        text = repeated(PATTERNS[label], CLI_CAP)
        out.append(
            _row(
                f"salesy check --file {label} {CLI_CAP} chars",
                cli_ms(text),
                note="a fresh process: interpreter start-up and imports included",
            )
        )
    return out
