"""The editor is sacred: with Salesy painting highlights, every edit a person makes in the
real draft-js editor leaves exactly the text and the caret they expect, and no Salesy node
ever enters the editor."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

from harness import (
    EDITOR,
    RequestLog,
    caret,
    editor_model_text,
    highlighted,
    open_compose,
    paste,
    poll,
    salesy_nodes_in_editor,
    settled,
    type_draft,
)

Browser = tuple[BrowserContext, RequestLog]


def utf16(text: str) -> int:
    """Draft.js (like every JavaScript string) counts UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


def assert_intact(page: Page, text: str, at: int) -> None:
    assert editor_model_text(page) == text
    dom = page.evaluate(
        """(sel) => [...document.querySelector(sel).querySelectorAll('[data-block="true"]')]
             .map((block) => block.textContent).join('\\n')""",
        EDITOR,
    )
    assert dom == text
    position = caret(page)
    assert (position["anchor"], position["focus"]) == (at, at), position
    assert page.evaluate("(sel) => document.activeElement === document.querySelector(sel)", EDITOR)
    assert salesy_nodes_in_editor(page) == 0


def test_typing_keeps_text_and_caret(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    text = "Buy now, 50% off! I love this bike."
    type_draft(page, text)
    settled(page)
    assert "promotion" in highlighted(page)
    assert_intact(page, text, len(text))


def test_pasting_several_paragraphs(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, "Intro: ")
    pasted = "Shop now with code SAVE50.\n\nThanks @ana for the help!\nMore soon."
    paste(page, pasted)
    settled(page)
    text = "Intro: " + pasted
    assert_intact(page, text, len(text))
    assert poll(lambda: highlighted(page).get("promotion"))


def test_deleting_and_undoing(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, "Buy now cheap")
    settled(page)
    for _ in range(6):
        page.keyboard.press("Backspace")
    settled(page)
    assert_intact(page, "Buy now", len("Buy now"))
    page.keyboard.press("Control+Z")
    settled(page)
    assert editor_model_text(page) == "Buy now cheap"
    assert salesy_nodes_in_editor(page) == 0


def test_replacing_a_selection_across_a_highlight(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, "Hello friends, buy now, 50% off, and enjoy")
    poll(lambda: highlighted(page).get("promotion"))
    # Select "buy now, 50% off, and" (before " enjoy") with the keyboard, then type over it.
    page.keyboard.press("End")
    for _ in range(len(" enjoy")):
        page.keyboard.press("ArrowLeft")
    for _ in range(len("buy now, 50% off, and")):
        page.keyboard.press("Shift+ArrowLeft")
    page.keyboard.type("come and")
    settled(page)
    text = "Hello friends, come and enjoy"
    assert_intact(page, text, len("Hello friends, come and"))
    poll(lambda: "promotion" not in highlighted(page))


def test_an_emoji_typed_before_a_finding_moves_its_highlight(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, "Buy now, 50% off today")
    poll(lambda: highlighted(page).get("promotion"))
    page.keyboard.press("Home")
    page.keyboard.insert_text("🎉 ")
    settled(page)
    text = "🎉 Buy now, 50% off today"
    assert_intact(page, text, utf16("🎉 "))
    assert "Buy now" in poll(lambda: highlighted(page).get("promotion"))
