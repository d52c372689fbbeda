"""Importing an X archive in the browser (issue 15, point 3): the popup parses the files with
JSON.parse, the engine reads their items and judges the newest posts in slices that each take
a fraction of a second, with progress in the popup, and the engine keeps answering every
other tab meanwhile. An archive whose links would explode when expanded is read as X shows it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import (
    ROOT,
    RequestLog,
    content_world,
    open_compose,
    open_popup,
    poll,
    storage,
)

sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive

from salesy.archive import read_file

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"
HISTORY = "history:salesy_demo"


def import_state(popup: Page) -> dict[str, Any]:
    return popup.evaluate(
        """() => ({state: document.querySelector('#import-status').dataset.state,
                   text: document.querySelector('#import-status').textContent,
                   bar: !document.querySelector('#import-progress').hidden,
                   value: document.querySelector('#import-progress').value,
                   max: document.querySelector('#import-progress').max})"""
    )


def test_a_20000_post_archive_imports_with_progress_and_the_engine_stays_free(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "archive", posts=20_000)
    read = [sample_archive_read(data / name) for name in ("tweets.js", "tweets-part1.js")]
    expected = [post for found in read for post in found["posts"]]
    reposts = sum(found["reposts"] for found in read)
    compose = open_compose(context)
    world = content_world(compose)
    popup = open_popup(context, timeout=30)
    popup.set_input_files(
        "#archive",
        [str(data / "tweets.js"), str(data / "tweets-part1.js"), str(data / "account.js")],
    )
    seen: list[dict[str, Any]] = []
    slowest = 0.0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        state = import_state(popup)
        if state["bar"] and (not seen or seen[-1]["text"] != state["text"]):
            seen.append(state)
        if state["state"] in ("done", "error"):
            break
        # Another tab checks a draft while the import runs: it is answered promptly.
        start = time.monotonic()
        reply = world.send({"target": "background", "type": "check", "text": AD})
        slowest = max(slowest, time.monotonic() - start)
        assert reply["ok"] and reply["result"]["verdict"] == "pure_ad", reply
        popup.wait_for_timeout(150)
    final = import_state(popup)
    assert final["state"] == "done", final
    total = len(expected)
    assert final["text"] == (
        f"Imported 2000 posts into @salesy_demo (the newest 2000 of {total}): 2000 new; "
        f"{reposts} reposts of others left out."
    )
    assert not final["bar"]
    texts = [state["text"] for state in seen]
    assert any(text.startswith("Reading tweets.js: ") for text in texts), texts
    assert any(text.startswith("Reading tweets-part1.js: ") for text in texts), texts
    assert any(text.startswith("Judging ") and text.endswith(" of 2,000 posts…") for text in texts)
    assert len({state["value"] for state in seen}) >= 4  # the bar moved, not jumped to the end
    assert slowest < 3.0, slowest

    posts = storage(context)[HISTORY]["posts"]
    assert len(posts) == 2000
    newest = sorted(expected, key=lambda p: (p["at"], p["id"]), reverse=True)[:2000]
    assert [p["id"] for p in posts] == [p["id"] for p in newest]
    assert all(p["verdict"] in ("ok", "promotional", "pure_ad") for p in posts)
    assert {p["source"] for p in posts} == {"archive"}


def sample_archive_read(path: Path) -> dict[str, Any]:
    """The file as the CLI reads it: what the browser's import must agree with."""
    return read_file(path.read_text(encoding="utf-8"), path.name)


def test_an_exploding_archive_imports_as_x_shows_it(browser: Browser, tmp_path: Path) -> None:
    """Each link's expansion holds the next link twice: replaced everywhere in turn, 30 of them
    were 2^30 copies and the engine never came back."""
    context, _ = browser
    urls = [
        {"url": f"https://t.co/{i}", "expanded_url": f"https://t.co/{i + 1} https://t.co/{i + 1}"}
        for i in range(30)
    ]
    tweet = {
        "id_str": "1800000000000000001",
        "full_text": "Our beans https://t.co/0",
        "created_at": "Wed Oct 01 10:00:00 +0000 2025",
        "entities": {"urls": urls},
    }
    path = tmp_path / "tweets.js"
    path.write_text("window.YTD.tweets.part0 = " + json.dumps([{"tweet": tweet}]))
    account = tmp_path / "account.js"
    account.write_text(
        "window.YTD.account.part0 = " + json.dumps([{"account": {"username": "salesy_demo"}}])
    )
    popup = open_popup(context, timeout=30)
    popup.set_input_files("#archive", [str(path), str(account)])
    poll(lambda: import_state(popup)["state"] in ("done", "error"), timeout=30)
    assert import_state(popup)["state"] == "done", import_state(popup)
    (post,) = storage(context)[HISTORY]["posts"]
    assert post["text"] == "Our beans https://t.co/1 https://t.co/1"


def test_a_wrong_or_cut_file_is_refused_and_history_is_untouched(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "archive", posts=40)
    popup = open_popup(context, timeout=30)
    popup.set_input_files("#archive", [str(data / "tweets.js"), str(data / "account.js")])
    poll(lambda: import_state(popup)["state"] == "done", timeout=60)
    before = storage(context)[HISTORY]

    cut = tmp_path / "tweets-part1.js"
    cut.write_text((data / "tweets-part1.js").read_text()[:-200])
    for files, message in (
        ([cut], "tweets-part1.js: the data after `window.YTD.tweets.part1 =` is not valid JSON"),
        ([data / "like.js"], "like.js: this archive file holds your likes"),
    ):
        shown = import_state(popup)["text"]
        popup.set_input_files("#archive", [str(file) for file in files])
        poll(
            lambda shown=shown: (
                (s := import_state(popup))["state"] == "error" and s["text"] != shown
            ),
            timeout=30,
        )
        text = import_state(popup)["text"]
        assert text.startswith(message), text
        assert text.endswith("Nothing was imported; your history is unchanged.")
        assert storage(context)[HISTORY] == before
