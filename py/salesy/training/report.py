"""Figures on labelled posts: what `salesy report` prints and `salesy train` checks.

Per source: how many of its promotion and of its everyday posts are flagged, how many are
called a pure ad; on Salesy's own corpus, the three-way accuracy. Per rule: SpamAssassin's
hit-frequencies (how often it fires on promotion and on everyday posts, how often it is
right, its weight). And leave-one-source-out: the whole fit done again without a source,
then measured on it — the figure that predicts posts from a source nobody has seen.

CPython only.
"""

from __future__ import annotations

from collections.abc import Sequence

from salesy.engine import effective_config, judge
from salesy.rules import RULES
from salesy.training import fit
from salesy.training.datasets import Post, Source

VERDICTS = ("ok", "promotional", "pure_ad")


def judged(sources: Sequence[Source], config: object = None) -> list[tuple[Post, str, list[str]]]:
    """(post, the engine's verdict, the ids of the rules that counted) for every post."""
    conf = effective_config(config)
    out = []
    for source in sources:
        for post in source.posts:
            result = judge(post.text, conf)
            reasons = result["reasons"]
            assert isinstance(reasons, list)
            out.append((post, str(result["verdict"]), [RULES[r[0]].ID for r in reasons]))
    return out


def by_source(rows: Sequence[tuple[Post, str]]) -> list[dict[str, object]]:
    """Per source and side: posts, share flagged, share called a pure ad."""
    groups: dict[tuple[str, str], list[str]] = {}
    for post, verdict in rows:
        side = "corpus " + post.label if post.label in VERDICTS[1:] else post.label
        groups.setdefault((post.source, side), []).append(verdict)
    out = []
    for (source, side), verdicts in sorted(groups.items()):
        n = len(verdicts)
        out.append(
            {
                "source": source,
                "side": side,
                "posts": n,
                "flagged": sum(1 for v in verdicts if v != "ok") / n,
                "pure_ad": sum(1 for v in verdicts if v == "pure_ad") / n,
                "promotional": sum(1 for v in verdicts if v == "promotional") / n,
            }
        )
    return out


def corpus_figures(rows: Sequence[tuple[Post, str]]) -> dict[str, object] | None:
    """Three-way accuracy and confusion matrix on the posts labelled with verdicts."""
    labelled = [(p, v) for p, v in rows if p.label in VERDICTS and p.source == "corpus"]
    if not labelled:
        return None
    matrix = {label: dict.fromkeys(VERDICTS, 0) for label in VERDICTS}
    for post, verdict in labelled:
        matrix[post.label][verdict] += 1
    right = sum(matrix[v][v] for v in VERDICTS)
    warned = [v for p, v in labelled if v != "ok"]
    deserved = sum(1 for p, v in labelled if v != "ok" and p.label != "ok")
    return {
        "posts": len(labelled),
        "accuracy": right / len(labelled),
        "matrix": matrix,
        "ok_flagged": matrix["ok"]["promotional"] + matrix["ok"]["pure_ad"],
        "flag_precision": deserved / len(warned) if warned else 1.0,
    }


def hit_frequencies(examples: Sequence[fit.Example]) -> list[dict[str, object]]:
    """Per rule, on posts (e-mail left out): the share of promotion posts and of everyday
    posts it fires on (whatever its weight; the wording rule at any level), its S/O (hits on
    promotion / all hits, each side weighing the same) and its weight."""
    posts = [ex for ex in examples if not ex.mail]
    promo = [ex for ex in posts if ex.promo]
    everyday = [ex for ex in posts if not ex.promo]
    wording = [fit.wording_total(ex, fit.current_table()) > 0 for ex in posts]
    fired = {id(ex): w for ex, w in zip(posts, wording, strict=True)}
    out = []
    for rule in RULES:

        def hit(ex: fit.Example, rule_id: str = rule.ID) -> bool:
            return fired[id(ex)] if rule_id == fit.WORDING_ID else rule_id in ex.levels

        p = sum(1 for ex in promo if hit(ex)) / len(promo) if promo else 0.0
        e = sum(1 for ex in everyday if hit(ex)) / len(everyday) if everyday else 0.0
        out.append(
            {
                "rule": rule.ID,
                "name": rule.NAME,
                "category": rule.CATEGORY,
                "weight": rule.WEIGHT,
                "promo": p,
                "everyday": e,
                "s_o": p / (p + e) if p + e else None,
            }
        )
    return out


def leave_one_out(examples: Sequence[fit.Example], names: Sequence[str]) -> list[dict[str, object]]:
    """For each source: fit everything without it, judge it, and report the same figures."""
    out: list[dict[str, object]] = []
    for held in names:
        rest = [ex for ex in examples if ex.source != held]
        kept = [ex for ex in examples if ex.source == held]
        if not kept or not rest:
            continue
        model = fit.train(rest)
        verdicts = fit.judge(model, kept)
        rows = [
            (Post("", ex.label, ex.source, ""), verdict)
            for ex, verdict in zip(kept, verdicts, strict=True)
        ]
        out.append(
            {
                "source": held,
                "thresholds": model.thresholds,
                "figures": by_source(rows),
                "corpus": corpus_figures(rows),
            }
        )
    return out


def _pct(x: float) -> str:
    return f"{100 * x:5.1f} %"


def format_sources(figures: Sequence[dict[str, object]], indent: str = "  ") -> list[str]:
    lines = []
    for row in figures:
        lines.append(
            f"{indent}{row['source']!s:14} {row['side']!s:20} {int(row['posts']):6}"  # type: ignore[call-overload]
            f"   flagged {_pct(float(row['flagged']))}"  # type: ignore[arg-type]
            f"   pure ad {_pct(float(row['pure_ad']))}"  # type: ignore[arg-type]
        )
    return lines


def format_corpus(figures: dict[str, object] | None, indent: str = "  ") -> list[str]:
    if not figures:
        return []
    matrix = figures["matrix"]
    assert isinstance(matrix, dict)
    lines = [
        f"{indent}own corpus: accuracy {_pct(float(figures['accuracy']))},"  # type: ignore[arg-type]
        f" {figures['ok_flagged']} ok posts warned,"
        f" {_pct(float(figures['flag_precision']))} of warnings deserved",  # type: ignore[arg-type]
        f"{indent}  label \\ verdict    " + "".join(f"{v:>13}" for v in VERDICTS),
    ]
    for label in VERDICTS:
        lines.append(f"{indent}  {label:18}" + "".join(f"{matrix[label][v]:13}" for v in VERDICTS))
    return lines


def format_hits(hits: Sequence[dict[str, object]]) -> list[str]:
    lines = ["  rule   name                 weight   promo   everyday   S/O"]
    for row in hits:
        s_o = row["s_o"]
        lines.append(
            f"  {row['rule']}  {row['name']!s:20} {int(row['weight']):6}"  # type: ignore[call-overload]
            f"  {_pct(float(row['promo']))}  {_pct(float(row['everyday']))}"  # type: ignore[arg-type]
            f"  {'  -  ' if s_o is None else f'{float(s_o):.2f}'}"  # type: ignore[arg-type]
        )
    return lines


def misses(triples: Sequence[tuple[Post, str, list[str]]], limit: int = 40) -> list[str]:
    """Posts judged against their side, first the everyday posts flagged."""
    wrong = [
        t
        for t in triples
        if (t[1] != "ok") != t[0].promo or (t[0].label in VERDICTS[1:] and t[1] != t[0].label)
    ]
    wrong.sort(key=lambda t: (t[0].promo, t[0].source))
    lines = []
    for post, verdict, reasons in wrong[:limit]:
        text = " ".join(post.text.split())
        text = text if len(text) <= 100 else text[:97] + "..."
        lines.append(f"  {post.where} [{post.label} -> {verdict}] {','.join(reasons)}: {text}")
    if len(wrong) > limit:
        lines.append(f"  ... and {len(wrong) - limit} more")
    return lines
