"""A config's own examples: run through the engine on validation and in import previews."""

from salesy import config, examples
from salesy.engine import check

THRESHOLD = config.defaults()["thresholds"]["promotion"]  # type: ignore[index]


def errors_of(doc: object, bases: object = None) -> list[str]:
    return examples.validate(doc, bases)[1]


def test_examples_that_hold() -> None:
    doc = {
        "salesy": 1,
        "terms": {"promotion": ["Acme Cloud"]},
        "rules": {"SL112": {"weight": 40}},
        "examples": {"flag": ["Acme Cloud is here"], "pass": ["I fixed my bike today"]},
    }
    report = examples.inspect(doc)
    assert report["errors"] == [] and report["ok"] is True
    assert [(e["kind"], e["ok"]) for e in report["examples"]] == [  # type: ignore[union-attr]
        ("flag", True),
        ("pass", True),
    ]


def test_failing_examples_say_which_and_why() -> None:
    doc = {
        "examples": {
            "flag": ["Acme Cloud makes deploys painless"],
            "pass": ["I fixed my bike", "BUY NOW 50% off today only"],
        }
    }
    errors = errors_of(doc)
    assert len(errors) == 2
    assert errors[0].startswith(
        'examples.flag[0]: "Acme Cloud makes deploys painless" must be flagged but came out '
        f"ok (score 0, below the promotion threshold {THRESHOLD}): OK"
    )
    assert errors[1].startswith(
        'examples.pass[1]: "BUY NOW 50% off today only" must pass but came out pure_ad'
    )
    assert "rules SL101" in errors[1]


def test_examples_run_under_the_config_itself() -> None:
    text = "Acme Cloud makes deploys painless"
    doc = {"terms": {"promotion": ["Acme Cloud"]}, "examples": {"flag": [text]}}
    assert errors_of(doc)  # one product name alone is light promotion under the defaults
    doc["thresholds"] = {"promotion": 10}
    assert errors_of(doc) == []
    assert check(text, doc)["verdict"] != "ok"


def test_a_shared_document_must_say_its_version() -> None:
    # The engine merges partial configs (no version needed); a file, code or URL must say it.
    assert config.validate({"rules": {"SL101": False}})[1] == []
    report = examples.inspect({"rules": {"SL101": False}})
    assert report["errors"] == ['salesy: missing; a config starts with "salesy": 1']
    assert report["ok"] is False


def test_structure_alone_skips_the_examples() -> None:
    doc = {"examples": {"flag": ["hello"]}}
    assert errors_of(doc)
    assert config.validate(doc) == (config.merge(doc), [])
    assert examples.validate(doc)[0] == config.merge(doc)
