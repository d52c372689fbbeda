"""The engine's message protocol: one JSON-able request in, one JSON-able answer out.

The extension's sandboxed page hands every request to `handle`, so what the browser can ask
the engine is defined (and tested) here, in Python, on both interpreters.
"""

from salesy import config as cfg
from salesy import config_requests
from salesy.balance import balance
from salesy.engine import check
from salesy.rules import RULES


def _check(request: dict[str, object]) -> object:
    return check(str(request.get("text") or ""), request.get("config"))


def _balance(request: dict[str, object]) -> object:
    posts = request.get("posts")
    return balance(posts if isinstance(posts, list) else [], request.get("config"))


def _validate(request: dict[str, object]) -> object:
    config, errors = cfg.validate(request.get("doc"), request.get("bases"))
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
HANDLERS.update(config_requests.HANDLERS)


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
