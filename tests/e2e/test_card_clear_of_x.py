"""The open hint card stays clear of X (issue 14): the Post button and the character counter
stay visible, the card stays inside the window, and a card taller than the room it has is
capped and scrolls — bounding boxes compared in Chromium, on every compose surface."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

import salesy
from card import open_card
from harness import RequestLog, editor_selector, panel, settled, type_draft, wait_for_verdict

Browser = tuple[BrowserContext, RequestLog]

LONG_AD = (
    "BUY NOW and get 50% off with code SAVE50. Shop today! "
    "Flash sale, 30% off with code SALE30 too. Hurry, only 3 left!"
)


def boxes(page: Page, index: int) -> dict[str, Any]:
    """The open card's box and scroll, and the boxes of the front composer's Post button and
    character counter (the dialog's when one is open)."""
    card = panel(page, index).evaluate(
        """(host, root) => { const card = root.querySelector('.card');
             return {...card.getBoundingClientRect().toJSON(),
                     scrollHeight: card.scrollHeight, clientHeight: card.clientHeight,
                     overflowY: getComputedStyle(card).overflowY}; }"""
    )
    front = "#layers " if page.locator("#layers [role=dialog]").count() else ""
    post = page.locator(
        f'{front}[data-testid="tweetButton"], {front}[data-testid="tweetButtonInline"]'
    ).first.bounding_box()
    counter = page.locator(
        f'{front}[data-testid="toolBar"] [role="progressbar"]'
    ).first.bounding_box()
    assert post and counter, (post, counter)
    return {"card": card, "post": post, "counter": counter}


def overlap(card: dict[str, float], box: dict[str, float]) -> bool:
    return not (
        card["right"] <= box["x"]
        or card["left"] >= box["x"] + box["width"]
        or card["bottom"] <= box["y"]
        or card["top"] >= box["y"] + box["height"]
    )


def assert_clear(page: Page, index: int) -> dict[str, Any]:
    found = boxes(page, index)
    card = found["card"]
    assert card["height"] > 0 and card["width"] > 0
    assert not overlap(card, found["post"]), found
    assert not overlap(card, found["counter"]), found
    size = page.viewport_size
    assert size is not None
    assert card["left"] >= 0 and card["right"] <= size["width"], found
    assert card["top"] >= 0 and card["bottom"] <= size["height"], found
    return found


@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("https://x.com/compose/post", 0),
        ("https://x.com/home", 0),
        ("https://x.com/compose/post?thread=2", 1),
        ("https://x.com/ana/status/1860000000000000100", 0),
    ],
    ids=["dialog", "home-inline", "thread", "reply"],
)
def test_the_card_leaves_the_post_button_and_the_counter_visible(
    browser: Browser, url: str, index: int
) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(url)
    editor = editor_selector(index)
    page.wait_for_selector(editor)
    type_draft(page, LONG_AD, editor=editor)
    wait_for_verdict(page, salesy.check(LONG_AD)["verdict"], index=index)
    settled(page, index)
    open_card(page, index)
    page.wait_for_timeout(100)  # placed on the next animation frame
    assert_clear(page, index)


def test_a_tall_card_in_a_short_window_is_capped_and_scrolls(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.set_viewport_size({"width": 1000, "height": 520})
    page.goto("https://x.com/compose/post")
    page.wait_for_selector(editor_selector(0))
    type_draft(page, LONG_AD)
    wait_for_verdict(page, salesy.check(LONG_AD)["verdict"])
    settled(page)
    open_card(page)
    page.wait_for_timeout(100)
    card = assert_clear(page, 0)["card"]
    assert card["scrollHeight"] > card["clientHeight"], card  # more than the room it has…
    assert card["overflowY"] == "auto"  # …and the rest scrolls
    # The wheel scrolls the card (not the page behind it) down to its last entry.
    page.mouse.move(card["left"] + card["width"] / 2, card["top"] + card["height"] / 2)
    for _ in range(10):
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(50)
    last, scrolled = panel(page).evaluate(
        """(host, root) => { const card = root.querySelector('.card');
             const items = root.querySelectorAll('.findings li');
             return [items[items.length - 1].getBoundingClientRect().toJSON(), card.scrollTop]; }"""
    )
    assert scrolled > 0
    assert card["top"] <= last["top"] and last["bottom"] <= card["bottom"] + 1, (last, card)
