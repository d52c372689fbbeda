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


def test_answer_takes_json_text_and_the_config_apart() -> None:
    from salesy import protocol

    config = {"salesy": 1, "terms": {"promotion": ["Acme Cloud"]}}
    request = json.dumps({"type": "check", "text": "Acme Cloud makes deploys painless."})
    with_terms = json.loads(protocol.answer(request, json.dumps(config)))
    assert with_terms["ok"] is True
    assert with_terms["result"]["score"] > 0  # the team term counts as promotion
    parsed = protocol._config_parsed
    again = json.loads(protocol.answer(request, json.dumps(config)))
    assert again == with_terms
    assert protocol._config_parsed is parsed  # the same text is not parsed again
    # A changed config is picked up at once; no config means the defaults.
    config["terms"] = {"promotion": []}
    assert json.loads(protocol.answer(request, json.dumps(config)))["result"]["score"] == 0
    assert json.loads(protocol.answer(request))["result"]["score"] == 0


def test_answer_to_text_that_is_not_json_is_an_error() -> None:
    from salesy import protocol

    answer = json.loads(protocol.answer("{not json"))
    assert answer["ok"] is False and answer["error"].startswith("Bad engine request")
    assert json.loads(protocol.answer('{"type": "check"}', "{broken"))["ok"] is False


def test_check_findings_travel_compact_and_expand_to_the_contract() -> None:
    """The sandbox fills findings in from "rule-texts" and the draft (sandbox.js
    withFindings); done the same way here, that must give exactly what check() gives."""
    import salesy

    texts = ["BUY NOW 😍🔥 50% off with code SAVE50! Link in bio 👉 shop.example.com", "hi"]
    table = handle({"type": "rule-texts"})["result"]
    assert isinstance(table, list)
    for text in texts:
        compact = handle({"type": "check", "text": text})["result"]
        assert isinstance(compact, dict)
        findings = []
        for index, start, end in compact["findings"]:
            rule, name, category, message, suggestion, _noun, _nouns = table[index]
            findings.append(
                {
                    "rule": rule,
                    "name": name,
                    "category": category,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "message": message,
                    "suggestion": suggestion,
                }
            )
        reasons = [
            {"rule": table[index][0], "points": points, "hits": hits}
            for index, points, hits in compact["reasons"]
        ]
        assert {**compact, "findings": findings, "reasons": reasons} == salesy.check(text)
    assert salesy.check(texts[0])["findings"]  # the example has findings to expand


def test_a_long_draft_is_checked_part_by_part_with_a_full_checks_answer() -> None:
    import random

    from incremental_posts import paragraph

    from salesy import engine, protocol

    rng = random.Random(17)
    paragraphs = [paragraph(rng).rstrip() + "." for _ in range(30)]
    paragraphs = ["Para " + p for p in paragraphs]
    config = {"salesy": 1, "terms": {"promotion": ["SAVE50"]}}
    for edit in range(6):
        text = "\n\n".join(paragraphs)
        assert len(text) > protocol.LONG
        before = dict(protocol._long_drafts._parts)
        request = json.dumps({"type": "check", "text": text})
        answer = json.loads(protocol.answer(request, json.dumps(config)))
        assert answer == json.loads(json.dumps({"ok": True, "result": engine.judge(text, config)}))
        if edit:  # only the paragraph just edited was checked again
            new = [t for t in protocol._long_drafts._parts if t not in before]
            assert len(new) == 1 and new[0] == paragraphs[edit], new
        paragraphs[edit + 1] = "Para BUY NOW with code SAVE50, edit " + str(edit) + "."
    short = "Buy now.\n\nWe made it ourselves."
    protocol._long_drafts._parts.clear()
    assert handle({"type": "check", "text": short})["result"] == engine.judge(short)
    assert protocol._long_drafts._parts == {}  # a short draft is checked whole
