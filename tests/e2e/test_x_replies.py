"""Replies, reposts, pinned posts and "Show more", decided from X's structure and never from
its words: the same pages in English and in German give the same history (issue 13,
point 4). A long post X cuts short is stored marked truncated, then whole once the page
shows it whole, and never twice."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

import salesy
from harness import (
    RequestLog,
    editor_selector,
    history,
    new_post,
    poll,
    set_storage,
    settled,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]
LANGS = pytest.mark.parametrize("lang", ["en", "de"])

LONG_ID = "1860000000000000010"
LONG_START = "Roasting notes from a year of Mondays, for anyone starting out."
LONG_END = "so thank you all."


def by_text(context: BrowserContext, count: int) -> dict[str, dict[str, Any]]:
    posts = poll(lambda: len(h := history(context)) == count and h, timeout=15)
    return {p["text"]: p for p in posts}


def by_id(context: BrowserContext, count: int) -> dict[str, dict[str, Any]]:
    posts = poll(lambda: len(h := history(context)) == count and h, timeout=15)
    return {p["id"]: p for p in posts}


def stored(context: BrowserContext, post_id: str, whole: bool = False) -> dict[str, Any]:
    """The stored post with this status id, once there (and, with `whole`, not truncated)."""

    def find() -> dict[str, Any] | None:
        for post in history(context):
            if post["id"] == post_id and not (whole and post.get("truncated")):
                return post
        return None

    return poll(find, timeout=15)  # type: ignore[no-any-return]


def compose(page: Page, text: str, button: str, *, editor: int = 0) -> None:
    """Types a post into the composer in front, posts it, and waits until it is recorded."""
    context = page.context
    before = len(history(context))
    type_draft(page, text, editor=editor_selector(editor))
    for index in range(editor + 1):
        wait_for_verdict(page, index=index)
        settled(page, index)
    page.click(button)
    poll(lambda: len(history(context)) > before)


@LANGS
def test_composed_replies_are_told_by_where_they_are_written(browser: Browser, lang: str) -> None:
    context, _ = browser
    page = context.new_page()
    # The home timeline shows someone's reply with its "Replying to" line ("Antwort an"):
    # the inline composer above it still writes a post.
    page.goto(f"https://x.com/home?lang={lang}")
    page.wait_for_selector(editor_selector(0))
    assert page.locator(".replying-to").count() == 1
    inline = '[data-testid="tweetButtonInline"]'
    compose(page, "Good morning everyone, the first roast of the week is cooling.", inline)

    # The reply dialog shows the answered post above the editor.
    page.goto(f"https://x.com/compose/post?lang={lang}&reply=1860000000000000100")
    page.wait_for_selector(editor_selector(0))
    compose(page, "Congrats Ana, the new flow is lovely!", '#layers [data-testid="tweetButton"]')

    # A quote post's card comes after the editor: not a reply.
    page.goto(f"https://x.com/compose/post?lang={lang}&quote=1")
    page.wait_for_selector(editor_selector(0))
    compose(page, "This is how onboarding should feel.", '#layers [data-testid="tweetButton"]')

    # The reply box under a conversation, on a post's own page.
    page.goto(f"https://x.com/ana/status/1860000000000000100?lang={lang}")
    page.wait_for_selector(editor_selector(0))
    compose(page, "Which part took longest to build?", inline)

    # A thread from the side bar's Post button: its second post answers the first.
    page.goto(f"https://x.com/home?lang={lang}")
    page.wait_for_selector(editor_selector(0))
    new_post(page)
    type_draft(page, "Two things I learned this week.")
    page.click('#layers [data-testid="addButton"]')
    page.wait_for_selector(editor_selector(1))
    label = page.text_content('#layers [data-testid="tweetButton"]')
    assert label == ("Post all" if lang == "en" else "Alle posten")
    compose(page, "One: rest the beans.", '#layers [data-testid="tweetButton"]', editor=1)

    posts = by_text(context, 6)
    assert {text: post["reply"] for text, post in posts.items()} == {
        "Good morning everyone, the first roast of the week is cooling.": False,
        "Congrats Ana, the new flow is lovely!": True,
        "This is how onboarding should feel.": False,
        "Which part took longest to build?": True,
        "Two things I learned this week.": False,
        "One: rest the beans.": True,
    }


@LANGS
def test_the_profile_reader_tells_replies_reposts_and_pinned_posts(
    browser: Browser, lang: str
) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"https://x.com/salesy_demo?lang={lang}")
    posts = by_id(context, 6)
    assert "1860000000000000100" not in posts  # reposted ("You reposted" / "Du hast reposted")
    assert posts["1860000000000000001"]["reply"] is False  # pinned ("Pinned" / "Angeheftet")
    assert not any(post["reply"] for post in posts.values())

    page.goto(f"https://x.com/salesy_demo/with_replies?lang={lang}")
    posts = by_id(context, 8)
    # Under the post it answers (joined by a thread line, no "Replying to" line):
    assert posts["1860000000000000007"]["reply"] is True
    # With a "Replying to @bob" ("Antwort an @bob") line, the answered post not shown:
    assert posts["1860000000000000011"]["reply"] is True
    # Right under someone else's repost, or one of its own posts: not a reply.
    assert posts["1860000000000000006"]["reply"] is False
    assert posts["1860000000000000009"]["reply"] is False
    assert "1860000000000000102" not in posts  # Ana's post, shown as the one answered
    assert len(history(context)) == 8


@LANGS
def test_a_show_more_post_is_marked_truncated_then_stored_whole_once(
    browser: Browser, lang: str
) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"https://x.com/salesy_demo?lang={lang}")
    cut = stored(context, LONG_ID)
    assert cut["truncated"] is True
    assert cut["text"].startswith(LONG_START) and not cut["text"].endswith(LONG_END)
    assert cut["verdict"] in ("ok", "promotional", "pure_ad")

    # "Show more" opens it in place: the whole text replaces the start, in the same entry.
    post = f'article:has(a[href="/salesy_demo/status/{LONG_ID}"])'
    page.click(f'{post} [data-testid="tweet-text-show-more-link"]')
    whole = stored(context, LONG_ID, whole=True)
    assert whole["text"].startswith(LONG_START) and whole["text"].endswith(LONG_END)
    assert whole["verdict"] == salesy.check(whole["text"])["verdict"]  # judged whole again
    assert len([p for p in history(context) if p["text"].startswith(LONG_START)]) == 1

    # Its own page, and the profile again (cut short there): still one, still whole.
    page.goto(f"https://x.com/salesy_demo/status/{LONG_ID}?lang={lang}")
    page.wait_for_selector(editor_selector(0))
    page.goto(f"https://x.com/salesy_demo?lang={lang}")
    page.wait_for_timeout(1500)
    same = [p for p in history(context) if p["text"].startswith(LONG_START)]
    assert len(same) == 1 and "truncated" not in same[0] and same[0]["text"].endswith(LONG_END)


def test_a_long_post_read_on_its_own_page_is_whole(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"https://x.com/salesy_demo/status/{LONG_ID}")
    post = stored(context, LONG_ID)
    assert "truncated" not in post and post["text"].endswith(LONG_END) and post["reply"] is False
    # A reply's own page shows the post it answers above it.
    page.goto("https://x.com/salesy_demo/status/1860000000000000007")
    reply = stored(context, "1860000000000000007")
    assert reply["reply"] is True
    assert {p["id"] for p in history(context)} == {LONG_ID, "1860000000000000007"}


def test_a_composed_long_post_takes_the_id_of_its_cut_short_copy(browser: Browser) -> None:
    """Posted from the composer (whole, no status id yet), then seen cut short on the profile:
    one post, whole, with the status id."""
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/home")
    long_text = page.evaluate("window.xPosts.LONG")
    composed = {"id": "local-abc", "text": long_text, "verdict": "ok", "score": 0,
                "at": "2026-11-21T09:59:00.000Z", "source": "composed", "reply": False}  # fmt: skip
    set_storage(context, {"history:salesy_demo": {"account": "salesy_demo", "posts": [composed]}})
    page.goto("https://x.com/salesy_demo")
    poll(lambda: len(history(context)) == 6, timeout=15)
    same = [p for p in history(context) if p["text"].startswith(LONG_START)]
    assert len(same) == 1
    assert same[0]["id"] == LONG_ID and same[0]["source"] == "composed"
    assert same[0]["text"] == long_text and "truncated" not in same[0]
