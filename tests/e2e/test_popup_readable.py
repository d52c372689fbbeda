"""The popup without colour and without a mouse: verdicts differ in shape, a one-line legend
says which is which, and every hover text is reached by keyboard (one tab stop per row, the
arrow keys along it, the text shown and read out). And the first run: an empty popup says
what Salesy does, how the history fills up, and links the options."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import RequestLog, open_popup, poll, set_storage

Browser = tuple[BrowserContext, RequestLog]
ACCOUNTS = {"current": "salesy_demo", "known": ["salesy_demo"]}


def seed_mixed(context: BrowserContext) -> None:
    verdicts = ["ok", "promotional", "pure_ad", "ok", "promotional", "ok"]
    posts = [
        {"id": str(500 + i), "text": f"post number {i}", "verdict": verdict,
         "at": f"2026-11-{20 - i:02d}T10:00:00.000Z", "source": "profile", "reply": i == 3}
        for i, verdict in enumerate(verdicts)
    ]  # fmt: skip
    set_storage(context, {"history:salesy_demo": {"account": "salesy_demo", "posts": posts},
                          "accounts": ACCOUNTS})  # fmt: skip


# What tells a mark apart once colour is taken away: its pattern, its cut-out, its height.
SHAPE = """(el) => { const style = getComputedStyle(el), after = getComputedStyle(el, '::after');
  return {pattern: style.backgroundImage.replace(/rgba?\\([^)]*\\)/g, 'C'),
          mark: after.content, height: el.getBoundingClientRect().height}; }"""


def shapes(popup: Page, selector: str) -> list[dict[str, Any]]:
    return popup.evaluate(
        f"(sel) => [...document.querySelectorAll(sel)].map((el) => ({{verdict: el.dataset.verdict,"
        f" reply: el.dataset.reply, ...({SHAPE})(el)}}))",
        selector,
    )


def test_verdicts_differ_without_colour_and_the_legend_says_how(browser: Browser) -> None:
    context, _ = browser
    seed_mixed(context)
    popup = open_popup(context)
    poll(lambda: popup.locator("#strip li").count() == 6)
    marks = shapes(popup, "#strip li")
    by_verdict: dict[str, set[tuple[str, str]]] = {}
    for mark in marks:
        if mark["reply"] != "true":
            by_verdict.setdefault(mark["verdict"], set()).add((mark["pattern"], mark["mark"]))
    # One look per verdict, and no two verdicts look the same in black and white.
    assert all(len(looks) == 1 for looks in by_verdict.values())
    looks = [next(iter(v)) for v in by_verdict.values()]
    assert len(set(looks)) == 3, by_verdict
    assert "repeating-linear-gradient" in next(iter(by_verdict["promotional"]))[0]
    assert next(iter(by_verdict["pure_ad"]))[1] == '"!"'
    reply = next(m for m in marks if m["reply"] == "true")
    assert reply["height"] < next(m for m in marks if m["reply"] != "true")["height"]

    # The legend: one line, the same swatches, the words.
    legend = popup.evaluate(
        """() => { const el = document.querySelector('#legend');
                   return {height: el.getBoundingClientRect().height,
                           line: parseFloat(getComputedStyle(el).lineHeight) || 16,
                           text: el.textContent.replace(/\\s+/g, ' ').trim()}; }"""
    )
    assert legend["height"] < 1.6 * legend["line"], legend
    assert legend["text"] == "OK Promotional Pure ad a reply"
    swatches = {
        (s["verdict"], s["pattern"], s["mark"])
        for s in shapes(popup, "#legend .swatch")
        if s["reply"] != "true"
    }
    assert {(verdict, *next(iter(look))) for verdict, look in by_verdict.items()} == swatches


def focused(popup: Page) -> dict[str, Any]:
    return popup.evaluate(
        """() => { const el = document.activeElement;
          return {in: el.closest('#strip') ? 'strip' : el.closest('#trend') ? 'trend'
                    : el.closest('#tally') ? 'tally' : el.id || el.tagName,
                  label: el.getAttribute('aria-label'),
                  title: el.getAttribute('title') ?? el.querySelector?.('title')?.textContent,
                  detail: document.querySelector('#detail').textContent,
                  tallyDetail: document.querySelector('#tally-detail').textContent}; }"""
    )


def tab_to(popup: Page, row: str, presses: int = 15) -> dict[str, Any]:
    for _ in range(presses):
        popup.keyboard.press("Tab")
        now = focused(popup)
        if now["in"] == row:
            return now
    raise AssertionError(f"Tab never reached the {row}")


def test_every_hover_text_is_reached_by_keyboard(browser: Browser) -> None:
    context, _ = browser
    seed_mixed(context)
    popup = open_popup(context)
    poll(lambda: popup.locator("#strip li").count() == 6)
    poll(lambda: popup.locator("#trend g.bar").count() == 12)

    # Every element with a hover text can take focus (Tab or the arrow keys) and is labelled
    # with the same words.
    loose = popup.evaluate(
        """() => [...document.querySelectorAll('[title], svg g:has(> title)')].filter((el) => {
             const title = el.getAttribute('title') ?? el.querySelector('title').textContent;
             return !el.hasAttribute('tabindex') || el.getAttribute('aria-label') === null
               || !el.getAttribute('aria-label').includes(title);
           }).map((el) => el.outerHTML.slice(0, 80))"""
    )
    assert loose == []

    # The strip is one tab stop, on the newest post; the arrow keys walk it.
    popup.focus("#draft")
    popup.evaluate("document.activeElement.blur()")
    first = tab_to(popup, "strip")
    assert first["label"] == first["title"] and first["label"].startswith("OK · ")
    assert first["detail"] == first["label"]  # shown, not only read out
    popup.keyboard.press("ArrowLeft")
    second = focused(popup)
    assert second["in"] == "strip" and second["label"].startswith("Promotional · ")
    assert second["detail"] == second["label"]
    popup.keyboard.press("Home")
    assert "post number 5" in focused(popup)["label"]  # oldest first
    # Tab leaves the row in one press: the chart next, on this week's bar.
    popup.keyboard.press("Tab")
    bar = focused(popup)
    assert bar["in"] == "trend" and bar["label"] == bar["title"]
    assert bar["detail"] == bar["label"]
    popup.keyboard.press("ArrowLeft")
    assert focused(popup)["label"] != bar["label"]

    # The session tally: each figure says what it counts.
    tally = tab_to(popup, "tally")
    assert tally["label"].startswith("Drafts checked: 0.")
    for _ in range(2):
        popup.keyboard.press("ArrowRight")
    acted = focused(popup)
    assert acted["label"] == (
        "Warnings acted on: 0. Posts you changed after a pure-ad warning, so they no longer "
        "read as one."
    )
    assert acted["tallyDetail"] == acted["label"]


def test_the_first_run_says_what_salesy_does_and_links_the_options(browser: Browser) -> None:
    context, _ = browser
    popup = open_popup(context)
    assert popup.is_visible("#empty")
    assert popup.is_hidden(".headline") and popup.is_hidden("#strip") and popup.is_hidden("#legend")
    text = " ".join((popup.text_content("#empty") or "").split())
    assert "Salesy reads what you write on X and tells you, before you post" in text
    for way in ("post on x.com with Salesy on", "visit your profile on X", "import your X archive"):
        assert way in text
    with context.expect_page() as opened:
        popup.click("#empty-options")
    options = opened.value
    options.wait_for_load_state()
    assert options.url.endswith("/options/options.html")

    # An account with posts: the first-run text goes, the balance shows.
    seed_mixed(context)
    poll(lambda: popup.is_hidden("#empty") and popup.is_visible(".headline"))
