"""The hint card as the user reads it, and what it must say for an engine answer.

What it must say is worked out here from `salesy.check` and the rules' own texts (never
written down by hand): one entry per rule that counted, biggest reason first, each with its
words, its message and advice once; the value rules folded into one "What works" line."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from harness import PROMOTION_SIDE, panel, poll
from salesy.rules import BY_ID


def open_card(page: Page, index: int = 0) -> None:
    panel(page, index).locator(".chip").click()
    poll(lambda: panel(page, index).locator(".card").is_visible())
    # The card is placed on the next animation frame (panel.js place()): let it be placed.
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def shown_entries(page: Page, index: int = 0) -> list[dict[str, Any]]:
    """Every entry of the card, in order, as it reads."""
    return panel(page, index).evaluate(  # type: ignore[no-any-return]
        """host => [...host.shadowRoot.querySelectorAll('.findings li')].map((li) => ({
             rule: li.dataset.rule, category: li.dataset.category,
             title: li.querySelector('.title').textContent,
             count: li.querySelector('.count')?.textContent ?? null,
             points: li.querySelector('.points')?.textContent ?? null,
             ruleId: li.querySelector('.rule-id').textContent,
             words: [...li.querySelectorAll('.words')].map((b) => b.textContent),
             message: li.querySelector('.message').textContent,
             suggestion: li.querySelector('.suggestion').textContent,
             why: li.querySelector('.why')?.getAttribute('href') ?? null,
             canIgnore: !li.querySelector('.ignore').hidden}))"""
    )


def card_text(page: Page, selector: str, index: int = 0) -> str | None:
    """The text of one part of the card, None while it is hidden."""
    return panel(page, index).evaluate(  # type: ignore[no-any-return]
        """(host, root, selector) => {
             const el = root.querySelector(selector);
             return el && !el.closest('[hidden]') ? el.textContent.trim() : null;
           }""",
        selector,
    )


def titled(message: str) -> tuple[str, str]:
    """A rule's message "Discount or code: deals … flyer." as the entry's title and text."""
    label, sep, rest = message.partition(": ")
    assert sep and len(label) <= 40, message  # every rule's message starts with its label
    return label, rest[:1].upper() + rest[1:]


def expected_entries(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries the card must list for `result`, in order."""
    out = []
    for reason in result["reasons"]:
        rule = BY_ID[reason["rule"]]
        if rule.CATEGORY not in PROMOTION_SIDE:
            continue
        words = [f"“{f['text']}”" for f in result["findings"] if f["rule"] == rule.ID]
        title, message = titled(rule.MESSAGE)
        out.append(
            {
                "rule": rule.ID,
                "category": rule.CATEGORY,
                "title": title,
                "count": f"×{len(words)}" if len(words) > 1 else None,
                "points": f"+{reason['points']}",
                "ruleId": rule.ID,
                "words": words,
                "message": message,
                "suggestion": rule.SUGGESTION,
                "canIgnore": bool(words),
            }
        )
    return out


def expected_works(result: dict[str, Any]) -> str | None:
    """The "What works" line for `result`, None when no value rule counted."""
    nouns = [BY_ID[r["rule"]].NOUN[0] for r in result["reasons"] if r["rule"] in VALUE_RULES]
    if not nouns:
        return None
    return f"What works: {', '.join(nouns)} (−{result['value']})."


VALUE_RULES = {rule_id for rule_id, rule in BY_ID.items() if rule.CATEGORY == "value"}
