"""Parity: the pinned MicroPython (what PyScript runs in the browser) and CPython must give
identical check() results, compared as parsed JSON (the two json.dumps differ in escaping).

Never skipped: without node or node_modules the test fails and says what to install.
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import salesy
from salesy.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "parity" / "run_micropython.mjs"
RUNTIME = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"
CORPUS = ROOT / "py" / "salesy" / "corpus"

# Strings that stress the tokenizer where the interpreters differ most (str methods,
# Unicode tables). No lone surrogates: a JS string cannot hand one to MicroPython's UTF-8.
TRICKY = [
    "",
    " ",
    "\n\n\t",
    "😀",
    "😀😀😀😀😀😀",
    "👨‍👩‍👧‍👦 BUY NOW 👍🏽👍🏿 🇫🇷🇯🇵 1️⃣ #️⃣ ❤️‍🔥",
    "מבצע! BUY NOW ‏50% off‎ שלום",
    "عرض خاص! اشتر الآن ٥٠٪ خصم BUY NOW",
    "ÉNORME SOLDE! ACHETEZ MAINTENANT — 50 % de réduction, code ÉTÉ50",
    "Straße café naïve İstanbul ΑΘΗΝΑ",
    "日本語のテキスト。今すぐ購入！50%オフ",
    "I’m proud — it’s out now… 20 % off, $19.99, 19,99 €, 5 USD, £5, ¥500, ₹99",
    "Visit https://shop.example.com/sale?utm_source=x&ref=abc! or bit.ly/x1, www.a.io.",
    "@ana @bob_ #ad #sp #spon $TSLA #1 best ever!!!",
    "a." * 200,
    "\u200b\u200d\ufeff\u00a0\u2028\u2029\u202e",
    "x\u0301\u0302 e\u0301 combining marks",
    "Ⅻ ① ¼ ² ª º µ",
    "\U0010ffff \ue000 \ufffd \U000e0041",
    "BUY NOW" * 50,
    "I finally fixed my bike today, took me three weekends",
    "BUY NOW! 50% off with code SAVE50 — shop today",
]


# Seeded fuzz: post-like pieces glued at random, so tokenizer paths that no hand-written
# example reaches still have to agree on both interpreters.
PIECES = [
    *"abcXYZ 0159$€£%#@!?.,:;'’\"()-/\n\t",
    *["buy", "now", "BUY NOW", "50% off", "code SAVE50", "I think", "link in bio", "#ad", "#sp"],
    *["https://x.co/a?ref=1", "www.shop.io", "bit.ly/x", "me@x.com", "@ana", "$TSLA", "#1"],
    *["😀", "👨‍👩‍👧", "👍🏽", "🇫🇷", "1️⃣", "❤️", "שלום", "مرحبا", "日本", "é", "İ", "ß", "\u200f"],
    *["\u00a0", "\u2028", "\u3000", "x\u0301", "Ⅻ", "①", "½", "™", "«", "»", "…", "—"],
]


def fuzz_texts(count: int = 300, seed: int = 20261123) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def corpus_texts() -> list[str]:
    texts = [t for rule in RULES for t in rule.FLAG + rule.PASS]
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts + TRICKY + fuzz_texts()


def run_micropython(
    texts: list[str], config: Path | None = None, *, broken: str = ""
) -> list[object]:
    return run_micropython_logged(texts, config, broken=broken)[0]


def run_micropython_logged(
    texts: list[str], config: Path | None = None, *, broken: str = ""
) -> tuple[list[object], str]:
    """check() on MicroPython: the results and what it wrote to stderr."""
    node = shutil.which("node")
    assert node, "parity needs Node.js 20+ on PATH (`node`): install it, never skip this test"
    assert (RUNTIME / "micropython.mjs").is_file(), (
        f"parity needs the pinned MicroPython in {RUNTIME}: run `npm ci`"
    )
    result = subprocess.run(
        [
            node,
            str(RUNNER),
            *(["--config", str(config)] if config else []),
            *(["--break", broken] if broken else []),
        ],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"MicroPython run failed:\n{result.stderr}"
    output = json.loads(result.stdout)
    assert isinstance(output, list)
    return output, result.stderr


def test_micropython_matches_cpython() -> None:
    texts = corpus_texts()
    assert len(texts) > 20
    theirs = run_micropython(texts)
    ours = [json.loads(json.dumps(salesy.check(text))) for text in texts]
    assert len(theirs) == len(ours)
    mismatches = [
        (text, mine, other)
        for text, mine, other in zip(texts, ours, theirs, strict=True)
        if mine != other
    ]
    assert not mismatches, "first mismatch (text, CPython, MicroPython):\n" + json.dumps(
        mismatches[0], ensure_ascii=False, indent=1
    )


TEAM_CONFIG = {
    "salesy": 1,
    "rules": {"SL101": {"weight": 10}, "SL106": {"enabled": False}},
    "thresholds": {"promotion": 20, "value": 30, "value_share": 60},
    "terms": {"promotion": ["Acme Cloud", "Café Crème"], "allow": ["buy now", "free speech"]},
}


def test_micropython_matches_cpython_with_a_team_config(tmp_path: Path) -> None:
    texts = [
        *TRICKY,
        "Acme Cloud: BUY NOW, the best ever deploys 🚀",
        "Try the Café Crème, 20% off today only",
        "free speech is not a free trial",
    ]
    path = tmp_path / "salesy.json"
    path.write_text(json.dumps(TEAM_CONFIG, ensure_ascii=False), encoding="utf-8")
    theirs = run_micropython(texts, path)
    ours = [json.loads(json.dumps(salesy.check(text, TEAM_CONFIG))) for text in texts]
    assert any(f["rule"] == "SL112" for r in ours for f in r["findings"])
    for text, mine, other in zip(texts, ours, theirs, strict=True):
        assert mine == other, text


def test_a_failing_rule_is_skipped_and_reported_once_on_micropython() -> None:
    texts = ["BUY NOW, today only! 50% off", "Ends soon: last chance", "I fixed my bike"]
    results, log = run_micropython_logged(texts, broken="SL105")
    for result in results:
        assert isinstance(result, dict)
        assert result["skipped"] == [
            {"rule": "SL105", "name": "urgency", "error": "ValueError: broken on purpose"}
        ]
        assert all(f["rule"] != "SL105" for f in result["findings"])
    first = results[0]
    assert isinstance(first, dict)
    assert {f["rule"] for f in first["findings"]} >= {"SL101", "SL103"}
    assert first["verdict"] == "pure_ad"
    assert log.count("SL105") == 1, log
