"""The popup and the options page reach the same engine through the same message path."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

from harness import RequestLog, extension_id, poll

Browser = tuple[BrowserContext, RequestLog]


@pytest.mark.parametrize("page_path", ["popup/popup.html", "options/options.html"])
def test_extension_pages_check_a_draft_with_the_engine(browser: Browser, page_path: str) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id(context)}/{page_path}")
    page.fill("#draft", "Buy now, 50% off with code SAVE50!")
    verdict = poll(lambda: page.text_content("#result .verdict"), timeout=15)
    assert verdict.startswith("Pure ad")
    assert page.locator("#result li").count() >= 2


def test_popup_reports_the_engine_ready(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
    status = poll(lambda: "ready" in (page.text_content("#engine-status") or ""), timeout=15)
    assert status
