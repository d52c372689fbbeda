"""The engine's message protocol: one JSON-able request in, one JSON-able answer out.

The extension's sandboxed page hands every request to `handle`, so what the browser can ask
the engine is defined (and tested) here, in Python, on both interpreters.
"""

import json

from salesy import archive, config_requests, examples, incremental
from salesy.archive import ArchiveError, classify
from salesy.archive import read as read_archive
from salesy.balance import balance
from salesy.engine import effective_config, judge
from salesy.rules import RULES

# Drafts longer than this are checked part by part, each unchanged paragraph's findings kept
# from the last check (salesy.incremental: the same answer as a full check), so an edit in a
# long post costs about one paragraph. On MicroPython, typing at the end of a draft of
# paragraphs: 2.4 ms in parts and 2.8 ms whole at 300 characters, 3.6 and 5.3 at 600, 8.2 and
# 26 at 2 000; shorter drafts are checked whole, where the parts' bookkeeping saves nothing.
LONG = 500
_long_drafts = incremental.Checker()


def _check(request: dict[str, object]) -> object:
    """check()'s answer with findings as [rule index, start, end]; the sandbox fills them in
    from the "rule-texts" table (see engine.judge)."""
    text = str(request.get("text") or "")
    if len(text) > LONG:
        return _long_drafts.judge(text, request.get("config"))
    return judge(text, request.get("config"))


def _rule_texts(request: dict[str, object]) -> object:
    """[id, name, category, message, suggestion, noun, nouns] of every rule, in registry
    order (the nouns name a reason in the hint card: "a discount or code", "discounts and
    codes")."""
    return [
        [r.ID, r.NAME, r.CATEGORY, r.MESSAGE, r.SUGGESTION, r.NOUN[0], r.NOUN[1]] for r in RULES
    ]


def _balance(request: dict[str, object]) -> object:
    posts = request.get("posts")
    window, days = request.get("window"), request.get("days")
    return balance(
        posts if isinstance(posts, list) else [],
        request.get("config"),
        window if isinstance(window, int) and window > 0 else None,
        days if isinstance(days, int) and days >= 0 else None,
        request.get("now"),
    )


def _archive(request: dict[str, object]) -> object:
    """X archive files [{"name", "text"}] -> the newest `limit` posts, classified; or
    {"error"} that names the file and what was expected (the caller keeps its history)."""
    files = request.get("files")
    pairs = []
    for item in files if isinstance(files, list) else []:
        if isinstance(item, dict):
            pairs.append((str(item.get("name") or "file"), item.get("text")))
    try:
        found = read_archive(pairs)
    except ArchiveError as error:
        return {"error": str(error)}
    limit = request.get("limit")
    posts = found["posts"]
    assert isinstance(posts, list)
    found["total"] = len(posts)
    newest = posts[: limit if isinstance(limit, int) and limit > 0 else 2000]
    # "classify": false leaves the verdicts to `classify` requests in batches, so a big
    # archive never holds the engine longer than one request may take.
    if request.get("classify") is False:
        found["posts"] = newest
    else:
        found["posts"] = classify(newest, request.get("config"))
    return found


def _archive_head(request: dict[str, object]) -> object:
    """The browser's import, step 1: what a file holds, from its first characters (and, when
    JSON.parse refused the rest, the error that says so): {"kind", "part", "label"}."""
    name = str(request.get("name") or "file")
    try:
        found = archive.head(request.get("head"), name)
        if request.get("parse_error") is not None:
            raise archive.not_json(name, found["label"], request.get("parse_error"))
    except ArchiveError as error:
        return {"error": str(error)}
    return found


def _archive_items(request: dict[str, object]) -> object:
    """Step 2, one slice of a file's parsed items at a time: its posts (links expanded,
    reposts of others left out) or its account; or {"error"}."""
    name = str(request.get("name") or "file")
    try:
        return archive.read_items(
            str(request.get("kind")), request.get("items"), name, str(request.get("label"))
        )
    except ArchiveError as error:
        return {"error": str(error)}


def _archive_file_done(request: dict[str, object]) -> object:
    """Step 3: a file none of whose items read as a post is refused; {} or {"error"}."""
    try:
        archive.file_done(str(request.get("name") or "file"), request)
    except ArchiveError as error:
        return {"error": str(error)}
    return {}


def _classify(request: dict[str, object]) -> object:
    """Many texts at once (profile posts, an archive in batches): [{"verdict", "score"}]."""
    texts = request.get("texts")
    conf = effective_config(request.get("config"))
    out = []
    for text in texts if isinstance(texts, list) else []:
        result = judge(str(text or ""), conf)
        out.append({"verdict": result["verdict"], "score": result["score"]})
    return out


def _validate(request: dict[str, object]) -> object:
    config, errors = examples.validate(request.get("doc"), request.get("bases"))
    return {"config": config, "errors": errors}


def _rules(request: dict[str, object]) -> object:
    return [
        {
            "id": rule.ID,
            "name": rule.NAME,
            "category": rule.CATEGORY,
            "weight": rule.WEIGHT,
            "message": rule.MESSAGE,
            "suggestion": rule.SUGGESTION,
            "doc": rule.DOC,
            "flag": rule.FLAG,
            "pass": rule.PASS,
        }
        for rule in RULES
    ]


HANDLERS = {"check": _check, "balance": _balance, "validate": _validate, "rules": _rules}
HANDLERS["rule-texts"] = _rule_texts
HANDLERS.update(config_requests.HANDLERS)
HANDLERS["archive"] = _archive
HANDLERS["classify"] = _classify
HANDLERS["archive-head"] = _archive_head
HANDLERS["archive-items"] = _archive_items
HANDLERS["archive-file-done"] = _archive_file_done


def handle(request: object) -> dict[str, object]:
    """Answers `{"type": ..., ...}` with `{"ok": True, "result": ...}` or an error."""
    if not isinstance(request, dict):
        return {"ok": False, "error": "A request must be an object."}
    handler = HANDLERS.get(str(request.get("type")))
    if handler is None:
        return {"ok": False, "error": "Unknown engine request: " + str(request.get("type"))}
    try:
        return {"ok": True, "result": handler(request)}
    except Exception as error:  # one bad request must not take the engine down
        return {"ok": False, "error": "The engine failed on this request: " + repr(error)}


# The config the sandbox sent last, as its JSON text and parsed. The extension sends the
# user's config with every draft; a team's (2 000 terms) takes milliseconds to parse on
# MicroPython, so it is parsed again only when its text changes.
_config_text = ""
_config_parsed: object = None


def answer(request_json: str, config_json: str = "") -> str:
    """handle() for JSON text: the request, and its "config" as JSON text of its own."""
    global _config_text, _config_parsed
    try:
        request = json.loads(request_json)
        if config_json and isinstance(request, dict):
            if config_json != _config_text:
                _config_parsed = json.loads(config_json)
                _config_text = config_json
            request["config"] = _config_parsed
        return json.dumps(handle(request))
    except Exception as error:  # a request that is not even JSON
        return json.dumps({"ok": False, "error": "Bad engine request: " + repr(error)})
