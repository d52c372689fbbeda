"""JSON text in and out, the same on CPython and MicroPython, with the size limit."""

from salesy.config.defaults import MAX_BYTES


def dumps(value: object) -> str:
    """Minified JSON with sorted keys and raw non-ASCII: identical on CPython and MicroPython
    (whose json.dumps neither sorts keys nor escapes the same way)."""
    parts: list[str] = []
    _dump(value, parts)
    return "".join(parts)


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = ['"', "\\"] + [chr(code) for code in range(32)]
_HEX = "0123456789abcdef"


def _plain(text: str) -> bool:
    return all(char not in text for char in _SPECIAL)


def _dump(value: object, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(str(int(value)) if value == int(value) else repr(value))
    elif isinstance(value, str):
        out.append('"')
        if _plain(value):  # the usual case, without a Python-level loop (MicroPython is slow)
            out.append(value)
        else:
            for char in value:
                if char in _ESCAPES:
                    out.append(_ESCAPES[char])
                elif ord(char) < 32:
                    out.append("\\u00" + _HEX[ord(char) >> 4] + _HEX[ord(char) & 15])
                else:
                    out.append(char)
        out.append('"')
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _dump(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for index, key in enumerate(sorted(value, key=str)):
            if index:
                out.append(",")
            _dump(str(key), out)
            out.append(":")
            _dump(value[key], out)
        out.append("}")
    else:
        _dump(str(value), out)


def size(doc: object) -> int:
    """Bytes of the document as minified UTF-8 JSON (what the 256 KB limit counts)."""
    return len(dumps(doc).encode("utf-8"))


def parse(text: object) -> tuple[object, list[str]]:
    """JSON text -> (document, errors); refuses more than MAX_BYTES before parsing."""
    import json

    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except Exception:
            return None, ["(file): not UTF-8 text"]
    if not isinstance(text, str):
        return None, ["(file): expected JSON text"]
    length = len(text.encode("utf-8"))
    if length > MAX_BYTES:
        return None, ["(file): " + kilobytes(length) + " is too big; a config is at most 256 KB"]
    if not text.strip():
        return None, ['(file): empty; a config is a JSON object like {"salesy": 1}']
    try:
        return json.loads(text), []
    except Exception as error:
        where = ""
        line = getattr(error, "lineno", None)
        if line is not None:
            where = " at line " + str(line) + ", column " + str(getattr(error, "colno", 0))
        reason = getattr(error, "msg", None) or str(error)
        return None, ["(file): not valid JSON" + where + ": " + str(reason)]


def kilobytes(length: int) -> str:
    return str((length + 1023) // 1024) + " KB"
