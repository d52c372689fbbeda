"""The account balance end to end: posts recorded from the composer (and not when the nudge
holds them), the own profile merged by status id, an X archive imported through the popup,
a broken archive refused without losing history, the session tally, the hint card's line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

import harness
from harness import (
    ROOT,
    RequestLog,
    chip_state,
    extension_id,
    extension_worker,
    new_post,
    open_compose,
    open_popup,
    page_errors,
    panel,
    poll,
    set_storage,
    settled,
    storage,
    type_draft,
    wait_for_verdict,
)

sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive

Browser = tuple[BrowserContext, RequestLog]

AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"
PERSONAL = "I finally fixed my old bike today. Took me three weekends, but I learned a lot."
MIXED = "We spent two years on this and I'm proud of it. What would you build with it?"
HISTORY = "history:salesy_demo"


def history(context: BrowserContext, key: str = HISTORY) -> list[dict[str, Any]]:
    return storage(context).get(key, {}).get("posts", [])  # type: ignore[no-any-return]


def session_tally(context: BrowserContext) -> dict[str, Any]:
    return extension_worker(context).evaluate(
        "chrome.storage.session.get('tally').then((s) => s.tally ?? {})"
    )  # type: ignore[no-any-return]


def post_draft(page: Page, text: str, verdict: str) -> None:
    type_draft(page, text)
    wait_for_verdict(page, verdict)
    settled(page)
    before = page.evaluate("window.fixture.posted.length")
    page.click('[data-testid="tweetButton"]')
    poll(lambda: page.evaluate("window.fixture.posted.length") > before)
    new_post(page)


def strip(popup: Page) -> list[dict[str, str]]:
    return popup.evaluate(
        """() => [...document.querySelectorAll('#strip li')].map((li) => ({
             verdict: li.dataset.verdict, reply: li.dataset.reply, title: li.title}))"""
    )


def test_three_posts_show_in_the_popup(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    for text, verdict in ((PERSONAL, "ok"), (AD, "pure_ad"), (MIXED, "ok")):
        post_draft(page, text, verdict)
    posts = poll(lambda: len(h := history(context)) == 3 and h)
    assert [p["text"] for p in posts] == [MIXED, AD, PERSONAL]  # newest first
    assert [p["verdict"] for p in posts] == ["ok", "pure_ad", "ok"]
    assert {p["source"] for p in posts} == {"composed"}
    assert storage(context)["accounts"]["current"] == "salesy_demo"

    popup = open_popup(context)
    poll(lambda: popup.text_content("#share") == "33")
    assert popup.text_content("#account") == "@salesy_demo"
    assert popup.text_content("#counts") == "1 of your last 3 posts promote"
    assert "Target 80/20" in (popup.text_content("#target") or "")
    assert popup.get_attribute("#balance", "data-status") == "leaning"
    assert popup.text_content("#advice")
    cells = strip(popup)
    assert [c["verdict"] for c in cells] == ["ok", "pure_ad", "ok"]  # oldest to newest
    assert cells[1]["title"].startswith("Pure ad · ")
    assert "BUY NOW and get 50% off" in cells[1]["title"]
    assert popup.is_hidden("#empty")
    # The tally counted the three drafts, the ad caught and posted anyway.
    tally = {
        cell.get_attribute("data-field"): cell.text_content()
        for cell in popup.locator("#tally dd").all()
    }
    assert tally == {
        "checked": "3",
        "caught": "1",
        "actedOn": "0",
        "postedAnyway": "1",
        "posts": "3",
    }


def test_a_held_post_is_not_a_post_and_acting_on_the_warning_counts(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    page.wait_for_timeout(300)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    page.click('[data-testid="tweetButton"]')
    poll(lambda: panel(page).locator(".confirm").is_visible())
    page.wait_for_timeout(1500)
    assert page.evaluate("window.fixture.posted.length") == 0
    assert history(context) == []

    # Keep editing: rewrite the draft into something worth posting, then post it.
    panel(page).locator(".keep-editing").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    poll(lambda: chip_state(page) is None)  # Salesy saw the draft emptied: a new one follows
    type_draft(page, PERSONAL)
    wait_for_verdict(page, "ok")
    settled(page)
    page.click('[data-testid="tweetButton"]')
    posts = poll(lambda: history(context))
    assert [p["text"] for p in posts] == [PERSONAL]
    tally = poll(lambda: (t := session_tally(context)).get("posts") == 1 and t)
    # Deleting the ad emptied the draft, so the rewrite is a new draft (checked twice in all).
    assert tally["postedAnyway"] == 0 and tally["caught"] == 1 and tally["checked"] == 2


def test_post_anyway_records_the_ad_and_counts_it(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    page.wait_for_timeout(300)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    page.click('[data-testid="tweetButton"]')
    poll(lambda: panel(page).locator(".confirm").is_visible())
    panel(page).locator(".post-anyway").click()
    posts = poll(lambda: history(context))
    assert [(p["text"], p["verdict"]) for p in posts] == [(AD, "pure_ad")]
    tally = poll(lambda: (t := session_tally(context)).get("posts") == 1 and t)
    assert tally["postedAnyway"] == 1


def test_warnings_acted_on_without_the_nudge(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, "Buy now, 50% off!")
    wait_for_verdict(page, "pure_ad")
    # Add value around the promotion: the verdict improves in the same draft.
    page.keyboard.type(" I built this over two years and I learned so much. What do you think?")
    state = wait_for_verdict(page)
    poll(lambda: (s := wait_for_verdict(page)) and s["verdict"] != "pure_ad")
    settled(page)
    assert state
    page.click('[data-testid="tweetButton"]')
    tally = poll(lambda: (t := session_tally(context)).get("posts") == 1 and t)
    assert tally["actedOn"] == 1 and tally["postedAnyway"] == 0


def test_the_hint_card_says_how_an_ad_would_move_the_balance(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    posts = [
        {"id": str(100 + i), "text": "x", "verdict": "pure_ad" if i < 5 else "ok",
         "at": f"2026-11-{i + 1:02d}T10:00:00.000Z", "source": "profile"}
        for i in range(20)
    ]  # fmt: skip
    set_storage(context, {HISTORY: {"account": "salesy_demo", "posts": posts}})
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    note = poll(lambda: panel(page).locator(".balance").text_content())
    # The newest 19 of the 20 stored posts hold 4 ads (the oldest drops out), plus this one.
    assert note == "Posting this would make 5 of your last 20 posts promotional — target 4."


def visit_profile(context: BrowserContext, path: str = "/salesy_demo") -> Page:
    page = context.new_page()
    page.goto("https://x.com" + path)
    page.wait_for_selector('article[data-testid="tweet"]')
    return page


def test_own_profile_is_merged_by_status_id(browser: Browser) -> None:
    context, _ = browser
    page = visit_profile(context, "/salesy_demo?more=1")
    posts = poll(lambda: len(h := history(context)) == 8 and h, timeout=15)
    by_id = {p["id"]: p for p in posts}
    assert "1860000000000000100" not in by_id  # "You reposted" Ana's post: hers, not ours
    assert by_id["1860000000000000001"]["source"] == "profile"  # the pinned post is kept
    assert not any(p["reply"] for p in posts)  # the Posts tab shows no replies
    assert by_id["1860000000000000009"]["verdict"] == "pure_ad"
    # A link is read whole (X hides https:// and the tail, and adds "…").
    assert by_id["1860000000000000009"]["text"].endswith(
        "Shop today! https://shop.example.com/beans"
    )
    # Emoji drawn as images are read back as characters; a quoted post is not our text.
    assert by_id["1860000000000000004"]["text"].endswith("emoji test ☕")
    assert "Cardamom" not in by_id["1860000000000000004"]["text"]
    assert by_id["1860000000000000009"]["at"] == "2026-11-20T10:00:00.000Z"
    page.close()

    # The Replies tab adds the two replies; what was read already is not added again.
    again = visit_profile(context, "/salesy_demo/with_replies?more=1")
    posts = poll(lambda: len(h := history(context)) == 10 and h, timeout=15)
    assert {p["id"] for p in posts if p["reply"]} == {"1860000000000000007", "1860000000000000011"}
    again.wait_for_timeout(1500)
    assert len(history(context)) == 10
    again.close()

    other = visit_profile(context, "/ana")
    other.wait_for_timeout(1000)
    assert "history:ana" not in storage(context)
    assert len(history(context)) == 10


def test_a_composed_post_takes_its_status_id_from_the_profile(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    text = "I burned 4 kg of beans today because I was answering email. Lesson learned: one job at a time."  # noqa: E501
    post_draft(page, text, "ok")
    poll(lambda: history(context))
    visit_profile(context)
    posts = poll(lambda: len(h := history(context)) == 6 and h, timeout=15)
    matching = [p for p in posts if p["text"] == text]
    assert len(matching) == 1
    assert matching[0]["id"] == "1860000000000000006" and matching[0]["source"] == "composed"


def choose_files(popup: Page, files: list[Path]) -> str:
    popup.set_input_files("#archive", [str(f) for f in files])
    # State and words read at once: a late progress step must not slip in between.
    return poll(
        lambda: popup.evaluate(
            """() => {
              const status = document.querySelector('#import-status');
              return ['done', 'error'].includes(status.dataset.state) && status.textContent;
            }"""
        ),
        timeout=60,
    )


def test_import_an_archive_through_the_popup(browser: Browser, tmp_path: Path) -> None:
    context, _ = browser
    data = sample_archive.write_archive(tmp_path / "twitter", posts=300)
    popup = open_popup(context)
    assert popup.is_visible("#empty")
    assert "import your X archive" in (popup.text_content("#empty") or "")

    message = choose_files(
        popup, [data / "tweets.js", data / "tweets-part1.js", data / "account.js"]
    )
    assert popup.get_attribute("#import-status", "data-state") == "done", message
    assert message.startswith("Imported ") and "into @salesy_demo" in message
    posts = history(context)
    assert len(posts) > 250 and {p["source"] for p in posts} == {"archive"}
    assert all(p["verdict"] in ("ok", "promotional", "pure_ad") for p in posts)
    assert not any(p["text"].startswith("RT @") for p in posts)
    assert any(p["reply"] for p in posts)
    poll(lambda: popup.text_content("#account") == "@salesy_demo")
    poll(lambda: len(strip(popup)) == 20)
    assert popup.get_attribute("#balance", "data-status") in ("healthy", "leaning", "billboard")

    # Importing the same archive again adds nothing.
    again = choose_files(popup, [data / "tweets.js", data / "tweets-part1.js"])
    assert " 0 new" in again
    assert len(history(context)) == len(posts)


def test_a_broken_archive_shows_the_error_and_keeps_history(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    kept = [{"id": "1", "text": "hello", "verdict": "ok", "at": "2026-11-01T10:00:00.000Z",
             "source": "profile"}]  # fmt: skip
    set_storage(
        context,
        {HISTORY: {"account": "salesy_demo", "posts": kept},
         "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]}},
    )  # fmt: skip
    popup = open_popup(context)
    broken = tmp_path / "tweets.js"
    broken.write_text('window.YTD.tweets.part0 = [{"tweet": {"id_str": "5", "full_te')
    message = choose_files(popup, [broken])
    assert popup.get_attribute("#import-status", "data-state") == "error"
    assert "tweets.js: " in message and "not valid JSON" in message
    assert "your history is unchanged" in message
    likes = tmp_path / "like.js"
    likes.write_text('window.YTD.like.part0 = [{"like": {"tweetId": "1"}}]')
    message = choose_files(popup, [likes])
    assert "holds your likes" in message and "data/tweets.js" in message
    assert history(context) == kept
    assert popup.text_content("#share") == "0"


def test_empty_popup_and_tally_reset(browser: Browser) -> None:
    context, _ = browser
    popup = open_popup(context)
    assert popup.text_content("#share") == "\u2013"  # an en dash: no figure yet
    assert popup.is_visible("#empty")
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    poll(lambda: popup.text_content('#tally dd[data-field="caught"]') == "1")
    assert popup.text_content('#tally dd[data-field="checked"]') == "1"
    popup.click("#tally-reset")
    poll(lambda: popup.text_content('#tally dd[data-field="caught"]') == "0")
    assert session_tally(context)["checked"] == 0


RECORD_MANY = """async ([from, count]) => Promise.all(
  Array.from({length: count}, (_, i) => chrome.runtime.sendMessage({
    target: 'background', type: 'history-record', account: 'salesy_demo',
    posts: [{text: `post ${from + i}`, verdict: 'ok', score: 0,
             at: new Date(Date.UTC(2026, 10, 1) + (from + i) * 60000).toISOString()}],
    tally: {posts: 1}})))"""


def test_concurrent_records_from_several_tabs_all_land(browser: Browser) -> None:
    context, _ = browser
    url = f"chrome-extension://{extension_id(context)}/popup/popup.html"
    pages = [context.new_page() for _ in range(3)]
    for page in pages:
        page.goto(url)
    # Three pages fire 20 records each at once; the worker runs the writes one at a time.
    handles = [
        page.evaluate_handle(f"window.pending = ({RECORD_MANY})([{i * 100}, 20])")
        for i, page in enumerate(pages)
    ]
    for page in pages:
        replies = page.evaluate("window.pending")
        assert all(reply["ok"] for reply in replies), replies
    assert handles
    posts = history(context)
    assert len(posts) == 60 and len({p["id"] for p in posts}) == 60
    assert session_tally(context)["posts"] == 60


def test_history_is_capped_oldest_dropped(browser: Browser) -> None:
    """The newest 2 000 posts are kept; a hidden `historyCap` setting (which a page could once
    set to 1) is no setting at all."""
    context, _ = browser
    old = [
        {
            "id": str(1_000_000 + i),
            "text": f"old post {i}",
            "verdict": "ok",
            "at": f"2025-01-01T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000Z",
            "source": "archive",
        }
        for i in range(1995)
    ]
    old.reverse()  # newest first, as stored
    set_storage(
        context,
        {
            "settings": {"historyCap": 25},
            HISTORY: {"account": "salesy_demo", "posts": old},
            "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]},
        },
    )
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
    page.evaluate(f"({RECORD_MANY})([0, 10])")
    posts = history(context)
    assert len(posts) == 2000
    assert posts[0]["text"] == "post 9" and posts[9]["text"] == "post 0"
    assert posts[-1]["text"] == "old post 5"  # the five oldest made room


def test_history_survives_a_browser_restart(extension: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    for run in range(2):
        with harness.browser(profile) as (context, log):
            popup = context.new_page()
            popup.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
            if run == 0:
                popup.evaluate(f"({RECORD_MANY})([0, 3])")
                assert len(history(context)) == 3
            else:
                # A restarted browser starts the engine afresh: allow for its cold start.
                poll(
                    lambda popup=popup: popup.evaluate("document.body.dataset.fresh"),
                    timeout=30,
                )
                assert popup.text_content("#counts") == "0 of your last 3 posts promote"
                assert len(history(context)) == 3
                # The session tally started afresh with the browser.
                assert popup.text_content('#tally dd[data-field="posts"]') == "0"
        assert log.outside() == []


def test_posting_with_ctrl_enter_is_recorded_once(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, PERSONAL)
    wait_for_verdict(page, "ok")
    settled(page)
    page.keyboard.press("Control+Enter")
    poll(lambda: page.evaluate("window.fixture.posted.length") == 1)
    posts = poll(lambda: history(context))
    assert [p["text"] for p in posts] == [PERSONAL]
    # A double click on Post records the draft once.
    new_post(page)
    type_draft(page, MIXED)
    wait_for_verdict(page)
    settled(page)
    page.dblclick('[data-testid="tweetButton"]')
    poll(lambda: len(history(context)) == 2)
    page.wait_for_timeout(1000)
    assert [p["text"] for p in history(context)] == [MIXED, PERSONAL]


FILL_STORAGE = """async () => {
  // Fill chrome.storage.local to the last byte: 512 KB values, then ever smaller ones.
  let size = 512 * 1024, i = 0, error = null;
  while (size >= 1) {
    try { await chrome.storage.local.set({[`filler-${i++}`]: 'x'.repeat(size)}); }
    catch (e) { error = String(e.message ?? e); size = Math.floor(size / 2); }
  }
  return error;
}"""


def test_full_storage_is_reported_and_nothing_else_breaks(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    errors = page_errors(page)
    post_draft(page, PERSONAL, "ok")
    poll(lambda: len(history(context)) == 1)
    config_before = storage(context).get("config")

    refusal = extension_worker(context).evaluate(FILL_STORAGE)
    assert refusal and "quota" in refusal.lower(), refusal

    # The post leaves the composer as usual; history cannot take it, and the user is told.
    post_draft(page, AD, "pure_ad")
    badge = "chrome.action.getBadgeText({})"
    poll(lambda: extension_worker(context).evaluate(badge) == "!")
    assert [p["text"] for p in history(context)] == [PERSONAL]
    assert storage(context).get("config") == config_before
    assert poll(lambda: session_tally(context).get("posts") == 2)
    popup = open_popup(context)
    problem = popup.locator("#problem")
    assert problem.is_visible()
    assert "storage in this browser is full" in (problem.text_content() or "")
    assert popup.text_content("#counts") == "0 of your last 1 post promote"

    # Checking drafts still works.
    type_draft(page, AD)
    assert wait_for_verdict(page, "pure_ad")

    # Once there is room again, the next post is saved and the warning goes away.
    extension_worker(context).evaluate(
        "chrome.storage.local.get(null).then((all) =>"
        " chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('filler-'))))"
    )
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    post_draft(page, MIXED, "ok")
    poll(lambda: len(history(context)) == 2)
    assert poll(lambda: extension_worker(context).evaluate(badge) == "")
    popup.reload()
    poll(lambda: popup.evaluate("document.body.dataset.fresh"), timeout=15)
    assert popup.locator("#problem").is_hidden()
    assert errors == []
