"""Nothing a user set is ever lost (issue 15, points 5 and 7).

Every read-modify-write of settings, paused sites, the config and history goes through one
queue in the service worker, so concurrent writers from several tabs all land; a rule switched
off from the compose box is validated like any other save; and "Restore previous config"
always reaches the config the user last chose on a trusted page.
"""

from __future__ import annotations

import json
import time
from typing import Any

from playwright.sync_api import BrowserContext

import salesy
from harness import (
    ContentWorld,
    RequestLog,
    content_world,
    open_compose,
    panel,
    poll,
    settled,
    storage,
    type_draft,
    wait_for_verdict,
)
from salesy.rules import RULES
from worlds import ask, extension_page

Browser = tuple[BrowserContext, RequestLog]
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"
SIX_RULES = ["SL102", "SL104", "SL105", "SL106", "SL107", "SL108"]


def stored_rules(context: BrowserContext) -> dict[str, Any]:
    return (storage(context).get("config") or {}).get("rules", {})  # type: ignore[no-any-return]


# Sends `message` at the wall-clock moment `at` (ms since the epoch), keeps the reply promise.
SEND_AT = """([message, at]) => {
  window.salesyTestReply = new Promise((resolve) =>
    setTimeout(() => resolve(chrome.runtime.sendMessage(message)), at - Date.now()));
  return 0;
}"""


def at_once(senders: list[Any], messages: list[dict[str, Any]]) -> list[Any]:
    """One message from each sender (a content-script world or a page), all in the same
    millisecond (each waits for a moment set half a second ahead), then their replies."""
    at = time.time() * 1000 + 500
    for sender, message in zip(senders, messages, strict=True):
        if isinstance(sender, ContentWorld):
            sender.evaluate(f"({SEND_AT})({json.dumps([message, at])})")
        else:
            sender.evaluate(SEND_AT, [message, at])
    return [sender.evaluate("window.salesyTestReply") for sender in senders]


def test_six_tabs_turning_rules_off_at_once_all_persist(browser: Browser) -> None:
    context, _ = browser
    tabs = [open_compose(context) for _ in SIX_RULES]
    worlds = [content_world(tab) for tab in tabs]
    # The engine is up first, so the six switches really meet in the worker.
    assert worlds[0].send({"target": "background", "type": "check", "text": "warm up"})["ok"]
    replies = at_once(
        worlds,
        [
            {"target": "background", "type": "set-rule", "rule": rule, "enabled": False}
            for rule in SIX_RULES
        ],
    )
    assert all(reply["ok"] for reply in replies), replies
    rules = stored_rules(context)
    assert {rule: rules[rule]["enabled"] for rule in SIX_RULES} == dict.fromkeys(SIX_RULES, False)
    assert all(rules[rule]["enabled"] for rule in rules if rule not in SIX_RULES)


def test_pausing_both_sites_and_the_nudge_at_once_all_persist(browser: Browser) -> None:
    context, _ = browser
    pages = [extension_page(context, "popup/popup.html") for _ in range(3)]
    messages = [
        {"target": "background", "type": "set-paused", "site": "x.com", "paused": True},
        {"target": "background", "type": "set-paused", "site": "twitter.com", "paused": True},
        {"target": "background", "type": "set-settings", "changes": {"nudgeBeforePosting": True}},
    ]
    replies = at_once(pages, messages)
    assert all(reply["ok"] for reply in replies), replies
    stored = storage(context)
    assert stored["pausedSites"] == ["twitter.com", "x.com"]
    assert stored["settings"] == {"nudgeBeforePosting": True, "valueUnderlines": True}


def test_a_config_save_racing_a_rule_switch_keeps_both(browser: Browser) -> None:
    """The options page saves what it edited over the config it was filled from; a rule
    switched in a tab meanwhile stays switched."""
    context, _ = browser
    options = extension_page(context, "options/options.html")
    poll(lambda: options.evaluate("document.querySelectorAll('.rule').length") > 0, timeout=20)
    poll(lambda: options.input_value("#share-code").startswith("SALESY1-"), timeout=20)
    options.fill("#threshold-promotion", "35")
    options.wait_for_timeout(400)  # the page checks the edited config
    compose = open_compose(context)
    world = content_world(compose)
    reply = world.send(
        {"target": "background", "type": "set-rule", "rule": "SL106", "enabled": False}
    )
    assert reply["ok"], reply
    poll(lambda: not options.is_disabled("#save"))
    options.click("#save")
    poll(lambda: options.inner_text("#status").startswith("Saved"))
    config = storage(context)["config"]
    assert config["thresholds"]["promotion"] == 35
    assert config["rules"]["SL106"]["enabled"] is False

    # And truly at once: a save and a switch sent together both land.
    effective = ask(options, {"type": "config-state"})["result"]["effective"]
    edited = {**effective, "thresholds": {**effective["thresholds"], "value": 25}}
    replies = at_once(
        [options, world],
        [
            {"target": "background", "type": "config-save", "doc": edited, "base": effective},
            {"target": "background", "type": "set-rule", "rule": "SL105", "enabled": False},
        ],
    )
    assert all(reply["ok"] for reply in replies), replies
    config = storage(context)["config"]
    assert config["thresholds"]["value"] == 25
    assert config["rules"]["SL105"]["enabled"] is False
    assert config["rules"]["SL106"]["enabled"] is False


def example_one_rule_flags() -> tuple[str, str]:
    """A rule and a post of its own examples that the default config flags, the rule fires on,
    and the config without that rule does not flag (worked out now: the judgement is fitted,
    and may change)."""
    for rule in RULES:
        if rule.CATEGORY == "value":
            continue
        off = {"salesy": 1, "rules": {rule.ID: False}}
        for text in rule.FLAG:
            result = salesy.check(text)
            fires = any(finding["rule"] == rule.ID for finding in result["findings"])
            if fires and result["verdict"] != "ok" and salesy.check(text, off)["verdict"] == "ok":
                return rule.ID, text
    raise AssertionError("no example only one rule flags: this test needs another way in")


def test_turning_off_a_rule_from_the_compose_box_is_validated_like_a_save(
    browser: Browser,
) -> None:
    context, _ = browser
    options = extension_page(context, "options/options.html")
    rule, example = example_one_rule_flags()
    doc = {"salesy": 1, "name": "Team", "examples": {"flag": [example]}}
    saved = ask(options, {"type": "config-save", "doc": doc})
    assert saved["ok"] and saved["result"]["saved"], saved
    before = storage(context)

    # From the card, as the user does it: refused, and the card says why.
    compose = open_compose(context)
    type_draft(compose, example)
    wait_for_verdict(compose)
    settled(compose)
    panel(compose).locator(".chip").click()
    panel(compose).locator(f'.findings li[data-rule="{rule}"]').locator(".disable").click()
    assert poll(lambda: panel(compose).locator(".refused").is_visible())
    assert (panel(compose).locator(".refused").text_content() or "").startswith(f"{rule} stays on")
    assert storage(context).get("config") == before.get("config")

    world = content_world(compose)
    reply = world.send({"target": "background", "type": "set-rule", "rule": rule, "enabled": False})
    assert reply["ok"] is False
    assert reply["error"].startswith(f"{rule} stays on: your config would then fail its own check")
    assert "examples.flag[0]" in reply["error"]
    after = storage(context)
    for key in ("config", "configPrevious", "configMeta"):
        assert after.get(key) == before.get(key), key

    # Not a rule at all: refused as such, nothing written.
    reply = world.send(
        {"target": "background", "type": "set-rule", "rule": "SL9", "enabled": False}
    )
    assert reply["ok"] is False and reply["error"].startswith("Refused: rule")
    reply = world.send(
        {"target": "background", "type": "set-rule", "rule": "SL999", "enabled": False}
    )
    assert reply["ok"] is False and "unknown rule" in reply["error"]
    assert storage(context).get("config") == before.get("config")


def test_restore_reaches_the_users_config_however_many_switches_a_page_makes(
    browser: Browser,
) -> None:
    context, _ = browser
    options = extension_page(context, "options/options.html")
    mine = ask(options, {"type": "config-save", "doc": {"salesy": 1, "name": "Mine"}})
    assert mine["result"]["saved"]
    original = storage(context)["config"]
    world = content_world(open_compose(context))
    for rule in ("SL106", "SL105", "SL104"):
        reply = world.send(
            {"target": "background", "type": "set-rule", "rule": rule, "enabled": False}
        )
        assert reply["ok"], reply
    restored = ask(options, {"type": "config-restore"})
    assert restored["ok"] and restored["result"]["saved"], restored
    assert storage(context)["config"] == original
