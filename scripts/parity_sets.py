"""Parity on the development sets: every post of every source judged on CPython and on the
pinned MicroPython (under Node, as the browser runs it) must come out identical.

`make train` runs it after fitting, where the data is at hand; `make test` keeps the same
check on the corpus, the rules' examples and fuzz texts (tests/parity), which need no data.

    python scripts/parity_sets.py --development      # or --data NAME=PATH ...
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "parity"))

from test_parity import run_micropython  # noqa: E402

import salesy  # noqa: E402
from salesy.cli import data  # noqa: E402

BATCH = 2000  # posts per MicroPython run: one Node process each, well inside its timeout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data.add_arguments(parser)
    args = parser.parse_args()
    texts = [post.text for source in data.sources(args) for post in source.posts]
    mismatches = 0
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        theirs = run_micropython(batch)
        for text, other in zip(batch, theirs, strict=True):
            mine = json.loads(json.dumps(salesy.check(text)))
            if mine != other:
                mismatches += 1
                if mismatches <= 3:
                    print("differs:", json.dumps([text, mine, other], ensure_ascii=False))
    print(f"{len(texts)} posts, {mismatches} differ between CPython and MicroPython")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
