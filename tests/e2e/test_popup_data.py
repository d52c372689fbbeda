"""The popup's "Your data" (issue 14): the X archive's .zip imported as X sends it (only its
posts' files read, their declared sizes capped before anything is inflated, a zip that is not
an archive refused in plain words with history untouched), the account's history deleted after
an inline question that names the account and the count (other accounts untouched), the
history and tally exported as CSV (RFC 4180, formula injection guarded), and the tally's
figures explained without a mouse."""

from __future__ import annotations

import csv
import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import (
    ROOT,
    RequestLog,
    extension_worker,
    open_popup,
    poll,
    set_storage,
    storage,
)

sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive

from salesy.archive import read as read_archive
from salesy.cli.audit import archive_files

Browser = tuple[BrowserContext, RequestLog]
HISTORY = "history:salesy_demo"
MB = 1024 * 1024
CAP = 48 * MB  # extension/limits.js: LIMITS.archiveBytes
UNCHANGED = " Nothing was imported; your history is unchanged."


def import_zip(popup: Page, path: Path, timeout: float = 120) -> dict[str, str]:
    """Chooses `path` in "Import an X archive…" and waits for the import's last word."""
    shown = popup.text_content("#import-status")
    popup.set_input_files("#archive", str(path))
    return poll(  # type: ignore[no-any-return]
        lambda: (
            (s := popup.evaluate(
                """() => ({state: document.querySelector('#import-status').dataset.state,
                           text: document.querySelector('#import-status').textContent})"""
            ))["state"] in ("done", "error") and s["text"] != shown and s
        ),
        timeout=timeout,
    )  # fmt: skip


def count_inflating(popup: Page) -> None:
    """Wraps the popup's DecompressionStream so the test sees how many bytes it let out."""
    popup.evaluate(
        """() => {
          const Real = window.DecompressionStream;
          window.inflated = {streams: 0, bytes: 0};
          window.DecompressionStream = function (format) {
            const real = new Real(format);
            window.inflated.streams++;
            const count = new TransformStream({transform(chunk, out) {
              window.inflated.bytes += chunk.length; out.enqueue(chunk); }});
            return {writable: real.writable, readable: real.readable.pipeThrough(count)};
          };
        }"""
    )


def x_zip(path: Path, data: Path, *, media: int = 0, skip: tuple[str, ...] = ()) -> Path:
    """The archive as X sends it: data/*.js (tweets.js deflated, tweets-part1.js stored, as
    zip tools do either), its media, and the pages X adds to browse it."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Your archive.html", "<html>…</html>", zipfile.ZIP_DEFLATED)
        archive.writestr("assets/js/main.js", "console.log(1)", zipfile.ZIP_DEFLATED)
        for file in sorted(data.iterdir()):
            if file.name in skip:
                continue
            method = zipfile.ZIP_STORED if file.name == "tweets-part1.js" else zipfile.ZIP_DEFLATED
            archive.write(file, "data/" + file.name, method)
        archive.writestr("data/tweets_media/", "")  # a folder entry
        if media:
            # Random bytes do not compress: the zip is bigger than the import's cap, its posts
            # are not, and only they count.
            archive.writestr("data/tweets_media/1800-a.jpg", os.urandom(media), zipfile.ZIP_STORED)
    return path


def patch_central(raw: bytes, name: str, field: int, value: int) -> bytes:
    """`raw` with the 4-byte field at `field` of `name`'s central directory entry set."""
    out = bytearray(raw)
    at = out.index(b"PK\x01\x02")
    while out[at + 46 : at + 46 + len(name)] != name.encode():
        at = out.index(b"PK\x01\x02", at + 4)
    out[at + field : at + field + 4] = value.to_bytes(4, "little")
    return bytes(out)


def test_the_zip_x_sends_imports_its_posts_and_nothing_else(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "archive", posts=60)
    path = x_zip(tmp_path / "twitter-2026-12-01.zip", data, media=CAP + MB)
    assert path.stat().st_size > CAP

    # What the command line reads of the same zip: the browser must agree.
    files = archive_files(path)
    assert [name for name, _ in files] == [
        "data/tweets.js",
        "data/tweets-part1.js",
        "data/account.js",
    ]
    expected = read_archive([(name, raw.decode("utf-8")) for name, raw in files])
    by_part = {
        name: {p["id"] for p in read_archive([(name, raw.decode())])["posts"]}
        for name, raw in files[:2]
    }
    assert all(by_part.values())  # both the deflated and the stored entry hold posts

    popup = open_popup(context, timeout=30)
    count_inflating(popup)
    final = import_zip(popup, path)
    assert final["state"] == "done", final
    posts = storage(context)[HISTORY]["posts"]
    ids = {post["id"] for post in posts}
    assert ids == {post["id"] for post in expected["posts"]}
    assert by_part["data/tweets.js"] <= ids and by_part["data/tweets-part1.js"] <= ids
    assert {post["source"] for post in posts} == {"archive"}
    texts = {post["id"]: post["text"] for post in expected["posts"]}
    assert all(post["text"] == texts[post["id"]] for post in posts)
    assert final["text"].startswith(f"Imported {len(posts)} posts into @salesy_demo")
    # Two deflated entries inflated (tweets.js, account.js), no more than they hold: neither the
    # media, the pages nor like.js.
    inflated = popup.evaluate("window.inflated")
    assert inflated["streams"] == 2, inflated
    assert (
        inflated["bytes"]
        == (data / "tweets.js").stat().st_size + (data / "account.js").stat().st_size
    )


def as_zip64(raw: bytes) -> bytes:
    """The same zip as a zip tool writes one past 4 GB: every entry's sizes and offset in a
    Zip64 extra field (the classic fields saturated), and a Zip64 end record with its locator.
    Python writes these only for files that big; the entries' data stay where they were."""
    end = raw.rindex(b"PK\x05\x06")
    count = int.from_bytes(raw[end + 10 : end + 12], "little")
    start = int.from_bytes(raw[end + 16 : end + 20], "little")
    directory = bytearray()
    at = start
    for _ in range(count):
        header = bytearray(raw[at : at + 46])
        name, extra, comment = (int.from_bytes(header[i : i + 2], "little") for i in (28, 30, 32))
        csize, size, offset = (int.from_bytes(header[i : i + 4], "little") for i in (20, 24, 42))
        for i in (20, 24, 42):
            header[i : i + 4] = b"\xff\xff\xff\xff"
        zip64 = (1).to_bytes(2, "little") + (24).to_bytes(2, "little")
        zip64 += b"".join(n.to_bytes(8, "little") for n in (size, csize, offset))
        header[30:32] = (extra + len(zip64)).to_bytes(2, "little")
        body = raw[at + 46 : at + 46 + name + extra + comment]
        directory += header + body[:name] + zip64 + body[name:]
        at += 46 + name + extra + comment
    end64 = len(raw[:start]) + len(directory)
    record = b"PK\x06\x06" + (44).to_bytes(8, "little") + b"\x2d\x00\x2d\x00" + bytes(8)
    record += b"".join(n.to_bytes(8, "little") for n in (count, count, len(directory), start))
    locator = b"PK\x06\x07" + bytes(4) + end64.to_bytes(8, "little") + (1).to_bytes(4, "little")
    classic = b"PK\x05\x06" + bytes(4) + b"\xff\xff" * 2 + b"\xff\xff\xff\xff" * 2 + bytes(2)
    return raw[:start] + bytes(directory) + record + locator + classic


def test_a_zip64_archive_imports(browser: Browser, tmp_path: Path) -> None:
    """An archive with its media can pass 4 GB: its zip then says sizes and offsets in Zip64
    fields, which the popup reads as the command line does."""
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "archive", posts=30)
    path = tmp_path / "big-archive.zip"
    path.write_bytes(as_zip64(x_zip(tmp_path / "classic.zip", data).read_bytes()))
    files = archive_files(path)  # Python's zipfile reads it
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    expected = read_archive([(name, raw.decode("utf-8")) for name, raw in files])
    final = import_zip(open_popup(context, timeout=30), path)
    assert final["state"] == "done", final
    ids = [post["id"] for post in storage(context)[HISTORY]["posts"]]
    assert sorted(ids) == sorted(post["id"] for post in expected["posts"])


def test_a_zip_that_is_not_an_archive_is_refused_in_plain_words(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    before = {"account": "salesy_demo", "posts": [
        {"id": "1700000000000000001", "text": "Kept.", "verdict": "ok", "score": 0,
         "at": "2026-11-01T10:00:00.000Z", "source": "profile", "reply": False}]}  # fmt: skip
    set_storage(context, {HISTORY: before, "accounts": {"current": "salesy_demo",
                                                         "known": ["salesy_demo"]}})  # fmt: skip
    data = sample_archive.write_archive(tmp_path / "archive", posts=20)
    no_posts = x_zip(
        tmp_path / "likes-only.zip", data, skip=("tweets.js", "tweets-part1.js"), media=1000
    )
    not_zip = tmp_path / "photo.zip"
    not_zip.write_bytes(b"\xff\xd8\xff\xe0 a JPEG with the wrong name" * 100)
    # A byte changed in the stored tweets-part1.js (its CRC-32 no longer matches), and
    # tweets.js's deflated data cut in half (the zip's directory says it is shorter).
    damaged = x_zip(tmp_path / "damaged.zip", data)
    raw = bytearray(damaged.read_bytes())
    with zipfile.ZipFile(damaged) as archive:
        info = archive.getinfo("data/tweets-part1.js")
    local = info.header_offset
    start = local + 30 + int.from_bytes(raw[local + 26 : local + 28], "little")
    raw[start + int.from_bytes(raw[local + 28 : local + 30], "little") + 100] ^= 0x01
    damaged.write_bytes(bytes(raw))
    cut = x_zip(tmp_path / "cut.zip", data)
    with zipfile.ZipFile(cut) as archive:
        size = archive.getinfo("data/tweets.js").compress_size
    cut.write_bytes(patch_central(cut.read_bytes(), "data/tweets.js", 20, size // 2))

    popup = open_popup(context, timeout=30)
    for path, message in (
        (
            no_posts,
            "likes-only.zip isn't your posts from an X archive: it holds no data/tweets.js. "
            "Pick the .zip X sent you, or data/tweets.js from it.",
        ),
        (
            not_zip,
            "photo.zip is not a zip Salesy can read: pick the .zip X sent you, or "
            "data/tweets.js from it.",
        ),
        (
            damaged,
            "damaged.zip: data/tweets-part1.js is damaged or cut short: download your archive "
            "from X again, or unzip it and pick data/tweets.js.",
        ),
        (
            cut,
            "cut.zip: data/tweets.js is damaged or cut short: download your archive from X "
            "again, or unzip it and pick data/tweets.js.",
        ),
    ):
        final = import_zip(popup, path)
        assert final == {"state": "error", "text": message + UNCHANGED}
        assert storage(context)[HISTORY] == before


def test_a_zip_over_the_cap_is_refused_before_anything_is_inflated(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    # 49 MB of posts that deflate to a few hundred KB: the zip is small, what it holds is not.
    big = tmp_path / "big.zip"
    head = "window.YTD.tweets.part0 = ["
    body = head + " " * (CAP + MB - len(head) - 1) + "]"  # 49 MB exactly
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", body)
    assert big.stat().st_size < MB

    # A zip that lies: its directory says 1 000 bytes, its deflated data holds 20 MB.
    liar = tmp_path / "liar.zip"
    with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = [" + " " * 20 * MB + "]")
    liar.write_bytes(patch_central(liar.read_bytes(), "data/tweets.js", 24, 1000))

    popup = open_popup(context, timeout=30)
    count_inflating(popup)
    final = import_zip(popup, big)
    assert final == {
        "state": "error",
        "text": "The posts in big.zip are 49 MB unpacked; Salesy imports up to 48 MB at once: "
        "unzip it and choose data/tweets.js and its parts one or two at a time." + UNCHANGED,
    }
    assert popup.evaluate("window.inflated") == {"streams": 0, "bytes": 0}

    final = import_zip(popup, liar)
    assert final == {
        "state": "error",
        "text": "liar.zip: data/tweets.js holds more than its zip says it does, so Salesy "
        "stopped reading it: download your archive from X again." + UNCHANGED,
    }
    # Reading stopped near the declared size, not after the 20 MB the entry really holds.
    assert popup.evaluate("window.inflated.bytes") < 2 * MB
    assert HISTORY not in storage(context)


def seed_two_accounts(context: BrowserContext) -> dict[str, Any]:
    def posts(prefix: str, count: int) -> list[dict[str, Any]]:
        return [
            {"id": f"{prefix}{i:03d}", "text": f"post {i}", "verdict": "ok", "score": 0,
             "at": f"2026-11-{20 - i:02d}T10:00:00.000Z", "source": "profile", "reply": False}
            for i in range(count)
        ]  # fmt: skip

    values = {
        HISTORY: {"account": "salesy_demo", "posts": posts("1700000000000000", 3)},
        "history:other": {"account": "other", "posts": posts("1710000000000000", 2)},
        "accounts": {"current": "salesy_demo", "known": ["other", "salesy_demo"]},
    }
    set_storage(context, values)
    return values


def confirm_state(popup: Page) -> dict[str, Any]:
    return popup.evaluate(  # type: ignore[no-any-return]
        """() => ({open: !document.querySelector('#delete-confirm').hidden,
                   question: document.querySelector('#delete-question').textContent,
                   yes: document.querySelector('#delete-yes').textContent,
                   focus: document.activeElement.id,
                   status: document.querySelector('#data-status').textContent})"""
    )


def test_delete_asks_first_and_removes_only_this_account(browser: Browser) -> None:
    context, _ = browser
    seeded = seed_two_accounts(context)
    popup = open_popup(context, timeout=30)
    popup.evaluate("() => { window.confirm = () => { window.asked = true; return true; }; }")
    poll(lambda: popup.is_enabled("#delete-history"))

    # Cancel keeps everything; so does Escape. The question names the account and the count.
    question = (
        "Delete the 3 posts Salesy keeps for @salesy_demo? This can't be undone. Other "
        "accounts' history is kept, and so is this session's tally (it counts drafts in "
        "every account)."
    )
    popup.click("#delete-history")
    state = poll(lambda: (s := confirm_state(popup))["open"] and s)
    assert state["question"] == question and state["yes"] == "Delete 3 posts"
    assert state["focus"] == "delete-no"  # a stray Enter cancels
    popup.click("#delete-no")
    assert confirm_state(popup)["open"] is False
    assert confirm_state(popup)["focus"] == "delete-history"
    popup.keyboard.press("Enter")  # the delete button has focus: it asks again
    poll(lambda: confirm_state(popup)["open"])
    popup.keyboard.press("Escape")
    assert confirm_state(popup)["open"] is False
    assert {key: storage(context).get(key) for key in seeded} == seeded

    # Confirmed: this account's history goes, the other account's stays.
    popup.click("#delete-history")
    poll(lambda: confirm_state(popup)["open"])
    popup.click("#delete-yes")
    poll(lambda: confirm_state(popup)["status"] == "Deleted 3 posts of @salesy_demo.")
    stored = storage(context)
    assert HISTORY not in stored
    assert stored["history:other"] == seeded["history:other"]
    assert stored["accounts"] == seeded["accounts"]
    assert stored.get("balanceSummary", {}).get("posts", 0) == 0  # no excerpt of them is left
    poll(lambda: popup.is_disabled("#delete-history"))
    assert popup.evaluate("window.asked") is None

    # The other account, picked: the question is about it. Deleted, its handle goes too (it
    # is not the one signed in on X); the signed-in one stays, to record its next post.
    popup.select_option("#account-picker", "other")
    poll(lambda: popup.is_enabled("#delete-history"))
    popup.click("#delete-history")
    state = poll(lambda: (s := confirm_state(popup))["open"] and s)
    assert state["question"].startswith("Delete the 2 posts Salesy keeps for @other?")
    assert state["yes"] == "Delete 2 posts"
    popup.click("#delete-yes")
    poll(lambda: confirm_state(popup)["status"] == "Deleted 2 posts of @other.")
    stored = storage(context)
    assert "history:other" not in stored
    assert stored["accounts"] == {"current": "salesy_demo", "known": ["salesy_demo"]}


def test_delete_waits_for_an_import_to_finish(browser: Browser, tmp_path: Path) -> None:
    """An import saving afterwards would bring back what was just deleted: the delete is
    refused while one runs, said in the popup, and the import completes."""
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "archive", posts=1500)  # all kept
    path = x_zip(tmp_path / "twitter.zip", data)
    set_storage(context, {"accounts": {"current": "salesy_demo", "known": ["salesy_demo"]}})
    seed = {"id": "1700000000000000001", "text": "Kept.", "verdict": "ok", "score": 0,
            "at": "2026-11-01T10:00:00.000Z", "source": "profile", "reply": False}  # fmt: skip
    set_storage(context, {HISTORY: {"account": "salesy_demo", "posts": [seed]}})
    popup = open_popup(context, timeout=30)
    poll(lambda: popup.is_enabled("#delete-history"))
    popup.set_input_files("#archive", str(path))
    poll(lambda: popup.is_visible("#import-progress"), timeout=30)
    popup.click("#delete-history")
    poll(lambda: confirm_state(popup)["open"])
    popup.click("#delete-yes")
    status = poll(lambda: confirm_state(popup)["status"])
    assert status == (
        "Nothing was deleted: An archive is being imported: wait for it to finish, then delete."
    )
    poll(lambda: popup.get_attribute("#import-status", "data-state") == "done", timeout=120)
    ids = {post["id"] for post in storage(context)[HISTORY]["posts"]}
    assert seed["id"] in ids and len(ids) > 1


EXPORTED = [
    # (text, verdict, score, source, reply, truncated)
    ('Hello, "world"\nsecond line', "ok", 4, "composed", False, False),
    ('=HYPERLINK("https://evil.example","click")', "pure_ad", 88, "profile", False, False),
    ("+1 for this", "ok", 0, "profile", True, False),
    ("-5 degrees and still roasting", "promotional", 41, "archive", False, False),
    ("@someone thanks for the tip", "ok", 0, "profile", True, False),
    ("\t=1+1", "ok", 0, "profile", False, False),
    ("Café ☕ and a rocket 🚀, no formula", None, None, "composed", False, False),
    ("A long post X cut short behind", "ok", 2, "profile", False, True),
]
VERDICT_WORDS = {
    "ok": "OK",
    "promotional": "Promotional",
    "pure_ad": "Pure ad",
    None: "not judged yet",
}
SOURCE_WORDS = {
    "composed": "posted with Salesy on",
    "profile": "read from your profile",
    "archive": "imported from your X archive",
}


def test_the_csv_export_holds_the_history_and_the_tally(browser: Browser) -> None:
    context, _ = browser
    posts = []
    for i, (text, verdict, score, source, reply, truncated) in enumerate(EXPORTED):
        at = f"2026-11-{28 - i:02d}T09:30:00.000Z"
        post: dict[str, Any] = {
            "id": f"17200000000000000{i:02d}", "text": text, "source": source, "at": at,
            "reply": reply,
        }  # fmt: skip
        if verdict:
            post.update(verdict=verdict, score=score)
        if truncated:
            post["truncated"] = True
        posts.append(post)
    set_storage(context, {HISTORY: {"account": "salesy_demo", "posts": posts},
                          "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]},
                          "history:other": {"account": "other", "posts": [
                              {**posts[0], "id": "1", "text": "someone else's"}]}})  # fmt: skip
    tally = {"since": "2026-12-01T08:00:00.000Z", "checked": 12, "caught": 3, "actedOn": 2,
             "postedAnyway": 1, "posts": 5}  # fmt: skip
    extension_worker(context).evaluate("(t) => chrome.storage.session.set({tally: t})", tally)

    popup = open_popup(context, timeout=30)
    poll(lambda: popup.is_enabled("#export-csv"))
    with popup.expect_download() as download:
        popup.click("#export-csv")
    assert download.value.suggested_filename.startswith("salesy-salesy_demo-")
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8's mark, for Excel
    # RFC 4180: records end with CRLF; a field with a comma, quote or line break is quoted and
    # its quotes doubled (the line break inside it kept as it was).
    assert b'"Hello, ""world""\nsecond line"' in raw
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"").replace(
        b'""world""\nsecond', b""
    )
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, *rest = rows
    assert header == ["Date (UTC)", "Kind", "Verdict", "Score", "From", "Post id", "Note", "Text"]
    blank = rest.index([])
    history_rows, tally_rows = rest[:blank], rest[blank + 1 :]
    expected = []
    for post in posts:
        text = post["text"]
        # Formula injection: a cell that starts as a formula is made text.
        if text.lstrip()[:1] in ("=", "+", "-", "@") or text[:1] in ("\t", "\r"):
            text = "'" + text
        expected.append([
            post["at"], "reply" if post["reply"] else "post", VERDICT_WORDS[post.get("verdict")],
            str(post["score"]) if "score" in post else "", SOURCE_WORDS[post["source"]],
            post["id"],
            "only the start of this post: X cut it short behind Show more"
            if post.get("truncated") else "",
            text,
        ])  # fmt: skip
    assert history_rows == expected
    assert history_rows[1][7] == '\'=HYPERLINK("https://evil.example","click")'
    assert history_rows[5][7] == "'\t=1+1"
    assert history_rows[6][7] == "Café ☕ and a rocket 🚀, no formula"
    assert not any(row[7].startswith(("=", "+", "-", "@", "\t")) for row in history_rows)
    assert tally_rows == [
        ["This session's tally (every account)", "Count"],
        ["Drafts checked", "12"],
        ["Pure ads caught", "3"],
        ["Warnings acted on", "2"],
        ["Posted anyway", "1"],
        ["Posts made", "5"],
        ["Counting since (UTC)", "2026-12-01T08:00:00.000Z"],
    ]
    assert "someone else's" not in raw.decode("utf-8-sig")
    status = popup.text_content("#data-status") or ""
    assert status.startswith("Exported salesy-salesy_demo-") and status.endswith(
        ": 8 posts and this session's tally."
    )


def test_what_the_tally_counts_is_readable_without_a_mouse(browser: Browser) -> None:
    context, _ = browser
    popup = open_popup(context, timeout=30)
    meaning = "Posts you changed after a pure-ad warning, so they no longer read as one"
    help_text = popup.locator("#tally-help dd", has_text=meaning)
    assert help_text.is_hidden()
    popup.focus("#tally-reset")
    for _ in range(5):  # the tally's figures (one tab stop), then the question
        popup.keyboard.press("Tab")
        if popup.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert popup.evaluate("document.activeElement.textContent") == "What these count"
    popup.keyboard.press("Enter")
    poll(help_text.is_visible)
    term = popup.evaluate(
        "(dd) => dd.previousElementSibling.textContent", help_text.element_handle()
    )
    assert term == "Warnings acted on"
