"""`make demo`: Salesy working on the practice compose page.

With a display, it opens Chromium with Salesy loaded on the practice page and waits until
you close the window. Without one, it types three drafts headless, saves a screenshot of
each under demo/ and prints what Salesy said about them, then the hint card (light and
dark), the popup (first run, with history, dark) and the options page, and the Chrome Web
Store's screenshots (1280 x 800) under demo/store/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "e2e"))
from playwright.sync_api import BrowserContext, Page

import harness

DRAFTS = {
    "ad": "🔥 HUGE SALE 🔥 Buy now and get 50% off everything with code SAVE50. Shop today only!",
    "personal": "I finally fixed my old bike today. Took three weekends, but I learned a lot.",
    "mixed": (
        "We spent two years building this and I'm proud of it. "
        "It's out today, 20% off for early readers."
    ),
}
# Drafts only the hint card's screenshots show.
CARD_DRAFTS = {
    "ok": "Got these boots on sale for 50% off, best boots I've ever owned",
    "english-only": "Ich habe heute mein altes Fahrrad repariert, es hat drei Wochenenden gedauert",
}
OUT = harness.ROOT / "demo"
STORE = OUT / "store"
STORE_SIZE = {"width": 1280, "height": 800}  # the Chrome Web Store's screenshot size


def store_screenshots(context: BrowserContext, out: Path = STORE) -> list[Path]:
    """The store listing's screenshots, from the practice page at 1280 x 800: a pure ad
    underlined with its verdict, the hint card in the light and dark themes, a personal
    post left alone, and the options page."""
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def compose(theme: str, text: str, verdict: str | None) -> Page:
        page = context.new_page()
        page.set_viewport_size(STORE_SIZE)
        page.goto(f"https://x.com/home?theme={theme}")
        page.wait_for_selector(harness.EDITOR)
        harness.type_draft(page, text)
        harness.wait_for_verdict(page, verdict, timeout=20)
        page.wait_for_timeout(200)  # the chip settles on its animation frame
        return page

    def save(page: Page, name: str) -> None:
        shot = out / name
        page.screenshot(path=str(shot))
        shots.append(shot)

    page = compose("light", DRAFTS["ad"], "pure_ad")
    save(page, "1-pure-ad-underlined.png")
    harness.panel(page).locator(".chip").click()
    page.wait_for_timeout(250)
    save(page, "2-hint-card.png")
    page.close()
    page = compose("dark", DRAFTS["ad"], "pure_ad")
    harness.panel(page).locator(".chip").click()
    page.wait_for_timeout(250)
    save(page, "3-hint-card-dark.png")
    page.close()
    page = compose("light", DRAFTS["personal"], None)
    save(page, "4-personal-post.png")
    page.close()
    page = context.new_page()
    page.set_viewport_size(STORE_SIZE)
    page.goto(f"chrome-extension://{harness.extension_id(context)}/options/options.html")
    harness.poll(lambda: page.evaluate("document.querySelectorAll('.rule').length") > 0, timeout=20)
    page.wait_for_timeout(200)
    save(page, "5-options.png")
    page.close()
    return shots


# The popup with history: 12 weeks of an account's posts, (posts, of which promote) per week,
# 11 weeks ago first, drifting towards too much promotion; the texts cycle through these.
DEMO_WEEKS = [(3, 0), (4, 1), (2, 0), (5, 1), (3, 1), (4, 0),
              (2, 1), (5, 2), (3, 1), (4, 2), (3, 2), (4, 3)]  # fmt: skip
DEMO_TEXTS = {
    "ok": [
        DRAFTS["personal"],
        "What's the one tool you'd never give up? Mine is a good notebook.",
        "Thanks @ana for the tip on charge temperature, it fixed my battery problem.",
        "Wrote up what we learned moving our builds to ARM: it was mostly the caches.",
    ],
    "promotional": [DRAFTS["mixed"], "We're hiring two engineers: I'd love to work with you."],
    "pure_ad": [DRAFTS["ad"], "Flash sale! 30% off with code SALE30. Shop now, today only!"],
}
POPUP_SIZE = {"width": 368, "height": 600}  # the popup's own width (340 px and its padding)


def demo_history(now: datetime) -> list[dict[str, Any]]:
    """An account's posts for the popup's screenshot, newest first, as the history keeps them."""
    posts = []
    for weeks_ago, (count, promoting) in zip(range(11, -1, -1), DEMO_WEEKS, strict=True):
        for j in range(count):
            verdict = ("pure_ad" if j % 2 else "promotional") if j < promoting else "ok"
            texts = DEMO_TEXTS[verdict]
            at = now - timedelta(weeks=weeks_ago, hours=5 * j + 1)
            posts.append({"id": f"18{weeks_ago:02d}{j:02d}0000", "verdict": verdict,
                          "text": texts[(weeks_ago + j) % len(texts)],
                          "at": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                          "source": "profile", "reply": False})  # fmt: skip
    return sorted(posts, key=lambda post: post["at"], reverse=True)


def page_screenshots(context: BrowserContext, out: Path = OUT) -> list[Path]:
    """The extension's own pages: the popup on first run (no history yet), with an account's
    history, and in dark mode (the browser's colour scheme, as Chrome gives it to the popup),
    then the options page in light mode. The history is seeded last but one: call this on a
    profile that has none."""
    out.mkdir(parents=True, exist_ok=True)
    base = f"chrome-extension://{harness.extension_id(context)}"
    shots: list[Path] = []

    def popup(scheme: str, name: str, ready: str) -> None:
        page = context.new_page()
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        page.set_viewport_size(POPUP_SIZE)
        page.goto(f"{base}/popup/popup.html")
        harness.poll(lambda: page.evaluate("document.body.dataset.fresh"), timeout=20)
        harness.poll(lambda: page.evaluate(ready), timeout=20)
        # The engine's line says it is ready (or why not), not "Starting the engine…".
        started = (
            "document.querySelector('#engine-status').textContent"
            " !== chrome.i18n.getMessage('popup_engine_starting')"
        )
        harness.poll(lambda: page.evaluate(started), timeout=20)
        dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        assert dark == (scheme == "dark"), f"the popup is not in {scheme} mode"
        page.wait_for_timeout(200)  # the chart and the strip settle
        shot = out / name
        page.screenshot(path=str(shot), full_page=True)
        shots.append(shot)
        page.close()

    popup("light", "popup-empty.png", "!document.querySelector('#empty').hidden")
    posts = demo_history(datetime.now(UTC))
    harness.set_storage(
        context,
        {
            "history:salesy_demo": {"account": "salesy_demo", "posts": posts},
            "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]},
        },
    )
    with_history = (
        "document.querySelectorAll('#strip li').length > 0"
        " && document.querySelector('#empty').hidden"
    )
    popup("light", "popup-history.png", with_history)
    popup("dark", "popup-history-dark.png", with_history)

    page = context.new_page()
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(STORE_SIZE)
    page.goto(f"{base}/options/options.html")
    harness.poll(lambda: page.evaluate("document.querySelectorAll('.rule').length") > 0, timeout=20)
    # The whole page in one window as tall as it is: a full-page capture would leave the
    # sticky save bar where the first window ended, over the rules.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": STORE_SIZE["width"], "height": height})
    page.wait_for_timeout(200)
    shot = out / "options-light.png"
    page.screenshot(path=str(shot))
    shots.append(shot)
    page.close()
    return shots


def interactive() -> None:
    with (
        tempfile.TemporaryDirectory() as profile,
        harness.browser(Path(profile), headless=False) as (context, _),
    ):
        page = harness.open_compose(context)
        print(f"Salesy is loaded on {harness.COMPOSE_URL} (a practice copy of X's composer).")
        print("Type a post and watch the chip; close the browser window to finish.")
        page.wait_for_event("close", timeout=0)


def headless() -> None:
    OUT.mkdir(exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as profile,
        harness.browser(Path(profile)) as (context, log),
    ):
        for name, text in DRAFTS.items():
            page = harness.open_compose(context)
            harness.type_draft(page, text)
            chip = harness.wait_for_verdict(page, timeout=20)
            page.wait_for_timeout(150)  # let the chip settle on its animation frame
            shot = OUT / f"{name}.png"
            page.screenshot(path=str(shot))
            print(f"\n[{name}] {text}")
            print(f"  chip: {chip['label']}  — {chip['title']}")
            for category, spans in harness.highlighted(page).items():
                print(f"  {category:<11} " + " | ".join(spans))
            print(f"  screenshot: {shot.relative_to(harness.ROOT)}")
            page.close()
        # The hint card: a pure ad in both themes, a personal post with a deal in it (OK, its
        # score explained), a draft that is not English.
        cards = [
            ("light", "ad", DRAFTS["ad"]),
            ("dark", "ad", DRAFTS["ad"]),
            ("light", "ok", CARD_DRAFTS["ok"]),
            ("dark", "ok", CARD_DRAFTS["ok"]),
            ("light", "english-only", CARD_DRAFTS["english-only"]),
        ]
        for theme, kind, text in cards:
            page = context.new_page()
            page.goto(f"https://x.com/home?theme={theme}")
            page.wait_for_selector(harness.EDITOR)
            harness.type_draft(page, text)
            harness.wait_for_verdict(page, timeout=20)
            harness.settled(page)
            harness.panel(page).locator(".chip").click()
            page.wait_for_timeout(200)
            shot = OUT / ("card-" + (theme if kind == "ad" else f"{kind}-{theme}") + ".png")
            page.screenshot(path=str(shot))
            where = shot.relative_to(harness.ROOT)
            print(f"\n[hint card, {kind}, {theme} theme] screenshot: {where}")
            page.close()
        for shot in page_screenshots(context):
            print(f"[{shot.stem.replace('-', ' ')}] screenshot: {shot.relative_to(harness.ROOT)}")
        print()
        for shot in store_screenshots(context):
            print(f"store screenshot (1280x800): {shot.relative_to(harness.ROOT)}")
        outside = log.outside()
        print(f"\nNetwork requests outside the extension and the practice page: {len(outside)}")
        if outside:
            raise SystemExit(f"unexpected requests: {outside}")


if __name__ == "__main__":
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        interactive()
    else:
        headless()
