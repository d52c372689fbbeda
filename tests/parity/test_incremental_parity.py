"""The incremental checker on the pinned MicroPython: every version of every post equals a
full check there too, and both equal CPython's (issue 17)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

from test_parity import RUNNER, RUNTIME

from salesy import engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from incremental_posts import versions


def test_incremental_equals_full_check_on_micropython() -> None:
    rng = random.Random(11)
    posts = [versions(rng) for _ in range(60)]
    node = shutil.which("node")
    assert node, "parity needs Node.js 20+ on PATH (`node`): install it, never skip this test"
    assert (RUNTIME / "micropython.mjs").is_file(), "run `npm ci` for the pinned MicroPython"
    done = subprocess.run(
        [node, str(RUNNER), "--incremental"],
        input=json.dumps(posts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"MicroPython run failed:\n{done.stderr}"
    answers = json.loads(done.stdout)
    assert len(answers) == len(posts)
    for post, answered in zip(posts, answers, strict=True):
        for text, (parts, whole) in zip(post, answered, strict=True):
            assert parts == whole, repr(text)
            # ...and what CPython says (JSON turns tuples into lists on both sides).
            assert whole == json.loads(json.dumps(engine.judge(text))), repr(text)
