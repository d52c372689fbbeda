"""`salesy config ...`: validate, init, schema, share, decode and diff a team's config file.

    salesy config validate FILE      every error with its path; the examples run (exit 1 if any)
    salesy config init [FILE]        writes the defaults (salesy.json) to start from
    salesy config schema             the JSON Schema, for editors
    salesy config share FILE         the share code colleagues paste into the options page
    salesy config decode CODE        a share code back to JSON
    salesy config diff OLD NEW       what changes between two configs

CPython only (argparse, files): the browser never imports this module. `salesy.cli` adds these
commands with `register(subparsers)`.
`load_file(path)` reads a config with the files its `extends` names (relative to the file
that names them), for any command's `--config FILE`.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from salesy import config as cfg
from salesy import examples as config_examples
from salesy.cli.files import (
    MB,
    InputError,
    dumps_json,
    examples,
    one_line,
    read_capped,
    reason,
)

DEFAULT_FILE = "salesy.json"
LINK = "chrome-extension://{id}/options/options.html#config={code}"
# A 256 KB config is about 420 000 characters of code; mail clients add line breaks.
MAX_SHARE_CODE = 1 * MB

STARTER_EXAMPLES = {
    "flag": ["BUY NOW! 50% off everything, today only with code SAVE50 👉 link in bio"],
    "pass": ["I finally fixed my bike today. Took me three weekends, but I learned a lot."],
}


class ConfigFileError(Exception):
    """A config file that cannot be used at all (unreadable, not JSON, too big)."""


def read_doc(path: str) -> object:
    """One file's JSON document ("-" reads stdin); ConfigFileError with one line if not."""
    try:
        data = read_capped(path, cfg.MAX_BYTES, "; a config is at most 256 KB")
    except InputError as error:
        raise ConfigFileError(str(error)) from None
    doc, errors = cfg.parse(data)
    if errors:
        raise ConfigFileError(path + ": " + errors[0].replace("(file): ", ""))
    problem = not_json_data(doc)
    if problem:
        raise ConfigFileError(path + ": " + problem)
    return doc


def not_json_data(value: object, path: str = "") -> str:
    """What JSON cannot hold but Python's reader lets through: NaN and Infinity (and numbers
    like 1e999 that overflow to it), and lone surrogates (half an emoji, not text). The
    first one found, with its path; "" when there is none."""
    where = path or "(the document)"
    if isinstance(value, float) and not math.isfinite(value):
        number = "NaN" if value != value else "Infinity (or a number as big as 1e999)"
        return where + ": " + number + " is not a number JSON allows; use an integer"
    if isinstance(value, str):
        if any("\ud800" <= char <= "\udfff" for char in value):
            return where + ": holds a lone surrogate (\\ud800-\\udfff), half a character"
        return ""
    if isinstance(value, dict):
        for key, item in value.items():
            sub = (path + "." if path else "") + str(key)
            found = not_json_data(key, sub) or not_json_data(item, sub)
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = not_json_data(item, path + "[" + str(index) + "]")
            if found:
                return found
    return ""


def load_file(path: str) -> tuple[object, dict[str, object], list[str]]:
    """(document, bases for its `extends`, errors reading those bases)."""
    doc = read_doc(path)
    bases: dict[str, object] = {}
    errors: list[str] = []
    folder = Path(path).parent if path != "-" else Path.cwd()
    _load_bases(doc, folder, bases, errors, 0)
    return doc, bases, errors


def _load_bases(
    doc: object, folder: Path, bases: dict[str, object], errors: list[str], depth: int
) -> None:
    if depth >= cfg.MAX_DEPTH:
        return
    for ref in cfg.extends_refs(doc):
        if ref in cfg.PRESETS or ref in bases or ref.startswith("salesy:"):
            continue
        file = folder / ref
        try:
            base = read_doc(str(file))
        except ConfigFileError as error:
            errors.append('extends "' + ref + '": ' + str(error))
            continue
        bases[ref] = base
        _load_bases(base, file.parent, bases, errors, depth + 1)


def load_config(path: str) -> tuple[dict[str, object], list[str]]:
    """The merged config of a file and every error, for `--config FILE` on any command."""
    doc, bases, errors = load_file(path)
    config, problems = config_examples.validate(doc, bases)
    return config, errors + _without_missing(problems, errors)


def _without_missing(problems: list[str], load_errors: list[str]) -> list[str]:
    # A base that could not be read is already explained by its read error.
    failed = [error.split('"')[1] for error in load_errors]
    return [p for p in problems if not any('cannot find "' + ref + '"' in p for ref in failed)]


def _summary(config: dict[str, object], report: dict[str, object]) -> str:
    rules = config["rules"]
    terms = config["terms"]
    held = report["examples"]
    assert isinstance(rules, dict) and isinstance(terms, dict) and isinstance(held, list)
    on = sum(1 for setting in rules.values() if setting["enabled"])
    balance = config["balance"]
    assert isinstance(balance, dict)
    parts = [
        str(on) + "/" + str(len(rules)) + " rules on",
        _count(len(terms["promotion"]), "team term"),
        _count(len(terms["allow"]), "allowed phrase"),
        "balance " + str(balance["target"]),
    ]
    if held:
        parts.append(_count(len(held), "example") + " hold")
    name = '"' + str(config["name"]) + '": ' if config.get("name") else ""
    return name + ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return str(n) + " " + noun + ("" if n == 1 else "s")


def _validate(args: argparse.Namespace) -> int:
    doc, bases, load_errors = load_file(args.file)
    report = config_examples.inspect(doc, bases)
    errors = load_errors + _without_missing(list(report["errors"]), load_errors)  # type: ignore[call-overload]
    if args.json:
        report["errors"] = errors
        report["ok"] = not errors
        print(dumps_json(report))
        return 1 if errors else 0
    if errors:
        for error in errors:
            print(one_line(args.file + ": " + error), file=sys.stderr)
        print(one_line(args.file + ": " + _count(len(errors), "error")), file=sys.stderr)
        return 1
    config = report["config"]
    assert isinstance(config, dict)
    print(one_line(args.file + ": valid, " + _summary(config, report)))
    return 0


def starter() -> dict[str, object]:
    """What `init` writes: every setting at its default, and two examples to grow."""
    doc = cfg.defaults()
    doc["name"] = "My team"
    doc["description"] = "Our shared Salesy rules: edit, validate, then share."
    doc["examples"] = {key: list(value) for key, value in STARTER_EXAMPLES.items()}
    return doc


def _init(args: argparse.Namespace) -> int:
    text = dumps_json(starter()) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.file)
    if path.exists() and not args.force:
        raise ConfigFileError(args.file + " already exists; pass --force to overwrite it")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ConfigFileError("cannot write " + args.file + ": " + reason(error)) from None
    print("wrote " + args.file + "; check it with: salesy config validate " + args.file)
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(dumps_json(cfg.schema()))
    return 0


EXTENSION_ID_LETTERS = set("abcdefghijklmnop")


def _share(args: argparse.Namespace) -> int:
    link = args.link
    if link is not None and (len(link) != 32 or not set(link) <= EXTENSION_ID_LETTERS):
        raise ConfigFileError(
            "--link: expected an extension id, the 32 letters a-p that chrome://extensions"
            " shows under Salesy's name, got " + (repr(link[:40]) if link else "nothing")
        )
    doc, bases, load_errors = load_file(args.file)
    config, problems = config_examples.validate(doc, bases)
    errors = load_errors + _without_missing(problems, load_errors)
    if errors:
        for error in errors:
            print(one_line(args.file + ": " + error), file=sys.stderr)
        print(one_line(args.file + ": fix these before sharing"), file=sys.stderr)
        return 1
    code = cfg.encode_share(config)
    print(LINK.format(id=args.link, code=code) if args.link else code)
    return 0


def _decode(args: argparse.Namespace) -> int:
    limit = "; a share code is at most 1 MB (its config at most 256 KB)"
    try:
        raw = read_capped("-", MAX_SHARE_CODE, limit) if args.code == "-" else None
    except InputError as error:
        raise ConfigFileError(str(error)) from None
    code = raw.decode("utf-8", "replace") if raw is not None else args.code
    if len(code) > MAX_SHARE_CODE:
        raise ConfigFileError("share code: longer than 1 MB" + limit)
    doc, errors = cfg.decode_share(code)
    if errors:
        raise ConfigFileError(errors[0])
    problem = not_json_data(doc)
    if problem:
        raise ConfigFileError("share code: " + problem)
    print(dumps_json(doc))
    return 0


def _diff(args: argparse.Namespace) -> int:
    configs = []
    for path in (args.old, args.new):
        config, _errors = load_config(path)
        configs.append(config)
    changes = cfg.diff(configs[0], configs[1])
    for change in changes:
        if "added" in change:
            for item in change["added"]:  # type: ignore[attr-defined]
                print(one_line(str(change["path"]) + ": + " + dumps_json(item, None)))
            for item in change["removed"]:  # type: ignore[attr-defined]
                print(one_line(str(change["path"]) + ": - " + dumps_json(item, None)))
        else:
            before = dumps_json(change["before"], None)
            after = dumps_json(change["after"], None)
            print(one_line(str(change["path"]) + ": " + before + " -> " + after))
    if not changes:
        print("no differences")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds `config` and its subcommands to the `salesy` command's subparsers."""
    parser = subparsers.add_parser(
        "config",
        help="validate, create, share a team's rules config",
        description="Validate, create and share a Salesy rules config (one JSON file).",
        epilog=examples(
            "salesy config init                  # salesy.json: every setting at its default",
            "salesy config validate salesy.json  # every error with its path; runs its examples",
            "salesy config share salesy.json     # the code colleagues paste in the options page",
        ),
    )
    commands = parser.add_subparsers(dest="config_command", metavar="COMMAND", required=True)
    validate = commands.add_parser(
        "validate",
        help="check a config file and run its examples",
        description="Check a config: every error with its path, then its examples. Exit 1 if"
        " it has errors, 2 if it cannot be read.",
        epilog=examples(
            "salesy config validate salesy.json",
            "salesy config validate - < salesy.json --json   # the full report as JSON",
        ),
    )
    validate.add_argument("file", metavar="FILE", help='the config ("-" reads stdin)')
    validate.add_argument("--json", action="store_true", help="print the full report as JSON")
    validate.set_defaults(run_config=_validate)
    init = commands.add_parser(
        "init",
        help="write the default config to start from",
        description="Write a config with every setting at its default and two examples.",
        epilog=examples("salesy config init", "salesy config init team.json --force"),
    )
    init.add_argument("file", metavar="FILE", nargs="?", default=DEFAULT_FILE)
    init.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    init.set_defaults(run_config=_init)
    schema = commands.add_parser(
        "schema",
        help="print the config's JSON Schema",
        description="Print the JSON Schema of a config, for editors.",
        epilog=examples("salesy config schema > salesy.schema.json"),
    )
    schema.set_defaults(run_config=_schema)
    share = commands.add_parser(
        "share",
        help="print the share code for a config file",
        description="Print the share code of a valid config (or a link to the options page).",
        epilog=examples(
            "salesy config share salesy.json",
            "salesy config share salesy.json --link abcdefghijklmnopabcdefghijklmnop",
        ),
    )
    share.add_argument("file", metavar="FILE")
    share.add_argument(
        "--link",
        metavar="EXTENSION_ID",
        help="print an options-page link (the id is on chrome://extensions)",
    )
    share.set_defaults(run_config=_share)
    decode = commands.add_parser(
        "decode",
        help="print the config a share code holds",
        description="Print the config a share code (or share link) holds, as JSON.",
        epilog=examples("salesy config decode SALESY1-...", "pbpaste | salesy config decode -"),
    )
    decode.add_argument("code", metavar="CODE", help='a share code ("-" reads stdin)')
    decode.set_defaults(run_config=_decode)
    diff = commands.add_parser(
        "diff",
        help="what changes from one config to another",
        description="What changes from config OLD to config NEW, setting by setting.",
        epilog=examples("salesy config diff salesy.json team/salesy.json"),
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.set_defaults(run_config=_diff)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Runs a parsed `config` command: errors are one line on stderr, never a traceback."""
    try:
        return int(args.run_config(args))
    except ConfigFileError as error:
        print("salesy config: " + one_line(str(error)), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="salesy", formatter_class=argparse.RawTextHelpFormatter)
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["config", *(sys.argv[1:] if argv is None else argv)])
    return run(args)
