"""The content scripts' one lifecycle: every feature starts with one signal, and when the
extension goes away under a page (reloaded, updated, removed) that signal aborts and takes
every listener, observer, highlight and panel with it, so an orphaned copy never paints
beside a new one or answers for the page."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from harness import (
    RequestLog,
    editor_model_text,
    extension_worker,
    highlighted,
    open_compose,
    page_errors,
    poll,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"


def test_reloading_the_extension_tears_down_what_it_put_on_the_page(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context, "?thread=2")
    errors = page_errors(page)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    assert highlighted(page)
    assert page.locator('[data-salesy="panel"]').count() == 3  # two in the dialog, one behind

    extension_worker(context).evaluate("chrome.runtime.reload()")
    poll(lambda: page.locator('[data-salesy="panel"]').count() == 0, timeout=10)
    assert highlighted(page) == {}
    assert page.evaluate("[...CSS.highlights.keys()].filter((k) => k.startsWith('salesy-'))") == []
    # The orphan no longer reacts to the page, and the draft is as the user left it.
    page.keyboard.type(" Today only!")
    page.wait_for_timeout(500)
    assert page.locator('[data-salesy="panel"]').count() == 0
    assert editor_model_text(page) == AD + " Today only!"
    assert errors == []
