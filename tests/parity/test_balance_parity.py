"""Parity for the account balance: the archive reader, batch classification and balance()
answer the same on the pinned MicroPython (the browser's engine) as on CPython, through
salesy.protocol.handle, on a realistic sample archive and on broken files.

Never skipped: without node or node_modules the test fails and says what to install.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from salesy.protocol import handle

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "parity" / "run_protocol.mjs"
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402


def run_micropython(requests: list[dict[str, object]]) -> list[object]:
    node = shutil.which("node")
    assert node, "parity needs Node.js 20+ on PATH (`node`): install it, never skip this test"
    result = subprocess.run(
        [node, str(RUNNER)],
        # Raw UTF-8, as the browser's JSON.stringify hands requests to the engine.
        input=json.dumps(requests, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"MicroPython run failed:\n{result.stderr}"
    answers = json.loads(result.stdout)
    assert isinstance(answers, list)
    return answers


DATE = "Wed Oct 10 20:19:24 +0000 2018"
ODD = "window.YTD.tweets.part0 = " + json.dumps(
    [
        {"tweet": {"id_str": "1", "full_text": "a", "created_at": DATE, "entities": {"urls": 5}}},
        {"tweet": {"id_str": "2", "full_text": "b", "created_at": DATE, "entities": {"media": 7}}},
        {
            "tweet": {
                "id_str": "3",
                "full_text": "c",
                "created_at": "Wed Oct 99 20:19:24 +0000 2018",
            }
        },
        {
            "tweet": {
                "id_str": "4",
                "full_text": "d",
                "created_at": "Wed Oct 10 20:19:24 +0000 99999",
            }
        },
        {
            "tweet": {
                "id_str": "5",
                "full_text": "e",
                "created_at": "Wed Feb 30 25:61:24 +0000 2018",
            }
        },
    ]
)
ESCAPED = "window.YTD.tweets.part0 = " + json.dumps(
    [
        {
            "tweet": {
                "id_str": "7",
                "full_text": "SALE 🔥🔥🔥 today only! \\u00e9 \\\\ud83d",
                "created_at": "Wed Oct 10 20:19:24 +0000 2018",
            }
        }
    ]
)


def requests(tmp_path: Path) -> list[dict[str, object]]:
    data = sample_archive.write_archive(tmp_path / "archive", posts=120)
    files = [
        {"name": name, "text": (data / name).read_text(encoding="utf-8")}
        for name in ("tweets.js", "tweets-part1.js", "account.js")
    ]
    parsed = handle({"type": "archive", "files": files, "classify": False})["result"]
    assert isinstance(parsed, dict)
    posts = parsed["posts"]
    assert isinstance(posts, list)
    texts = [post["text"] for post in posts]
    judged = handle({"type": "archive", "files": files})["result"]
    assert isinstance(judged, dict)
    return [
        {"type": "archive", "files": files},
        {"type": "archive", "files": files, "classify": False, "limit": 50},
        {"type": "classify", "texts": texts},
        {"type": "balance", "posts": judged["posts"]},
        {"type": "balance", "posts": judged["posts"], "days": 30, "now": "2026-11-30T00:00:00Z"},
        {"type": "balance", "posts": posts, "window": 7},  # no verdicts: balance checks them
        {"type": "balance", "posts": judged["posts"], "config": {"balance": {"target": "4-1-1"}}},
        {"type": "balance", "posts": judged["posts"], "config": {"balance": {"target": "90/10"}}},
        # Odd entities and out-of-range dates: read or skipped the same way on both.
        {"type": "archive", "files": [{"name": "tweets.js", "text": ODD}]},
        {"type": "balance", "posts": []},
        {"type": "archive", "files": [{"name": "like.js", "text": "window.YTD.like.part0 = []"}]},
        {
            "type": "archive",
            "files": [{"name": "tweets.js", "text": "window.YTD.tweets.part0 = [{"}],
        },
        {"type": "archive", "files": [{"name": "tweets.js", "text": "hello"}]},
        {"type": "archive", "files": []},
        # An archive whose writer escaped emoji as surrogate pairs.
        {"type": "archive", "files": [{"name": "tweets.js", "text": ESCAPED}]},
    ]


def normalised(answer: object) -> object:
    # The two interpreters word a JSON syntax error differently; the rest must be identical.
    text = json.dumps(answer, sort_keys=True)
    if "is not valid JSON (" in text:
        data = json.loads(text)
        error = data["result"]["error"]
        head, rest = error.split("is not valid JSON (", 1)
        data["result"]["error"] = head + "..." + rest[rest.index("); the file") :]
        return data
    return json.loads(text)


def test_balance_and_archive_match_on_micropython(tmp_path: Path) -> None:
    asked = requests(tmp_path)
    theirs = run_micropython(asked)
    ours = [handle(request) for request in asked]
    assert all(answer["ok"] for answer in ours)  # type: ignore[index]
    for request, mine, other in zip(asked, ours, theirs, strict=True):
        assert normalised(mine) == normalised(other), f"differs for {request['type']}"
