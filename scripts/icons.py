"""Render Salesy's icon set from store/icon.svg: extension/icons/{16,32,48,128}.png.

    python scripts/icons.py        (run after changing store/icon.svg; commit the PNGs)

The PNGs are committed so the build needs no browser; this draws them with the system
Chromium (through Playwright, as the tests do) at each size, so every size is rendered from
the vector, not scaled down from the largest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "store" / "icon.svg"
OUT = ROOT / "extension" / "icons"
SIZES = (16, 32, 48, 128)
# Toolbar sizes fill their square (Chrome adds no margin there); 48 and 128 keep the
# source's margin, as Chrome's guidelines ask for the extensions page and the store.
CROP = {16: "8 8 112 112", 32: "6 6 116 116"}

sys.path.insert(0, str(ROOT / "tests" / "e2e"))
import harness  # noqa: E402


def render() -> list[Path]:
    source = SOURCE.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=harness.chromium_path())
        page = browser.new_page(device_scale_factor=1)
        for size in SIZES:
            svg = source.replace(
                'viewBox="0 0 128 128"', f'viewBox="{CROP.get(size, "0 0 128 128")}"'
            )
            page.set_viewport_size({"width": size, "height": size})
            page.set_content(
                "<style>html,body{margin:0;background:transparent}"
                f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
            )
            target = OUT / f"{size}.png"
            page.screenshot(path=str(target), omit_background=True)
            written.append(target)
        browser.close()
    return written


if __name__ == "__main__":
    for path in render():
        print(f"wrote {path.relative_to(ROOT)}")
