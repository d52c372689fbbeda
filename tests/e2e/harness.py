"""Drive the system Chromium with the built extension on practice X pages.

Shared by the e2e tests, `make demo` and the browser benchmarks, so all three exercise the
same real parts: dist/salesy/ loaded unpacked, X's pages served at https://x.com/ by
Playwright routing from tests/fixtures/, and the draft-js editor from node_modules.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, Route, Worker, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "dist" / "salesy"
FIXTURES = ROOT / "tests" / "fixtures"
NODE_MODULES = ROOT / "node_modules"

COMPOSE_URL = "https://x.com/compose/post"
PANEL = '[data-salesy="panel"]'
FRONT_DIALOG = '#layers [role="dialog"]'


def editor_selector(index: int = 0) -> str:
    """The index-th editor of the composer in front: the compose dialog's when one is open
    (the home timeline's own tweetTextarea_0 stays behind it, as on X), else the page's."""
    editor = f'[data-testid="tweetTextarea_{index}"]'
    return f"{FRONT_DIALOG} {editor}, body:not(:has({FRONT_DIALOG})) {editor}"


def panel_selector(index: int = 0) -> str:
    """Salesy's panel for the index-th editor in front: panels of a dialog's editors live in
    the dialog (its focus trap would keep the keyboard from them elsewhere), others at the
    end of the page."""
    mark = f'{PANEL}[data-editor="tweetTextarea_{index}"]'
    return f"{FRONT_DIALOG} {mark}, html:not(:has({FRONT_DIALOG})) > {mark}"


EDITOR = editor_selector(0)

# The fixture's scripts: files of ours, and the real editor stack from npm.
ASSETS = {
    "react.js": NODE_MODULES / "react/umd/react.development.js",
    "react-dom.js": NODE_MODULES / "react-dom/umd/react-dom.development.js",
    "immutable.js": NODE_MODULES / "immutable/dist/immutable.js",
    "Draft.js": NODE_MODULES / "draft-js/dist/Draft.js",
    "Draft.css": NODE_MODULES / "draft-js/dist/Draft.css",
}
PAGES = {
    "/compose/post": "compose.html",
    "/home": "compose.html",
    # Profiles: the signed-in account's own (posts, replies tab) and someone else's.
    "/salesy_demo": "profile.html",
    "/salesy_demo/with_replies": "profile.html",
    "/ana": "profile.html",
}
# A post's own page (the conversation and its reply box): any status id of the practice posts.
STATUS_PAGE = re.compile(r"^/[A-Za-z0-9_]{1,15}/status/\d{1,25}$")
CONTENT_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


def chromium_path() -> str:
    """The system Chromium; Playwright cannot download its own browser here."""
    for name in (os.environ.get("SALESY_CHROMIUM", ""), "chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    raise RuntimeError(
        "No Chromium found: install Debian's `chromium` (make setup does it as root) "
        "or set SALESY_CHROMIUM to a Chromium binary."
    )


# Chromium's own housekeeping, seen with or without any extension loaded: sign-in, the
# updater's ping, network time, the spell-check dictionary. Exact endpoints, nothing broader.
CHROMIUM_HOUSEKEEPING = (
    "https://accounts.google.com/ListAccounts",
    "http://update.googleapis.com/service/update2/json",
    "https://update.googleapis.com/service/update2/json",
    "http://clients2.google.com/time/1/current",
    "https://redirector.gvt1.com/edgedl/chrome/dict/",
    # Autofill's question about a page with a form field (a <textarea>), by Chromium itself.
    "https://content-autofill.googleapis.com/v1/pages/",
)


class RequestLog:
    """Every request the browser makes, so privacy tests can say what left the machine.

    Playwright reports the pages' and the service worker's requests; Chromium's NetLog adds
    every other process (the offscreen engine host and its sandboxed PyScript frame)."""

    def __init__(self, netlog: Path) -> None:
        self.urls: list[str] = []
        self.blocked: list[str] = []
        self.netlog = netlog
        self.allowed: list[str] = []  # URL prefixes a test allows (a team-config URL)

    def network_urls(self) -> list[str]:
        if not self.netlog.is_file():
            return []
        found = re.findall(
            r'"url":"((?:https?|wss?)://[^"]+)"', self.netlog.read_text(errors="replace")
        )
        return sorted(set(found))

    def outside(self) -> list[str]:
        """Requests to anything but the extension itself and the routed x.com fixture."""
        seen = self.urls + self.blocked + self.network_urls()
        return sorted(
            {
                url
                for url in seen
                if not allowed_url(url)
                and not url.startswith(CHROMIUM_HOUSEKEEPING)
                and not url.startswith(tuple(self.allowed))
            }
        )


def allowed_url(url: str) -> bool:
    if url.startswith(("chrome-extension://", "data:", "blob:")):
        return True
    prefix = "https://x.com"
    return (
        url.startswith(prefix + "/")
        and fixture_response(url[len(prefix) :].split("?")[0]) is not None
    )


def fixture_response(path: str) -> tuple[bytes, str] | None:
    if path == "/favicon.ico":  # the browser asks for it by itself
        return b"", "image/x-icon"
    if path in PAGES:
        return (FIXTURES / PAGES[path]).read_bytes(), "text/html"
    if STATUS_PAGE.match(path):
        return (FIXTURES / "compose.html").read_bytes(), "text/html"
    prefix = "/salesy-fixture/"
    if path.startswith(prefix):
        name = path[len(prefix) :]
        file = ASSETS.get(name) or FIXTURES / name
        if file.is_file() and (name in ASSETS or file.parent == FIXTURES):
            return file.read_bytes(), CONTENT_TYPES.get(file.suffix, "application/octet-stream")
    return None


def route_x(route: Route) -> None:
    path = route.request.url.split("x.com", 1)[1].split("?", 1)[0]
    found = fixture_response(path)
    if found is None:
        route.fulfill(status=404, body="not a fixture", content_type="text/plain")
    else:
        body, content_type = found
        route.fulfill(status=200, body=body, content_type=content_type)


# The same practice pages at an origin Salesy's content scripts do not match: the editor with
# no Salesy on it, for tests that compare what it does with Salesy and without.
NO_SALESY_ORIGIN = "https://no-salesy.test"


def serve_fixtures_at(context: BrowserContext, log: RequestLog, origin: str) -> None:
    """Serves the fixture pages at `origin` too; the privacy guard accepts their files there."""

    def fulfill(route: Route) -> None:
        found = fixture_response(route.request.url[len(origin) :].split("?", 1)[0])
        if found is None:
            route.fulfill(status=404, body="not a fixture", content_type="text/plain")
        else:
            body, content_type = found
            route.fulfill(status=200, body=body, content_type=content_type)

    context.route(f"{origin}/**", fulfill)
    # Every request to this origin is answered by the route above: none leaves the machine.
    log.allowed.append(origin + "/")


@contextmanager
def browser(
    profile: Path,
    *,
    headless: bool = True,
    playwright: Playwright | None = None,
    extra_args: tuple[str, ...] = (),
) -> Iterator[tuple[BrowserContext, RequestLog]]:
    """A fresh Chromium profile with Salesy loaded and x.com served from the fixtures
    (`extra_args` go to Chromium's command line: bench/ compares V8 settings)."""
    if not (EXTENSION / "manifest.json").is_file():
        raise RuntimeError("dist/salesy/ is not built: run `make build`.")
    log = RequestLog(profile.parent / f"{profile.name}-netlog.json")
    with _playwright(playwright) as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium_path(),
            headless=headless,
            args=[
                *CHROMIUM_ARGS,
                f"--disable-extensions-except={EXTENSION}",
                f"--load-extension={EXTENSION}",
                f"--log-net-log={log.netlog}",
                *extra_args,
            ],
            viewport={"width": 1000, "height": 800},
        )
        try:
            context.on("request", lambda request: log.urls.append(request.url))

            def refuse(route: Route) -> None:
                log.blocked.append(route.request.url)
                route.abort()

            # Routes match last-registered first: x.com wins, everything else is refused.
            context.route(
                "**/*", lambda route: refuse(route) if _is_web(route) else route.continue_()
            )
            context.route("https://x.com/**", route_x)
            yield context, log
        finally:
            context.close()


def _is_web(route: Route) -> bool:
    return route.request.url.startswith(("http://", "https://", "ws://", "wss://"))


@contextmanager
def _playwright(existing: Playwright | None) -> Iterator[Playwright]:
    if existing is not None:
        yield existing
    else:
        with sync_playwright() as pw:
            yield pw


_extension_ids: dict[int, str] = {}


def extension_id(context: BrowserContext) -> str:
    """Salesy's id, read off its service worker (remembered: Chrome stops an idle worker)."""
    known = _extension_ids.get(id(context))
    if known:
        return known
    workers = context.service_workers or [context.wait_for_event("serviceworker", timeout=10_000)]
    _extension_ids[id(context)] = found = workers[0].url.split("/")[2]
    return found


def poll(check: Callable[[], Any], *, timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Polls until `check` returns something truthy (page.wait_for_function is blocked by
    the extension's CSP on extension pages, so every wait here polls)."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    raise TimeoutError(f"gave up after {timeout:.1f}s; last value: {last!r}")


def open_compose(context: BrowserContext, query: str = "") -> Page:
    """The compose dialog over the home timeline (`query`: "?thread=2", "?lang=de", ...)."""
    page = context.new_page()
    page.goto(COMPOSE_URL + query)
    page.wait_for_selector(EDITOR)
    return page


def new_post(page: Page) -> None:
    """Opens a fresh compose dialog from the side bar's Post button, as after posting on X
    (posting closes the dialog)."""
    opened = page.evaluate("window.fixture.opened")
    page.click('[data-testid="SideNav_NewTweet_Button"]')
    poll(lambda: page.evaluate("window.fixture.opened") > opened)
    page.wait_for_selector(EDITOR)


def type_draft(page: Page, text: str, *, editor: str = EDITOR) -> None:
    """Types like a person: one key at a time, Enter for a new line."""
    page.click(editor)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line:
            page.keyboard.type(line)
        if index < len(lines) - 1:
            page.keyboard.press("Enter")


def _editor(editor: str) -> str:
    """A selector for an editor; a bare test id means that editor of the composer in front."""
    match = re.fullmatch(r"tweetTextarea_(\d+)", editor)
    return editor_selector(int(match.group(1))) if match else editor


def editor_model_text(page: Page, editor: str = EDITOR) -> str:
    """The text in the Draft editor's model (not its DOM)."""
    return str(page.evaluate("(sel) => window.fixture.model(sel).text()", _editor(editor)))


def chip_state(page: Page, index: int = 0) -> dict[str, Any] | None:
    """The verdict chip of the index-th editor's panel as the user sees it."""
    return panel(page, index).evaluate(
        """(host, root) => {
          if (host.hidden) return null;
          const panel = root.querySelector('.panel');
          const chip = root.querySelector('.chip');
          return {label: chip.textContent.trim().replace(/\\s+/g, ' '),
                  verdict: panel.dataset.verdict, title: chip.title,
                  theme: panel.dataset.theme, updates: Number(host.dataset.updates ?? 0)};
        }""",
        missing=None,
    )


def highlighted(page: Page) -> dict[str, list[str]]:
    """The text under each of Salesy's highlights, read from the page's highlight registry."""
    return page.evaluate(
        """() => {
          const out = {};
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith('salesy-')) continue;
            const texts = [...highlight].map((range) => range.toString());
            if (texts.length) out[name.slice(7)] = texts.sort();
          }
          return out;
        }"""
    )


PROMOTION_SIDE = ("promotion", "engagement", "disclosure")


def underlined(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The findings of an engine answer Salesy underlines in the draft: on a post judged OK
    no promotion at all (Salesy never nags about a personal post), value signals always."""
    findings: list[dict[str, Any]] = result["findings"]
    if result["verdict"] != "ok":
        return findings
    return [finding for finding in findings if finding["category"] not in PROMOTION_SIDE]


def salesy_nodes_in_editor(page: Page, editor: str = EDITOR) -> int:
    return page.evaluate(
        "(sel) => document.querySelector(sel).querySelectorAll('[data-salesy]').length", editor
    )


def wait_for_verdict(
    page: Page, verdict: str | None = None, timeout: float = 15.0, index: int = 0
) -> dict[str, Any]:
    def ready() -> dict[str, Any] | None:
        state = chip_state(page, index)
        if state and (verdict is None or state["verdict"] == verdict):
            return state
        return None

    return poll(ready, timeout=timeout)  # type: ignore[no-any-return]


def settled(page: Page, index: int = 0) -> None:
    """Waits until Salesy has answered for the editor's current text (no check pending)."""
    page.wait_for_timeout(50)  # let the editor's mutation reach Salesy's observer
    poll(
        lambda: page.evaluate(
            "(sel) => { const host = document.querySelector(sel);"
            " return !!host && !('pending' in host.dataset); }",
            panel_selector(index),
        )
    )


class ContentWorld:
    """Evaluates JavaScript in Salesy's content-script world of `page` (its isolated world,
    with chrome.runtime and chrome.dom), over CDP: the page's own scripts cannot do this, a
    test can. The world is found again after the page navigates."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.session = page.context.new_cdp_session(page)
        self.contexts: dict[int, dict[str, Any]] = {}
        self.session.on("Runtime.executionContextCreated", self._created)
        self.session.on(
            "Runtime.executionContextDestroyed",
            lambda e: self.contexts.pop(e["executionContextId"], None),
        )
        self.session.on("Runtime.executionContextsCleared", lambda _: self.contexts.clear())
        self.session.send("Runtime.enable")

    def _created(self, event: dict[str, Any]) -> None:
        context = event["context"]
        aux = context.get("auxData", {})
        if aux.get("type") == "isolated" and context["origin"].startswith("chrome-extension://"):
            self.contexts[context["id"]] = aux

    def context_id(self) -> int:
        def found() -> int | None:
            self.page.wait_for_timeout(0)  # lets Playwright deliver the CDP events
            # Content scripts run in the top frame only: its world is the one there is.
            return max(self.contexts) if self.contexts else None

        return int(poll(found, timeout=10))

    def evaluate(self, expression: str) -> Any:
        reply = self.session.send(
            "Runtime.evaluate",
            {
                "expression": expression,
                "contextId": self.context_id(),
                "awaitPromise": True,
                "returnByValue": True,
            },
        )
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise RuntimeError(details.get("exception", {}).get("description") or details["text"])
        return reply["result"].get("value")

    def send(self, message: dict[str, Any]) -> Any:
        """chrome.runtime.sendMessage from the content script; its reply (None if nobody)."""
        return self.evaluate(f"chrome.runtime.sendMessage({json.dumps(message)})")


_worlds: dict[int, ContentWorld] = {}


def content_world(page: Page) -> ContentWorld:
    """The one ContentWorld of `page` (made on first use)."""
    world = _worlds.get(id(page))
    if world is None or world.page is not page:
        world = _worlds[id(page)] = ContentWorld(page)
    return world


# Finds the panel's closed shadow root (chrome.dom opens it, in Salesy's world only), then the
# elements a chain of (selector, nth) picks inside it.
_FIND = """(selector, chain) => {
  const host = document.querySelector(selector);
  if (!host) return null;
  const root = chrome.dom.openOrClosedShadowRoot(host);
  let nodes = [root];
  for (const [css, nth] of chain) {
    const next = nodes.flatMap((node) => [...node.querySelectorAll(css)]);
    nodes = nth === null ? next : next.slice(nth, nth + 1);
  }
  return {host, root, nodes};
}"""


class PanelLocator:
    """Salesy's panel lives in a closed shadow root, which Playwright's selectors cannot
    pierce (and X's page scripts cannot open). This reaches it the way Salesy's content script
    does, from its own world, with the few locator methods the tests use; `click` is a real
    mouse click at the element (Salesy's buttons ignore clicks a script makes)."""

    def __init__(self, page: Page, index: int, chain: tuple[tuple[str, int | None], ...] = ()):
        self.page = page
        self.index = index
        self.chain = chain

    def locator(self, css: str) -> PanelLocator:
        return PanelLocator(self.page, self.index, (*self.chain, (css, None)))

    def nth(self, n: int) -> PanelLocator:
        (css, _), *_ = self.chain[-1:] or [("*", None)]
        return PanelLocator(self.page, self.index, (*self.chain[:-1], (css, n)))

    @property
    def first(self) -> PanelLocator:
        return self.nth(0)

    def _run(self, body: str, arg: Any = None) -> Any:
        """`body` is `(host, root, nodes, arg) => ...`; None when there is no panel."""
        call = (
            f"(() => {{ const found = ({_FIND})({json.dumps(panel_selector(self.index))}, "
            f"{json.dumps([list(step) for step in self.chain])}); if (!found) return "
            f"{{missing: true}}; return {{value: ({body})(found.host, found.root, found.nodes, "
            f"{json.dumps(arg)})}}; }})()"
        )
        return content_world(self.page).evaluate(call)

    def _element(self, body: str, timeout: float = 10.0) -> Any:
        """Waits for the element, then `body` (`el => ...`) on it (Playwright's auto-wait)."""

        def ready() -> Any:
            answer = self._run(f"(h, r, nodes) => nodes[0] ? [({body})(nodes[0])] : null")
            return answer and answer.get("value")

        return poll(ready, timeout=timeout)[0]

    def evaluate(self, script: str, arg: Any = None, *, missing: Any = ...) -> Any:
        """`script` takes the panel's host and its (closed) root: `(host, root) => ...`; a
        `host => host.shadowRoot…` written for an open root reads the root the same way."""
        script = script.replace("host.shadowRoot", "root")
        if "root" not in script.split("=>")[0]:
            script = script.replace("host =>", "(host, root) =>", 1)
        answer = self._run(f"(host, root, nodes, arg) => ({script})(host, root, arg)", arg)
        if answer.get("missing"):
            if missing is not ...:
                return missing
            raise AssertionError(f"no Salesy panel {self.index} on {self.page.url}")
        return answer["value"]

    def count(self) -> int:
        answer = self._run("(h, r, nodes) => nodes.length")
        return 0 if answer.get("missing") else int(answer["value"])

    def is_visible(self) -> bool:
        answer = self._run(
            "(h, r, nodes) => !!nodes[0] && nodes[0].checkVisibility() &&"
            " nodes[0].getBoundingClientRect().width > 0"
        )
        return bool(answer.get("value"))

    def is_hidden(self) -> bool:
        return not self.is_visible()

    def text_content(self) -> str | None:
        return self._element("el => el.textContent")  # type: ignore[no-any-return]

    def get_attribute(self, name: str) -> str | None:
        return self._element(f"el => el.getAttribute({json.dumps(name)})")  # type: ignore[no-any-return]

    def focus(self) -> None:
        self._element("el => { el.focus(); return true; }")

    def click(self, timeout: float = 10_000) -> None:
        """A real click (trusted, like a person's) at the middle of the element, once it is
        visible and nothing covers it."""

        def target() -> Any:
            answer = self._run(
                """(host, root, nodes) => {
                  const el = nodes[0];
                  if (!el || !el.checkVisibility()) return null;
                  const box = el.getBoundingClientRect();
                  if (!box.width || !box.height) return null;
                  const x = box.left + box.width / 2, y = box.top + box.height / 2;
                  const hit = root.elementFromPoint(x, y);
                  return hit && (hit === el || el.contains(hit)) ? [x, y] : null;
                }"""
            )
            return answer and answer.get("value")

        try:
            x, y = poll(target, timeout=timeout / 1000)
        except TimeoutError as error:  # as Playwright's own click says it
            raise PlaywrightTimeoutError(
                f"panel element {self.chain} not clickable: {error}"
            ) from None
        self.page.mouse.click(x, y)


def panel(page: Page, index: int = 0) -> PanelLocator:
    """The panel of the index-th editor in front, in its closed shadow root."""
    return PanelLocator(page, index)


def caret(page: Page, editor: str = EDITOR) -> dict[str, Any]:
    """The editor model's selection as offsets into its plain text."""
    return page.evaluate("(sel) => window.fixture.model(sel).selection()", _editor(editor))  # type: ignore[no-any-return]


def paste(page: Page, text: str, editor: str = EDITOR) -> None:
    """Pastes plain text the way the browser delivers a paste to the editor."""
    page.evaluate(
        """([selector, text]) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste',
            {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [editor, text],
    )


def extension_worker(context: BrowserContext) -> Worker:
    """Salesy's service worker, to read or change what the extension holds."""
    ours = [w for w in context.service_workers if w.url.startswith("chrome-extension://")]
    # Stopped (idle, or not yet started with a new browser): an extension page wakes it.
    if not ours:
        page = context.new_page()
        page.goto(f"chrome-extension://{extension_id(context)}/manifest.json")
        page.evaluate(
            "chrome.runtime.sendMessage({target: 'background', type: 'ping'}).catch(() => 0)"
        )
        page.close()
        ours = poll(
            lambda: [w for w in context.service_workers if w.url.startswith("chrome-extension://")]
        )
    return ours[0]


def page_errors(page: Page) -> list[str]:
    """The page's uncaught errors from now on, gathered as they happen."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def open_popup(context: BrowserContext, *, timeout: float = 15.0) -> Page:
    """The toolbar popup in a tab of its own, once it has painted its first figures."""
    popup = context.new_page()
    popup.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
    poll(lambda: popup.evaluate("document.body.dataset.fresh"), timeout=timeout)
    return popup


def open_popup_for(context: BrowserContext, page: Page) -> Page:
    """Salesy's popup as opened from `page`'s tab: that tab is the active one while the popup
    loads (the toolbar popup, opened here as a tab of its own, asks for the active tab)."""
    popup = context.new_page()
    page.bring_to_front()
    popup.goto(f"chrome-extension://{extension_id(context)}/popup/popup.html")
    poll(lambda: popup.evaluate("document.body.dataset.painted"), timeout=15)
    return popup


def page_notices(
    context: BrowserContext, page: Page, *, until: str | None = None, timeout: float = 10.0
) -> tuple[Page, dict[str, str]]:
    """The popup opened from `page`'s tab, and what it says Salesy can't see there ({kind:
    words}). With `until`, the popup is opened again until that notice shows: the page judges
    only once X has had time to draw its side bar and toolbars."""
    deadline = time.monotonic() + timeout
    while True:
        popup = open_popup_for(context, page)
        poll(lambda popup=popup: popup.get_attribute("#page-health", "data-checked"))
        notices: dict[str, str] = popup.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('#page-health [data-kind]')]
                 .map((notice) => [notice.dataset.kind, notice.textContent]))"""
        )
        if until is None or until in notices or time.monotonic() > deadline:
            return popup, notices
        popup.close()
        time.sleep(0.3)


def storage(context: BrowserContext) -> dict[str, Any]:
    """The extension's chrome.storage.local, read through its service worker."""
    return extension_worker(context).evaluate("chrome.storage.local.get(null)")  # type: ignore[no-any-return]


def history(context: BrowserContext, account: str = "salesy_demo") -> list[dict[str, Any]]:
    """The account's stored posts, newest first."""
    return storage(context).get(f"history:{account}", {}).get("posts", [])  # type: ignore[no-any-return]


def set_storage(context: BrowserContext, values: dict[str, Any]) -> None:
    extension_worker(context).evaluate("(values) => chrome.storage.local.set(values)", values)


def browser_targets(context: BrowserContext) -> list[dict[str, Any]]:
    """Every target Chromium runs (pages, the service worker, the offscreen engine host)."""
    assert context.browser is not None
    session = context.browser.new_browser_cdp_session()
    try:
        return session.send("Target.getTargets")["targetInfos"]  # type: ignore[no-any-return]
    finally:
        session.detach()


def close_target(context: BrowserContext, kind: str, url_part: str) -> None:
    """Kills a target the way Chrome does when it reclaims it (the offscreen host, the SW)."""
    assert context.browser is not None
    session = context.browser.new_browser_cdp_session()
    try:
        for target in session.send("Target.getTargets")["targetInfos"]:
            if target["type"] == kind and url_part in target["url"]:
                session.send("Target.closeTarget", {"targetId": target["targetId"]})
                return
        raise AssertionError(f"no {kind} target with {url_part!r}")
    finally:
        session.detach()


if __name__ == "__main__":
    print(chromium_path(), file=sys.stderr)
