"""Meta-tests: the registry is complete, ids are stable and unique, every rule is documented."""

from pathlib import Path

import pytest

import salesy
from salesy import rules as registry
from salesy.rules import CATEGORIES, RULES

RULES_DIR = Path(registry.__file__).parent
HEADINGS = ("What it does:", "Why is this bad?", "Example:", "Use instead:")
PREFIX = {"promotion": "SL1", "engagement": "SL2", "disclosure": "SL3", "value": "SL4"}


def test_registry_matches_the_files_on_disk() -> None:
    on_disk = sorted(p.stem for p in RULES_DIR.glob("sl*.py"))
    listed = [m.__name__.rsplit(".", 1)[1] for m in registry.MODULES]
    assert listed == on_disk, "list every rule module in salesy/rules/__init__.py, in id order"


def test_ids_and_names_are_unique_and_well_formed() -> None:
    ids = [r.ID for r in RULES]
    names = [r.NAME for r in RULES]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert rule.module.__name__.rsplit(".", 1)[1].startswith(rule.ID.lower() + "_")
        assert rule.NAME.lower() == rule.NAME and " " not in rule.NAME


@pytest.mark.parametrize("rule", RULES, ids=[r.ID for r in RULES])
def test_rule_is_documented(rule: registry.Rule) -> None:
    assert rule.CATEGORY in CATEGORIES
    assert rule.ID.startswith(PREFIX[rule.CATEGORY]), "number rules by category"
    for heading in HEADINGS:
        assert heading in rule.DOC, f"{rule.ID} docstring lacks {heading!r}"
    assert rule.MESSAGE.strip() and rule.SUGGESTION.strip()
    assert isinstance(rule.WEIGHT, int) and 0 <= rule.WEIGHT <= 100
    assert len(rule.NOUN) == 2 and all(rule.NOUN)
    assert len(rule.FLAG) >= 2, "at least two examples that must fire"
    assert len(rule.PASS) >= 2, "at least two examples that must not fire"


def test_package_exports() -> None:
    assert callable(salesy.check) and callable(salesy.balance)
    assert len(salesy.RULES) == len(registry.MODULES)


def test_select_by_prefix() -> None:
    assert [r.ID for r in registry.select("SL1")] == [r.ID for r in RULES if r.ID < "SL2"]
    assert [r.ID for r in registry.select("call-to-action")] == ["SL101"]
