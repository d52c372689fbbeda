"""Threads as X renders them: the toolbar with "Post all" lives only inside the focused
post's item and moves with focus. The nudge must still ask about a pure ad in any post of
the thread, and posting must record every post; closing the nudge or changing the draft
drops its question, so the next post is recorded (issue 13, points 1 and 2)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

import salesy
from card import card_text, open_card
from harness import (
    RequestLog,
    chip_state,
    editor_model_text,
    editor_selector,
    extension_worker,
    history,
    open_compose,
    panel,
    poll,
    set_storage,
    settled,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"
PERSONAL = "I finally fixed my old bike today. Took me three weekends, but I learned a lot."
MIXED = "We spent two years on this and I'm proud of it. What would you build with it?"
POST_ALL = '#layers [data-testid="tweetButton"]'


def tally(context: BrowserContext) -> dict[str, Any]:
    return extension_worker(context).evaluate(  # type: ignore[no-any-return]
        "chrome.storage.session.get('tally').then((s) => s.tally ?? {})"
    )


def item_holding_the_button(page: Page) -> str:
    """The test id of the editor whose thread item holds the toolbar's Post button."""
    return page.evaluate(  # type: ignore[no-any-return]
        """(sel) => document.querySelector(sel).closest('.thread-item')
             .querySelector('[contenteditable][data-testid^="tweetTextarea_"]').dataset.testid""",
        POST_ALL,
    )


def thread(browser: Browser, texts: list[str], *, nudge: bool) -> Page:
    """A compose dialog with a thread of these posts, each checked."""
    context, _ = browser
    page = open_compose(context, f"?thread={len(texts)}")
    if nudge:
        set_storage(context, {"settings": {"nudgeBeforePosting": True}})
        page.wait_for_timeout(300)
    for index, text in enumerate(texts):
        type_draft(page, text, editor=editor_selector(index))
    for index in range(len(texts)):
        wait_for_verdict(page, index=index)
        settled(page, index)
    return page


def ad_with_the_nudge_on(browser: Browser, query: str = "") -> Page:
    """A compose dialog with the nudge on and a pure ad typed in its first post."""
    context, _ = browser
    page = open_compose(context, query)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    page.wait_for_timeout(300)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    return page


def test_the_toolbar_follows_the_focus_and_only_one_post_holds_it(browser: Browser) -> None:
    page = thread(browser, [PERSONAL, AD], nudge=False)
    assert item_holding_the_button(page) == "tweetTextarea_1"
    page.click(editor_selector(0))
    poll(lambda: item_holding_the_button(page) == "tweetTextarea_0")
    assert page.locator('#layers [data-testid="toolBar"]').count() == 1
    assert page.text_content(POST_ALL) == "Post all"
    # Salesy follows the move: no chip sits on the toolbar's buttons.
    page.wait_for_timeout(150)
    for index in (0, 1):
        chip = panel(page, index).evaluate(
            "host => host.shadowRoot.querySelector('.chip').getBoundingClientRect().toJSON()"
        )
        for button in page.locator('#layers [data-testid="toolBar"] button').all():
            box = button.bounding_box()
            assert box is not None
            assert (
                chip["right"] <= box["x"]
                or chip["left"] >= box["x"] + box["width"]
                or chip["bottom"] <= box["y"]
                or chip["top"] >= box["y"] + box["height"]
            ), f"chip {index} covers {button.get_attribute('aria-label') or button.inner_text()}"


def test_a_pure_ad_in_a_post_without_the_focus_is_held(browser: Browser) -> None:
    context, _ = browser
    page = thread(browser, [PERSONAL, AD], nudge=True)
    page.click(editor_selector(0))  # the toolbar (and Post all) moves to the first post
    poll(lambda: item_holding_the_button(page) == "tweetTextarea_0")
    page.click(POST_ALL)

    confirm = panel(page, 1).locator(".confirm")  # the ad's own card asks
    poll(lambda: confirm.is_visible())
    page.wait_for_timeout(500)
    assert page.evaluate("window.fixture.posted") == []
    assert history(context) == []
    assert editor_model_text(page, "tweetTextarea_1") == AD

    confirm.locator(".post-anyway").click()
    poll(lambda: page.evaluate("window.fixture.posted") == [f"{PERSONAL}\n---\n{AD}"])
    posts = poll(lambda: len(h := history(context)) == 2 and h)
    assert [(p["text"], p["reply"]) for p in reversed(posts)] == [(PERSONAL, False), (AD, True)]
    assert [p["verdict"] for p in reversed(posts)] == [salesy.check(PERSONAL)["verdict"], "pure_ad"]
    counts = poll(lambda: (t := tally(context)).get("posts") == 2 and t)
    assert counts["postedAnyway"] == 1


def test_two_ads_in_a_thread_are_asked_about_once(browser: Browser) -> None:
    page = thread(browser, [AD, PERSONAL, AD + " Last chance!"], nudge=True)
    page.click(POST_ALL)
    confirm = panel(page, 0).locator(".confirm")
    poll(lambda: confirm.is_visible())
    assert "2 posts of this thread" in (confirm.text_content() or "")
    assert not panel(page, 2).locator(".confirm").is_visible()
    confirm.locator(".post-anyway").click()
    poll(lambda: len(page.evaluate("window.fixture.posted")) == 1)


def test_ctrl_enter_in_the_focused_post_is_held_for_an_ad_in_another(browser: Browser) -> None:
    page = thread(browser, [AD, PERSONAL], nudge=True)
    assert item_holding_the_button(page) == "tweetTextarea_1"  # typed last, still focused
    page.keyboard.press("Control+Enter")
    confirm = panel(page, 0).locator(".confirm")
    poll(lambda: confirm.is_visible())
    page.wait_for_timeout(300)
    assert page.evaluate("window.fixture.posted") == []


def test_post_all_records_every_post_of_the_thread(browser: Browser) -> None:
    context, _ = browser
    texts = [PERSONAL, MIXED, "Thanks @ana for the tip on charge temperature!"]
    page = thread(browser, texts, nudge=False)
    page.click(editor_selector(1))  # Post all sits in the middle post now
    poll(lambda: item_holding_the_button(page) == "tweetTextarea_1")
    page.click(POST_ALL)
    posts = poll(lambda: len(h := history(context)) == 3 and h)
    assert [p["text"] for p in reversed(posts)] == texts  # in thread order
    assert [p["reply"] for p in reversed(posts)] == [False, True, True]
    assert {p["source"] for p in posts} == {"composed"}
    assert poll(lambda: tally(context).get("posts") == 3)


def test_no_question_for_a_thread_x_will_not_send(browser: Browser) -> None:
    """An empty post keeps Post all disabled (and aria-disabled): X sends nothing, so there
    is nothing to ask about and nothing to record."""
    context, _ = browser
    page = ad_with_the_nudge_on(browser, "?thread=2")
    button = page.locator(POST_ALL)
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(600)
    assert not panel(page).locator(".confirm").is_visible()
    assert page.evaluate("window.fixture.posted") == [] and history(context) == []


@pytest.mark.parametrize("close", ["x", "escape"])
def test_a_post_after_closing_the_nudge_is_recorded(browser: Browser, close: str) -> None:
    context, _ = browser
    page = ad_with_the_nudge_on(browser)
    page.click(POST_ALL)
    card = panel(page).locator(".card")
    poll(lambda: panel(page).locator(".confirm").is_visible())
    if close == "x":
        panel(page).locator(".close").click()
    else:
        page.keyboard.press("Escape")  # the question has the focus
    poll(lambda: card.is_hidden())
    # Salesy's Escape is Salesy's: X's compose dialog stays open, the draft with it.
    assert page.evaluate("window.fixture.closed") == []
    assert editor_model_text(page) == AD

    page.click(editor_selector(0))
    page.keyboard.press("Control+A")
    page.keyboard.type(PERSONAL)
    wait_for_verdict(page, "ok")
    settled(page)
    page.click(POST_ALL)
    poll(lambda: page.evaluate("window.fixture.posted") == [PERSONAL])
    posts = poll(lambda: history(context))
    assert [p["text"] for p in posts] == [PERSONAL]


def test_editing_the_draft_drops_the_question(browser: Browser) -> None:
    context, _ = browser
    page = ad_with_the_nudge_on(browser)
    page.click(POST_ALL)
    confirm = panel(page).locator(".confirm")
    poll(lambda: confirm.is_visible())
    # The user goes back to the draft and changes it: the question was about the old text.
    page.click(editor_selector(0))
    page.keyboard.press("End")
    page.keyboard.type(" Today only!")
    poll(lambda: confirm.is_hidden())
    wait_for_verdict(page, "pure_ad")
    settled(page)
    # Still an ad: the next click asks afresh, about the new text.
    page.click(POST_ALL)
    poll(lambda: confirm.is_visible())
    confirm.locator(".post-anyway").click()
    posts = poll(lambda: history(context))
    assert [p["text"] for p in posts] == [AD + " Today only!"]


THANKS = "Thanks @ana for the tip on charge temperature!"
FIXED = "Turns out the trick was a new chain and a lot of patience."


def thread_part(page: Page, index: int) -> str | None:
    """The thread summary on the index-th post's chip, None when it shows none."""
    return panel(page, index).evaluate(  # type: ignore[no-any-return]
        "(host, root) => { const el = root.querySelector('.chip .thread');"
        " return el.hidden ? null : el.textContent; }"
    )


def test_the_first_post_says_how_the_whole_thread_reads(browser: Browser) -> None:
    texts = [PERSONAL, AD, THANKS]
    assert [salesy.check(text)["verdict"] for text in texts] == ["ok", "pure_ad", "ok"]
    page = thread(browser, texts, nudge=False)

    poll(lambda: thread_part(page, 0) == "Thread: 1 of 3 promotional")
    # Each post keeps its own verdict; only the first speaks for the thread.
    assert chip_state(page, 0)["label"].startswith("OK · Promotion")  # type: ignore[index]
    assert chip_state(page, 1)["label"].startswith("Pure ad")  # type: ignore[index]
    assert thread_part(page, 1) is None and thread_part(page, 2) is None
    open_card(page, 0)
    line = "Thread: 1 of 3 posts promotional — post 2 (Pure ad). Each post is judged on its own."
    assert card_text(page, ".thread-line", 0) == line
    assert card_text(page, ".thread-line", 1) is None

    # Post 2 rewritten as a personal post: the first post's chip and card say so.
    page.click(editor_selector(1))
    page.keyboard.press("Control+A")
    page.keyboard.type(FIXED)
    wait_for_verdict(page, "ok", index=1)
    poll(lambda: thread_part(page, 0) == "Thread: 0 of 3 promotional")
    assert card_text(page, ".thread-line", 0) == (
        "Thread: none of its 3 posts reads as promotion. Each post is judged on its own."
    )
    assert editor_model_text(page, "tweetTextarea_1") == FIXED


def test_a_single_post_shows_no_thread_line(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    page.wait_for_timeout(100)  # a thread summary would be set right after the verdict
    assert thread_part(page, 0) is None
    open_card(page)
    assert card_text(page, ".thread-line") is None
    assert card_text(page, ".summary")  # the card itself is there
