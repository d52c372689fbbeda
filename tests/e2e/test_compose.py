"""Salesy on the practice compose page: the real draft-js editor, the built extension, the
Python engine running on PyScript's MicroPython in the browser."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

import salesy
from harness import (
    EDITOR,
    RequestLog,
    chip_state,
    editor_model_text,
    extension_id,
    highlighted,
    open_compose,
    panel,
    paste,
    poll,
    salesy_nodes_in_editor,
    settled,
    type_draft,
    underlined,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"
PERSONAL = "I finally fixed my old bike today. Took me three weekends, but I learned a lot."


def expected_highlights(text: str) -> dict[str, list[str]]:
    """What the page must paint: exactly the spans the engine reports, by category (on a post
    judged OK, none of the promotion side)."""
    out: dict[str, list[str]] = {}
    for finding in underlined(salesy.check(text)):
        out.setdefault(finding["category"], []).append(finding["text"])
    return {category: sorted(texts) for category, texts in out.items()}


def assert_editor_untouched(page: Page, typed: str) -> None:
    assert editor_model_text(page) == typed
    assert page.inner_text(EDITOR).replace("\u00a0", " ").strip() == typed
    assert salesy_nodes_in_editor(page) == 0


def test_an_ad_is_highlighted_word_for_word_and_called_a_pure_ad(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)

    chip = wait_for_verdict(page, "pure_ad")
    assert chip["label"].startswith("Pure ad")
    assert chip["title"]  # the one-line summary, on hover
    painted = poll(lambda: highlighted(page))
    assert painted == expected_highlights(AD)
    flagged = " ".join(painted.get("promotion", [])).lower()
    for words in ("buy now", "50%", "save50"):
        assert words in flagged
    assert_editor_untouched(page, AD)


def test_a_personal_post_gets_no_warning(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, PERSONAL)

    chip = wait_for_verdict(page)
    assert chip["verdict"] == "ok"
    painted = highlighted(page)
    assert set(painted) <= {"value"}, painted
    assert_editor_untouched(page, PERSONAL)


def test_offsets_survive_emoji_before_a_finding(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    text = "🎉🎉 Big news 👩‍💻 buy now, 50% off!"
    type_draft(page, text)

    wait_for_verdict(page)
    painted = poll(lambda: highlighted(page).get("promotion"))
    assert painted == expected_highlights(text)["promotion"]
    assert any("buy now" in span.lower() for span in painted)
    assert_editor_untouched(page, text)


def test_highlights_follow_edits_and_clear_with_the_draft(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page)
    poll(lambda: highlighted(page).get("promotion"))

    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    poll(lambda: chip_state(page) is None and not highlighted(page))
    assert_editor_untouched(page, "")


def test_an_editor_that_appears_later_is_watched(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/compose/post?delay=600")
    page.wait_for_selector(EDITOR, timeout=5000)
    type_draft(page, AD)
    assert wait_for_verdict(page, "pure_ad")


def test_the_chip_sits_outside_the_editor_and_clear_of_x_buttons(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    page.wait_for_timeout(100)  # the chip is placed on the next animation frame

    chip = panel(page).evaluate(
        "host => host.shadowRoot.querySelector('.chip').getBoundingClientRect().toJSON()"
    )
    assert chip["width"] > 0
    assert panel(page).evaluate("host => !host.closest('[contenteditable]')")
    # The buttons of the composer in front (the timeline's own, behind X's modal dialog,
    # cannot be clicked while it is open).
    buttons = '#layers [data-testid="toolBar"] button, #layers .reply-settings button'
    assert page.locator(buttons).count() > 0
    for button in page.locator(buttons).all():
        box = button.bounding_box()
        assert box is not None
        overlaps = not (
            chip["right"] <= box["x"]
            or chip["left"] >= box["x"] + box["width"]
            or chip["bottom"] <= box["y"]
            or chip["top"] >= box["y"] + box["height"]
        )
        assert not overlaps, f"chip covers {button.inner_text()!r}"


def test_one_engine_serves_every_tab(browser: Browser) -> None:
    context, _ = browser
    first = open_compose(context)
    type_draft(first, AD)
    wait_for_verdict(first, "pure_ad")
    second = open_compose(context)
    type_draft(second, PERSONAL)
    wait_for_verdict(second, "ok")

    worker = next(w for w in context.service_workers if extension_id(context) in w.url)
    hosts = worker.evaluate(
        "chrome.runtime.getContexts({contextTypes: ['OFFSCREEN_DOCUMENT']}).then(c => c.length)"
    )
    assert hosts == 1


def test_decorated_text_and_the_part_over_the_limit_are_read_and_painted(browser: Browser) -> None:
    """X's editor wraps mentions, hashtags and links in spans of their own, and the text past
    280 characters in another: Salesy reads through them and paints word for word."""
    context, _ = browser
    page = open_compose(context)
    start = "Thanks @ana for the tip! #coffee lovers, see shop.example.com/beans for notes. "
    filler = "I learned a lot about resting beans this year, and here is what worked. " * 3
    type_draft(page, start)
    paste(page, filler)
    page.keyboard.type("Buy now, 50% off!")
    text = start + filler + "Buy now, 50% off!"
    assert len(text) > 280
    wait_for_verdict(page)
    settled(page)
    decorations = page.evaluate(
        """(sel) => Object.fromEntries(['x-mention', 'x-hashtag', 'x-link', 'x-over-limit']
             .map((name) => [name, [...document.querySelector(sel).querySelectorAll('.' + name)]
               .map((span) => span.textContent)]))""",
        EDITOR,
    )
    assert decorations["x-mention"] == ["@ana"] and decorations["x-hashtag"] == ["#coffee"]
    assert decorations["x-link"] == ["shop.example.com/beans"]
    assert "".join(decorations["x-over-limit"]).endswith("Buy now, 50% off!")
    painted = poll(lambda: (h := highlighted(page)).get("promotion") and h)
    assert painted == expected_highlights(text)
    assert "Buy now" in " ".join(painted["promotion"])  # inside the over-limit span
    assert_editor_untouched(page, text)
    assert page.locator('#layers [data-testid="tweetButton"]').is_disabled()  # over the limit
