"""A JSON Schema of the document, for editors."""

from salesy.config.defaults import (
    MAX_DESCRIPTION,
    MAX_EXAMPLE_LENGTH,
    MAX_EXAMPLES,
    MAX_EXTENDS,
    MAX_NAME,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    PRESETS,
    TARGETS,
    THRESHOLD_DOCS,
    VERSION,
)
from salesy.rules import RULES


def schema() -> dict[str, object]:
    """A JSON Schema (draft 2020-12) of the document, so editors can check it as you type."""
    weight = {"type": "integer", "minimum": 0, "maximum": 100}
    rules: dict[str, object] = {}
    for rule in RULES:
        rules[rule.ID] = {
            "description": rule.NAME + " (" + rule.CATEGORY + "): " + rule.MESSAGE,
            "oneOf": [
                {"type": "boolean"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "enabled": {"type": "boolean"},
                        "weight": dict(weight, default=rule.WEIGHT),
                    },
                },
            ],
        }

    def strings(limit: int, length: int, doc: str) -> dict[str, object]:
        return {
            "description": doc,
            "type": "array",
            "maxItems": limit,
            "items": {"type": "string", "minLength": 1, "maxLength": length},
        }

    thresholds: dict[str, object] = {}
    for key in sorted(THRESHOLD_DOCS):
        thresholds[key] = dict(weight, description=THRESHOLD_DOCS[key])
    name_list = {"type": "string", "minLength": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "salesy-config-v" + str(VERSION) + ".schema.json",
        "title": "Salesy config",
        "description": "Rules, weights, thresholds, team terms, balance target and examples"
        " for Salesy. At most 256 KB and " + str(MAX_TERMS) + " terms in all.",
        "type": "object",
        "additionalProperties": False,
        "required": ["salesy"],
        "properties": {
            "$schema": {"type": "string"},
            "salesy": {"const": VERSION, "description": "config format version"},
            "name": {"type": "string", "maxLength": MAX_NAME},
            "description": {"type": "string", "maxLength": MAX_DESCRIPTION},
            "extends": {
                "description": "configs this one builds on: a preset ("
                + ", ".join(sorted(PRESETS))
                + ") or a file path relative to this file; lists add up, the rest is overridden",
                "oneOf": [
                    name_list,
                    {"type": "array", "items": name_list, "maxItems": MAX_EXTENDS},
                ],
            },
            "rules": {
                "type": "object",
                "additionalProperties": False,
                "properties": rules,
            },
            "thresholds": {
                "type": "object",
                "additionalProperties": False,
                "properties": thresholds,
            },
            "terms": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "promotion": strings(
                        MAX_TERMS, MAX_TERM_LENGTH, "product and brand names counted as promotion"
                    ),
                    "allow": strings(MAX_TERMS, MAX_TERM_LENGTH, "phrases never flagged"),
                },
            },
            "balance": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "target": {
                        "description": "at most this share of recent posts may promote",
                        "anyOf": [
                            {"enum": sorted(TARGETS)},
                            {
                                "description": "N/M adding up to 100: 90/10 lets 10 % promote",
                                "type": "string",
                                "pattern": "^[0-9]{1,3}/[0-9]{1,3}$",
                            },
                            {"type": "integer", "minimum": 0, "maximum": 100},
                        ],
                    },
                    "window": {"type": "integer", "minimum": 1, "maximum": 10000},
                    "days": {
                        "description": "count every post of the last D days (0: the last"
                        " `window` posts)",
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 3650,
                    },
                },
            },
            "examples": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "flag": strings(
                        MAX_EXAMPLES, MAX_EXAMPLE_LENGTH, "posts that must come out flagged"
                    ),
                    "pass": strings(
                        MAX_EXAMPLES, MAX_EXAMPLE_LENGTH, "posts that must come out ok"
                    ),
                },
            },
        },
    }
