"""Fitting Salesy's judgement on labelled posts, the way SpamAssassin fits its scores.

1. Every rule runs on every post once (`extract`): which rules fire, and the words and pairs
   the wording rule weighs.
2. The wording table (`fit_wording`): each word or pair's log-odds of appearing in ads and
   spam rather than in everyday posts, with each source weighing the same, kept only when the
   word occurs in at least two sources (so no corpus's topic becomes a signal).
3. SpamAssassin's gate (`gate`): a promotion-side rule must be right on at least 95 % of the
   posts it fires on (class-balanced), on enough of them; others get weight 0.
4. The weights (`fit_weights`): a sign-constrained logistic regression (promotion-side rules
   push towards promotion, value rules away, the value group capped), fitted by projected
   gradient descent from zero in a fixed order: deterministic, no dependency.
5. The thresholds (`fit_thresholds`): "promotional" where at most 1 % of each everyday
   source is flagged, "pure ad" where at most 0.2 % are; between them, a small grid search on
   the labelled corpus decides how much value makes a promotion "promotional".

Weights are integers (points; 10 a logit), so CPython and MicroPython add them up the same.
CPython only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salesy import config as cfg
from salesy.doc import Doc
from salesy.engine import detect
from salesy.rules import BY_ID, RULES
from salesy.rules import sl119_ad_wording as wording
from salesy.training.datasets import Post, Source

WORDING_ID = wording.ID
POINTS_PER_LOGIT = 10
# The wording rule may not carry a verdict alone: its vocabulary is learned from these
# sources, and a post from a source nobody has seen must be caught by what it does (calls to
# action, offers, begging), which the detectors see the same way everywhere. In logits.
CEILINGS = {WORDING_ID: 5.0}
VALUE_CAP = 20  # points the value group may take off, at most
GATE_PRECISION = 0.95
GATE_MIN_HITS = 8
MAX_WORDS_IN_TABLE = 3000
# A missing-key lookup in this MicroPython build is very slow when a dict is exactly full at
# one of its growth sizes (measured: 2 161, 3 229, 4 831 entries); stay clear of them.
DICT_TRAPS = (2161, 3229, 4831)
WORD_LIMIT = 60  # |weight| of a word, in tenths of a logit... of its own scale
FLAG_RATE = 0.01  # the promise: at most 1 % of each everyday source
PURE_RATE = 0.0012  # aim under the 0.2 % promise
# E-mail teaches the wording and the weights (spam is ad copy in quantity), but a rule's
# precision and the thresholds are measured on posts: a signature's phone number or a mailing
# list's "to unsubscribe" footer says nothing about a post on X.
MAIL_KINDS = ("spamassassin",)


@dataclass
class Example:
    source: str
    label: str
    promo: bool
    levels: dict[str, int]  # rule id -> level 0-100 of each non-graded rule that fired
    keys: list[str]  # the wording rule's words and pairs
    words: int
    mail: bool = False  # e-mail, not posts: teaches words and weights, never sets thresholds


@dataclass
class Model:
    weights: dict[str, int]
    thresholds: dict[str, int]
    value_cap: int
    table: dict[str, int]
    wording_scale: int
    gated: dict[str, str] = field(default_factory=dict)  # rule id -> why it has weight 0


def _all_rules_config() -> dict[str, object]:
    """Every rule on, at weight 1: detection alone, whatever the fitted model says now."""
    doc: dict[str, object] = {"rules": {r.ID: {"enabled": True, "weight": 1} for r in RULES}}
    doc["rules"][WORDING_ID] = {"enabled": False}  # type: ignore[index]
    return cfg.merge(doc)


def extract(sources: Iterable[Source]) -> list[Example]:
    """Every post of every source, run through every rule once."""
    conf = _all_rules_config()
    out: list[Example] = []
    for source in sources:
        mail = source.kind in MAIL_KINDS
        for post in source.posts:
            out.append(_example(post, conf, mail))
    return out


def _example(post: Post, conf: dict[str, object], mail: bool) -> Example:
    doc = Doc(post.text)
    fired, _skipped = detect(doc, conf)
    levels = {rule.ID: level for _o, rule, _w, level, _s in fired}
    keys = sorted(wording.keys(doc))
    words = wording.count_words(doc)
    return Example(post.source, post.label, post.promo, levels, keys, words, mail)


# --------------------------------------------------------------------------- the wording


def _balanced_rates(
    examples: Sequence[Example], hit: dict[int, bool] | None = None
) -> dict[bool, list[tuple[str, int, int]]]:
    """Per side, per source: (source, posts, posts hit)."""
    counts: dict[tuple[bool, str], list[int]] = {}
    for index, ex in enumerate(examples):
        entry = counts.setdefault((ex.promo, ex.source), [0, 0])
        entry[0] += 1
        if hit is not None and hit.get(index):
            entry[1] += 1
    out: dict[bool, list[tuple[str, int, int]]] = {True: [], False: []}
    for (side, source), (n, h) in sorted(counts.items()):
        out[side].append((source, n, h))
    return out


def fit_wording(examples: Sequence[Example]) -> dict[str, int]:
    """Word and pair -> integer weight (tenths of a logit), from source-balanced frequencies."""
    sides: dict[bool, dict[str, int]] = {True: {}, False: {}}  # source -> posts
    per_source: dict[tuple[bool, str], dict[str, int]] = {}
    for ex in examples:
        sides[ex.promo][ex.source] = sides[ex.promo].get(ex.source, 0) + 1
        bucket = per_source.setdefault((ex.promo, ex.source), {})
        for k in ex.keys:
            bucket[k] = bucket.get(k, 0) + 1
    sources_of: dict[str, set[str]] = {}
    for (_side, source), bucket in per_source.items():
        for k in bucket:
            sources_of.setdefault(k, set()).add(source)
    candidates = sorted(k for k, s in sources_of.items() if len(s) >= 2)

    def rate(side: bool, k: str) -> float:
        names = sides[side]
        if not names:
            return 0.0
        total = 0.0
        for source, n in names.items():
            total += per_source.get((side, source), {}).get(k, 0) / n
        return total / len(names)

    # Smoothing: a word seen in a handful of posts says little (an eighth of a post per source).
    alpha = {side: 1.0 / (8 * max(1, min(sides[side].values(), default=1))) for side in sides}
    scored: list[tuple[float, str, int]] = []
    for k in candidates:
        p, q = rate(True, k), rate(False, k)
        weight = math.log((p + alpha[True]) / (q + alpha[False]))
        support = p + q
        value = max(-WORD_LIMIT, min(WORD_LIMIT, round(10 * weight)))
        if value:
            scored.append((abs(weight) * support, k, value))
    scored.sort(key=lambda s: (-s[0], s[1]))
    kept = scored[:MAX_WORDS_IN_TABLE]
    # Words and pairs load as two dicts; neither may sit at a slow size (DICT_TRAPS).
    while True:
        words = sum(1 for _s, k, _v in kept if " " not in k)
        pairs = len(kept) - words
        if words not in DICT_TRAPS and pairs not in DICT_TRAPS:
            break
        kept.pop()
    return {k: value for _score, k, value in kept}


def current_table() -> dict[str, int]:
    """The shipped wording table (model/fitted.py) as one {key: weight} dict."""
    return {k: v - 128 for k, v in {**wording.WORDS, **wording.PAIRS}.items()}


def wording_total(ex: Example, table: dict[str, int]) -> int:
    return wording.telling([table[k] for k in ex.keys if k in table])


def fit_scale(examples: Sequence[Example], table: dict[str, int]) -> int:
    """The sum that earns the wording rule its full weight: the 90th percentile of promo posts'
    sums (so most of the range tells ads apart)."""
    totals = sorted(wording_total(ex, table) for ex in examples if ex.promo)
    if not totals:
        return 100
    return max(10, totals[int(0.9 * (len(totals) - 1))])


def with_wording(
    examples: Sequence[Example], table: dict[str, int], scale: int
) -> list[dict[str, int]]:
    """Each example's rule levels with the wording rule's level under `table`."""
    out = []
    for ex in examples:
        levels = dict(ex.levels)
        if ex.words >= wording.MIN_WORDS:
            total = wording_total(ex, table)
            if total > 0:
                level = min(100, total * 100 // scale)
                level -= level % wording.STEP
                if level:
                    levels[WORDING_ID] = level
        out.append(levels)
    return out


# --------------------------------------------------------------------------- the gate


# The labelled corpus is the only source of ads written for X: its promotion posts count
# this many times a source of e-mail or video comments.
LABELLED_WEIGHT = 1.0
EVERYDAY_WEIGHT = 10.0  # a false alarm costs ten misses, in the fit (precision first)


def _weights_by_side(examples: Sequence[Example], everyday: float = 1.0) -> list[float]:
    """Each example's share: each source weighs the same within its side, and the everyday
    side `everyday` times the promotion side."""
    posts: dict[tuple[bool, str], int] = {}
    sources: dict[bool, set[str]] = {True: set(), False: set()}
    for ex in examples:
        posts[(ex.promo, ex.source)] = posts.get((ex.promo, ex.source), 0) + 1
        sources[ex.promo].add(ex.source)
    return [
        (1.0 if ex.promo else everyday)
        * (LABELLED_WEIGHT if ex.label in ("promotional", "pure_ad") else 1.0)
        / (len(sources[ex.promo]) * posts[(ex.promo, ex.source)])
        for ex in examples
    ]


def gate(examples: Sequence[Example], levels: Sequence[dict[str, int]]) -> dict[str, str]:
    """Promotion-side rules whose S/O on posts is under 95 %, or that hit too few posts:
    rule id -> why. S/O as SpamAssassin's hit-frequencies count it: the share of promotion
    posts a rule fires on, over that plus the share of everyday posts it fires on (all
    post sources of a side together; e-mail left out). Value rules are held by the cap
    instead; the wording rule grades itself (its level is a log-odds, not a hit) and its
    weight is fitted like any other; rules whose weight is set by hand are not fitted."""
    promo = [lv for ex, lv in zip(examples, levels, strict=True) if ex.promo and not ex.mail]
    everyday = [lv for ex, lv in zip(examples, levels, strict=True) if not ex.promo and not ex.mail]
    out: dict[str, str] = {}
    for rule in RULES:
        if rule.CATEGORY == "value" or rule.FIXED is not None or rule.GRADED:
            continue
        on_promo = sum(1 for lv in promo if rule.ID in lv)
        on_everyday = sum(1 for lv in everyday if rule.ID in lv)
        if on_promo + on_everyday < GATE_MIN_HITS:
            hits = on_promo + on_everyday
            out[rule.ID] = f"fires on {hits} training posts (needs {GATE_MIN_HITS})"
            continue
        p = on_promo / max(1, len(promo))
        e = on_everyday / max(1, len(everyday))
        if p / (p + e) < GATE_PRECISION:
            out[rule.ID] = f"S/O {p / (p + e):.2f} on posts (needs {GATE_PRECISION:.2f})"
    return out


# --------------------------------------------------------------------------- the weights


def fit_value(
    examples: Sequence[Example], levels: Sequence[dict[str, int]], iterations: int = 1500
) -> dict[str, int]:
    """The value rules' points: what everyday posts and promotions told with real value
    ("promotional") have and pure ads lack. Fitted by the same sign-constrained regression on
    posts (e-mail left out): everyday posts and the corpus's promotional ones on one side, the
    corpus's pure ads and real spam on the other, each source weighing the same."""
    value_rules = [r.ID for r in RULES if r.CATEGORY == "value"]
    chosen = [i for i, ex in enumerate(examples) if not ex.mail]
    sides = [
        Example(
            examples[i].source,
            "",
            not examples[i].promo or examples[i].label == "promotional",
            {},
            [],
            0,
        )
        for i in chosen
    ]
    features = [{k: v for k, v in levels[i].items() if k in value_rules} for i in chosen]
    weights = _logistic(sides, features, value_rules, set(), iterations, 0.01, {})
    return {k: max(0, min(100, round(POINTS_PER_LOGIT * w))) for k, w in weights.items()}


def fit_weights(
    examples: Sequence[Example],
    levels: Sequence[dict[str, int]],
    excluded: Iterable[str],
    value_points: dict[str, int],
    iterations: int = 1500,
    l2: float = 0.001,
) -> dict[str, float]:
    """Sign-constrained logistic regression over the promotion-side rules; weights in
    logits. The value rules take off their (already fitted) points, at most VALUE_CAP."""
    skip = set(excluded)
    names = [r.ID for r in RULES if r.ID not in skip and r.FIXED is None and r.CATEGORY != "value"]
    share = _weights_by_side(examples, EVERYDAY_WEIGHT)
    offsets = {k: v / POINTS_PER_LOGIT for k, v in value_points.items()}
    return _logistic(examples, levels, names, skip, iterations, l2, offsets, share)


def _logistic(
    examples: Sequence[Example],
    levels: Sequence[dict[str, int]],
    names: list[str],
    skip: set[str],
    iterations: int,
    l2: float,
    offsets: dict[str, float],
    share: list[float] | None = None,
) -> dict[str, float]:
    """Logistic regression with non-negative weights for `names`, and `offsets` (logits per
    rule) taken off, capped at VALUE_CAP points; projected Adam from zero, full batch."""
    if share is None:
        share = _weights_by_side(examples)
    index = {name: i for i, name in enumerate(names)}
    # Identical feature vectors fold together: thousands of posts, far fewer vectors.
    folded: dict[tuple[tuple[tuple[int, int], ...], float], list[float]] = {}
    for ex, lv, w in zip(examples, levels, share, strict=True):
        vector = tuple(sorted((index[k], v) for k, v in lv.items() if k in index))
        taken = min(
            VALUE_CAP / POINTS_PER_LOGIT,
            sum(offsets.get(k, 0.0) * v / 100 for k, v in lv.items()),
        )
        entry = folded.setdefault((vector, taken), [0.0, 0.0])
        entry[1 if ex.promo else 0] += w
    rows = sorted(folded.items())
    ceiling = [CEILINGS.get(name, 10.0) for name in names]
    weights = [0.0] * len(names)
    bias = 0.0
    m = [0.0] * (len(names) + 1)
    v = [0.0] * (len(names) + 1)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, iterations + 1):
        grad = [0.0] * (len(names) + 1)
        for (vector, taken), (negative, positive) in rows:
            z = bias - taken
            for j, level in vector:
                z += weights[j] * level / 100
            p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
            g = p * (negative + positive) - positive  # d(loss)/dz for both labels at once
            grad[-1] += g
            for j, level in vector:
                grad[j] += g * level / 100
        for j in range(len(names)):
            grad[j] += l2 * weights[j]
        for j in range(len(names) + 1):
            m[j] = beta1 * m[j] + (1 - beta1) * grad[j]
            v[j] = beta2 * v[j] + (1 - beta2) * grad[j] * grad[j]
            delta = rate * (m[j] / (1 - beta1**step)) / (math.sqrt(v[j] / (1 - beta2**step)) + 1e-8)
            if j == len(names):
                bias -= delta
            else:
                weights[j] = min(ceiling[j], max(0.0, weights[j] - delta))
    return {name: weights[i] for i, name in enumerate(names)}


def to_points(weights: dict[str, float]) -> dict[str, int]:
    out: dict[str, int] = {}
    for rule in RULES:
        if rule.FIXED is not None:
            out[rule.ID] = rule.FIXED
        else:
            out[rule.ID] = max(0, min(100, round(POINTS_PER_LOGIT * weights.get(rule.ID, 0.0))))
    return out


# --------------------------------------------------------------------------- thresholds


def post_scores(
    levels: Sequence[dict[str, int]], points: dict[str, int], cap: int = VALUE_CAP
) -> list[tuple[int, int, int]]:
    """(net score, promotion, value) of each example, as the engine adds them up."""
    out = []
    for lv in levels:
        promotion = value = 0
        for rule_id, level in lv.items():
            gained = points.get(rule_id, 0) * level // 100
            if BY_ID[rule_id].CATEGORY == "value":
                value += gained
            else:
                promotion += gained
        value = min(value, cap)
        out.append((max(0, min(100, promotion - value)), min(100, promotion), value))
    return out


def _everyday_groups(examples: Sequence[Example]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        if not ex.promo and not ex.mail:
            groups.setdefault(ex.source, []).append(i)
    return groups


def verdict(score: int, promotion: int, value: int, thresholds: dict[str, int]) -> str:
    if score < thresholds["promotion"]:
        return "ok"
    if score < thresholds["pure_ad"]:
        return "promotional"
    if value >= thresholds["value"] and value * 100 >= promotion * thresholds["value_share"]:
        return "promotional"
    return "pure_ad"


def fit_thresholds(
    examples: Sequence[Example], scores: Sequence[tuple[int, int, int]]
) -> dict[str, int]:
    """ "promotional" from the lowest score that flags at most FLAG_RATE of every everyday
    source; then the pure-ad rule (a score from which, and how much value around the
    promotion spares it) that gets the labelled corpus's promotional / pure-ad split most
    often right while calling at most PURE_RATE of every everyday source a pure ad."""
    groups = list(_everyday_groups(examples).values())

    def allowed(members: list[int], rate: float) -> int:
        # a small source may have one post there: a rate cannot count fractions of a post
        return max(1, int(rate * len(members)))

    def flags_few(at: int) -> bool:
        return all(sum(1 for i in m if scores[i][0] >= at) <= allowed(m, FLAG_RATE) for m in groups)

    promotion = next((t for t in range(1, 101) if flags_few(t)), 100)
    flagged = [i for i in range(len(examples)) if scores[i][0] >= promotion]
    everyday = [[i for i in m if scores[i][0] >= promotion] for m in groups]
    labelled = [i for i in flagged if examples[i].label in ("promotional", "pure_ad")]
    best: tuple[int, int, int, int, int] | None = None
    for pure_ad in range(promotion, 101):
        for value in range(0, 41, 5):
            for value_share in range(0, 101, 10):
                chosen = {
                    "promotion": promotion,
                    "pure_ad": pure_ad,
                    "value": value,
                    "value_share": value_share,
                }
                if any(
                    sum(1 for i in f if verdict(*scores[i], chosen) == "pure_ad")
                    > allowed(m, PURE_RATE)
                    for f, m in zip(everyday, groups, strict=True)
                ):
                    continue
                right = sum(1 for i in labelled if verdict(*scores[i], chosen) == examples[i].label)
                key = (right, -pure_ad, -value, value_share, 0)
                if best is None or key > best:
                    best = key
    if best is None:
        return {"promotion": promotion, "pure_ad": 100, "value": 0, "value_share": 0}
    return {
        "promotion": promotion,
        "pure_ad": -best[1],
        "value": -best[2],
        "value_share": best[3],
    }


# --------------------------------------------------------------------------- all of it


CROSS_FOLDS = 5


def cross_fitted_levels(examples: Sequence[Example], scale: int) -> list[dict[str, int]]:
    """Each example's levels with the wording rule graded by a table fitted without it (five
    folds by position): a table grades its own training posts too kindly, and the weights
    fitted on top would lean on the wording rule more than it deserves on new posts."""
    out: list[dict[str, int]] = [{} for _ in examples]
    for fold in range(CROSS_FOLDS):
        inside = [ex for i, ex in enumerate(examples) if i % CROSS_FOLDS != fold]
        held = [i for i in range(len(examples)) if i % CROSS_FOLDS == fold]
        table = fit_wording(inside)
        for i, levels in zip(
            held, with_wording([examples[i] for i in held], table, scale), strict=True
        ):
            out[i] = levels
    return out


def train(examples: Sequence[Example]) -> Model:
    table = fit_wording(examples)
    scale = fit_scale(examples, table)
    levels = cross_fitted_levels(examples, scale)
    gated = gate(examples, levels)
    value_points = fit_value(examples, levels)
    weights = fit_weights(examples, levels, gated, value_points)
    points = to_points(weights)
    points.update(value_points)
    for rule_id in gated:
        points[rule_id] = 0
    thresholds = fit_thresholds(examples, post_scores(levels, points))
    return Model(points, thresholds, VALUE_CAP, table, scale, gated)


def judge(model: Model, examples: Sequence[Example]) -> list[str]:
    levels = with_wording(examples, model.table, model.wording_scale)
    return [
        verdict(*s, model.thresholds) for s in post_scores(levels, model.weights, model.value_cap)
    ]


# --------------------------------------------------------------------------- the model file


def render(model: Model, manifest: list[dict[str, object]]) -> str:
    """py/salesy/model/fitted.py for `model`: plain literals both interpreters import fast.

    The wording table is strings of keys joined by newlines and bytes strings of weights
    + 128, words and pairs apart (JSON of 3 000 entries takes most of a second to load on
    MicroPython, and these build their dicts in C)."""
    words = sorted(k for k in model.table if " " not in k)
    pairs = sorted(k for k in model.table if " " in k)
    lines = [
        '"""Weights and thresholds fitted by `salesy train` (generated: run `make train`, never',
        "edit). The data it was fitted on is listed in DATA, with each file's SHA-256.",
        '"""',
        "",
        "# fmt: off",
        "RULES = {",
    ]
    for rule in RULES:
        lines.append(f'    "{rule.ID}": {model.weights.get(rule.ID, 0)},')
    lines.append("}")
    lines.append("THRESHOLDS = {")
    for name in ("promotion", "pure_ad", "value", "value_share"):
        lines.append(f'    "{name}": {model.thresholds[name]},')
    lines.append("}")
    lines.append(f"VALUE_CAP = {model.value_cap}")
    lines.append(f'WORDING = {{"scale": {model.wording_scale}}}')
    lines.append("GATED = {")
    for rule_id in sorted(model.gated):
        lines.append(f"    {rule_id!r}: {model.gated[rule_id]!r},")
    lines.append("}")
    # One literal each, on one line: MicroPython's compiler runs out of stack on a few hundred
    # implicitly joined pieces.
    lines.append("WORDS = " + repr("\n".join(words)))
    lines.append("WORD_WEIGHTS = " + repr(bytes(model.table[k] + 128 for k in words)))
    lines.append("PAIRS = " + repr("\n".join(pairs)))
    lines.append("PAIR_WEIGHTS = " + repr(bytes(model.table[k] + 128 for k in pairs)))
    lines.append("DATA: list[dict[str, object]] = " + _literal(manifest))
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def _literal(value: object, indent: int = 0) -> str:
    """A Python literal of JSON-like data, one item a line (stable, readable diffs)."""
    pad = "    " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{k!r}: {_literal(v, indent + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + "    " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [f"{pad}{_literal(v, indent + 1)}," for v in value]
        return "[\n" + "\n".join(items) + "\n" + "    " * indent + "]"
    return repr(value)
