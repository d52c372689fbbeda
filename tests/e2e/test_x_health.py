"""Failures that show: when X changes its page so that Salesy can't see the compose box, a
Post button for a draft or the account, Salesy logs it once and the popup says so in plain
words (issue 13, point 5). Pages that are fine show nothing."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, ConsoleMessage, Page

from harness import (
    RequestLog,
    chip_state,
    highlighted,
    open_compose,
    page_notices,
    poll,
    set_storage,
    settled,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"


def salesy_warnings(page: Page) -> list[str]:
    warnings: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if message.type == "warning" and message.text.startswith("Salesy: "):
            warnings.append(message.text)

    page.on("console", seen)
    return warnings


def rename(page: Page, selector: str, testid: str) -> None:
    """What an X release that renames a test id looks like to Salesy."""
    page.evaluate(
        "([sel, id]) => document.querySelector(sel).setAttribute('data-testid', id)",
        [selector, testid],
    )


def test_a_healthy_page_shows_no_notice(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    page.wait_for_timeout(2600)  # past the moment X has to draw its side bar and toolbars
    popup, notices = page_notices(context, page)
    assert notices == {}
    assert popup.is_hidden("#page-health")
    assert popup.get_attribute("#page-health", "data-checked") == "x-page"


def test_a_renamed_compose_box_is_reported_and_logged_once(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    warnings = salesy_warnings(page)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    assert highlighted(page)

    rename(page, '#layers [data-testid="tweetTextarea_0"]', "postTextarea_0")
    # Checking is off: the chip and the highlights go, the draft stays.
    poll(lambda: not highlighted(page) and chip_state(page) is None)
    popup, notices = page_notices(context, page, until="compose-box")
    assert notices == {
        "compose-box": "Salesy can't see X's compose box on this page — X may have changed; "
        "checking is off."
    }
    assert popup.is_visible("#page-health")
    # More changes on the page: the console heard about it once.
    page.keyboard.type(" more text")
    page.wait_for_timeout(1500)
    assert [w for w in warnings if "compose box" in w] == [f"Salesy: {notices['compose-box']}"]


def test_a_page_that_always_has_a_compose_box_but_shows_none(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/home")
    page.wait_for_selector('[data-testid="tweetTextarea_0"]')
    # X renders its editor under some other name, and nothing else that looks like one.
    page.evaluate(
        """() => { const box = document.querySelector('[data-testid="tweetTextarea_0"]');
                   box.setAttribute('data-testid', 'composer'); box.removeAttribute('role');
                   box.classList.remove('public-DraftEditor-content'); }"""
    )
    _, notices = page_notices(context, page, until="compose-box")
    assert "compose-box" in notices


def test_a_plain_text_compose_box_is_reported(browser: Browser) -> None:
    """X on a phone's browser renders a <textarea>: Salesy can't paint inside one."""
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/home")
    page.wait_for_selector('[data-testid="tweetTextarea_0"]')
    page.evaluate(
        """() => { const box = document.createElement('textarea');
                   box.setAttribute('data-testid', 'tweetTextarea_0');
                   document.querySelector('[data-testid="primaryColumn"]').append(box); }"""
    )
    _, notices = page_notices(context, page, until="plain-compose-box")
    assert notices["plain-compose-box"] == (
        "Salesy can't read this compose box (X shows a plain text box here, as on phones); "
        "checking is off."
    )


def test_a_renamed_post_button_is_reported_and_the_nudge_says_why_it_cannot_ask(
    browser: Browser,
) -> None:
    context, _ = browser
    page = open_compose(context)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    rename(page, '#layers [data-testid="tweetButton"]', "postButton")
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    _, notices = page_notices(context, page, until="post-button")
    assert notices == {
        "post-button": "Salesy can't find X's Post button for your draft — X may have changed; "
        "posts you make here are not added to your balance, and the nudge before posting "
        "can't ask."
    }
