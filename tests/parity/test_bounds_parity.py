"""The bounded paths answer the same on MicroPython (what the browser's engine runs) as on
CPython: hostile configs (long keys, thousands of unknown keys, oversized examples, share
codes), the browser's archive import in slices, links expanded once, and a long draft's
edits checked part by part."""

import json
import shutil
import subprocess
from pathlib import Path

from salesy.protocol import handle

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "parity" / "run_protocol.mjs"
AT = "Wed Oct 10 20:19:24 +0000 2018"


def requests() -> list[dict[str, object]]:
    exploding = [
        {"url": f"https://t.co/{i}", "expanded_url": f"https://t.co/{i + 1} https://t.co/{i + 1}"}
        for i in range(30)
    ]
    items = [
        {"tweet": {"id_str": "1", "full_text": "see https://t.co/0", "created_at": AT}},
        {
            "tweet": {
                "id_str": "2",
                "full_text": "Café &amp; 😀 https://t.co/x and https://t.co/x",
                "created_at": AT,
                "entities": {
                    "urls": [
                        {
                            "url": "https://t.co/x",
                            "expanded_url": "https://a.io",
                            "indices": ["32", "46"],
                        }
                    ],
                    "media": 5,
                },
            }
        },
        {"tweet": {"full_text": "RT @ana: hers", "id_str": "3", "created_at": AT}},
        7,
    ]
    items[0]["tweet"]["entities"] = {"urls": exploding}  # type: ignore[index]
    paragraphs = [f"Part {i}: we met at the market and talked about bread." for i in range(40)]
    long_drafts = []
    for edit in ("Buy now with code SAVE50!", "Call 0800 123 4567 today.", "Thanks, @ana."):
        paragraphs[len(long_drafts) * 7] = edit
        long_drafts.append({"type": "check", "text": "\n\n".join(paragraphs)})
    return [
        *long_drafts,
        {"type": "config-inspect", "doc": {"salesy": 1, "rules": {"S" * 20_000: {}}}},
        {"type": "config-inspect", "doc": {"salesy": 1, **{f"k{i:04d}": 1 for i in range(3000)}}},
        {"type": "config-inspect", "doc": {"thersholds": {}, "rules": {"SL1O1": {}}}},
        {
            "type": "config-inspect",
            "doc": {
                "salesy": 1,
                "examples": {"flag": [f"Buy now {i}! " + "!" * 1900 for i in range(12)]},
            },
        },
        {"type": "config-share-decode", "code": "SALESY1-" + "A" * 500_000 + "-00000000"},
        {"type": "archive-head", "name": "tweets.js", "head": "window.YTD.tweets.part0 = ["},
        {"type": "archive-head", "name": "like.js", "head": "window.YTD.like.part0 = ["},
        {
            "type": "archive-items",
            "name": "tweets.js",
            "kind": "tweets",
            "label": "window.YTD.tweets.part0",
            "items": items,
        },
        {"type": "archive-file-done", "name": "tweets.js", "items": 2, "posts": 0, "skipped": 2},
    ]


def test_bounded_requests_answer_the_same_on_micropython() -> None:
    node = shutil.which("node")
    assert node, "parity needs Node.js 20+ on PATH (`node`): install it, never skip this test"
    asked = requests()
    result = subprocess.run(
        [node, str(RUNNER)],
        input=json.dumps(asked, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    theirs = json.loads(result.stdout)
    ours = [json.loads(json.dumps(handle(request))) for request in asked]
    for request, mine, other in zip(asked, ours, theirs, strict=True):
        assert mine["ok"] is True, (request["type"], mine)
        assert mine == other, request["type"]
    posts = ours[10]["result"]["posts"]
    assert [post["text"] for post in posts] == [
        "see https://t.co/1 https://t.co/1",
        "Café & 😀 https://t.co/x and https://a.io",
    ]
