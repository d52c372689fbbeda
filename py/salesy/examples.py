"""A config's own examples, run through the engine: what validation and import previews add
on top of `salesy.config`.

This module sits above both `salesy.config` (which merges and checks a document's structure)
and `salesy.engine` (which judges a draft under a merged config), so neither imports the
other's caller.
"""

from salesy import config as cfg
from salesy.engine import check


def validate(doc: object, bases: object = None) -> tuple[dict[str, object], list[str]]:
    """`salesy.config.validate`, then the config's examples: each that fails is an error."""
    config, errors = cfg.validate(doc, bases)
    if any(cfg.is_too_new(error) for error in errors):
        return config, errors
    for result in run(config):
        if not result["ok"]:
            errors.append(str(result["error"]))
    return config, errors


def run(config: dict[str, object]) -> list[dict[str, object]]:
    """Checks each example under `config`: flag ones must not come out ok, pass ones must."""
    examples = config.get("examples")
    if not isinstance(examples, dict):
        return []
    results: list[dict[str, object]] = []
    for kind in ("flag", "pass"):
        texts = examples.get(kind)
        for index, text in enumerate(texts if isinstance(texts, list) else []):
            verdict = check(str(text), config)
            flagged = verdict["verdict"] != "ok"
            ok = flagged if kind == "flag" else not flagged
            result: dict[str, object] = {
                "kind": kind,
                "index": index,
                "text": text,
                "verdict": verdict["verdict"],
                "score": verdict["score"],
                "summary": verdict["summary"],
                "ok": ok,
            }
            if not ok:
                result["error"] = _error(kind, index, str(text), verdict, config)
            results.append(result)
    return results


def _error(
    kind: str, index: int, text: str, verdict: dict[str, object], config: dict[str, object]
) -> str:
    quoted = cfg.dumps(text if len(text) <= 60 else text[:57] + "...")
    thresholds = config["thresholds"]
    assert isinstance(thresholds, dict)
    head = "examples." + kind + "[" + str(index) + "]: " + quoted
    if kind == "flag":
        return (
            head
            + " must be flagged but came out ok (score "
            + str(verdict["score"])
            + ", below the promotion threshold "
            + str(thresholds["promotion"])
            + "): "
            + str(verdict["summary"])
        )
    rules = []
    findings = verdict["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        if finding["category"] != "value" and finding["rule"] not in rules:
            rules.append(finding["rule"])
    return (
        head
        + " must pass but came out "
        + str(verdict["verdict"])
        + " (score "
        + str(verdict["score"])
        + "; rules "
        + ", ".join(rules)
        + "): "
        + str(verdict["summary"])
    )


def inspect(doc: object, bases: object = None) -> dict[str, object]:
    """Everything an import preview shows: the config, every error, each example's result
    (the examples run once)."""
    config, errors = cfg.validate(doc, bases)
    if isinstance(doc, dict) and "salesy" not in doc:
        # A file that travels says which format it is in, so a future Salesy can read it.
        errors.insert(0, 'salesy: missing; a config starts with "salesy": ' + str(cfg.VERSION))
    examples = [] if any(cfg.is_too_new(error) for error in errors) else run(config)
    errors.extend(str(result["error"]) for result in examples if not result["ok"])
    return {"config": config, "errors": errors, "examples": examples, "ok": not errors}
