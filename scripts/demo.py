"""`make demo`: Salesy working on the practice compose page.

With a display, it opens Chromium with Salesy loaded on the practice page and waits until
you close the window. Without one, it types three drafts headless, saves a screenshot of
each under demo/ and prints what Salesy said about them, then makes the Chrome Web Store's
screenshots (1280 x 800) under demo/store/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

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
