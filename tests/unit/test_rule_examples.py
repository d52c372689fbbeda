"""Every rule's documented examples must hold: FLAG fires the rule, PASS does not.

Like ESLint's RuleTester, this asks the rule itself (detect), so a light rule's example
still counts when check() keeps an ok post quiet about trivia.
"""

import pytest

from salesy.doc import Doc
from salesy.engine import effective_config
from salesy.rules import RULES

FLAG_CASES = [(rule.ID, text) for rule in RULES for text in rule.FLAG]
PASS_CASES = [(rule.ID, text) for rule in RULES for text in rule.PASS]
BY_ID = {rule.ID: rule for rule in RULES}


def fired(rule_id: str, text: str) -> list[str]:
    rule = BY_ID[rule_id]
    doc = Doc(text)
    _level, spans = rule.run(doc, effective_config(rule.CONFIG))
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(("rule_id", "text"), FLAG_CASES, ids=[f"{r}-{t}" for r, t in FLAG_CASES])
def test_flag_example_fires(rule_id: str, text: str) -> None:
    assert fired(rule_id, text), f"{rule_id} should fire on {text!r}"


@pytest.mark.parametrize(("rule_id", "text"), PASS_CASES, ids=[f"{r}-{t}" for r, t in PASS_CASES])
def test_pass_example_does_not_fire(rule_id: str, text: str) -> None:
    assert not fired(rule_id, text), f"{rule_id} should not fire on {text!r}"
