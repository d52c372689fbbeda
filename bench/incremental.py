"""Checking a 25 000-character post as it is edited (issue 17, incremental checking).

The post is corpus posts one per paragraph (blank lines between, each paragraph ending a
sentence) up to 25 000 characters. Timed: a full check of it, and an edit (one paragraph
replaced by another corpus post, then the whole post checked again by the same
`salesy.incremental.Checker`, which reuses the paragraphs the edit left alone), on CPython
in-process and on the pinned MicroPython under Node (one call from JavaScript per check, as a
request to the engine is). Every edit's answer is compared with a full check's.

    python bench/run.py --only incremental
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from salesy import engine, incremental
from salesy.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
LENGTH = 25_000
EDITS = 40
EDIT_TARGET_MS = 50.0
FULL_TARGET_MS = 300.0


def _paragraphs() -> list[str]:
    texts = [t for rule in RULES for t in rule.FLAG + rule.PASS]
    for path in sorted((ROOT / "py" / "salesy" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    # A paragraph of a long post ends its sentence; one that ends otherwise gets a full stop.
    return [" ".join(t.split()).rstrip(".") + "." for t in texts if len(t) >= 40]


def posts() -> tuple[str, list[str]]:
    """(the long post, its successive versions, each one paragraph edited)."""
    rng = random.Random(17)
    pool = _paragraphs()
    chosen: list[str] = []
    while sum(len(p) + 2 for p in chosen) < LENGTH:
        chosen.append(rng.choice(pool))
    text = "\n\n".join(chosen)[:LENGTH]
    chosen = text.split("\n\n")
    versions = []
    for _ in range(EDITS):
        i = rng.randrange(len(chosen))
        chosen[i] = rng.choice(pool)
        versions.append("\n\n".join(chosen))
    return text, versions


def _row(name: str, values: list[float], target: float | None, note: str) -> dict[str, Any]:
    p50 = statistics.median(values)
    out: dict[str, Any] = {"name": name, "value": round(p50, 3), "unit": "ms"}
    out["target"] = f"<= {target:g} ms" if target else ""
    out["met"] = p50 <= target if target else None
    out["note"] = note + f"; p50 of {len(values)}, max {max(values):.1f} ms"
    return out


def rows() -> list[dict[str, Any]]:
    text, versions = posts()
    full = []
    for _ in range(10):
        start = time.perf_counter()
        engine.judge(text)
        full.append((time.perf_counter() - start) * 1000)
    checker = incremental.Checker()
    checker.judge(text)  # the post as it was before the edits
    edits = []
    for version in versions:
        start = time.perf_counter()
        answer = checker.judge(version)
        edits.append((time.perf_counter() - start) * 1000)
        assert answer == engine.judge(version), "an incremental check differed from a full one"
    about = f"{len(text)} chars, {text.count(chr(10) * 2) + 1} paragraphs"
    out = [
        _row("CPython check 25000 chars of paragraphs, full", full, None, about),
        _row(
            "CPython check 25000 chars of paragraphs, one edited (incremental)",
            edits,
            None,
            about + ", every answer equal to a full check's",
        ),
    ]
    node = shutil.which("node")
    assert node, "the MicroPython figures need Node.js (`node`)"
    done = subprocess.run(
        [node, str(ROOT / "bench" / "incremental_mp.mjs")],
        input=json.dumps({"full": [text] * 5, "edits": [text, *versions]}),
        capture_output=True,
        text=True,
        check=True,
    )
    mp = json.loads(done.stdout)
    assert mp["same"], "an incremental check differed from a full one on MicroPython"
    out.append(
        _row(
            "MicroPython (Node) check 25000 chars of paragraphs, full",
            mp["full"],
            FULL_TARGET_MS,
            about + ", the extension's wasm under Node",
        )
    )
    out.append(
        _row(
            "MicroPython (Node) check 25000 chars of paragraphs, one edited (incremental)",
            mp["edits"][1:],
            EDIT_TARGET_MS,
            about + ", every answer equal to a full check's",
        )
    )
    return out
