"""The compose experience: the hint card, every X compose surface, ignore and disable, pause,
the nudge before posting, themes and accessibility — on the real draft-js editor."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

import salesy
from card import expected_entries, open_card, shown_entries
from harness import (
    EDITOR,
    RequestLog,
    caret,
    chip_state,
    editor_model_text,
    editor_selector,
    extension_id,
    highlighted,
    new_post,
    open_compose,
    panel,
    poll,
    salesy_nodes_in_editor,
    set_storage,
    storage,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"
PERSONAL = "I finally fixed my old bike today. Took me three weekends, but I learned a lot."


def test_the_card_explains_every_finding(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    open_card(page)

    expected = salesy.check(AD)
    listed = shown_entries(page)
    # Every word the engine flags is listed, under its rule's entry.
    words = sorted(word for item in listed for word in item["words"])
    promotion = [f for f in expected["findings"] if f["category"] != "value"]
    assert words == sorted(f"“{f['text']}”" for f in promotion)
    assert [item["rule"] for item in listed] == [e["rule"] for e in expected_entries(expected)]
    assert all(item["message"] and item["suggestion"] for item in listed)
    summary = panel(page).locator(".summary").text_content()
    assert summary == expected["summary"]
    assert editor_model_text(page) == AD
    assert salesy_nodes_in_editor(page) == 0


def test_clicking_a_finding_flashes_it_in_the_draft(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    open_card(page)
    first = next(item for item in shown_entries(page) if item["words"])["words"][0].strip("“”")

    panel(page).locator(".findings .words").first.click()
    flashed = poll(
        lambda: page.evaluate(
            "[...(CSS.highlights.get('salesy-flash') ?? [])].map((r) => r.toString())"
        )
    )
    assert flashed == [first]


def test_the_card_is_reachable_by_keyboard_and_escape_closes_it(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")

    chip = panel(page).locator(".chip")
    chip.focus()
    page.keyboard.press("Enter")
    poll(lambda: panel(page).locator(".card").is_visible())
    assert chip.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    poll(lambda: not panel(page).locator(".card").is_visible())
    assert panel(page).evaluate("host => host.shadowRoot.activeElement?.className") == "chip"


def test_the_verdict_is_announced_politely(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    live = panel(page).locator(".live")
    assert live.get_attribute("aria-live") == "polite"
    assert (live.text_content() or "").startswith("Salesy: Pure ad")


def test_ignore_here_hides_that_finding_for_this_draft(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    open_card(page)
    before = shown_entries(page)
    at = next(index for index, item in enumerate(before) if item["canIgnore"])
    targets = [word.strip("“”") for word in before[at]["words"]]

    panel(page).locator(".findings li").nth(at).locator(".ignore").click()
    expected = salesy.check(AD, {"terms": {"allow": [t.lower() for t in targets]}})
    poll(
        lambda: (
            [item["rule"] for item in shown_entries(page)]
            == [e["rule"] for e in expected_entries(expected)]
        )
    )
    shown = [word.strip("“”") for item in shown_entries(page) for word in item["words"]]
    for target in targets:
        assert target not in shown
        assert all(target not in spans for spans in highlighted(page).values())
    assert editor_model_text(page) == AD
    assert "config" not in storage(context) or not storage(context)["config"].get("terms")


def test_turn_off_this_rule_updates_the_config_and_the_draft(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    open_card(page)
    rule = shown_entries(page)[0]["rule"]

    panel(page).locator(".findings li").first.locator(".disable").click()
    config = poll(lambda: storage(context).get("config"))
    assert config["rules"][rule]["enabled"] is False
    poll(lambda: rule not in [item["rule"] for item in shown_entries(page)])
    assert editor_model_text(page) == AD


def test_pause_on_this_site_from_the_popup(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")

    popup = context.new_page()
    popup.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
    poll(lambda: "x.com" in (popup.text_content("#paused-label") or ""))
    popup.check("#paused")
    poll(lambda: storage(context).get("pausedSites") == ["x.com"])
    poll(lambda: chip_state(page) is None and not highlighted(page))

    # Remembered: a new tab on the same site stays paused.
    again = open_compose(context)
    type_draft(again, AD)
    again.wait_for_timeout(600)
    assert chip_state(again) is None
    popup.uncheck("#paused")
    assert wait_for_verdict(again, "pure_ad")
    assert editor_model_text(page) == AD


def test_no_nudge_by_default(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    page.click('[data-testid="tweetButton"]')
    assert page.evaluate("window.fixture.posted") == [AD]


def nudged_ad(browser: Browser) -> Page:
    """A compose page with the nudge on and a pure ad typed."""
    context, _ = browser
    page = open_compose(context)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    return page


def test_the_nudge_asks_once_and_never_loses_the_draft(browser: Browser) -> None:
    page = nudged_ad(browser)

    page.click('[data-testid="tweetButton"]')
    confirm = panel(page).locator(".confirm")
    poll(lambda: confirm.is_visible())
    assert "post anyway?" in (confirm.text_content() or "")
    assert page.evaluate("window.fixture.posted") == []
    confirm.locator(".keep-editing").click()
    assert editor_model_text(page) == AD

    page.click('[data-testid="tweetButton"]')
    poll(lambda: confirm.is_visible())
    confirm.locator(".post-anyway").click()
    poll(lambda: page.evaluate("window.fixture.posted") == [AD])


def test_the_nudge_holds_a_ctrl_enter_post_too(browser: Browser) -> None:
    page = nudged_ad(browser)

    page.keyboard.press("Control+Enter")
    confirm = panel(page).locator(".confirm")
    poll(lambda: confirm.is_visible())
    assert page.evaluate("window.fixture.posted") == []
    assert editor_model_text(page) == AD
    # The question takes the focus on its safe answer: Enter keeps editing, back in the editor.
    page.keyboard.press("Enter")
    poll(lambda: confirm.is_hidden())
    assert caret(page)["hasFocus"]
    assert editor_model_text(page) == AD

    page.keyboard.press("Control+Enter")
    poll(lambda: confirm.is_visible())
    confirm.locator(".post-anyway").click()
    poll(lambda: page.evaluate("window.fixture.posted") == [AD])


def test_the_nudge_lets_a_personal_post_through(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    set_storage(context, {"settings": {"nudgeBeforePosting": True}})
    type_draft(page, PERSONAL)
    wait_for_verdict(page, "ok")
    page.click('[data-testid="tweetButton"]')
    assert page.evaluate("window.fixture.posted") == [PERSONAL]


@pytest.mark.parametrize(
    "url",
    [
        "https://x.com/home",
        "https://x.com/ana/status/1860000000000000100",
        "https://x.com/compose/post?reply=1860000000000000100",
        "https://x.com/compose/post?quote=1",
        "https://x.com/compose/post?lang=de",
    ],
    ids=["home-inline", "reply", "reply-dialog", "quote", "german"],
)
def test_every_compose_surface_is_annotated(browser: Browser, url: str) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(EDITOR)
    type_draft(page, AD)
    assert wait_for_verdict(page, "pure_ad")
    assert "promotion" in poll(lambda: highlighted(page))
    assert editor_model_text(page) == AD
    assert salesy_nodes_in_editor(page) == 0


def test_each_post_of_a_thread_gets_its_own_verdict(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/compose/post?thread=2")
    page.wait_for_selector(editor_selector(1))
    type_draft(page, PERSONAL, editor=editor_selector(0))
    type_draft(page, AD, editor=editor_selector(1))

    assert wait_for_verdict(page, "ok", index=0)
    assert wait_for_verdict(page, "pure_ad", index=1)
    assert editor_model_text(page, "tweetTextarea_0") == PERSONAL
    assert editor_model_text(page, "tweetTextarea_1") == AD


def test_highlights_disappear_when_the_draft_is_posted(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    page.click('[data-testid="tweetButton"]')  # posting closes the dialog, as on X

    poll(lambda: not highlighted(page) and page.evaluate("window.fixture.closed") == ["posted"])
    # Only the home timeline's own composer is left, with its panel hidden.
    assert page.locator('[data-salesy="panel"]').count() == 1
    assert chip_state(page) is None
    new_post(page)
    type_draft(page, AD)
    assert wait_for_verdict(page, "pure_ad")


@pytest.mark.parametrize("theme", ["light", "dim", "dark"])
def test_the_panel_matches_x_theme(browser: Browser, theme: str) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"https://x.com/home?theme={theme}")
    page.wait_for_selector(EDITOR)
    type_draft(page, AD)
    assert wait_for_verdict(page, "pure_ad")["theme"] == theme


def test_the_card_fits_the_window_at_200_percent_zoom(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    page.set_viewport_size({"width": 500, "height": 400})  # a 1000x800 window at 200 %
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    open_card(page)
    box = panel(page).evaluate(
        "host => host.shadowRoot.querySelector('.card').getBoundingClientRect().toJSON()"
    )
    assert box["left"] >= 0 and box["right"] <= 500
    assert box["height"] > 0
