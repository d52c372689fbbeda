"""`make demo` makes the Chrome Web Store's screenshots (1280 x 800) from the practice page."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from playwright.sync_api import BrowserContext

from harness import ROOT, RequestLog

sys.path.insert(0, str(ROOT / "scripts"))
import demo

Browser = tuple[BrowserContext, RequestLog]


def test_store_screenshots_are_1280_by_800(browser: Browser, tmp_path: Path) -> None:
    context, _ = browser
    shots = demo.store_screenshots(context, tmp_path)
    assert [shot.name for shot in shots] == [
        "1-pure-ad-underlined.png",
        "2-hint-card.png",
        "3-hint-card-dark.png",
        "4-personal-post.png",
        "5-options.png",
    ]
    sizes = set()
    for shot in shots:
        head = shot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        sizes.add(struct.unpack(">II", head[16:24]))
    assert sizes == {(1280, 800)}
    # Each shows something different (not five copies of a blank page).
    assert len({shot.read_bytes() for shot in shots}) == len(shots)


def png_size(shot: Path) -> tuple[int, int]:
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", shot.name
    return struct.unpack(">II", head[16:24])  # type: ignore[return-value]


def test_make_demo_shows_the_popup_and_the_options_page(browser: Browser, tmp_path: Path) -> None:
    """The popup on first run, with history, in dark mode, and the options page: each its
    own picture (page_screenshots itself checks each page is in the colour scheme asked)."""
    context, _ = browser
    shots = demo.page_screenshots(context, tmp_path)
    assert [shot.name for shot in shots] == [
        "popup-empty.png",
        "popup-history.png",
        "popup-history-dark.png",
        "options-light.png",
    ]
    sizes = [png_size(shot) for shot in shots]
    assert {width for width, _ in sizes[:3]} == {demo.POPUP_SIZE["width"]}
    # The options page is taken whole: far taller than one window.
    assert sizes[3][0] == demo.STORE_SIZE["width"] and sizes[3][1] > 2 * demo.STORE_SIZE["height"]
    assert len({shot.read_bytes() for shot in shots}) == len(shots)
