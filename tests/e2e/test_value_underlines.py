"""Value underlines can be switched off (issue 14): the calm dotted line under what works in
a draft (a personal voice, a question) is a display preference kept in this browser's
settings, switched on the options page; open drafts are painted again at once, and the
promotion underlines never change with it."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

import salesy
from harness import (
    RequestLog,
    extension_id,
    highlighted,
    open_compose,
    poll,
    settled,
    storage,
    type_draft,
    underlined,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

# Promotional, with a personal voice around the offer: value and promotion findings both.
MIXED = (
    "We spent two years building this and I'm proud of it. "
    "It's out today, 20% off for early readers."
)


def open_options(context: BrowserContext) -> Page:
    options = context.new_page()
    options.goto(f"chrome-extension://{extension_id(context)}/options/options.html")
    # The boxes are filled from the stored settings once the page has asked for them.
    poll(lambda: options.evaluate("document.querySelector('#value-underlines').checked"))
    return options


def painted_by_category(result: dict, category: str) -> list[str]:
    return sorted(f["text"] for f in underlined(result) if f["category"] == category)


def test_value_underlines_switch_off_and_on_live_and_leave_promotion_alone(
    browser: Browser,
) -> None:
    context, _ = browser
    expected = salesy.check(MIXED)
    value = painted_by_category(expected, "value")
    promotion = painted_by_category(expected, "promotion")
    assert expected["verdict"] != "ok" and value and promotion, expected

    options = open_options(context)  # on by default
    options.uncheck("#value-underlines")
    poll(lambda: storage(context).get("settings", {}).get("valueUnderlines") is False)

    page = open_compose(context)
    type_draft(page, MIXED)
    wait_for_verdict(page, expected["verdict"])
    settled(page)
    painted = highlighted(page)
    assert "value" not in painted, painted
    assert painted.get("promotion") == promotion

    # Switched on in the options page: the open draft gets its calm line, without a reload.
    options.check("#value-underlines")
    poll(lambda: highlighted(page).get("value") == value)
    assert highlighted(page).get("promotion") == promotion
    assert storage(context)["settings"]["valueUnderlines"] is True

    # And off again: gone from the draft as it stands.
    options.uncheck("#value-underlines")
    poll(lambda: "value" not in highlighted(page))
    assert highlighted(page).get("promotion") == promotion

    assert storage(context)["settings"]["valueUnderlines"] is False
