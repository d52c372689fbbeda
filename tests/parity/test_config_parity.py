"""Parity for the config requests: the options page asks the engine in the browser
(MicroPython) what the CLI computes on CPython; both must answer the same, share codes included.
"""

import json
import shutil
import subprocess
from pathlib import Path

from salesy import config
from salesy.protocol import handle

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "parity" / "run_protocol.mjs"

TEAM = {
    "salesy": 1,
    "name": "Équipe 😀",
    "extends": ["salesy:strict", "company.json"],
    "rules": {"SL104": {"weight": "high"}, "call-to-action": {}, "SL106": False},
    "thersholds": {},
    "terms": {"promotion": ["Acme Cloud", " acme cloud "]},
    "examples": {
        "flag": ["Acme Cloud: 20% off today 🚀"],
        "pass": ["BUY NOW 50% off", "I love my bike"],
    },
}
BASES = {"company.json": {"salesy": 1, "terms": {"allow": ["free software"]}}}


def requests() -> list[dict[str, object]]:
    merged = config.merge(TEAM, BASES)
    return [
        {"type": "validate", "doc": TEAM, "bases": BASES},
        {"type": "config-inspect", "doc": TEAM, "bases": BASES},
        {"type": "config-inspect", "doc": {"salesy": 9}},
        {"type": "config-inspect", "doc": {"extends": "a"}, "bases": {"a": {"extends": "a"}}},
        {"type": "config-share-encode", "doc": TEAM, "bases": BASES},
        {"type": "config-share-decode", "code": config.encode_share(merged)},
        {"type": "config-share-decode", "code": "SALESY1-AAAA-00000000"},
        {"type": "config-diff", "old": None, "new": merged},
        {"type": "config-defaults"},
        {"type": "config-schema"},
        {"type": "config-parse", "text": json.dumps(TEAM, ensure_ascii=False)},
    ]


def test_config_requests_answer_the_same_on_micropython() -> None:
    node = shutil.which("node")
    assert node, "parity needs Node.js 20+ on PATH (`node`): install it, never skip this test"
    asked = requests()
    # JavaScript hands the sandbox raw UTF-8 JSON (no \\ud83d escapes), so do the same here.
    result = subprocess.run(
        [node, str(RUNNER)],
        input=json.dumps(asked, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    theirs = json.loads(result.stdout)
    ours = [json.loads(json.dumps(handle(request))) for request in asked]
    for request, mine, other in zip(asked, ours, theirs, strict=True):
        assert mine["ok"] is True, (request["type"], mine)
        assert mine == other, request["type"]
