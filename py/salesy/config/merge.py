"""A document over the defaults: versions, `extends` (presets and bases), every section."""

from salesy.config.defaults import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_EXTENDS,
    PRESETS,
    TOP_KEYS,
    VERSION,
    defaults,
)
from salesy.config.hints import describe, is_int, report_unknown, suggest
from salesy.config.jsontext import kilobytes, size
from salesy.config.sections import SECTIONS

TOO_NEW = "update Salesy to use it"


def _version(doc: dict[str, object], prefix: str, errors: list[str]) -> bool:
    """False when the document is too new to read at all."""
    if "salesy" not in doc:
        return True
    version = doc["salesy"]
    if is_int(version) and version > VERSION:  # type: ignore[operator]
        errors.append(
            prefix + "salesy: this config is version " + str(version) + "; this Salesy reads"
            " version " + str(VERSION) + " and older: " + TOO_NEW
        )
        return False
    if version != VERSION or not is_int(version):
        errors.append(prefix + "salesy: must be " + str(VERSION) + ", got " + describe(version))
    return True


def extends_refs(doc: object) -> list[str]:
    """The configs `doc` extends, as written (a string or a list of strings)."""
    if not isinstance(doc, dict) or "extends" not in doc:
        return []
    refs = doc["extends"]
    if isinstance(refs, str):
        return [refs]
    if isinstance(refs, list):
        return [ref for ref in refs if isinstance(ref, str)]
    return []


def _apply(
    doc: dict[str, object],
    config: dict[str, object],
    errors: list[str],
    bases: dict[str, object],
    chain: list[str],
    prefix: str,
) -> None:
    if not _version(doc, prefix, errors):
        return
    own: list[str] = []
    report_unknown(doc, TOP_KEYS, "", own)
    if "extends" in doc:
        _extends(doc["extends"], config, own, bases, chain)
    for key in SECTIONS:
        if key in doc:
            SECTIONS[key](doc[key], config, own)
    errors.extend(prefix + error for error in own)


def _extends(
    refs: object,
    config: dict[str, object],
    errors: list[str],
    bases: dict[str, object],
    chain: list[str],
) -> None:
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) and r for r in refs):
        errors.append("extends: must be a config name or a list of them, got " + describe(refs))
        return
    if len(refs) > MAX_EXTENDS:
        errors.append("extends: at most " + str(MAX_EXTENDS) + " configs, got " + str(len(refs)))
        return
    for index, ref in enumerate(refs):
        path = "extends" + ("[" + str(index) + "]" if len(refs) > 1 else "")
        assert isinstance(ref, str)
        if ref in chain:
            errors.append(
                path + ': "' + ref + '" extends itself (' + " -> ".join(chain + [ref]) + ")"
            )
            continue
        if len(chain) >= MAX_DEPTH:
            errors.append(
                path + ": configs extend each other more than " + str(MAX_DEPTH) + " deep"
            )
            continue
        base: object = PRESETS.get(ref)
        if base is None:
            base = bases.get(ref)
        if base is None:
            if ref.startswith("salesy:"):
                guess = suggest(ref, sorted(PRESETS))
                hint = '; did you mean "' + guess + '"?' if guess else ""
                errors.append(path + ': no preset "' + ref + '"' + hint)
            else:
                errors.append(path + ': cannot find "' + ref + '"')
            continue
        if not isinstance(base, dict):
            errors.append(path + ': "' + ref + '" is not a JSON object')
            continue
        _apply(base, config, errors, bases, chain + [ref], 'extends "' + ref + '": ')


def validate(doc: object, bases: object = None) -> tuple[dict[str, object], list[str]]:
    """Merge `doc` over the defaults; return (config, errors), each error naming its path.

    `bases` maps the names in `extends` to their documents (presets need none). A config's
    own examples are not run here (that needs the engine): `salesy.examples.validate` does
    both."""
    config = defaults()
    errors: list[str] = []
    if doc is None:
        return config, errors
    if not isinstance(doc, dict):
        return config, ["(root): a config must be a JSON object, got " + describe(doc)]
    length = size(doc)
    if length > MAX_BYTES:
        return config, ["(root): " + kilobytes(length) + " is too big; a config is at most 256 KB"]
    known = bases if isinstance(bases, dict) else {}
    _apply(doc, config, errors, known, [], "")
    too_new = [error for error in errors if is_too_new(error)]
    if too_new:
        return defaults(), too_new
    return config, errors


def is_too_new(error: str) -> bool:
    """Is this the error of a document written for a newer Salesy?"""
    return error.endswith(TOO_NEW)


def merge(doc: object, bases: object = None) -> dict[str, object]:
    """The config to judge drafts with: the defaults with every valid part of `doc`."""
    return validate(doc, bases)[0]
