"""Salesy's config: data only (switches, weights, thresholds, terms, examples), never code.

A config is JSON, versioned by `"salesy": 1`. `validate(doc)` returns the defaults with every
valid part of `doc` merged over them, and a list of errors that each name their path, so a
team config with one typo still works and says exactly what to fix. (Its own `examples`, posts
that must come out flagged / not flagged, need the engine: `salesy.examples` runs them.)

`extends` names configs this one builds on: a built-in preset (`salesy:strict`) or another
document the caller supplies in `bases` (the CLI reads files, the extension fetches them).
Bases apply first, in order, then the document itself: a setting the document names wins,
term and example lists add up (duplicates dropped), everything else is inherited.

The parts, one job each: `defaults` (the default config, presets, limits), `jsontext` (JSON
the same on both interpreters), `hints` (errors that help), `sections` (one validator per
section), `merge` (documents and `extends`), `share` (minimal form, diff, share codes),
`schema` (JSON Schema). Everything here runs on CPython and on PyScript's MicroPython: no
typing, no re, no difflib, and JSON is written by hand with sorted keys so both interpreters
give the same text.
"""

from salesy.config.defaults import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_DESCRIPTION,
    MAX_EXAMPLE_LENGTH,
    MAX_EXAMPLES,
    MAX_EXAMPLES_CHARS,
    MAX_EXTENDS,
    MAX_NAME,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    PRESETS,
    TARGETS,
    THRESHOLD_DOCS,
    TOP_KEYS,
    VERSION,
    defaults,
    ratio_target,
    target_percent,
)
from salesy.config.hints import suggest
from salesy.config.jsontext import dumps, parse, size
from salesy.config.merge import extends_refs, is_too_new, merge, validate
from salesy.config.schema import schema
from salesy.config.share import SHARE_PREFIX, decode_share, diff, encode_share, minimal

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DESCRIPTION",
    "MAX_EXAMPLES",
    "MAX_EXAMPLES_CHARS",
    "MAX_EXAMPLE_LENGTH",
    "MAX_EXTENDS",
    "MAX_NAME",
    "MAX_TERMS",
    "MAX_TERM_LENGTH",
    "PRESETS",
    "SHARE_PREFIX",
    "TARGETS",
    "THRESHOLD_DOCS",
    "TOP_KEYS",
    "VERSION",
    "decode_share",
    "defaults",
    "diff",
    "dumps",
    "encode_share",
    "extends_refs",
    "is_too_new",
    "merge",
    "minimal",
    "parse",
    "ratio_target",
    "schema",
    "size",
    "suggest",
    "target_percent",
    "validate",
]
