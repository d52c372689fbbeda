"""Errors that help: what a value was, which known key a typo meant, typed checks."""

from salesy.config.jsontext import dumps


def describe(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = dumps(value)
    return text if len(text) <= 40 else text[:37] + '..."'


# A did-you-mean is worth offering for a key a person typed: the longest known key is 25
# characters ("salesy:recommended", rule names), so anything past 40 is not a typo of one, and
# the distance below would cost len(a) x len(b) steps for nothing (a 20 000-character key took
# a minute on MicroPython).
MAX_HINT_KEY = 40
# A document with thousands of unknown keys is not a config with typos: name the first few.
MAX_UNKNOWN_REPORTED = 20
MAX_KEY_SHOWN = 40


def levenshtein(a: str, b: str, limit: int = -1) -> int:
    """Levenshtein distance (MicroPython has no difflib). With `limit` >= 0 the answer is
    capped at limit + 1, and only cells within `limit` of the diagonal are worked out, with an
    exit as soon as a whole row is past it: len(a) x (2 limit + 1) steps at most."""
    if limit < 0:
        limit = max(len(a), len(b))
    big = limit + 1
    if abs(len(a) - len(b)) > limit:
        return big
    width = len(b)
    previous = [j if j <= limit else big for j in range(width + 1)]
    for i in range(1, len(a) + 1):
        current = [big] * (width + 1)
        current[0] = i if i <= limit else big
        best = current[0]
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, big)
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return big
        previous = current
    return previous[width]


def suggest(word: object, known: list[str]) -> str | None:
    """The known key closest to `word`, if it is close enough to be a typo."""
    text = str(word)
    if len(text) > MAX_HINT_KEY:
        return None
    lowered = text.lower().replace("-", "_").replace(" ", "_")
    best = None
    best_distance = 99
    for candidate in known:
        if candidate.lower().replace("-", "_") == lowered:
            return candidate
        allowed = max(1, len(candidate) // 3)
        distance = levenshtein(lowered, candidate.lower(), allowed)
        if distance <= allowed and distance < best_distance:
            best, best_distance = candidate, distance
    return best


def shown_key(key: object) -> str:
    """A key as an error message names it: long ones cut, so a message stays a line."""
    text = str(key)
    return text if len(text) <= MAX_KEY_SHOWN else text[: MAX_KEY_SHOWN - 1] + "…"


def more_unknown(count: int, what: str, path: str, errors: list[str]) -> None:
    """The line after the first MAX_UNKNOWN_REPORTED unknown keys: how many more there are."""
    if count > MAX_UNKNOWN_REPORTED:
        where = path + ": " if path else ""
        errors.append(where + "and " + str(count - MAX_UNKNOWN_REPORTED) + " more unknown " + what)


def report_unknown(
    section: dict[str, object], known: list[str], path: str, errors: list[str]
) -> None:
    unknown = [key for key in section if key not in known]
    for key in sorted(unknown, key=str)[:MAX_UNKNOWN_REPORTED]:
        prefix = path + "." if path else ""
        message = prefix + shown_key(key) + ": unknown setting"
        guess = suggest(key, known)
        if guess is not None:
            message += '; did you mean "' + guess + '"?'
        else:
            message += " (known: " + ", ".join(k for k in known if k != "$schema") + ")"
        errors.append(message)
    more_unknown(len(unknown), "settings", path, errors)


def is_int(value: object) -> bool:
    # bool is an int subclass on CPython (not on MicroPython): reject it on both.
    return isinstance(value, int) and not isinstance(value, bool)


def int_in(value: object, low: int, high: int) -> bool:
    return is_int(value) and low <= value <= high  # type: ignore[operator]


def string_list(
    value: object, path: str, errors: list[str], limit: int, length: int
) -> list[str] | None:
    if not isinstance(value, list):
        errors.append(path + ": must be a list of strings, got " + describe(value))
        return None
    if len(value) > limit:
        errors.append(path + ": at most " + str(limit) + " entries, got " + str(len(value)))
        return None
    out: list[str] = []
    wrong: list[str] = []
    for index, item in enumerate(value):
        where = path + "[" + str(index) + "]"
        if not isinstance(item, str) or not item.strip():
            wrong.append(where + ": must be a non-empty string, got " + describe(item))
        elif len(item) > length:
            wrong.append(where + ": at most " + str(length) + " characters, got " + str(len(item)))
        else:
            out.append(item.strip())
    errors.extend(wrong[:MAX_UNKNOWN_REPORTED])
    if len(wrong) > MAX_UNKNOWN_REPORTED:
        errors.append(
            path + ": and " + str(len(wrong) - MAX_UNKNOWN_REPORTED) + " more entries like these"
        )
    return out


def union(first: list[str], second: list[str]) -> list[str]:
    """first then second, each entry once (compared case-insensitively, first spelling kept)."""
    seen: dict[str, bool] = {}
    out: list[str] = []
    for item in first + second:
        key = " ".join(item.lower().split())
        if key not in seen:
            seen[key] = True
            out.append(item)
    return out
