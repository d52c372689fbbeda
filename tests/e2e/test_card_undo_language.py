"""The hint card's second thoughts and its limits (issue 14): "Ignore here" and "Turn off this
rule" say what they did with an Undo, the card counts what is ignored and shows it again;
a draft that is not English gets "English only", never a green OK — in Chromium, on the real
draft-js editor, every expectation worked out from the engine."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

import salesy
from card import card_text, expected_entries, open_card, shown_entries
from harness import (
    RequestLog,
    chip_state,
    editor_model_text,
    highlighted,
    open_compose,
    panel,
    poll,
    settled,
    storage,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

AD = "BUY NOW and get 50% off with code SAVE50. Shop today!"


def rules_listed(page: Page) -> list[str]:
    return [entry["rule"] for entry in shown_entries(page)]


def rule_enabled(context: BrowserContext, rule: str) -> bool | None:
    """The rule's switch in the stored config (None while the config does not name it)."""
    setting = storage(context).get("config", {}).get("rules", {}).get(rule, {})
    return setting.get("enabled") if isinstance(setting, dict) else None


def test_ignore_here_can_be_undone_and_shown_again(browser: Browser) -> None:
    context, _ = browser
    expected = salesy.check(AD)
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, expected["verdict"])
    settled(page)
    open_card(page)
    before = shown_entries(page)
    at = next(index for index, entry in enumerate(before) if entry["canIgnore"])
    words = [word.strip("“”") for word in before[at]["words"]]
    painted = highlighted(page)

    panel(page).locator(".findings li").nth(at).locator(".ignore").click()
    toast = poll(lambda: card_text(page, ".toast-text"))
    assert toast == f"Ignored {', '.join(f'“{w}”' for w in words)} in this draft."
    ignoring = salesy.check(AD, {"terms": {"allow": [w.lower() for w in words]}})
    poll(lambda: rules_listed(page) == [e["rule"] for e in expected_entries(ignoring)])
    distinct = len({w.lower() for w in words})
    assert card_text(page, ".ignored-text") == f"{distinct} ignored in this draft."

    # Undo: the words are back, listed and underlined as before.
    panel(page).locator(".toast .undo").click()
    poll(lambda: rules_listed(page) == [entry["rule"] for entry in before])
    assert card_text(page, ".toast-text") is None and card_text(page, ".ignored-text") is None
    poll(lambda: highlighted(page) == painted)

    # Ignored again, then "Show again" from the card's note.
    panel(page).locator(".findings li").nth(at).locator(".ignore").click()
    poll(lambda: card_text(page, ".ignored-text"))
    panel(page).locator(".show-ignored").click()
    poll(lambda: rules_listed(page) == [entry["rule"] for entry in before])
    assert card_text(page, ".ignored-text") is None
    assert editor_model_text(page) == AD


def test_turn_off_this_rule_can_be_undone(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, salesy.check(AD)["verdict"])
    settled(page)
    open_card(page)
    before = rules_listed(page)
    rule = before[0]

    panel(page).locator(".findings li").first.locator(".disable").click()
    assert poll(lambda: card_text(page, ".toast-text")) == f"{rule} is off in your config."
    poll(lambda: rule_enabled(context, rule) is False)
    off = salesy.check(AD, {"salesy": 1, "rules": {rule: {"enabled": False}}})
    poll(lambda: rules_listed(page) == [e["rule"] for e in expected_entries(off)])

    panel(page).locator(".toast .undo").click()
    poll(lambda: rule_enabled(context, rule) is True)
    poll(lambda: rules_listed(page) == before)
    assert card_text(page, ".toast-text") is None
    assert editor_model_text(page) == AD


GERMAN = "Ich habe heute mein altes Fahrrad repariert, es hat drei Wochenenden gedauert."
# The engine calls it not English, yet its English words flag it.
NOT_ENGLISH_AD = "Fresh drop 🔥 link in bio 🔥 limited quantities 🔥 #streetwear #drip #fashion"


def dot_colour(page: Page) -> str:
    return panel(page).evaluate(  # type: ignore[no-any-return]
        "host => getComputedStyle(host.shadowRoot.querySelector('.dot')).backgroundColor"
    )


def muted_colour(page: Page) -> str:
    """The panel's neutral colour (--muted), as the browser computes it."""
    return panel(page).evaluate(  # type: ignore[no-any-return]
        """(host, root) => {
             const probe = document.createElement('span');
             probe.style.color = 'var(--muted)';
             root.querySelector('.panel').append(probe);
             const colour = getComputedStyle(probe).color;
             probe.remove();
             return colour;
           }"""
    )


def test_a_draft_that_is_not_english_gets_english_only_never_a_green_ok(browser: Browser) -> None:
    context, _ = browser
    expected = salesy.check(GERMAN)
    assert expected["language"] == "other" and expected["verdict"] == "ok", expected
    page = open_compose(context)
    type_draft(page, "I fixed my old bike today, took me three weekends and I learned a lot.")
    wait_for_verdict(page, "ok")
    settled(page)
    green = dot_colour(page)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    type_draft(page, GERMAN)
    poll(lambda: (chip_state(page) or {}).get("label") == "English only")
    settled(page)
    assert dot_colour(page) != green  # neutral, not the OK colour
    assert dot_colour(page) == muted_colour(page)
    open_card(page)
    assert "read English" in (card_text(page, ".language") or "")
    assert not (card_text(page, ".summary") or "").startswith("OK")
    assert editor_model_text(page) == GERMAN


def test_a_not_english_draft_the_rules_flag_still_shows_why(browser: Browser) -> None:
    context, _ = browser
    expected = salesy.check(NOT_ENGLISH_AD)
    assert expected["language"] == "other" and expected["verdict"] != "ok", expected
    page = open_compose(context)
    type_draft(page, NOT_ENGLISH_AD)
    wait_for_verdict(page, expected["verdict"])
    settled(page)
    assert (chip_state(page) or {}).get("label") == "English only"
    open_card(page)
    language = card_text(page, ".language") or ""
    assert "read English" in language and language.endswith(
        {"promotional": "Promotional.", "pure_ad": "Pure ad."}[expected["verdict"]]
    )
    assert rules_listed(page) == [e["rule"] for e in expected_entries(expected)]
