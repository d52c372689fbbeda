"""Every rule's documented examples must hold: FLAG fires the rule, PASS does not."""

import pytest

import salesy
from salesy.rules import RULES

FLAG_CASES = [(rule.ID, text) for rule in RULES for text in rule.FLAG]
PASS_CASES = [(rule.ID, text) for rule in RULES for text in rule.PASS]
CONFIGS = {rule.ID: rule.CONFIG for rule in RULES}


def fired(rule_id: str, text: str) -> list[str]:
    result = salesy.check(text, CONFIGS[rule_id])
    return [f["text"] for f in result["findings"] if f["rule"] == rule_id]


@pytest.mark.parametrize(("rule_id", "text"), FLAG_CASES, ids=[f"{r}-{t}" for r, t in FLAG_CASES])
def test_flag_example_fires(rule_id: str, text: str) -> None:
    assert fired(rule_id, text), f"{rule_id} should fire on {text!r}"


@pytest.mark.parametrize(("rule_id", "text"), PASS_CASES, ids=[f"{r}-{t}" for r, t in PASS_CASES])
def test_pass_example_does_not_fire(rule_id: str, text: str) -> None:
    assert not fired(rule_id, text), f"{rule_id} should not fire on {text!r}"
