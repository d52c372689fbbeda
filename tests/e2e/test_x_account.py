"""The signed-in account, in every shape of X's side bar: the account switcher's avatar test
id first (its display name may hold an "@": "Salesy Demo (@salesy_shop)"), then the
Profile tab's link, then the last "@handle" in the switcher; the popup says when no account
can be seen (issue 13, point 3)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

from harness import (
    RequestLog,
    open_compose,
    open_popup_for,
    page_notices,
    poll,
    settled,
    storage,
    type_draft,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

PERSONAL = "I finally fixed my old bike today. Took me three weekends, but I learned a lot."


@pytest.mark.parametrize(
    "query",
    [
        "",  # expanded: avatar, display name with an "@", handle
        "?nav=collapsed",  # the avatar only
        "?drop=avatar",  # the avatar's test id gone: the Profile tab's link
        "?drop=avatar,profile-link",  # both gone: the last @handle in the switcher
        "?lang=de&nav=collapsed",
    ],
    ids=["expanded", "collapsed", "profile-link", "last-handle", "german-collapsed"],
)
def test_posts_go_to_the_signed_in_account(browser: Browser, query: str) -> None:
    context, _ = browser
    page = open_compose(context, query)
    poll(lambda: storage(context).get("accounts", {}).get("current"))
    assert storage(context)["accounts"] == {"current": "salesy_demo", "known": ["salesy_demo"]}
    type_draft(page, PERSONAL)
    wait_for_verdict(page, "ok")
    settled(page)
    page.click('#layers [data-testid="tweetButton"]')
    posts = poll(lambda: storage(context).get("history:salesy_demo", {}).get("posts"))
    assert [p["text"] for p in posts] == [PERSONAL]
    histories = [key for key in storage(context) if key.startswith("history:")]
    assert histories == ["history:salesy_demo"]  # not the "@salesy_shop" in the display name

    popup = open_popup_for(context, page)
    poll(lambda: popup.get_attribute("#page-health", "data-checked") == "x-page")
    assert popup.text_content("#account") == "@salesy_demo"
    assert popup.is_hidden("#page-health") and popup.is_hidden("#no-account")


def test_the_profile_is_read_when_the_side_bar_is_collapsed(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com/salesy_demo?nav=collapsed")
    posts = poll(lambda: storage(context).get("history:salesy_demo", {}).get("posts"), timeout=15)
    assert "1860000000000000006" in {p["id"] for p in posts}


def test_the_popup_says_when_no_account_can_be_seen(browser: Browser) -> None:
    context, _ = browser
    # Collapsed, without the avatar's test id and the Profile tab's: nothing names the account.
    page = open_compose(context, "?nav=collapsed&drop=avatar,profile-link")
    popup, notices = page_notices(context, page, until="account")
    assert notices == {
        "account": "Salesy can't see which X account is signed in on this page — X may have "
        "changed; your posts may be counted for the wrong account."
    }
    assert popup.is_visible("#no-account")
    assert "No X account seen yet" in (popup.text_content("#no-account") or "")
    assert popup.text_content("#account") == ""
    assert "accounts" not in storage(context)
