"""A keyboard path to the hint card that works everywhere, X's compose dialog included (it
traps focus, so the chip is out of Tab's reach): Alt+Shift+S in an editor opens that
editor's card on its first finding; Escape closes it and gives the editor back its focus,
the caret where it was, and leaves X's dialog open (issue 13, point 6)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from harness import (
    RequestLog,
    caret,
    chip_state,
    editor_model_text,
    editor_selector,
    panel,
    poll,
    salesy_nodes_in_editor,
    settled,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]
# Promotional beyond doubt: the card has findings whatever the fitted weights are.
TEXT = "Hello friends, buy now with 20% off and enjoy"


def focus_in_card(page: Page, index: int = 0) -> str | None:
    """The class of what has the focus inside the card, if the focus is there at all."""
    return panel(page, index).evaluate(  # type: ignore[no-any-return]
        """host => document.activeElement === host
             ? host.shadowRoot.activeElement?.className ?? null : null"""
    )


def editor_has_focus(page: Page, editor: str) -> bool:
    return page.evaluate("(sel) => document.activeElement === document.querySelector(sel)", editor)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("https://x.com/compose/post", 0),
        ("https://x.com/compose/post?thread=2&lang=de", 1),
        ("https://x.com/home", 0),
    ],
    ids=["dialog", "dialog-thread-german", "inline"],
)
def test_alt_shift_s_opens_the_card_and_escape_returns_to_the_caret(
    browser: Browser, url: str, index: int
) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(url)
    editor = editor_selector(index)
    page.wait_for_selector(editor)
    type_draft(page, TEXT, editor=editor)
    wait_for_verdict(page, index=index)
    settled(page, index)
    for _ in range(len(" enjoy")):
        page.keyboard.press("ArrowLeft")
    at = len(TEXT) - len(" enjoy")
    assert (caret(page, editor)["anchor"], caret(page, editor)["focus"]) == (at, at)

    page.keyboard.press("Alt+Shift+S")
    poll(lambda: panel(page, index).locator(".card").is_visible())
    assert focus_in_card(page, index) == "words"  # the first finding
    first = panel(page, index).locator(".findings .words").first.text_content()
    assert first == f"“{chip_findings_first(page, index)}”"
    page.wait_for_timeout(300)  # X's focus trap had its chance to pull the focus back
    assert focus_in_card(page, index) == "words"
    assert editor_model_text(page, editor) == TEXT  # no character typed by the shortcut
    # The keyboard moves through the card like any dialog.
    page.keyboard.press("Tab")
    assert focus_in_card(page, index) in ("ignore", "words", "disable")

    page.keyboard.press("Escape")
    poll(lambda: panel(page, index).locator(".card").is_hidden())
    assert editor_has_focus(page, editor)
    position = caret(page, editor)
    assert (position["anchor"], position["focus"]) == (at, at) and position["hasFocus"]
    assert page.evaluate("window.fixture.closed") == []  # X's dialog is still open
    page.keyboard.type(" really")
    assert editor_model_text(page, editor) == TEXT[:at] + " really" + TEXT[at:]
    assert salesy_nodes_in_editor(page, editor) == 0


def chip_findings_first(page: Page, index: int) -> str:
    return panel(page, index).evaluate(  # type: ignore[no-any-return]
        "host => host.shadowRoot.querySelector('.findings li .words').textContent.slice(1, -1)"
    )


def test_the_shortcut_is_announced(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/compose/post")
    page.wait_for_selector(editor_selector(0))
    type_draft(page, TEXT)
    state = wait_for_verdict(page)
    assert "Alt+Shift+S" in state["title"]
    chip = panel(page).locator(".chip")
    assert chip.get_attribute("aria-keyshortcuts") == "Alt+Shift+S"
    assert "Alt+Shift+S opens Salesy's card" in (panel(page).locator(".live").text_content() or "")


def test_the_shortcut_does_nothing_before_there_is_a_verdict(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/compose/post")
    editor = editor_selector(0)
    page.wait_for_selector(editor)
    page.click(editor)
    page.keyboard.press("Alt+Shift+S")
    page.wait_for_timeout(300)
    assert chip_state(page) is None
    assert editor_has_focus(page, editor)
