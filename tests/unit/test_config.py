"""config.validate: defaults, merging, and errors that name their path."""

import json

from salesy import config
from salesy.rules import RULES


def test_defaults_are_json_and_cover_every_rule() -> None:
    doc = config.defaults()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["salesy"] == 1
    assert set(doc["rules"]) == {r.ID for r in RULES}  # type: ignore[arg-type]


def test_partial_config_merges_over_defaults() -> None:
    merged, errors = config.validate({"rules": {"SL101": {"weight": 10}}})
    assert errors == []
    assert merged["rules"]["SL101"] == {"enabled": True, "weight": 10}  # type: ignore[index]
    assert merged["rules"]["SL102"]["weight"] == RULES[1].WEIGHT  # type: ignore[index]


def test_errors_name_their_path() -> None:
    _, errors = config.validate(
        {
            "salesy": 2,
            "rules": {"SL101": {"weight": 300}, "SL999": {}, "SL102": {"enabled": "yes"}},
            "thresholds": {"promotion": -1, "bogus": 1},
            "terms": {"promotion": ["ok", 3]},
            "balance": {"target": "90/10"},
            "extra": 1,
        }
    )
    assert "rules.SL101.weight: must be an integer 0-100" in errors
    assert "rules.SL999: unknown rule" in errors
    assert "rules.SL102.enabled: must be true or false" in errors
    assert "thresholds.promotion: must be an integer 0-100" in errors
    assert "thresholds.bogus: unknown setting" in errors
    assert "terms.promotion[1]: must be a non-empty string" in errors
    assert any(e.startswith("balance.target:") for e in errors)
    assert "extra: unknown setting" in errors
    assert any(e.startswith("salesy:") for e in errors)


def test_bool_is_not_a_weight() -> None:
    _, errors = config.validate({"rules": {"SL101": {"weight": True}}})
    assert errors == ["rules.SL101.weight: must be an integer 0-100"]


def test_not_an_object() -> None:
    merged, errors = config.validate([1, 2])
    assert errors and merged == config.defaults()
