"""balance(): how promotional the account has been lately, held against the user's target."""

from salesy import config as cfg
from salesy.engine import check, effective_config

VERDICTS = ("ok", "promotional", "pure_ad")


def balance(posts: list[dict[str, object]], config: object = None) -> dict[str, object]:
    """posts: [{"text", "verdict", "at", "source"}], newest last or first: `at` decides.

    Counts the most recent `balance.window` posts. A post without a valid verdict is checked.
    """
    conf = effective_config(config)
    settings = conf["balance"]
    assert isinstance(settings, dict)
    window = int(settings["window"])
    target = cfg.target_percent(conf)
    usable = [p for p in posts if isinstance(p, dict)] if isinstance(posts, list) else []
    # Newest first by `at` (ISO strings or numbers sort the same way); ties keep input order.
    indexed = [(str(p.get("at", "")), i, p) for i, p in enumerate(usable)]
    indexed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    recent = [p for _at, _i, p in indexed[:window]]
    counts = {"ok": 0, "promotional": 0, "pure_ad": 0}
    for post in recent:
        verdict = post.get("verdict")
        if verdict not in VERDICTS:
            verdict = check(str(post.get("text", "")), conf)["verdict"]
        assert isinstance(verdict, str)
        counts[verdict] += 1
    total = len(recent)
    promotional = counts["promotional"] + counts["pure_ad"]
    share = (promotional * 100 + total // 2) // total if total else 0
    if share <= target:
        status = "healthy"
        advice = "Healthy: keep sharing, helping and talking with people."
    elif share <= target + max(10, target // 2):
        status = "leaning"
        advice = "Leaning salesy: your next few posts could share, help or reply instead of sell."
    else:
        status = "billboard"
        advice = "Billboard: most recent posts sell. Post something useful or personal next."
    if total == 0:
        advice = "No posts yet: nothing to balance."
    return {
        "total": total,
        "counts": counts,
        "promotional": promotional,
        "share": share,
        "target": target,
        "status": status,
        "advice": advice,
    }
