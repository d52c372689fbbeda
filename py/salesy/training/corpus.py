"""The labelled corpus and honest quality figures: accuracy, confusion matrix, per-rule precision.

A corpus is a folder of `.jsonl` files, one post a line: {"label": "ok"|"promotional"|"pure_ad",
"text": ...}. `salesy report [DIR]` prints what `evaluate` finds; a unit test holds the
accuracy to a floor so a rule change cannot quietly make the engine worse.
"""

import json
import os

from salesy.engine import check
from salesy.rules import RULES

# The corpus ships inside the package, so `salesy report` works wherever salesy is installed.
FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus")

LABELS = ("ok", "promotional", "pure_ad")
PROMOTION_SIDE = ("promotion", "engagement", "disclosure")


class CorpusError(Exception):
    """A corpus file that cannot be read or holds a bad line."""


def load(folder: str) -> list[dict[str, str]]:
    """Every post of every .jsonl file in `folder`, in file-name order, with its source."""
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".jsonl"))
    except OSError as error:
        raise CorpusError("cannot read " + folder + ": " + (error.strerror or str(error))) from None
    if not names:
        raise CorpusError(folder + ": no .jsonl files")
    posts: list[dict[str, str]] = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = name + ":" + str(number)
                try:
                    row = json.loads(line)
                except ValueError:
                    raise CorpusError(where + ": not a JSON object") from None
                if not isinstance(row, dict) or row.get("label") not in LABELS:
                    raise CorpusError(where + ": needs a label (ok, promotional or pure_ad)")
                if not isinstance(row.get("text"), str):
                    raise CorpusError(where + ": needs a text")
                posts.append({"label": row["label"], "text": row["text"], "source": where})
    return posts


def evaluate(posts: list[dict[str, str]], config: object = None) -> dict[str, object]:
    """Run check() on every post and compare with its label."""
    matrix = {label: {other: 0 for other in LABELS} for label in LABELS}
    fired: dict[str, int] = {rule.ID: 0 for rule in RULES}
    right: dict[str, int] = {rule.ID: 0 for rule in RULES}
    misses: list[dict[str, object]] = []
    for post in posts:
        result = check(post["text"], config)
        verdict = str(result["verdict"])
        label = post["label"]
        matrix[label][verdict] += 1
        if verdict != label:
            misses.append(
                {
                    "source": post["source"],
                    "label": label,
                    "verdict": verdict,
                    "score": result["score"],
                    "value": result["value"],
                    "text": post["text"],
                }
            )
        findings = result["findings"]
        assert isinstance(findings, list)
        for rule_id in sorted({str(f["rule"]) for f in findings}):
            category = next(r.CATEGORY for r in RULES if rule_id == r.ID)
            fired[rule_id] += 1
            # A promotion-side rule is right on a post labelled promotional or pure_ad; a
            # value rule is right on a post that is not a pure ad.
            promotional = label != "ok"
            if (category in PROMOTION_SIDE) == promotional or (
                category == "value" and label != "pure_ad"
            ):
                right[rule_id] += 1
    total = len(posts)
    correct = sum(matrix[label][label] for label in LABELS)
    flagged_ok = matrix["ok"]["promotional"] + matrix["ok"]["pure_ad"]
    flagged = sum(matrix[label][v] for label in LABELS for v in ("promotional", "pure_ad"))
    return {
        "total": total,
        "correct": correct,
        "accuracy": correct / total if total else 0.0,
        # Of the posts the engine warns about, how many deserve it (label not ok).
        "flag_precision": (flagged - flagged_ok) / flagged if flagged else 1.0,
        "ok_flagged": flagged_ok,
        "matrix": matrix,
        "rules": [
            {
                "rule": rule.ID,
                "name": rule.NAME,
                "category": rule.CATEGORY,
                "fired": fired[rule.ID],
                "precision": right[rule.ID] / fired[rule.ID] if fired[rule.ID] else None,
            }
            for rule in RULES
        ],
        "misses": misses,
    }


def _percent(value: object) -> str:
    if not isinstance(value, float):
        return "   -"
    return str(round(value * 100)).rjust(3) + "%"


def format_report(report: dict[str, object], show_misses: bool = False) -> str:
    """The report as text: headline figures, confusion matrix, per-rule precision."""
    lines = [
        "posts "
        + str(report["total"])
        + "   accuracy "
        + _percent(report["accuracy"]).strip()
        + "   warnings that were deserved "
        + _percent(report["flag_precision"]).strip()
        + "   ok posts warned about "
        + str(report["ok_flagged"]),
        "",
        "label \\ verdict   " + "".join(v.rjust(13) for v in LABELS),
    ]
    matrix = report["matrix"]
    assert isinstance(matrix, dict)
    for label in LABELS:
        lines.append(label.ljust(18) + "".join(str(matrix[label][v]).rjust(13) for v in LABELS))
    lines += ["", "rule   name                   category     fired  precision"]
    rules = report["rules"]
    assert isinstance(rules, list)
    for row in rules:
        lines.append(
            str(row["rule"]).ljust(7)
            + str(row["name"]).ljust(23)
            + str(row["category"]).ljust(12)
            + str(row["fired"]).rjust(6)
            + "     "
            + _percent(row["precision"])
        )
    if show_misses:
        misses = report["misses"]
        assert isinstance(misses, list)
        lines += ["", "misses (label -> verdict, score/value):"]
        for miss in misses:
            text = " ".join(str(miss["text"]).split())
            lines.append(
                "  "
                + str(miss["source"])
                + "  "
                + str(miss["label"])
                + " -> "
                + str(miss["verdict"])
                + " ("
                + str(miss["score"])
                + "/"
                + str(miss["value"])
                + ")  "
                + (text[:100] + "…" if len(text) > 100 else text)
            )
    return "\n".join(lines) + "\n"
