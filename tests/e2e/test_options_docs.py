"""The options page documents every rule as prose at an anchor equal to its id (the hint card's
"Why?" opens options.html#SL103), has a section menu, and lists each problem once."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import RequestLog, extension_id, poll
from salesy.rules import RULES

Browser = tuple[BrowserContext, RequestLog]
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


def docstring_sections(doc: str) -> dict[str, list[str]]:
    """The docstring's four sections, each a list of paragraphs (wrapped lines joined)."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in doc.strip().splitlines()[1:]:
        if line.strip() and not line.startswith(" "):
            heading = line.strip().removesuffix(":")
            current = out.setdefault(heading, []) if heading in SECTIONS else None
            continue
        if current is not None:
            current.append(line.strip())
    return {
        heading: [" ".join(p.split("\n")) for p in "\n".join(lines).strip().split("\n\n")]
        for heading, lines in out.items()
    }


def open_options(context: BrowserContext, fragment: str = "") -> Page:
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id(context)}/options/options.html{fragment}")
    poll(lambda: page.evaluate("document.querySelectorAll('.rule').length") > 0, timeout=20)
    return page


def shown_rule(page: Page, rule_id: str) -> dict[str, Any]:
    return page.evaluate(
        """(id) => {
          const rule = document.getElementById(id);
          const box = rule.getBoundingClientRect();
          const doc = rule.querySelector('.rule-doc');
          const sections = [];
          for (const node of doc.children) {
            if (node.tagName === 'H4') sections.push({heading: node.textContent, text: []});
            else if (node.dataset.section) sections.at(-1).text.push(node.textContent);
          }
          return {open: rule.querySelector('details').open,
                  highlighted: rule.dataset.highlighted === 'true',
                  top: box.top, bottom: box.bottom, viewport: innerHeight,
                  title: rule.querySelector('.rule-head b').textContent,
                  id: rule.querySelector('.rule-id').textContent,
                  visible: doc.checkVisibility(), sections};
        }""",
        rule_id,
    )


def test_a_rule_anchor_opens_scrolls_to_and_marks_its_prose_docs(browser: Browser) -> None:
    context, _ = browser
    page = open_options(context, "#SL103")
    shown = poll(lambda: (s := shown_rule(page, "SL103"))["highlighted"] and s)
    assert shown["open"] and shown["visible"]
    # Scrolled to: the rule's top is near the top of the window, below the sticky menu.
    menu_bottom = page.evaluate("document.querySelector('nav.menu').getBoundingClientRect().bottom")
    assert menu_bottom <= shown["top"] < shown["viewport"] / 3, (menu_bottom, shown)
    assert page.evaluate("scrollY") > 300  # SL103 is well down a long page
    assert shown["title"] == "Discount or promo code" and shown["id"] == "SL103"

    sl103 = next(rule for rule in RULES if rule.ID == "SL103")
    expected = docstring_sections(sl103.DOC)
    assert [s["heading"] for s in shown["sections"]] == list(SECTIONS)
    assert {s["heading"]: s["text"] for s in shown["sections"]} == expected
    assert expected["Example"] == ["Flash sale! 50% off everything with code SAVE50."]

    # Another anchor on the same page: that rule now, and only that one, is marked.
    page.evaluate("location.hash = '#SL401'")
    value = poll(lambda: (s := shown_rule(page, "SL401"))["highlighted"] and s)
    assert not shown_rule(page, "SL103")["highlighted"]
    # A value rule is not "bad": its headings say why it counts.
    assert [s["heading"] for s in value["sections"]] == [
        "What it does",
        "Why it counts",
        "Example",
        "Keep doing",
    ]


def test_every_rule_has_its_docs_as_prose(browser: Browser) -> None:
    context, _ = browser
    page = open_options(context)
    for rule in RULES:
        shown = shown_rule(page, rule.ID)
        assert not shown["open"] and not shown["highlighted"]  # closed until asked for
        texts = [s["text"] for s in shown["sections"]]
        assert texts == list(docstring_sections(rule.DOC).values()), rule.ID
        assert all(paragraph for text in texts for paragraph in text), rule.ID
        assert f"({rule.ID})" not in shown["title"], rule.ID
    page_text = page.evaluate("document.body.textContent")
    # Developer notes in a docstring (how a table is fitted) are not the user's business.
    assert "salesy train" not in page_text
    assert "fitted.py" not in page_text


def test_the_section_menu_reaches_every_section(browser: Browser) -> None:
    context, _ = browser
    page = open_options(context)
    links = page.evaluate(
        "[...document.querySelectorAll('nav.menu a')].map((a) => a.getAttribute('href'))"
    )
    assert len(links) >= 8
    for href in links:
        assert page.evaluate("(id) => !!document.getElementById(id)", href[1:]), href
    page.click("nav.menu a[href='#import']")
    # The last section cannot reach the top of the window (the page ends): it is in view.
    box = poll(
        lambda: (
            (
                b := page.evaluate(
                    "(() => { const r = document.getElementById('import-title')"
                    ".getBoundingClientRect();"
                    " return {top: r.top, bottom: r.bottom, height: innerHeight, y: scrollY}; })()"
                )
            )["y"]
            > 500
            and b
        )
    )
    assert box["top"] >= 0 and box["bottom"] <= box["height"], box


def test_a_failing_example_is_listed_once(browser: Browser) -> None:
    context, _ = browser
    page = open_options(context)
    page.fill("#examples-pass", "BUY NOW 50% off today only")
    page.fill("#rule-SL104-weight", "300")

    def shown() -> dict[str, Any] | None:
        state = page.evaluate(
            """() => ({
              errors: [...document.querySelectorAll('#errors li')].map((li) => li.textContent),
              failing: [...document.querySelectorAll('#example-results li[data-ok=false]')]
                .map((li) => li.textContent),
              status: document.querySelector('#status').textContent})"""
        )
        return state if state["errors"] and state["failing"] else None

    state = poll(shown)
    assert state["errors"] == ["rules.SL104.weight: must be an integer 0-100, got 300"]
    assert len(state["failing"]) == 1 and "BUY NOW" in state["failing"][0]
    assert "pure_ad" not in state["failing"][0]
    assert "fix 1 setting and 1 example under Examples" in state["status"]
    assert "error(s)" not in state["status"]
