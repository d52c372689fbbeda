"""Salesy's benchmarks: `make bench` prints a table and writes bench/results.json.

Speed is measured here, never asserted in tests. Each figure stands beside its target.
Browser figures use the built extension in the system Chromium on the practice compose page;
command-line figures run the installed `salesy` command on a generated archive.

    python bench/run.py             everything (a few minutes)
    python bench/run.py --only cli  or audit, incremental, cpython, cold, browser, memory,
                                    pathological
    python bench/run.py --only audit --merge   and put its rows into bench/results.json
    python bench/run.py --markdown  bench/results.json as the README's table
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402

import audit  # noqa: E402
import harness  # noqa: E402
import incremental  # noqa: E402
import pathological  # noqa: E402
import salesy  # noqa: E402
from salesy.archive import read_file  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
POST = (
    "We spent two years on this and I'm proud of it. Buy now: 20% off with code EARLY20 "
    "today only! Link in bio. What would you build with it? Thanks @ana for the design. "
)
# The draft typed on a cold browser: a plain ad, so the chip has something to say.
AD_DRAFT = "BUY NOW: 20% off everything with code SAVE20, today only! Link in bio."
DEBOUNCE_MS = 50  # extension/content/compose.js CHECK_DEBOUNCE_MS (the least; it adapts)
KEYSTROKE_P95_MS = 80  # issue 17: keystroke -> highlights p95, debounce included
COLD_RUNS = 3  # fresh browsers per cold figure


def text_of(length: int) -> str:
    return (POST * (length // len(POST) + 1))[:length]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


Row = dict[str, Any]


def row(name: str, value: float, unit: str, target: str, ok: bool | None, note: str = "") -> Row:
    out: Row = {"name": name, "value": round(value, 3), "unit": unit, "target": target}
    out["met"] = ok
    if note:
        out["note"] = note
    return out


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


# ---------------------------------------------------------------------------- CPython, CLI


def calibration_rows() -> list[Row]:
    """How fast this machine runs plain Python: time the same loop on another machine to
    scale the figures below to it."""

    def loop() -> None:
        total = 0
        for i in range(10_000_000):
            total += i

    best = min(timed(loop, 3)) / 1000
    return [row("machine: 10M-step Python loop (CPython, best of 3)", best, "s", "", None)]


def sample_texts(count: int) -> list[str]:
    """Realistic posts: the texts `salesy audit` judges in the sample archive."""
    items = sample_archive.sample_tweets(count, seed=11)
    found = read_file(sample_archive._js("tweets", 0, items))
    return [str(post["text"]) for post in found["posts"]]


def cpython_rows() -> list[Row]:
    rows = []
    for length, runs, target_ms in ((280, 2000, 1.0), (25_000, 30, 100.0)):
        text = text_of(length)
        times = timed(lambda text=text: salesy.check(text), runs)
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        rows.append(row(f"CPython check {length} chars p50", p50, "ms", "", None))
        rows.append(
            row(
                f"CPython check {length} chars p99",
                p99,
                "ms",
                f"<= {target_ms} ms",
                p99 <= target_ms,
            )
        )
    unseen = [text for text in corpus_texts() if len(text) >= 100]
    times = [timed(lambda text=text: salesy.check(text), 1)[0] for text in unseen]
    rows.append(row("CPython check unseen posts p50", statistics.median(times), "ms", "", None))
    rows.append(row("CPython check unseen posts p99", percentile(times, 0.99), "ms", "", None))
    text = long_distinct_text(25_000)
    times = timed(lambda: salesy.check(text), 20)
    rows.append(
        row(
            "CPython check 25000 chars of distinct posts p99",
            percentile(times, 0.99),
            "ms",
            "<= 100.0 ms",
            percentile(times, 0.99) <= 100.0,
        )
    )
    posts = [text_of(280)] * 2000
    start = time.perf_counter()
    for post in posts:
        salesy.check(post)
    rate = len(posts) / (time.perf_counter() - start)
    rows.append(row("CPython check throughput (280 chars)", rate, "posts/s", "", None))
    texts = sample_texts(5000)
    start = time.perf_counter()
    for text in texts:
        salesy.check(text)
    rate = len(texts) / (time.perf_counter() - start)
    rows.append(
        row(
            "CPython check throughput (archive posts, 1 process)",
            rate,
            "posts/s",
            "",
            None,
            note=f"{len(texts)} posts of the sample archive, mean {mean_length(texts):.0f} chars",
        )
    )
    return rows


def mean_length(texts: list[str]) -> float:
    return sum(len(text) for text in texts) / len(texts)


def salesy_command() -> list[str]:
    """The installed `salesy` command (the venv's), as a user runs it."""
    script = Path(sys.executable).with_name("salesy")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "salesy"]


def cli_rows() -> list[Row]:
    """`salesy check --file`, a fresh process timed from start to exit (interpreter start and
    imports included); `salesy audit` has its own group (bench/audit.py)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        texts = sample_texts(10_000)
        posts_file = Path(tmp) / "posts.txt"
        posts_file.write_text("\n\n".join(" ".join(text.split()) for text in texts) + "\n")
        start = time.perf_counter()
        done = subprocess.run(
            [*salesy_command(), "check", "--file", str(posts_file), "--format", "jsonl"],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):  # 1: some post is a pure ad
            raise RuntimeError(done.stderr)
        judged = len(done.stdout.splitlines())
        rows.append(
            row(
                "salesy check --file throughput (archive posts)",
                judged / elapsed,
                "posts/s",
                "",
                None,
                note=f"{judged} posts in one process, start-up included",
            )
        )
    return rows


# ---------------------------------------------------------------------------- browser


@contextmanager
def fresh_browser(*extra_args: str) -> Iterator[Any]:
    """A new Chromium with a new profile: nothing of Salesy is running or cached."""
    with (
        tempfile.TemporaryDirectory() as profile,
        harness.browser(Path(profile), extra_args=extra_args) as (ctx, _),
    ):
        yield ctx


ENGINE_READY_JS = """async () => {
  // Until the engine answers: a worker that is still starting, or an engine host whose page
  // has not yet registered its listener, refuses the first messages ("Receiving end does
  // not exist"); the user's first check waits for the same thing, so retries count.
  const start = performance.now();
  let refused = 0;
  for (;;) {
    let reply;
    try {
      reply = await chrome.runtime.sendMessage({target: 'background', type: 'engine-status'});
    } catch (error) {
      reply = {ok: false, error: String(error)};
    }
    if (reply?.ok) {
      const end = performance.now();
      const origin = performance.timeOrigin;
      return {ms: end - start, refused, startEpoch: origin + start, endEpoch: origin + end,
              startup: reply.result.startup ?? null};
    }
    refused++;
    if (performance.now() - start > 30000) throw new Error(reply?.error ?? 'no answer');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}"""


def engine_ready(page: Any) -> dict[str, Any]:
    return page.evaluate(ENGINE_READY_JS)  # type: ignore[no-any-return]


# The clock of a first hint starts at the first key's keydown (keyboard typed, Draft.js wants
# its first character typed); the rest of the draft lands at once, well inside the debounce.
FIRST_KEY_JS = """() => document.addEventListener('keydown',
  (event) => { window.firstKeyAt ??= event.timeStamp; }, {capture: true})"""

FIRST_HINT_JS = """async (draft) => {
  const editor = document.querySelector('#layers [data-testid="tweetTextarea_0"]');
  editor.focus();
  const start = window.firstKeyAt;
  document.execCommand('insertText', false, draft);
  for (;;) {
    const host = document.querySelector('[data-salesy="panel"]');
    if (host && Number(host.dataset.updates ?? 0) > 0) return performance.now() - start;
    if (performance.now() - start > 30000) throw new Error('no verdict');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}"""


STAGES_JS = """() => ({
  origin: performance.timeOrigin,
  loaded: performance.timeOrigin + performance.getEntriesByType('navigation')[0].duration,
})"""


def cold_stages(context: Any, ready: dict[str, Any]) -> str:
    """Where a cold start's time goes, from each context's clock (ms after the request): the
    offscreen host's document, the sandboxed engine frame's (and its load event: its scripts
    are fetched), then PyScript starting MicroPython and importing salesy, until the answer."""
    targets = Targets(context)
    found: dict[str, Any] = {}
    for info in targets.all():
        for name in ("host.html", "sandbox.html"):
            if info["url"].endswith("/engine/" + name):
                session = targets.attach(info["targetId"])
                try:
                    reply = targets.call(
                        session,
                        "Runtime.evaluate",
                        {"expression": f"({STAGES_JS})()", "returnByValue": True},
                    )
                    found[name] = reply["result"]["value"]
                finally:
                    targets.detach(session)
    if len(found) < 2:
        return ""
    start = ready["startEpoch"]
    frame = found["sandbox.html"]
    return (
        f"host page +{found['host.html']['origin'] - start:.0f} ms, engine frame "
        f"+{frame['origin'] - start:.0f} ms, frame loaded +{frame['loaded'] - start:.0f} ms, "
        f"MicroPython + salesy ready +{ready['endEpoch'] - start:.0f} ms"
    )


# The engine's own start-up split (epoch ms from its ping answer, extension/engine/host.js):
# stage name, and the two marks it lies between ("request" is the first request's send).
START_STAGES = (
    ("engine start: host page created", "request", "host"),
    ("engine start: PyScript + MicroPython booted", "host", "pyscript"),
    ("engine start: salesy imported", "pyscript", "imported"),
)
FIRST_HINT_TARGET_MS = 300  # issue 17, with the engine warmed before the first key


def first_hint(pause_s: float) -> float:
    """A fresh browser opens the compose page (the engine starts as the compose box appears);
    `pause_s` later the user types: ms from the first keydown to the chip's verdict."""
    with fresh_browser() as context:
        page = harness.open_compose(context)
        page.evaluate(FIRST_KEY_JS)
        page.wait_for_timeout(pause_s * 1000)
        page.click(harness.EDITOR)
        page.keyboard.type(AD_DRAFT[0])
        ms = float(page.evaluate(FIRST_HINT_JS, AD_DRAFT[1:]))
        harness.wait_for_verdict(page, "pure_ad")
    return ms


def cold_rows() -> list[Row]:
    """Each run a new browser with a new profile.

    Engine cold start: from an extension page's first request (the extension's own
    manifest.json page, which asks nothing by itself) to the engine's answer: waking the
    worker, creating the offscreen host, booting PyScript + MicroPython, importing salesy;
    and that split as the engine itself timed it.

    First hint: the compose page opens (which starts the engine), the user types at once or
    after a second (reading the page): from the first key to the chip's verdict, the debounce
    and whatever is left of the engine's start included."""
    starts: list[float] = []
    splits: dict[str, list[float]] = {name: [] for name, _, _ in START_STAGES}
    refused = 0
    stages = ""
    for run in range(COLD_RUNS):
        with fresh_browser() as context:
            page = context.new_page()
            page.goto(f"chrome-extension://{harness.extension_id(context)}/manifest.json")
            ready = engine_ready(page)
            starts.append(ready["ms"])
            refused += ready["refused"]
            marks = {"request": ready["startEpoch"], **(ready["startup"] or {})}
            for name, begin, end in START_STAGES:
                if begin in marks and end in marks:
                    splits[name].append(marks[end] - marks[begin])
            if run == COLD_RUNS - 1:
                stages = cold_stages(context, ready)
    at_once = [first_hint(0) for _ in range(COLD_RUNS)]
    after_1s = [first_hint(1) for _ in range(COLD_RUNS)]
    cold = statistics.median(starts)
    note = f"{COLD_RUNS} fresh profiles, max {max(starts):.0f} ms"
    if refused:
        note += f"; {refused} first request(s) refused before the engine host listened"
    if stages:
        note += f"; last run: {stages}"
    rows = [
        row("engine cold start (fresh profile) median", cold, "ms", "<= 600 ms", cold <= 600, note)
    ]
    for name, times in splits.items():
        if times:
            rows.append(row(f"{name} median", statistics.median(times), "ms", "", None))
    hint_now, hint_later = statistics.median(at_once), statistics.median(after_1s)
    rows += [
        row(
            "first hint on a cold browser, typing at once median",
            hint_now,
            "ms",
            "",
            None,
            note=f"first key -> verdict on the chip, typed as soon as the compose box showed "
            f"(the engine still starting); {COLD_RUNS} fresh profiles, max {max(at_once):.0f} ms",
        ),
        row(
            "first hint on a cold browser, typing after 1 s median",
            hint_later,
            "ms",
            f"<= {FIRST_HINT_TARGET_MS} ms",
            hint_later <= FIRST_HINT_TARGET_MS,
            note=f"first key 1 s after the compose box showed (the engine warmed meanwhile) -> "
            f"verdict; {COLD_RUNS} fresh profiles, max {max(after_1s):.0f} ms",
        ),
    ]
    return rows


def engine_times(page: Any, texts: list[str]) -> list[float]:
    """`check` of each text, timed inside the engine's sandbox (no message hops), in batches
    that stay well inside the engine host's 10 s request timeout."""

    def bench(batch: list[str]) -> list[float]:
        reply = page.evaluate(
            """async (texts) => chrome.runtime.sendMessage(
                 {target: 'background', type: 'engine-bench', texts})""",
            batch,
        )
        if not reply.get("ok"):
            raise RuntimeError(f"engine-bench: {reply.get('error')}")
        return [float(t) for t in reply["result"]["times"]]

    first = bench(texts[:1])[0]  # also warms up
    size = max(1, int(2000 / max(first, 1.0)))
    times: list[float] = []
    for start in range(0, len(texts), size):
        times.extend(bench(texts[start : start + size]))
    return times


def corpus_texts() -> list[str]:
    """The hand-written labelled corpus: 465 different posts in the style of X."""
    texts = []
    for path in sorted((ROOT / "py" / "salesy" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    return texts


def typing_texts(text: str, times: int = 3) -> list[str]:
    """A draft as it is typed: each check sees one more character (the last 140 keys)."""
    steps = [text[:length] for length in range(len(text) - 139, len(text) + 1)]
    return steps * times


def long_distinct_text(length: int) -> str:
    """`length` characters of different corpus posts, one per line (nothing repeats)."""
    return "\n".join(corpus_texts())[:length]


def check_rows(
    name: str, times: list[float], p50_target: float | None, p99_target: float | None, note: str
) -> list[Row]:
    p50, p99 = statistics.median(times), percentile(times, 0.99)
    return [
        row(
            f"{name} p50",
            p50,
            "ms",
            f"<= {p50_target} ms" if p50_target else "",
            p50 <= p50_target if p50_target else None,
            note,
        ),
        row(
            f"{name} p99",
            p99,
            "ms",
            f"<= {p99_target} ms" if p99_target else "",
            p99 <= p99_target if p99_target else None,
        ),
    ]


def browser_rows() -> list[Row]:
    rows: list[Row] = []
    with fresh_browser() as context:
        page = context.new_page()
        page.goto(f"chrome-extension://{harness.extension_id(context)}/manifest.json")
        engine_ready(page)

        # Three honest ways to ask for 280 characters: the engine caches what it worked out
        # for each chunk of text between spaces, so the same draft again is its best case, a
        # draft being typed (one chunk new per check) what a keystroke costs, and posts it
        # has never seen its worst.
        corpus = corpus_texts()
        unseen = [text for text in corpus if len(text) >= 100]
        scenarios = (
            ("280 chars, same draft again", [text_of(280)] * 300, 1.0, 5.0, "one text, 300 checks"),
            (
                "280 chars while typing",
                typing_texts(text_of(280)),
                1.0,
                5.0,
                "each check one character longer, 140 keys, 3 times",
            ),
            (
                "unseen posts",
                unseen,
                1.0,
                5.0,
                f"{len(unseen)} different corpus posts, mean {mean_length(unseen):.0f} chars, "
                "each checked once",
            ),
            ("2800 chars", [text_of(2_800)] * 100, None, None, "one text, 100 checks"),
            ("25000 chars", [text_of(25_000)] * 20, None, 100.0, "one text, 20 checks"),
            (
                "25000 chars of distinct posts",
                [long_distinct_text(25_000)] * 10,
                None,
                100.0,
                "the corpus posts one per line: no sentence repeats",
            ),
        )
        salesy_times: dict[str, list[float]] = {}
        for label, texts, p50_target, p99_target, note in scenarios:
            times = engine_times(page, texts)
            salesy_times[label] = times
            name = f"MicroPython check {label}"
            rows.extend(check_rows(name, times, p50_target, p99_target, note))
        # A long post edited one paragraph at a time: the engine checks drafts longer than
        # salesy.protocol.LONG part by part, reusing the paragraphs an edit left alone.
        long_post, edits = incremental.posts()
        times = engine_times(page, [long_post, *edits])[1:]  # [0]: the post again, all kept
        rows.extend(
            check_rows(
                "MicroPython check 25000 chars of paragraphs, one edited",
                times,
                incremental.EDIT_TARGET_MS,
                None,
                f"{len(edits)} edits, one paragraph each, through the engine's check request",
            )
        )
        # The peers on the same texts, in this browser, right after.
        peer_texts = {label: texts for label, texts, *_ in scenarios if label in PEER_SCENARIOS}
        rows.extend(peer_rows(context, peer_texts, salesy_times))

        round_trips = page.evaluate(
            """async (text) => {
              const times = [];
              for (let i = 0; i < 100; i++) {
                const start = performance.now();
                await chrome.runtime.sendMessage({target: 'background', type: 'check', text});
                times.push(performance.now() - start);
              }
              return times;
            }""",
            text_of(280),
        )
        rows.append(
            row(
                "check via message path, 280 chars p50",
                statistics.median(round_trips),
                "ms",
                "",
                None,
            )
        )
        page.close()
        rows.extend(keystroke_rows(context))
        rows.extend(content_script_rows(context))
        rows.extend(popup_rows(context))
    # Why Chromium is slower than Node on the same wasm: is it V8's baseline compiler
    # (Liftoff)? Not a setting users have; shown so the figures above can be told apart from
    # the engine's own cost.
    with fresh_browser("--js-flags=--no-liftoff") as optimized:
        page = optimized.new_page()
        page.goto(f"chrome-extension://{harness.extension_id(optimized)}/manifest.json")
        engine_ready(page)
        times = engine_times(page, typing_texts(text_of(280)))
        rows.append(
            row(
                "MicroPython check 280 chars while typing p50, V8 --no-liftoff",
                statistics.median(times),
                "ms",
                "",
                None,
                "diagnostic: Chromium started with --js-flags=--no-liftoff (optimizing "
                "compiler only)",
            )
        )
    return rows


# ---------------------------------------------------------------------------- peers

BENCH = ROOT / "bench"
# The rows Salesy is compared on: the same draft, a draft being typed, unseen posts.
PEER_SCENARIOS = ("280 chars, same draft again", "280 chars while typing", "unseen posts")
PEERS_ORIGIN = "https://peers.test"
HARPER_WASM = ("harper_wasm_bg.wasm", "harper_wasm_slim_bg.wasm")

PEERS_JS = """async (scenarios) => {
  // harper.js lints plain text (a post is not Markdown); alex reads it as plain text too.
  const linter = await peers.harperLinter();
  const out = {};
  for (const [label, texts] of Object.entries(scenarios)) {
    for (const text of texts.slice(0, 20)) {  // warm-up: V8's tiers, the linters' caches
      await linter.lint(text, {language: 'plaintext'});
      peers.alex(text);
    }
    const harper = [], alex = [];
    for (const text of texts) {
      let start = performance.now();
      await linter.lint(text, {language: 'plaintext'});
      harper.push(performance.now() - start);
      start = performance.now();
      peers.alex(text);
      alex.push(performance.now() - start);
    }
    out[label] = {harper, alex};
  }
  return out;
}"""


def peers_page(context: Any, folder: Path) -> Any:
    """A page at a routed origin (nothing from the network) with harper.js and alex loaded:
    bench/peers.js bundled by esbuild, harper's wasm files beside it."""
    esbuild = BENCH / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        raise RuntimeError("the bench's peers are not installed: npm ci --prefix bench")
    subprocess.run(
        [
            str(esbuild),
            str(BENCH / "peers.js"),
            "--bundle",
            "--format=esm",
            "--platform=browser",
            "--external:fs",
            f"--outfile={folder / 'peers.js'}",
            "--log-level=warning",
        ],
        check=True,
    )
    dist = BENCH / "node_modules" / "harper.js" / "dist"
    files = {
        "/": (b"<!doctype html><meta charset=utf-8><title>peers</title>", "text/html"),
        "/peers.js": ((folder / "peers.js").read_bytes(), "text/javascript"),
        **{f"/{name}": ((dist / name).read_bytes(), "application/wasm") for name in HARPER_WASM},
    }

    def serve(route: Any) -> None:
        path = route.request.url[len(PEERS_ORIGIN) :].split("?")[0]
        found = files.get(path)
        if found is None:
            route.fulfill(status=404, body="not here")
        else:
            route.fulfill(status=200, body=found[0], content_type=found[1])

    context.route(f"{PEERS_ORIGIN}/**", serve)
    page = context.new_page()
    page.goto(PEERS_ORIGIN + "/")
    page.add_script_tag(url="/peers.js", type="module")
    harness.poll(lambda: page.evaluate("typeof globalThis.peers === 'object'"), timeout=30)
    return page


def peer_rows(
    context: Any, scenarios: dict[str, list[str]], salesy: dict[str, list[float]]
) -> list[Row]:
    """harper.js `lint` and alex on Salesy's texts, and each Salesy figure (MicroPython check
    inside its sandbox) as a ratio to theirs: below 1, Salesy is the faster."""
    with tempfile.TemporaryDirectory() as folder:
        page = peers_page(context, Path(folder))
        found = page.evaluate(PEERS_JS, scenarios)
        page.close()
    rows: list[Row] = []
    for label, times in found.items():
        ours = salesy[label]
        for peer, name in (("harper", "harper.js lint"), ("alex", "alex")):
            theirs = [float(t) for t in times[peer]]
            rows.extend(check_rows(f"{name} {label}", theirs, None, None, f"{len(theirs)} texts"))
            for stat, pick in (("p50", statistics.median), ("p99", lambda v: percentile(v, 0.99))):
                ratio = pick(ours) / max(pick(theirs), 1e-3)
                beat = peer == "harper" and stat == "p50"  # issue 17: faster than harper.js
                rows.append(
                    row(
                        f"Salesy / {name}, {label} {stat}",
                        ratio,
                        "x",
                        "< 1" if beat else "",
                        ratio < 1 if beat else None,
                        note=f"Salesy {pick(ours):.2f} ms, {name} {pick(theirs):.2f} ms",
                    )
                )
    return rows


def popup_rows(context: Any) -> list[Row]:
    """The balance popup's first paint (figure, strip, tally) with a warm engine and a full
    history (2 000 posts), from navigation start to the painted summary."""
    verdicts = ("ok", "ok", "ok", "promotional", "pure_ad")
    posts = [
        {
            "id": str(1_800_000_000_000_000_000 + i),
            "text": text_of(200),
            "verdict": verdicts[i % len(verdicts)],
            "at": f"2026-{1 + i // 200:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00.000Z",
            "source": "archive",
        }
        for i in range(2000)
    ]
    harness.set_storage(
        context,
        {
            "history:salesy_demo": {"account": "salesy_demo", "posts": posts},
            "accounts": {"current": "salesy_demo", "known": ["salesy_demo"]},
        },
    )
    url = f"chrome-extension://{harness.extension_id(context)}/popup/popup.html"
    times: list[float] = []
    fresh_times: list[float] = []
    loaded: list[float] = []  # the page itself, before Salesy reads anything: the floor
    for _ in range(10):
        page = context.new_page()
        page.goto(url)
        painted = harness.poll(lambda page=page: page.evaluate("document.body.dataset.painted"))
        fresh = harness.poll(lambda page=page: page.evaluate("document.body.dataset.fresh"))
        times.append(float(painted))
        fresh_times.append(float(fresh))
        loaded.append(
            page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        )
        page.close()
    p50 = statistics.median(times)
    return [
        row("popup first paint, 2000 posts p50", p50, "ms", "<= 150 ms", p50 <= 150),
        row("popup first paint, 2000 posts max", max(times), "ms", "", None),
        row("popup fresh balance, 2000 posts p50", statistics.median(fresh_times), "ms", "", None),
        row("popup page loaded (DOMContentLoaded) p50", statistics.median(loaded), "ms", "", None),
    ]


KEYSTROKE_JS = """async (runs) => {
  const editor = document.querySelector('#layers [data-testid="tweetTextarea_0"]');
  // The chip counts the answers it has painted (highlights are painted just before it).
  const updates = () => document.querySelector('[data-salesy="panel"]').dataset.updates;
  const times = [];
  editor.focus();
  for (let i = 0; i < runs; i++) {
    const before = updates();
    const word = i % 2 === 0 ? ' buy now' : ' hello';
    const start = performance.now();
    document.execCommand('insertText', false, word);
    while (updates() === before) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (performance.now() - start > 5000) throw new Error('highlights never updated');
    }
    times.push(performance.now() - start);
    if (i % 2 === 1) {  // undo the pair so the draft stays short
      for (let k = 0; k < 14; k++) document.execCommand('delete');
    }
  }
  return times;
}"""


def keystroke_rows(context: Any) -> list[Row]:
    page = harness.open_compose(context)
    harness.type_draft(page, "Warm-up draft")
    harness.wait_for_verdict(page)
    times = page.evaluate(KEYSTROKE_JS, 30)
    page.close()
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    return [
        row("keystroke -> highlights p50", p50, "ms", f"(debounce {DEBOUNCE_MS} ms)", None),
        row(
            "keystroke -> highlights p95",
            p95,
            "ms",
            f"<= {KEYSTROKE_P95_MS} ms",
            p95 <= KEYSTROKE_P95_MS,
        ),
    ]


def content_script_ms(profile: dict[str, Any], prefix: str) -> float:
    """Main-thread time of a V8 CPU profile spent with a content script on the stack.

    Inclusive: a sample counts when any frame of its stack is one of Salesy's content
    scripts, so the DOM calls they make (ranges, CSS.highlights, the panel's shadow DOM) are
    theirs too; X's own scripts (React, Draft.js) reacting to the key are not."""
    parent: dict[int, int] = {}
    ours: dict[int, bool] = {}
    for node in profile["nodes"]:
        for child in node.get("children", []):
            parent[child] = node["id"]
        ours[node["id"]] = node["callFrame"]["url"].startswith(prefix)
    memo: dict[int, bool] = {}

    def in_ours(node: int) -> bool:
        chain = []
        found = False
        current: int | None = node
        while current is not None:
            if current in memo:
                found = memo[current]
                break
            chain.append(current)
            if ours[current]:
                found = True
                break
            current = parent.get(current)
        for seen in chain:
            memo[seen] = found
        return found

    samples, deltas = profile["samples"], profile["timeDeltas"]
    total_us = 0
    for i in range(len(samples) - 1):
        if in_ours(samples[i]):
            total_us += deltas[i + 1]  # the time until the next sample
    return total_us / 1000


def content_script_rows(context: Any, keys: int = 40) -> list[Row]:
    """Main-thread time Salesy's content scripts take per keystroke, from a CPU profile (CDP
    Profiler, 50 µs sampling) of each keystroke's window: the key, the debounce, the
    check's round trip, the highlights and the chip, until the chip has painted. Typing is
    paused after each key, so every key gets its own check: the most work a key can cost."""
    page = harness.open_compose(context)
    harness.type_draft(page, "Buy now with code SAVE20, hello")
    harness.wait_for_verdict(page)
    harness.settled(page)
    prefix = f"chrome-extension://{harness.extension_id(context)}/content/"
    cdp = context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 50})
    per_key: list[float] = []
    for i in range(keys):
        before = harness.chip_state(page)["updates"]  # type: ignore[index]
        cdp.send("Profiler.start")
        page.keyboard.press("Backspace" if i % 2 else "x")
        harness.poll(lambda before=before: harness.chip_state(page)["updates"] > before)  # type: ignore[index]
        harness.settled(page)
        page.wait_for_timeout(30)  # the paint after the last change
        per_key.append(content_script_ms(cdp.send("Profiler.stop")["profile"], prefix))
    # A burst: ten keys faster than the debounce, so one check answers them all.
    cdp.send("Profiler.start")
    page.keyboard.type("0123456789", delay=20)
    harness.settled(page)
    page.wait_for_timeout(30)
    burst = content_script_ms(cdp.send("Profiler.stop")["profile"], prefix) / 10
    cdp.detach()
    page.close()
    p50 = statistics.median(per_key)
    return [
        row(
            "content-script main-thread time per keystroke p50",
            p50,
            "ms",
            "<= 1 ms",
            p50 <= 1,
            note=f"{keys} keys, each checked on its own (the worst case); CPU profile, "
            "samples with a content script on the stack",
        ),
        row(
            "content-script main-thread time per keystroke p95",
            percentile(per_key, 0.95),
            "ms",
            "",
            None,
        ),
        row(
            "content-script main-thread time per key, 10-key burst (mean)",
            burst,
            "ms",
            "",
            None,
            note="ten keys 20 ms apart, one check for all: the usual case while typing",
        ),
    ]


# ---------------------------------------------------------------------------- GC sweep

# The collection thresholds the sweep tries (bytes): PyScript's own (16 KiB), then 256 KiB to
# 8 MiB. extension/engine/engine.py GC_THRESHOLD is chosen from these rows.
GC_THRESHOLDS = [16 * 1024, *(2**k * 1024 for k in range(8, 14))]
GC_CHECKS = 1000


def engine_process_mb(context: Any) -> float | None:
    """Private memory of the renderer process the engine's sandboxed frame runs in."""
    targets = Targets(context)
    for info in targets.all():
        if info["url"].endswith("/engine/sandbox.html"):
            session = targets.attach(info["targetId"])
            try:
                pid = process_of(targets, session)
            finally:
                targets.detach(session)
            return private_mb(pid) if pid is not None else None
    return None


def gc_rows() -> list[Row]:
    """Check time and engine memory after 1 000 checks (a 280-character draft being typed),
    for each collection threshold, each in a fresh browser."""
    rows: list[Row] = []
    texts = typing_texts(text_of(280), times=8)[:GC_CHECKS]
    for threshold in GC_THRESHOLDS:
        with fresh_browser() as context:
            page = context.new_page()
            page.goto(f"chrome-extension://{harness.extension_id(context)}/manifest.json")
            engine_ready(page)
            page.evaluate(  # warm-up: the engine's caches, V8's tiers
                """async (texts) => chrome.runtime.sendMessage(
                     {target: 'background', type: 'engine-bench', texts})""",
                texts[:50],
            )
            reply = page.evaluate(
                """async ([texts, gcThreshold]) => chrome.runtime.sendMessage(
                     {target: 'background', type: 'engine-bench', texts, gcThreshold})""",
                [texts, threshold],
            )
            if not reply.get("ok"):
                raise RuntimeError(f"engine-bench: {reply.get('error')}")
            times = [float(t) for t in reply["result"]["times"]]
            heap = reply["result"]["heap"]
            process = engine_process_mb(context)
        label = f"{threshold // 1024} KiB"
        grown = (heap["after"]["peak"] - heap["before"]["used"]) / 1e6
        note = (
            f"heap {heap['before']['used'] / 1e6:.2f} MB after start-up, peak "
            f"{heap['after']['peak'] / 1e6:.2f} MB over {len(times)} checks (+{grown:.2f})"
        )
        if process is not None:
            note += f"; engine process {process:.1f} MB private"
        rows.append(
            row(f"GC threshold {label}: check p50", statistics.median(times), "ms", "", None, note)
        )
        rows.append(
            row(f"GC threshold {label}: check p99", percentile(times, 0.99), "ms", "", None)
        )
        rows.append(
            row(f"GC threshold {label}: heap peak", heap["after"]["peak"] / 1e6, "MB", "", None)
        )
    return rows


# ---------------------------------------------------------------------------- memory


class Targets:
    """CDP sessions to any target of the browser (workers and frames included), through the
    browser session's non-flat attach, which Playwright leaves alone."""

    def __init__(self, context: Any) -> None:
        self.session = context.browser.new_browser_cdp_session()
        self.inbox: list[tuple[str, dict[str, Any]]] = []
        self.session.on(
            "Target.receivedMessageFromTarget",
            lambda event: self.inbox.append((event["sessionId"], json.loads(event["message"]))),
        )
        self.next_id = 1000
        self.page = context.pages[0]

    def all(self) -> list[dict[str, Any]]:
        return self.session.send("Target.getTargets")["targetInfos"]  # type: ignore[no-any-return]

    def attach(self, target_id: str) -> str:
        reply = self.session.send(
            "Target.attachToTarget", {"targetId": target_id, "flatten": False}
        )
        return str(reply["sessionId"])

    def detach(self, session_id: str) -> None:
        self.session.send("Target.detachFromTarget", {"sessionId": session_id})

    def call(self, session_id: str, method: str, params: dict[str, Any] | None = None) -> Any:
        """Sends one command to an attached target and waits for its answer."""
        self.next_id += 1
        wanted = self.next_id
        message = {"id": wanted, "method": method, "params": params or {}}
        self.session.send(
            "Target.sendMessageToTarget", {"sessionId": session_id, "message": json.dumps(message)}
        )
        return self._wait(lambda sid, m: sid == session_id and m.get("id") == wanted)

    def call_child(self, session_id: str, child: str, method: str) -> Any:
        """A command for a target attached inside another one (a frame's worker)."""
        self.next_id += 1
        wanted = self.next_id
        inner = json.dumps({"id": wanted, "method": method})
        self.call(session_id, "Target.sendMessageToTarget", {"sessionId": child, "message": inner})

        def matches(sid: str, m: dict[str, Any]) -> bool:
            if sid != session_id or m.get("method") != "Target.receivedMessageFromTarget":
                return False
            if m["params"]["sessionId"] != child:
                return False
            return json.loads(m["params"]["message"]).get("id") == wanted

        answer = json.loads(self._wait(matches)["params"]["message"])
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["result"]

    def children(self, session_id: str) -> list[str]:
        """Attaches to the workers a frame has started; returns their session ids."""
        self.call(
            session_id,
            "Target.setAutoAttach",
            {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False},
        )
        self.page.wait_for_timeout(300)
        return [
            m["params"]["sessionId"]
            for sid, m in self.inbox
            if sid == session_id and m.get("method") == "Target.attachedToTarget"
        ]

    def _wait(self, match: Callable[[str, dict[str, Any]], bool]) -> Any:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for index, (sid, message) in enumerate(self.inbox):
                if match(sid, message):
                    del self.inbox[index]
                    if "error" in message:
                        raise RuntimeError(message["error"])
                    return message.get("result", message)
            self.page.wait_for_timeout(10)  # lets Playwright deliver events
        raise TimeoutError("no answer from the target")


def heap_mb(usage: dict[str, Any]) -> float:
    """V8 heap in use + Blink's (DOM) heap + ArrayBuffer backing stores."""
    total = usage["usedSize"] + usage.get("embedderHeapUsedSize", 0)
    return float(total + usage.get("backingStorageSize", 0)) / 1e6


BURN_JS = "{ const start = performance.now(); while (performance.now() - start < 300) {} }"


def process_of(targets: Targets, session: str) -> int | None:
    """The renderer process a target runs in: the one whose CPU time grows while the target
    spins for 300 ms (CDP names processes and targets, but never pairs them)."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None  # process memory is read from /proc: Linux only

    def cpu() -> dict[int, float]:
        info = targets.session.send("SystemInfo.getProcessInfo")["processInfo"]
        return {p["id"]: p["cpuTime"] for p in info if p["type"] == "renderer"}

    before = cpu()
    targets.call(session, "Runtime.evaluate", {"expression": BURN_JS})
    after = cpu()
    grown = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    pid = max(grown, key=lambda p: grown[p])
    return pid if grown[pid] > 0.15 else None


def private_mb(pid: int) -> float:
    """A process's private memory (what Chrome's task manager calls its footprint, roughly):
    its resident pages no other process shares."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "kB":
            fields[parts[0].rstrip(":")] = int(parts[1])
    return (fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)) / 1024


def measure(targets: Targets, ext: str) -> dict[str, Any]:
    """Collects garbage everywhere, then reads each target's heap and finds its process."""
    out: dict[str, Any] = {"tabs": [], "extension": {}, "hosts": 0, "engines": 0}
    tab_pids: set[int] = set()
    ext_pids: set[int] = set()
    for info in targets.all():
        kind, url = info["type"], info["url"]
        ours = url.startswith(f"chrome-extension://{ext}/")
        is_tab = kind == "page" and url.startswith(("https://x.com/", "https://no-salesy.test/"))
        if not (ours or is_tab):
            continue
        session = targets.attach(info["targetId"])
        try:
            targets.call(session, "HeapProfiler.collectGarbage")
            usage = heap_mb(targets.call(session, "Runtime.getHeapUsage"))
            pid = process_of(targets, session)
            if is_tab:
                out["tabs"].append({"url": url, "mb": usage, "pid": pid})
                if pid is not None and "x.com" in url:
                    tab_pids.add(pid)
            else:
                name = url.split(f"chrome-extension://{ext}/", 1)[1]
                out["extension"][name] = out["extension"].get(name, 0) + usage
                out["hosts"] += name == "engine/host.html"
                out["engines"] += name == "engine/sandbox.html"
                if pid is not None:
                    ext_pids.add(pid)
                if name == "engine/sandbox.html":
                    # PyScript's unzip worker, started by the engine frame at start-up.
                    for child in targets.children(session):
                        worker = heap_mb(targets.call_child(session, child, "Runtime.getHeapUsage"))
                        out["extension"]["engine worker"] = worker
        finally:
            targets.detach(session)
    out["tab_processes"] = [private_mb(pid) for pid in sorted(tab_pids)]
    out["extension_processes"] = {pid: private_mb(pid) for pid in sorted(ext_pids)}
    return out


def open_drafted_tab(context: Any, origin: str = "https://x.com") -> Any:
    page = context.new_page()
    page.goto(origin + "/compose/post")
    page.wait_for_selector(harness.EDITOR)
    harness.type_draft(page, "Buy now with code SAVE20! I made this myself, what do you think?")
    if origin == "https://x.com":
        harness.wait_for_verdict(page)
        harness.settled(page)
    return page


def memory_rows() -> list[Row]:
    """Heaps from CDP Runtime.getHeapUsage after a forced GC, per target: each x.com tab with
    a draft typed and checked, and the extension's own contexts (service worker, offscreen
    engine host, sandboxed engine frame). Process overhead is not counted."""
    rows: list[Row] = []
    with fresh_browser() as context:
        ext = harness.extension_id(context)

        def serve(route: Any) -> None:  # the same page where Salesy's content scripts don't run
            found = harness.fixture_response(route.request.url.split(".test", 1)[1].split("?")[0])
            if found is None:
                route.fulfill(status=404, body="not a fixture")
            else:
                route.fulfill(status=200, body=found[0], content_type=found[1])

        context.route("https://no-salesy.test/**", serve)
        targets = Targets(context)
        plain = open_drafted_tab(context, "https://no-salesy.test")
        tabs = [open_drafted_tab(context)]
        boot = measure(targets, ext)
        # PyScript unzips the engine in a worker that exits a few seconds after start-up.
        harness.poll(lambda: not any(t["type"] == "worker" for t in targets.all()), timeout=30)
        one = measure(targets, ext)
        without = next(t["mb"] for t in one["tabs"] if "no-salesy" in t["url"])
        with_salesy = next(t["mb"] for t in one["tabs"] if "x.com" in t["url"])
        plain.close()
        tabs.extend(open_drafted_tab(context) for _ in range(4))
        five = measure(targets, ext)
        rows.append(
            row(
                "x.com tab JS heap, 1 tab",
                with_salesy,
                "MB",
                "",
                None,
                note="the practice page (React + Draft.js) and Salesy's content scripts",
            )
        )
        rows.append(
            row(
                "same tab without Salesy, JS heap",
                without,
                "MB",
                "",
                None,
                note="the same page and draft at an origin Salesy's content scripts do not run "
                "on: the difference is what they add to a tab",
            )
        )
        rows.append(
            row(
                "x.com tab JS heap, 5 tabs (mean per tab)",
                statistics.mean(t["mb"] for t in five["tabs"]),
                "MB",
                "",
                None,
            )
        )
        for label, found in (("1 x.com tab", one), ("5 x.com tabs", five)):
            parts = found["extension"]
            detail = ", ".join(f"{name} {mb:.1f}" for name, mb in sorted(parts.items()))
            rows.append(
                row(
                    f"extension JS heaps, {label}",
                    sum(parts.values()),
                    "MB",
                    "",
                    None,
                    note=detail + " MB",
                )
            )
        for label, found in (("1 x.com tab", one), ("5 x.com tabs", five)):
            procs = found["extension_processes"]
            if procs:
                rows.append(
                    row(
                        f"extension processes' private memory, {label}",
                        sum(procs.values()),
                        "MB",
                        "",
                        None,
                        note=f"{len(procs)} renderer processes ("
                        + " + ".join(f"{mb:.1f}" for mb in procs.values())
                        + " MB), MicroPython's wasm heap included; from /proc (Linux)",
                    )
                )
        for label, found in (("1 x.com tab", one), ("5 x.com tabs", five)):
            if found["tab_processes"]:
                rows.append(
                    row(
                        f"x.com tab process private memory, {label} (mean per tab)",
                        statistics.mean(found["tab_processes"]),
                        "MB",
                        "",
                        None,
                    )
                )
        worker = boot["extension"].get("engine worker")
        if worker is not None:
            rows.append(
                row(
                    "extension heap while the engine starts",
                    sum(boot["extension"].values()),
                    "MB",
                    "",
                    None,
                    note=f"with PyScript's unzip worker ({worker:.1f} MB), which exits after ~5 s",
                )
            )
        hosts = five["hosts"]
        rows.append(
            row(
                "engine hosts with 5 x.com tabs",
                hosts,
                "hosts",
                "= 1",
                hosts == 1 and five["engines"] == 1,
                note=f"{hosts} offscreen host(s), {five['engines']} engine frame(s): one engine "
                "per browser, not per tab",
            )
        )
        for tab in tabs:
            tab.close()
    return rows


# ---------------------------------------------------------------------------- main


def print_table(rows: list[Row]) -> None:
    width = max(len(r["name"]) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>14}  {'target':<18} met")
    for r in rows:
        met = {True: "yes", False: "NO", None: ""}[r["met"]]
        value = (
            f"{r['value']:g} {r['unit']}"
            if r["unit"] == "hosts"
            else f"{r['value']:.3f} {r['unit']}"
        )
        print(f"{r['name']:<{width}}  {value:>14}  {r['target']:<18} {met}")
    notes = [r for r in rows if r.get("note")]
    if notes:
        print()
        for r in notes:
            print(f"- {r['name']}: {r['note']}")


GROUPS: dict[str, Callable[[], list[Row]]] = {
    "cpython": lambda: calibration_rows() + cpython_rows(),
    "cli": cli_rows,
    "audit": audit.rows,
    "incremental": incremental.rows,
    "cold": cold_rows,
    "browser": browser_rows,
    "memory": memory_rows,
    "gc": gc_rows,
    "pathological": pathological.rows,
}


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
    }


def markdown(results: dict[str, Any]) -> str:
    """bench/results.json as the README's table."""
    lines = ["| benchmark | result | target | met |", "| --- | --: | --- | --- |"]
    for r in results["results"]:
        value = r["value"]
        if r["unit"] == "hosts":
            shown = f"{value:g}"
        elif r["unit"] == "posts/s":
            shown = f"{value:,.0f} posts/s".replace(",", " ")
        elif abs(value) >= 100:
            shown = f"{value:,.0f} {r['unit']}".replace(",", " ")
        else:
            shown = f"{value:.2f} {r['unit']}"
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        target = r["target"].replace("<=", "≤")
        lines.append(f"| {r['name']} | {shown} | {target} | {met} |")
    return "\n".join(lines) + "\n"


def merged(old: list[Row], new: list[Row]) -> list[Row]:
    """The old rows with each new one in place of the old row of its name (or added at the
    end), so a group can be rerun without rerunning the others."""
    fresh = {r["name"]: r for r in new}
    out = [fresh.pop(r["name"], r) for r in old]
    return out + [r for r in new if r["name"] in fresh]


def main() -> None:
    parser = argparse.ArgumentParser(description="Salesy's benchmarks")
    parser.add_argument("--only", choices=sorted(GROUPS), action="append")
    parser.add_argument(
        "--markdown", action="store_true", help="print bench/results.json as a Markdown table"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --only: replace those rows in bench/results.json (by name), keep the rest",
    )
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(RESULTS.read_text())), end="")
        return
    info = machine()
    rows: list[Row] = []
    for name, group in GROUPS.items():
        if not args.only or name in args.only:
            rows.extend(group())
    print_table(rows)
    if args.only and not args.merge:
        print("\n(--only: bench/results.json left as it was; --merge puts these rows in)")
        return
    if args.merge:
        rows = merged(json.loads(RESULTS.read_text())["results"], rows)
    if hasattr(os, "getloadavg"):
        info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.write_text(
        json.dumps(
            {
                "machine": info,
                "chromium": harness.chromium_path(),
                "results": rows,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
