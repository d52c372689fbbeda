"""`salesy audit` on a 100 000-post archive: a fresh process timed from start to exit.

The sample archive (`scripts/sample_archive.py --posts 100000`, 118 MB of tweets*.js) is timed
three ways: as it is (with orjson, as `pip install 'salesy[fast]'` reads it), read by the
standard json module instead (orjson hidden from the process), and with every post's text
made distinct (the sample repeats its texts, and audit judges each distinct text once, so
this is the most judging 100 000 posts can take). CPU seconds (the command and its worker
processes) are given beside each wall time: they move less with the machine's load.

    python bench/run.py --only audit
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402

POSTS = 100_000
RUNS = 2  # best of
TARGET_S = 10.0
# The command with orjson made unimportable, as on an install without the extra.
WITHOUT_ORJSON = (
    "import sys; sys.modules['orjson'] = None; sys.argv = ['salesy'] + sys.argv[1:];"
    " from salesy.cli import main; sys.exit(main())"
)


def _command(orjson: bool) -> list[str]:
    if not orjson:
        return [sys.executable, "-c", WITHOUT_ORJSON]
    script = Path(sys.executable).with_name("salesy")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "salesy"]


def _time(command: list[str], archive: Path) -> tuple[float, float, float, dict[str, Any]]:
    """(best wall seconds, CPU seconds of that run, the 1-minute load average as that run
    started, the report) over RUNS fresh processes."""
    best = (float("inf"), 0.0, 0.0)
    report: dict[str, Any] = {}
    for _ in range(RUNS):
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "audit", str(archive), "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, SALESY_PROGRESS="never"),
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu, load))
        report = json.loads(done.stdout)
    return best[0], best[1], best[2], report


def _distinct_archive(out: Path) -> None:
    """The sample archive with a number after each post's text, so no two texts are the same
    (its links' positions stay as written)."""
    items = list(reversed(sample_archive.sample_tweets(POSTS, seed=7)))
    for index, item in enumerate(items):
        tweet = item["tweet"]
        assert isinstance(tweet, dict)
        tweet["full_text"] = str(tweet["full_text"]) + f" {index}"
    data = out / "data"
    data.mkdir(parents=True)
    half = len(items) // 2
    (data / "tweets.js").write_text(sample_archive._js("tweets", 0, items[:half]))
    (data / "tweets-part1.js").write_text(sample_archive._js("tweets", 1, items[half:]))
    account = [{"account": sample_archive.ACCOUNT}]
    (data / "account.js").write_text(sample_archive._js("account", 0, account))


def _row(
    name: str, wall: float, cpu: float, load: float, note: str, target: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "value": round(wall, 3), "unit": "s"}
    out["target"] = f"<= {TARGET_S:g} s" if target else ""
    out["met"] = wall <= TARGET_S if target else None
    # The machine is shared: with other work on its cores the wall time follows the CPU s.
    out["note"] = f"{cpu:.1f} CPU s, load average {load:.1f} as it started; " + note
    return out


def rows() -> list[dict[str, Any]]:
    out = []
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample"
        sample_archive.write_archive(sample, posts=POSTS)
        size = sum(f.stat().st_size for f in (sample / "data").iterdir())
        distinct = len(
            {str(post["text"]) for post in _posts(sample)}
        )  # what audit judges once each
        wall, cpu, load, report = _time(_command(orjson=True), sample)
        posts = report["posts"]
        out.append(
            _row(
                "salesy audit, 100 000-post archive",
                wall,
                cpu,
                load,
                f"{size / 1e6:.0f} MB of tweets*.js, {posts} posts judged "
                f"({report['reposts_left_out']} reposts left out; {distinct} distinct texts), "
                f"orjson, {cpus} worker processes, best of {RUNS}",
                target=True,
            )
        )
        wall, cpu, load, plain = _time(_command(orjson=False), sample)
        assert plain == report, "orjson and json gave different reports"
        out.append(
            _row(
                "salesy audit, 100 000-post archive, json (no orjson)",
                wall,
                cpu,
                load,
                f"the same archive and report, read by the standard json; best of {RUNS}",
                target=False,
            )
        )
        unique = Path(tmp) / "distinct"
        _distinct_archive(unique)
        wall, cpu, load, report = _time(_command(orjson=True), unique)
        out.append(
            _row(
                "salesy audit, 100 000-post archive, no text repeated",
                wall,
                cpu,
                load,
                f"{report['posts']} posts, every text distinct: each one judged; best of {RUNS}",
                target=False,
            )
        )
    return out


def _posts(archive: Path) -> list[dict[str, object]]:
    from salesy.archive import read

    data = archive / "data"
    names = ("tweets.js", "tweets-part1.js")
    return read([(name, (data / name).read_bytes()) for name in names])["posts"]  # type: ignore[return-value]
