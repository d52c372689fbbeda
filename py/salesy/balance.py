"""balance(): how promotional the account has been lately, held against the user's target.

The doctrine's lesson is about the account, not one post: promotion now and then is fine, an
account that does little else has turned X into an email list. So: over the last N posts
(`balance.window`, default 20) or the last D days (`balance.days`), the share of posts that are
`promotional` or `pure_ad`, against the target (80/20 → at most 1 in 5, 4-1-1 → 1 in 6, rule
of thirds → 1 in 3, any N/M adding up to 100 such as 90/10, or a custom percentage), a status
and one line of advice.

Runs on CPython and MicroPython alike: dates are parsed by hand, no datetime, no re.
"""

from salesy import config as cfg
from salesy.engine import effective_config, rate
from salesy.order import sort_by

VERDICTS = ("ok", "promotional", "pure_ad")

# Presets as exact fractions, so "1 in 6" is not rounded to 17 % before it is compared.
FRACTIONS = {"80/20": (1, 5), "4-1-1": (1, 6), "thirds": (1, 3)}
LABELS = {"80/20": "80/20", "4-1-1": "4-1-1", "thirds": "rule of thirds"}

# With fewer promotional posts than this, an account is not called a billboard (one ad in
# a new account is a post, not a habit).
BILLBOARD_MIN = 3
# A run of this many promotional posts in a row gets its own advice.
STREAK_MIN = 3


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 (Howard Hinnant's algorithm; no datetime on MicroPython)."""
    year -= 1 if month <= 2 else 0
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _digits(text: str, start: int, count: int) -> int:
    part = text[start : start + count]
    if len(part) != count or not part.isdigit():
        raise ValueError("not a date")
    return int(part)


def timestamp(at: object) -> float | None:
    """Seconds since 1970 (UTC) of an ISO 8601 date (`2026-11-05`, `2026-11-05T14:03:00Z`,
    `...000Z`, `...+01:00`) or of a number of milliseconds; None when it is neither."""
    if isinstance(at, bool):
        return None
    if isinstance(at, (int, float)):
        return at / 1000
    if not isinstance(at, str):
        return None
    text = at.strip()
    try:
        days = _days_from_civil(_digits(text, 0, 4), _digits(text, 5, 2), _digits(text, 8, 2))
        seconds: float = 0
        if len(text) >= 16 and text[10] in "T ":
            seconds = _digits(text, 11, 2) * 3600 + _digits(text, 14, 2) * 60
            if len(text) >= 19 and text[16] == ":":
                seconds += _digits(text, 17, 2)
            tail = text[19:] if len(text) >= 19 else ""
            if tail[:1] == ".":  # fractions of a second (JavaScript's toISOString has ms)
                end = 1
                while end < len(tail) and tail[end].isdigit():
                    end += 1
                if end > 1:
                    seconds += int(tail[1:end]) / 10 ** (end - 1)
                tail = tail[end:]
            sign_at = max(tail.rfind("+"), tail.rfind("-"))
            if sign_at >= 0:
                zone = tail[sign_at + 1 :].replace(":", "")
                offset = _digits(zone, 0, 2) * 3600 + (_digits(zone, 2, 2) * 60 if zone[2:] else 0)
                seconds -= offset if tail[sign_at] == "+" else -offset
    except (ValueError, IndexError):
        return None
    return days * 86400 + seconds


def target_fraction(config: dict[str, object]) -> tuple[int, int]:
    """The target as (numerator, denominator): at most this share of posts may promote."""
    settings = config["balance"]
    assert isinstance(settings, dict)
    goal = settings["target"]
    if isinstance(goal, str) and goal in FRACTIONS:
        return FRACTIONS[goal]
    return cfg.target_percent(config), 100


def _label(config: dict[str, object]) -> str:
    settings = config["balance"]
    assert isinstance(settings, dict)
    goal = settings["target"]
    if isinstance(goal, str) and goal in LABELS:
        return LABELS[goal]
    if cfg.ratio_target(goal) is not None:
        return str(goal)
    return "at most " + str(cfg.target_percent(config)) + " %"


def _plural(count: int, word: str) -> str:
    return str(count) + " " + word + ("" if count == 1 else "s")


def _moment_index(item: tuple[float, int, dict[str, object]]) -> tuple[float, int]:
    return item[0], item[1]


def _window(
    posts: object, window: int, days: int, now: object
) -> tuple[list[dict[str, object]], float | None]:
    """The posts the balance counts, newest first, and the moment `days` counts back from."""
    usable = [p for p in posts if isinstance(p, dict)] if isinstance(posts, list) else []
    # Newest first by time; a post without a readable date counts as the oldest. Ties keep
    # the input order (the later of two posts at the same moment is the newer one).
    keyed = []
    for index, post in enumerate(usable):
        moment = timestamp(post.get("at"))
        keyed.append((moment if moment is not None else -1e18, index, post))
    # The keys are unique (the index breaks ties), so ascending then reversed is the order
    # sort(reverse=True) gives. Histories arrive newest first: fed oldest first, sort_by
    # finds them in order (MicroPython's list.sort would go quadratic on them).
    keyed.reverse()
    keyed = sort_by(keyed, _moment_index)
    keyed.reverse()
    ordered = [post for _moment, _index, post in keyed]
    if days <= 0:
        return ordered[:window], None
    end = timestamp(now)
    if end is None:
        end = keyed[0][0] if keyed and keyed[0][0] > -1e18 else None
    if end is None:
        return [], None
    start = end - days * 86400
    return [post for moment, _index, post in keyed if moment > start], end


def _advice(
    total: int, promotional: int, pure_ads: int, allowed: int, streak: int, status: str
) -> str:
    if total == 0:
        return "Post something or open your profile on X to see your balance."
    if streak >= STREAK_MIN:
        if streak == total:
            head = "Your last " + _plural(streak, "post") + " were all promotion"
        else:
            head = "Your last " + str(streak) + " posts in a row were promotion"
        return head + " — share something you learned, or reply to someone."
    if status == "billboard":
        return (
            str(promotional)
            + " of your last "
            + str(total)
            + " posts sell: X is pay-it-forward, not a billboard — help, share or reply"
            + " for a while before the next promotion."
        )
    if status == "leaning":
        extra = " (" + _plural(pure_ads, "pure ad") + ")" if pure_ads else ""
        return (
            "Leaning salesy: "
            + str(promotional)
            + " of your last "
            + str(total)
            + " posts promote"
            + extra
            + " — make the next ones give: a tip, a question, credit to someone."
        )
    if promotional == 0:
        return "All giving, no selling — a promotion now and then is fine when it helps people."
    room = allowed - promotional
    if room <= 0:
        return "Right at your target: make the next post about something other than what you sell."
    return (
        "Healthy balance: room for "
        + _plural(room, "more promotional post")
        + " — keep sharing, helping and talking with people."
    )


def balance(
    posts: list[dict[str, object]],
    config: object = None,
    window: int | None = None,
    days: int | None = None,
    now: object = None,
) -> dict[str, object]:
    """posts: [{"text", "verdict", "at", "source", ...}] in any order: `at` decides.

    Counts the newest `window` posts (config `balance.window`), or, when `days` (config
    `balance.days`) is above 0, every post of the `days` days up to `now` (an ISO date; by
    default the newest post's). A post without a valid verdict is checked.
    """
    conf = effective_config(config)
    settings = conf["balance"]
    assert isinstance(settings, dict)
    size = int(window if window is not None else settings["window"])
    span = int(days if days is not None else settings.get("days", 0) or 0)
    recent, _end = _window(posts, max(1, size), span, now)
    counts = {"ok": 0, "promotional": 0, "pure_ad": 0}
    verdicts = []
    for post in recent:
        verdict = post.get("verdict")
        if verdict not in VERDICTS:
            verdict = rate(str(post.get("text", "")), conf)[0]
        assert isinstance(verdict, str)
        counts[verdict] += 1
        verdicts.append(verdict)
    total = len(recent)
    promotional = counts["promotional"] + counts["pure_ad"]
    numerator, denominator = target_fraction(conf)
    target = cfg.target_percent(conf)
    # How many promotional posts the target allows among these `total` (exact arithmetic:
    # sitting exactly on the target is still healthy).
    allowed = total * numerator // denominator
    share = (promotional * 100 + total // 2) // total if total else 0
    # Billboard: above twice the target (at most half the posts, at least 10 points over).
    line = max(target + 10, min(2 * target, 50))
    if total == 0 or promotional * denominator <= total * numerator:
        status = "healthy"
    elif promotional * 100 > line * total and promotional >= BILLBOARD_MIN:
        status = "billboard"
    else:
        status = "leaning"
    streak = 0
    for verdict in verdicts:
        if verdict == "ok":
            break
        streak += 1
    recent_out = []
    for index, post in enumerate(recent):  # no zip(strict=) on MicroPython
        item: dict[str, object] = {"verdict": verdicts[index], "at": post.get("at")}
        for key in ("id", "source", "reply"):
            if key in post:
                item[key] = post[key]
        recent_out.append(item)
    return {
        "total": total,
        "counts": counts,
        "promotional": promotional,
        "share": share,
        "target": target,
        "target_label": _label(conf),
        "allowed": allowed,
        "status": status,
        "streak": streak,
        "window": {"posts": size, "days": span},
        "advice": _advice(total, promotional, counts["pure_ad"], allowed, streak, status),
        "recent": recent_out,
    }
