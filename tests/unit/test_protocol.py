"""The engine's message protocol, as the browser's sandbox uses it."""

from __future__ import annotations

import json

from salesy.protocol import handle


def test_check_answers_the_contract() -> None:
    answer = handle({"type": "check", "text": "Buy now, 50% off!"})
    assert answer["ok"] is True
    assert answer["result"]["verdict"] == "pure_ad"  # type: ignore[index]


def test_every_answer_is_json() -> None:
    for request in (
        {"type": "check", "text": "hello"},
        {"type": "balance", "posts": [{"text": "Buy now!", "at": "2026-01-01"}]},
        {"type": "validate", "doc": {"salesy": 1}},
        {"type": "rules"},
    ):
        answer = handle(request)
        assert answer["ok"] is True, answer
        assert json.loads(json.dumps(answer)) == answer


def test_rules_carry_their_docs_and_examples() -> None:
    rules = handle({"type": "rules"})["result"]
    assert isinstance(rules, list) and rules
    assert all(rule["doc"] and rule["flag"] and rule["pass"] for rule in rules)


def test_bad_requests_get_an_error_not_an_exception() -> None:
    assert handle("check")["ok"] is False
    assert handle({"type": "nope"}) == {"ok": False, "error": "Unknown engine request: nope"}
    answer = handle({"type": "validate", "doc": {"salesy": 1, "rules": {"SL999": {}}}})
    assert answer["ok"] is True
    assert answer["result"]["errors"]  # type: ignore[index]
