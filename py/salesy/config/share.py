"""A config's smallest equivalent document, the difference of two configs, and share codes."""

import binascii

from salesy.config.defaults import VERSION, defaults
from salesy.config.jsontext import dumps, parse


def minimal(config: dict[str, object]) -> dict[str, object]:
    """Only what differs from the defaults (plus the version): the smallest equivalent doc."""
    base = defaults()
    out: dict[str, object] = {"salesy": VERSION}
    for key in ("name", "description"):
        if config.get(key):
            out[key] = config[key]
    for section in ("rules", "thresholds", "terms", "balance", "examples"):
        mine = config.get(section)
        theirs = base[section]
        assert isinstance(theirs, dict)
        if not isinstance(mine, dict):
            continue
        changed: dict[str, object] = {}
        for key in sorted(mine):
            if section == "rules":
                setting = mine[key]
                default = theirs.get(key, {})
                delta = {f: setting[f] for f in sorted(setting) if setting[f] != default.get(f)}
                if delta:
                    changed[key] = delta
            elif mine[key] != theirs.get(key):
                changed[key] = mine[key]
        if changed:
            out[section] = changed
    return out


def diff(old: dict[str, object], new: dict[str, object]) -> list[dict[str, object]]:
    """What changes from config `old` to `new`: scalars by path, lists as added/removed."""
    changes: list[dict[str, object]] = []
    _diff(old, new, "", changes)
    return changes


def _diff(old: object, new: object, path: str, out: list[dict[str, object]]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(list(old) + list(new)), key=str):
            sub = path + "." + str(key) if path else str(key)
            _diff(old.get(key), new.get(key), sub, out)
    elif isinstance(old, list) and isinstance(new, list):
        # Membership through a dict: two lists of 2 000 terms took 3 s on MicroPython as
        # list scans (each `in` a pass over the other list).
        added = _missing(new, old)
        removed = _missing(old, new)
        if added or removed:
            out.append({"path": path, "added": added, "removed": removed})
    elif old != new or type(old) is not type(new):
        out.append({"path": path, "before": old, "after": new})


def _missing(items: list[object], other: list[object]) -> list[object]:
    """The items of `items` not in `other`, in order (strings by a dict, anything else by ==)."""
    keys = {item: True for item in other if isinstance(item, str)}
    rest = [item for item in other if not isinstance(item, str)]
    return [
        item for item in items if (item not in keys if isinstance(item, str) else item not in rest)
    ]


SHARE_PREFIX = "SALESY1"
# The code of the biggest config there may be (256 KB of JSON is 8/5 as long in base32), with
# room for its prefix, checksum and line breaks: a longer text is refused before decoding.
MAX_SHARE_CODE = (256 * 1024 * 8) // 5 + 4096
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _b32encode(data: bytes) -> str:
    out = []
    buffer = 0
    bits = 0
    for byte in data:
        buffer = (buffer << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(_B32[(buffer >> bits) & 31])
        buffer &= (1 << bits) - 1
    if bits:
        out.append(_B32[(buffer << (5 - bits)) & 31])
    return "".join(out)


def _b32decode(text: str) -> bytes | None:
    out = bytearray()
    buffer = 0
    bits = 0
    for char in text:
        value = _B32.find(char)
        if value < 0:
            return None
        buffer = (buffer << 5) | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 255)
            buffer &= (1 << bits) - 1
    return bytes(out)


def _checksum(text: str) -> str:
    crc = binascii.crc32(text.encode("utf-8")) & 0xFFFFFFFF
    digits = "0123456789ABCDEF"
    return "".join(digits[(crc >> shift) & 15] for shift in (28, 24, 20, 16, 12, 8, 4, 0))


def encode_share(config: dict[str, object]) -> str:
    """A share code: SALESY1-<base32 of the minimal JSON>-<CRC-32>. Letters, digits and
    hyphens only, so chat apps and e-mail neither format nor break it (whitespace a mail
    client inserts is ignored on the way back; case does not matter)."""
    payload = _b32encode(dumps(minimal(config)).encode("utf-8"))
    return SHARE_PREFIX + "-" + payload + "-" + _checksum(payload)


def decode_share(code: object) -> tuple[object, list[str]]:
    """A share code (or a share link holding one) -> (document, errors)."""
    if not isinstance(code, str) or not code.strip():
        return None, ["share code: empty; paste a code that starts with " + SHARE_PREFIX]
    if len(code) > MAX_SHARE_CODE:
        return None, [
            "share code: "
            + str(len(code))
            + " characters is longer than the code of any config (a config is at most 256 KB)"
        ]
    text = "".join(code.split()).upper()
    start = text.find(SHARE_PREFIX + "-")
    if start < 0:
        return None, ["share code: not a Salesy share code (it starts with " + SHARE_PREFIX + "-)"]
    parts = text[start + len(SHARE_PREFIX) + 1 :].split("-")
    if len(parts) != 2 or not parts[0]:
        return None, ["share code: incomplete; copy the whole code, up to its last part"]
    payload, check = parts[0], parts[1][:8]
    if _checksum(payload) != check:
        return None, ["share code: damaged (its checksum does not match); copy it again in full"]
    data = _b32decode(payload)
    if data is None:
        return None, ["share code: damaged (letters outside the code's alphabet)"]
    try:
        return parse(data.decode("utf-8"))
    except Exception:
        return None, ["share code: damaged (not UTF-8 text)"]
