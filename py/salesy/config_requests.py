"""The engine requests behind the options page's config editor, import and export.

Each takes and returns JSON-able data; `salesy.protocol` merges this table into its own.
"""

from salesy import config as cfg
from salesy import examples


def _doc(request: dict[str, object]) -> object:
    return request.get("doc")


def _inspect(request: dict[str, object]) -> object:
    """validate + every example's result: what an import preview shows."""
    return examples.inspect(_doc(request), request.get("bases"))


def _parse(request: dict[str, object]) -> object:
    """JSON text (a file, a team URL's body) -> {doc, errors}, with the size limit."""
    doc, errors = cfg.parse(request.get("text"))
    return {"doc": doc, "errors": errors, "extends": cfg.extends_refs(doc)}


def _share_encode(request: dict[str, object]) -> object:
    config = cfg.merge(_doc(request), request.get("bases"))
    return {"code": cfg.encode_share(config)}


def _share_decode(request: dict[str, object]) -> object:
    doc, errors = cfg.decode_share(request.get("code"))
    return {"doc": doc, "errors": errors, "extends": cfg.extends_refs(doc)}


def _diff(request: dict[str, object]) -> object:
    old = cfg.merge(request.get("old"))
    new = cfg.merge(request.get("new"))
    return cfg.diff(old, new)


def _defaults(request: dict[str, object]) -> object:
    return {"config": cfg.defaults(), "presets": sorted(cfg.PRESETS), "targets": cfg.TARGETS}


def _schema(request: dict[str, object]) -> object:
    return cfg.schema()


HANDLERS = {
    "config-inspect": _inspect,
    "config-parse": _parse,
    "config-share-encode": _share_encode,
    "config-share-decode": _share_decode,
    "config-diff": _diff,
    "config-defaults": _defaults,
    "config-schema": _schema,
}
