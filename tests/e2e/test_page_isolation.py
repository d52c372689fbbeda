"""What x.com's page can and cannot reach of Salesy (issue 15, points 6, 8 and 9).

- The chip and its card live in a closed shadow root: X's page scripts can neither read the
  card ("Posting this would make 6 of your last 6 posts promotional") nor find its buttons,
  and a click a script makes on them does nothing; a person's click does.
- Content scripts cannot read chrome.storage.local (history, config): they ask the router for
  their settings and hear when those change.
- A post record survives a service worker that is stopped before it answered: the content
  script sends it again until the worker has it, and counts it once.
"""

from __future__ import annotations

import contextlib
from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import (
    PANEL,
    RequestLog,
    chip_state,
    close_target,
    content_world,
    extension_id,
    new_post,
    open_compose,
    panel,
    poll,
    set_storage,
    settled,
    storage,
    type_draft,
    wait_for_verdict,
)
from worlds import ask, extension_page, hang_engine

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"


def test_the_card_is_closed_to_the_page_and_deaf_to_scripted_clicks(browser: Browser) -> None:
    context, _ = browser
    history = [
        {
            "id": str(1_900_000_000_000_000_000 + i),
            "text": f"Sale {i}",
            "verdict": "pure_ad",
            "at": f"2026-11-{10 + i:02d}T10:00:00.000Z",
            "source": "archive",
        }
        for i in range(6)
    ]
    set_storage(
        context,
        {
            "history:salesy_demo": {"account": "salesy_demo", "posts": history},
            "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]},
        },
    )
    page = open_compose(context)
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    settled(page)
    panel(page).locator(".chip").click()  # a person's click opens the card
    note = poll(lambda: panel(page).locator(".balance").text_content())
    assert note.startswith("Posting this would make")

    # X's page (its main world) sees a host element and nothing inside it.
    seen = page.evaluate(
        """(selector) => {
          const host = document.querySelector(selector);
          return {root: host.shadowRoot,
                  text: document.body.innerText.includes('Posting this would'),
                  buttons: host.querySelectorAll('button').length};
        }""",
        PANEL,
    )
    assert seen == {"root": None, "text": False, "buttons": 0}

    # A script that did get hold of the buttons (here: Salesy's own world) clicks in vain.
    rule = panel(page).locator(".findings li").first.get_attribute("data-rule")
    before = storage(context).get("config")
    clicked = content_world(page).evaluate(
        f"""(() => {{
          const root = chrome.dom.openOrClosedShadowRoot(document.querySelector({PANEL!r}));
          root.querySelector('.findings li .disable').click();
          root.querySelector('.close').dispatchEvent(new MouseEvent('click', {{bubbles: true}}));
          return root.querySelector('.card').hidden;
        }})()"""
    )
    assert clicked is False  # the card stayed open
    page.wait_for_timeout(500)
    assert storage(context).get("config") == before  # and no rule was turned off

    # The person's own click on "Turn off this rule" does it.
    panel(page).locator(".findings li").first.locator(".disable").click()
    poll(
        lambda: (
            (storage(context).get("config") or {}).get("rules", {}).get(rule, {}).get("enabled")
            is False
        )
    )
    panel(page).locator(".close").click()
    poll(lambda: panel(page).locator(".card").is_hidden())


def test_content_scripts_read_settings_through_the_router_only(browser: Browser) -> None:
    context, _ = browser
    page = open_compose(context)
    world = content_world(page)
    denied = world.evaluate(
        "chrome.storage.local.get(null).then(() => 'read', (error) => String(error.message))"
    )
    assert denied != "read" and "access" in denied.lower(), denied
    assert world.send({"target": "background", "type": "content-settings"}) == {
        "ok": True,
        "result": {"paused": False, "nudgeBeforePosting": False, "valueUnderlines": True},
    }

    # Paused from the popup: the open compose box hears it and stops checking.
    type_draft(page, AD)
    wait_for_verdict(page, "pure_ad")
    popup = extension_page(context, "popup/popup.html")
    assert ask(popup, {"type": "set-paused", "site": "x.com", "paused": True})["ok"]
    poll(lambda: chip_state(page) is None)
    assert ask(popup, {"type": "set-paused", "site": "x.com", "paused": False})["ok"]
    wait_for_verdict(page, "pure_ad")


def post(page: Page, text: str) -> None:
    """Types and posts at once, without waiting for a verdict (the engine may be hung)."""
    type_draft(page, text)
    before = page.evaluate("window.fixture.posted.length")
    page.click('[data-testid="tweetButton"]')
    poll(lambda: page.evaluate("window.fixture.posted.length") > before)


def test_post_records_survive_a_stopped_worker(browser: Browser) -> None:
    """Each post's record is on its way to a worker that waits on a hung engine for its verdict
    when the worker is stopped: every record is sent again until it lands, once."""
    context, _ = browser
    page = open_compose(context)
    world = content_world(page)
    assert world.send({"target": "background", "type": "check", "text": "warm up"})["ok"]
    hang_engine(context)
    worker = f"{extension_id(context)}/background.js"
    texts = [f"Walked the dog along the river today, number {i}" for i in range(4)]
    for text in texts:
        post(page, text)
        page.wait_for_timeout(400)  # the composer lets go, the record goes out and waits
        # (Unless stopped already: Chrome stops an idle worker by itself too.)
        with contextlib.suppress(AssertionError):
            close_target(context, "service_worker", worker)
        new_post(page)

    def recorded() -> list[dict[str, Any]]:
        return storage(context).get("history:salesy_demo", {}).get("posts", [])

    posts = poll(lambda: len(h := recorded()) >= len(texts) and h, timeout=120, interval=0.5)
    assert sorted(p["text"] for p in posts) == sorted(texts)  # each once
    session = extension_page(context).evaluate("chrome.storage.session.get('tally')")
    assert session["tally"]["posts"] == len(texts)  # each record counted once
