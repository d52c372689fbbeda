"""config.validate: defaults, merging, limits, extends, errors that name their path."""

import json

import pytest

from salesy import config, examples
from salesy.rules import RULES


def errors_of(doc: object, bases: object = None) -> list[str]:
    return config.validate(doc, bases)[1]


def test_defaults_are_json_and_cover_every_rule() -> None:
    doc = config.defaults()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["salesy"] == 1
    assert set(doc["rules"]) == {r.ID for r in RULES}  # type: ignore[arg-type]
    assert config.validate(doc) == (doc, [])


def test_partial_config_merges_over_defaults() -> None:
    merged, errors = config.validate({"rules": {"SL101": {"weight": 10}}})
    assert errors == []
    assert merged["rules"]["SL101"] == {"enabled": True, "weight": 10}  # type: ignore[index]
    assert merged["rules"]["SL102"]["weight"] == RULES[1].WEIGHT  # type: ignore[index]


def test_a_full_document_is_accepted() -> None:
    doc = {
        "$schema": "./salesy.schema.json",
        "salesy": 1,
        "name": "Acme social",
        "description": "One voice for @acme",
        "rules": {"SL106": False, "SL101": {"enabled": True, "weight": 40}},
        "thresholds": {"promotion": 25, "value": 20, "value_share": 40},
        "terms": {"promotion": ["Acme Cloud"], "allow": ["free software"]},
        "balance": {"target": "4-1-1", "window": 30},
        "examples": {
            "flag": ["Acme Cloud: sign up today, 20% off"],
            "pass": ["We love free software and the people who write it. Thanks @ana!"],
        },
    }
    merged, errors = config.validate(doc)
    assert errors == []
    assert merged["name"] == "Acme social"
    assert merged["rules"]["SL106"]["enabled"] is False  # type: ignore[index]
    assert config.target_percent(merged) == 17


@pytest.mark.parametrize(
    ("doc", "error"),
    [
        ([1, 2], "(root): a config must be a JSON object, got a list"),
        ({"salesy": "1"}, 'salesy: must be 1, got "1"'),
        ({"salesy": 0}, "salesy: must be 1, got 0"),
        ({"salesy": True}, "salesy: must be 1, got true"),
        ({"name": 5}, "name: must be a string, got 5"),
        ({"name": "x" * 81}, "name: at most 80 characters, got 81"),
        ({"description": ["a"]}, "description: must be a string, got a list"),
        (
            {"extra": 1},
            "extra: unknown setting (known: salesy, name, description, extends, "
            "rules, thresholds, terms, balance, examples)",
        ),
        ({"thersholds": {}}, 'thersholds: unknown setting; did you mean "thresholds"?'),
        ({"Rules": {}}, 'Rules: unknown setting; did you mean "rules"?'),
        ({"rules": []}, "rules: must be an object of rule ids, got a list"),
        ({"rules": {"SL1O1": {}}}, 'rules.SL1O1: unknown rule; did you mean "SL101"?'),
        ({"rules": {"sl101": {}}}, 'rules.sl101: unknown rule; did you mean "SL101"?'),
        (
            {"rules": {"XYZ": {}}},
            "rules.XYZ: unknown rule (rules are SL101-SL114, SL201-SL203, "
            "SL301-SL303, SL401-SL405)",
        ),
        (
            {"rules": {"call-to-action": {}}},
            'rules.call-to-action: unknown rule; did you mean "SL101" (call-to-action)?',
        ),
        (
            {"rules": {"SL101": 3}},
            'rules.SL101: must be an object like {"enabled": true, "weight": 30}, got 3',
        ),
        (
            {"rules": {"SL101": {"wieght": 3}}},
            'rules.SL101.wieght: unknown setting; did you mean "weight"?',
        ),
        (
            {"rules": {"SL102": {"enabled": "yes"}}},
            'rules.SL102.enabled: must be true or false, got "yes"',
        ),
        (
            {"rules": {"SL104": {"weight": "high"}}},
            'rules.SL104.weight: must be an integer 0-100, got "high"',
        ),
        (
            {"rules": {"SL101": {"weight": 300}}},
            "rules.SL101.weight: must be an integer 0-100, got 300",
        ),
        (
            {"rules": {"SL101": {"weight": 2.5}}},
            "rules.SL101.weight: must be an integer 0-100, got 2.5",
        ),
        (
            {"rules": {"SL101": {"weight": True}}},
            "rules.SL101.weight: must be an integer 0-100, got true",
        ),
        ({"thresholds": 5}, "thresholds: must be an object, got 5"),
        (
            {"thresholds": {"promotion": -1}},
            "thresholds.promotion: must be an integer 0-100, got -1",
        ),
        (
            {"thresholds": {"bogus": 1}},
            "thresholds.bogus: unknown setting (known: promotion, pure_ad, value, value_share)",
        ),
        (
            {"thresholds": {"valueshare": 1}},
            'thresholds.valueshare: unknown setting; did you mean "value_share"?',
        ),
        (
            {"terms": "Acme"},
            "terms: must be an object with lists 'promotion' and 'allow', got \"Acme\"",
        ),
        (
            {"terms": {"promotion": "Acme"}},
            'terms.promotion: must be a list of strings, got "Acme"',
        ),
        (
            {"terms": {"promotion": ["ok", 3]}},
            "terms.promotion[1]: must be a non-empty string, got 3",
        ),
        ({"terms": {"allow": ["  "]}}, 'terms.allow[0]: must be a non-empty string, got "  "'),
        ({"terms": {"allow": ["x" * 81]}}, "terms.allow[0]: at most 80 characters, got 81"),
        ({"terms": {"promotion": ["t"] * 2001}}, "terms.promotion: at most 2000 entries, got 2001"),
        ({"terms": {"alow": []}}, 'terms.alow: unknown setting; did you mean "allow"?'),
        ({"balance": []}, "balance: must be an object, got a list"),
        (
            {"balance": {"target": "90/20"}},
            "balance.target: must be one of 4-1-1, 80/20, thirds, a ratio N/M that adds up to 100"
            ' (90/10) or a percentage 0-100, got "90/20"',
        ),
        ({"balance": {"window": 0}}, "balance.window: must be an integer 1-10000, got 0"),
        ({"balance": {"goal": 1}}, "balance.goal: unknown setting (known: days, target, window)"),
        ({"examples": None}, "examples: must be an object with lists 'flag' and 'pass', got null"),
        ({"examples": {"flag": "Buy"}}, 'examples.flag: must be a list of strings, got "Buy"'),
        ({"examples": {"pass": [""]}}, 'examples.pass[0]: must be a non-empty string, got ""'),
        (
            {"examples": {"pass": ["x" * 2001]}},
            "examples.pass[0]: at most 2000 characters, got 2001",
        ),
        ({"examples": {"flags": []}}, 'examples.flags: unknown setting; did you mean "flag"?'),
        ({"extends": 3}, "extends: must be a config name or a list of them, got 3"),
        ({"extends": [""]}, "extends: must be a config name or a list of them, got a list"),
        ({"extends": ["salesy:strict"] * 9}, "extends: at most 8 configs, got 9"),
        (
            {"extends": "salesy:strikt"},
            'extends: no preset "salesy:strikt"; did you mean "salesy:strict"?',
        ),
        ({"extends": "team.json"}, 'extends: cannot find "team.json"'),
    ],
)
def test_every_error_names_its_path(doc: object, error: str) -> None:
    assert error in errors_of(doc)


def test_the_valid_parts_still_apply_next_to_errors() -> None:
    merged, errors = config.validate({"rules": {"SL101": {"weight": 5, "enabled": "no"}}})
    assert errors == ['rules.SL101.enabled: must be true or false, got "no"']
    assert merged["rules"]["SL101"] == {"enabled": True, "weight": 5}  # type: ignore[index]


def test_a_newer_version_is_refused_with_update_salesy() -> None:
    merged, errors = config.validate({"salesy": 2, "rules": {"SL999": {}}, "bogus": 1})
    assert errors == [
        "salesy: this config is version 2; this Salesy reads version 1 and older: "
        "update Salesy to use it"
    ]
    assert merged == config.defaults()
    report = examples.inspect({"salesy": 2, "examples": {"flag": ["hi"]}})
    assert report["ok"] is False and report["examples"] == []


def test_size_limit() -> None:
    doc = {"salesy": 1, "description": "x" * 300_000}
    merged, errors = config.validate(doc)
    assert errors == ["(root): 293 KB is too big; a config is at most 256 KB"]
    assert merged == config.defaults()
    assert config.parse("{" + " " * 300_000 + "}")[1] == [
        "(file): 293 KB is too big; a config is at most 256 KB"
    ]


def test_terms_limit_counts_both_lists() -> None:
    doc = {
        "terms": {
            "promotion": ["p" + str(i) for i in range(1500)],
            "allow": ["a" + str(i) for i in range(600)],
        }
    }
    merged, errors = config.validate(doc)
    assert errors == [
        "terms: at most 2000 terms in all (promotion and allow), got 2100; "
        "only the first 2000 are used"
    ]
    terms = merged["terms"]
    assert len(terms["promotion"]) + len(terms["allow"]) == 2000  # type: ignore[index]


def test_terms_are_trimmed_and_deduplicated() -> None:
    merged, errors = config.validate({"terms": {"promotion": [" Acme ", "acme", "Widget"]}})
    assert errors == []
    assert merged["terms"]["promotion"] == ["Acme", "Widget"]  # type: ignore[index]


def test_parse_reports_json_errors_with_their_place() -> None:
    assert config.parse('{"salesy": 1}') == ({"salesy": 1}, [])
    doc, errors = config.parse('{\n "salesy": 1,\n}')
    assert doc is None
    assert errors[0].startswith("(file): not valid JSON at line 3, column 1")
    assert config.parse("")[1][0].startswith("(file): empty")
    assert config.parse(b"\xff")[1] == ["(file): not UTF-8 text"]
    assert config.parse(None)[1] == ["(file): expected JSON text"]


# ---------------------------------------------------------------- extends


def test_extends_a_preset() -> None:
    merged, errors = config.validate({"salesy": 1, "extends": "salesy:strict"})
    assert errors == []
    assert merged["thresholds"] == config.PRESETS["salesy:strict"]["thresholds"]
    strict = merged["thresholds"]
    default = config.defaults()["thresholds"]
    assert strict["promotion"] < default["promotion"]  # type: ignore[index]
    assert strict["value"] >= default["value"]  # type: ignore[index]


def test_extends_merges_predictably() -> None:
    company = {
        "salesy": 1,
        "name": "Acme",
        "rules": {"SL101": {"weight": 40}, "SL106": False},
        "thresholds": {"promotion": 25},
        "terms": {"promotion": ["Acme", "Widget"], "allow": ["free software"]},
        "examples": {"flag": ["Acme: buy now, 20% off"]},
    }
    team = {
        "salesy": 1,
        "extends": ["salesy:strict", "company.json"],
        "rules": {"SL101": {"enabled": False}},
        "terms": {"promotion": ["widget", "Acme Cloud"]},
        "balance": {"window": 20},
    }
    merged, errors = config.validate(team, {"company.json": company})
    assert errors == []
    # The document wins over its bases, later bases over earlier ones...
    assert merged["name"] == "Acme"
    assert merged["rules"]["SL101"] == {"enabled": False, "weight": 40}  # type: ignore[index]
    assert merged["rules"]["SL106"]["enabled"] is False  # type: ignore[index]
    assert merged["thresholds"] == dict(
        config.PRESETS["salesy:strict"]["thresholds"],
        promotion=25,  # type: ignore[arg-type]
    )
    assert merged["balance"]["target"] == "4-1-1"  # type: ignore[index]
    assert merged["balance"]["window"] == 20  # type: ignore[index]
    # ...and lists add up, base first, each entry once.
    assert merged["terms"] == {
        "promotion": ["Acme", "Widget", "Acme Cloud"],
        "allow": ["free software"],
    }
    assert merged["examples"] == {"flag": ["Acme: buy now, 20% off"], "pass": []}


def test_errors_in_a_base_say_which_base() -> None:
    base = {"salesy": 1, "rules": {"SL999": {}}, "extends": "deeper.json"}
    deeper = {"salesy": 1, "thresholds": {"promotion": "high"}}
    errors = errors_of({"extends": "base.json"}, {"base.json": base, "deeper.json": deeper})
    assert errors == [
        'extends "base.json": extends "deeper.json": thresholds.promotion: '
        'must be an integer 0-100, got "high"',
        'extends "base.json": rules.SL999: unknown rule (rules are SL101-SL114, SL201-SL203, '
        "SL301-SL303, SL401-SL405)",
    ]


def test_extends_cycles_and_depth_are_errors() -> None:
    bases = {"a": {"extends": "b"}, "b": {"extends": "a"}}
    errors = errors_of({"extends": "a"}, bases)
    assert errors == ['extends "a": extends "b": extends: "a" extends itself (a -> b -> a)']
    chain = {str(i): {"extends": str(i + 1)} for i in range(10)}
    errors = errors_of({"extends": "0"}, chain)
    assert len(errors) == 1 and "more than 5 deep" in errors[0]


def test_a_newer_base_is_refused_too() -> None:
    merged, errors = config.validate({"extends": "new.json"}, {"new.json": {"salesy": 7}})
    assert len(errors) == 1 and errors[0].startswith('extends "new.json": salesy: this config')
    assert merged == config.defaults()


def test_a_base_that_is_not_an_object() -> None:
    assert errors_of({"extends": "x"}, {"x": [1]}) == ['extends: "x" is not a JSON object']


# ---------------------------------------------------------------- diff, minimal, schema


def test_minimal_holds_only_what_differs() -> None:
    merged = config.merge(
        {"name": "T", "rules": {"SL101": {"weight": 5}}, "balance": {"window": 9}}
    )
    assert config.minimal(merged) == {
        "salesy": 1,
        "name": "T",
        "rules": {"SL101": {"weight": 5}},
        "balance": {"window": 9},
    }
    assert config.merge(config.minimal(merged)) == merged
    assert config.minimal(config.defaults()) == {"salesy": 1}


def test_diff_lists_every_change_by_path() -> None:
    old = config.merge({"terms": {"promotion": ["A", "B"]}})
    new = config.merge({"terms": {"promotion": ["B", "C"]}, "rules": {"SL101": False}})
    assert config.diff(old, new) == [
        {"path": "rules.SL101.enabled", "before": True, "after": False},
        {"path": "terms.promotion", "added": ["C"], "removed": ["A"]},
    ]
    assert config.diff(new, new) == []


def test_schema_is_json_and_knows_every_rule() -> None:
    schema = config.schema()
    assert json.loads(json.dumps(schema)) == schema
    props = schema["properties"]
    assert set(props) == set(config.TOP_KEYS)  # type: ignore[arg-type]
    assert set(props["rules"]["properties"]) == {r.ID for r in RULES}  # type: ignore[index]
    assert props["terms"]["properties"]["promotion"]["items"]["maxLength"] == 80  # type: ignore[index]


def test_dumps_is_canonical_json() -> None:
    value = {"b": [1, True, None, 'é\n"😀\u0001'], "a": {"z": 1, "y": 2.5}}
    text = config.dumps(value)
    assert text == '{"a":{"y":2.5,"z":1},"b":[1,true,null,"é\\n\\"😀\\u0001"]}'
    assert json.loads(text) == value
