"""Long posts made of paragraphs, and edits to them, for the incremental checker's tests:
corpus posts and rules' examples, and fragments that stress a cut (orders and their
channels, hashtag and mention runs, phone numbers and short codes, "Ad:" and "1/"
openings, disclosures, "you" and "I", questions), glued by blank lines or single breaks."""

from __future__ import annotations

import json
import random
from pathlib import Path

from salesy.rules import RULES

CORPUS = Path(__file__).resolve().parents[2] / "py" / "salesy" / "corpus"
FRAGMENTS = [
    *["buy", "now", "BUY NOW", "50% off", "code SAVE50", "I think", "link in bio", "#ad"],
    *["#sp", "you", "your", "we", "I", "https://x.co/a?ref=1", "www.shop.io", "me@x.com"],
    *["@ana", "@bob", "@cy", "#sale", "#deal", "#win", "🔥", "😀", "1/", "Ad:", "?", "!!"],
    *["$5", "5", "USD", "follow me", "subscribe", "RT to win", "DM me", "Watch my video"],
    *["Thanks @ana", "What do you think", "call 0800 123 4567", "txt WIN to 80086", "🧵"],
    *["please share", "this page", "vote for my band", "Can you", "like my", "Check this"],
]
ENDS = [".", ".", ".", "!", "?", "", " #ad", " 🔥", "…", " 🔥."]
CUTS = ["\n\n", "\n\n", "\n\n\n", "\n", " \n\n"]
CONFIGS: list[object] = [
    None,
    {"salesy": 1, "terms": {"allow": ["link in bio", "buy now"], "promotion": ["SAVE50"]}},
    {"salesy": 1, "rules": {"SL101": {"enabled": False}, "SL119": {"enabled": False}}},
]


def _texts() -> list[str]:
    texts = [t for rule in RULES for t in rule.FLAG + rule.PASS]
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


TEXTS = _texts()


def paragraph(rng: random.Random) -> str:
    if rng.random() < 0.5:
        text = rng.choice(TEXTS)
    else:
        text = " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.3:
        text = rng.choice(FRAGMENTS) + " " + text
    return text + rng.choice(ENDS)


def versions(rng: random.Random, count: int = 5) -> list[str]:
    """Successive versions of one post: each an edit of one paragraph of the one before."""
    paragraphs = [paragraph(rng) for _ in range(rng.randint(2, 10))]
    lead = rng.choice(["", "\n\n", " "])
    out = []
    for _ in range(count):
        out.append(lead + "".join(p + rng.choice(CUTS) for p in paragraphs).rstrip(" "))
        paragraphs[rng.randrange(len(paragraphs))] = paragraph(rng)
    return out
