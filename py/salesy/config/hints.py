"""Errors that help: what a value was, which known key a typo meant, typed checks."""

from salesy.config.jsontext import dumps


def describe(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = dumps(value)
    return text if len(text) <= 40 else text[:37] + '..."'


def levenshtein(a: str, b: str) -> int:
    """Levenshtein distance (MicroPython has no difflib)."""
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return previous[len(b)]


def suggest(word: object, known: list[str]) -> str | None:
    """The known key closest to `word`, if it is close enough to be a typo."""
    text = str(word)
    lowered = text.lower().replace("-", "_").replace(" ", "_")
    best = None
    best_distance = 99
    for candidate in known:
        if candidate.lower().replace("-", "_") == lowered:
            return candidate
        distance = levenshtein(lowered, candidate.lower())
        if distance < best_distance:
            best, best_distance = candidate, distance
    if best is not None and best_distance <= max(1, len(best) // 3):
        return best
    return None


def report_unknown(
    section: dict[str, object], known: list[str], path: str, errors: list[str]
) -> None:
    for key in sorted(section, key=str):
        if key not in known:
            prefix = path + "." if path else ""
            message = prefix + str(key) + ": unknown setting"
            guess = suggest(key, known)
            if guess is not None:
                message += '; did you mean "' + guess + '"?'
            else:
                message += " (known: " + ", ".join(k for k in known if k != "$schema") + ")"
            errors.append(message)


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
    for index, item in enumerate(value):
        where = path + "[" + str(index) + "]"
        if not isinstance(item, str) or not item.strip():
            errors.append(where + ": must be a non-empty string, got " + describe(item))
        elif len(item) > length:
            errors.append(where + ": at most " + str(length) + " characters, got " + str(len(item)))
        else:
            out.append(item.strip())
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
