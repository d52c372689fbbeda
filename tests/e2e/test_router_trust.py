"""The router trusts no one (issue 15, point 8).

A content script runs inside x.com's page: if it were ever compromised it must not be able to
truncate history, overwrite the config, stop the team URL, import into any account or talk to
the engine past the router. Here the test sends, from Salesy's own content-script world on an
x.com tab, exactly what such a script could.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from playwright.sync_api import BrowserContext

from harness import RequestLog, content_world, extension_worker, open_compose, set_storage, storage
from worlds import ask, extension_page

Browser = tuple[BrowserContext, RequestLog]
NOW = datetime.now(UTC).isoformat().replace("+00:00", "Z")


def post(text: str, **extra: Any) -> dict[str, Any]:
    return {"text": text, "verdict": "ok", "score": 0, "at": NOW, "reply": False, **extra}


def test_a_content_script_may_only_send_what_a_page_needs(browser: Browser) -> None:
    context, _ = browser
    set_storage(
        context, {"accounts": {"current": "salesy_demo", "known": ["salesy_demo", "other"]}}
    )
    world = content_world(open_compose(context))

    def send(message: dict[str, Any]) -> Any:
        return world.send({"target": "background", **message})

    # What the compose box, its card and the post recorder need: answered.
    assert send({"type": "check", "text": "BUY NOW 50% off"})["ok"]
    assert send({"type": "tally-bump", "counts": {"checked": 1}})["ok"]
    recorded = send({"type": "history-record", "account": "salesy_demo", "posts": [post("hi")]})
    assert recorded["ok"], recorded
    assert send({"type": "balance-preview", "account": "salesy_demo"})["ok"]

    # Everything else is the extension's own pages' business.
    for message in (
        {"type": "config-save", "doc": {"salesy": 1, "rules": {"SL101": False}}},
        {"type": "config-restore"},
        {"type": "team-unfollow"},
        {"type": "team-follow", "url": "https://evil.example/c.json"},
        {"type": "set-settings", "changes": {"historyCap": 1}},
        {"type": "set-paused", "site": "x.com", "paused": True},
        {"type": "history-import", "files": [], "account": "other"},
        {"type": "history-delete", "account": "salesy_demo"},
        {"type": "history-summary"},
        {"type": "tally-reset"},
        {"type": "engine-bench", "texts": ["x"]},
        {"type": "config-inspect", "doc": {"salesy": 1}},
    ):
        reply = send(message)
        assert reply == {
            "ok": False,
            "error": f'Salesy does not take "{message["type"]}" from this page.',
        }

    # What it may send is checked field by field.
    for message, error in (
        ({"type": "check", "text": 12}, "Refused: text: expected text"),
        ({"type": "check", "text": "hi", "allow": "everything"}, "Refused: allow: expected a list"),
        (
            {"type": "history-record", "account": "other", "posts": [post("x")]},
            "Refused: account: @other is not the account signed in on X",
        ),
        (
            {"type": "history-record", "posts": [post("x")] * 26},
            "Refused: posts: at most 25 entries, got 26",
        ),
        (
            {"type": "history-record", "posts": [post("x", verdict="great")]},
            "Refused: posts[0].verdict: expected one of ok, promotional, pure_ad",
        ),
        (
            {"type": "history-record", "posts": [post("x", at="1999-01-01T00:00:00Z")]},
            "Refused: posts[0].at: expected the time of a post",
        ),
        (
            {"type": "history-merge", "account": "salesy_demo", "posts": [post("x", id="abc")]},
            "Refused: posts[0].id: expected a status id",
        ),
        ({"type": "tally-bump", "counts": {"posts": 10**9}}, "Refused: counts.posts: expected"),
        ({"type": "tally-bump", "counts": {"hidden": 1}}, "Refused: counts.hidden: not a tally"),
        ({"type": "history-account", "account": "not a handle!"}, "Refused: account: expected"),
        ({"type": "set-rule", "rule": "SL101", "enabled": "no"}, "Refused: enabled: expected"),
        ({"type": "open-rule-doc", "rule": "../popup"}, "Refused: rule: expected a rule id"),
    ):
        reply = send(message)
        assert reply["ok"] is False and reply["error"].startswith(error), (message, reply)

    stored = storage(context)
    assert [p["text"] for p in stored["history:salesy_demo"]["posts"]] == ["hi"]
    # A post record that could not be saved is said, not dropped in silence.
    worker = extension_worker(context)
    assert worker.evaluate("chrome.action.getBadgeText({})") == "!"
    problem = worker.evaluate("chrome.storage.session.get('historyProblem')")["historyProblem"]
    assert problem["message"].startswith("A post you made could not be saved to your history: ")
    assert "history:other" not in stored
    assert "config" not in stored and "settings" not in stored and "pausedSites" not in stored


PORT_ASK = """async ([name, messages]) => {
  const port = chrome.runtime.connect({name});
  const replies = [];
  const done = new Promise((resolve) => {
    port.onMessage.addListener((answer) => {
      replies[answer.id] = answer.reply;
      if (Object.keys(replies).length === messages.length) resolve();
    });
    port.onDisconnect.addListener(() => resolve());
  });
  messages.forEach((message, id) => port.postMessage({id, message}));
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5000))]);
  port.disconnect();
  return replies;
}"""


def test_the_content_scripts_port_is_held_to_the_same_rules(browser: Browser) -> None:
    """The compose box asks through a long-lived port (cheaper per check than sendMessage):
    what a page may not send by message it may not send by port either."""
    context, _ = browser
    world = content_world(open_compose(context))
    messages = [
        {"target": "background", "type": "check", "text": "BUY NOW 50% off"},
        {"target": "background", "type": "history-delete", "account": "salesy_demo"},
        {"target": "background", "type": "config-restore"},
        {"target": "background", "type": "check", "text": 12},
    ]
    replies = world.evaluate(f"({PORT_ASK})({json.dumps(['salesy', messages])})")
    assert replies[0]["ok"] and replies[0]["result"]["verdict"] == "pure_ad", replies
    for reply, kind in zip(replies[1:3], ("history-delete", "config-restore"), strict=True):
        assert reply == {"ok": False, "error": f'Salesy does not take "{kind}" from this page.'}
    assert replies[3]["ok"] is False and replies[3]["error"].startswith("Refused: text:")
    # A port by any other name is not the router's.
    assert world.evaluate(f"({PORT_ASK})({json.dumps(['other', messages[:1]])})") == []


def test_the_engine_answers_the_router_only(browser: Browser) -> None:
    context, _ = browser
    world = content_world(open_compose(context))
    assert world.send({"target": "background", "type": "check", "text": "warm up"})["ok"]
    # Straight to the engine host, past the router: refused, whatever the request.
    for request in ({"type": "check", "text": "BUY NOW"}, {"type": "bench", "texts": ["x"]}):
        reply = world.send({"target": "engine", **request})
        assert reply == {"error": "The engine answers Salesy's background only."}, reply
    page = extension_page(context)
    reply = page.evaluate("chrome.runtime.sendMessage({target: 'engine', type: 'ping'})")
    assert reply == {"error": "The engine answers Salesy's background only."}


def test_hidden_settings_are_no_settings(browser: Browser) -> None:
    """historyCap is gone: no page can set it, and a stored one changes nothing."""
    context, _ = browser
    page = extension_page(context, "popup/popup.html")
    reply = ask(page, {"type": "set-settings", "changes": {"historyCap": 1}})
    assert reply == {"ok": False, "error": "Refused: changes.historyCap: not a setting"}
    reply = ask(page, {"type": "set-settings", "changes": {"nudgeBeforePosting": "yes"}})
    assert reply["ok"] is False and reply["error"].startswith("Refused: changes.nudgeBeforePosting")
    assert ask(page, {"type": "set-settings", "changes": {"nudgeBeforePosting": True}})["ok"]
    assert storage(context)["settings"] == {"nudgeBeforePosting": True, "valueUnderlines": True}
    reply = ask(page, {"type": "set-paused", "site": "evil.example", "paused": True})
    assert reply["ok"] is False and reply["error"].startswith("Refused: site: expected one of")
