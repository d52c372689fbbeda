"""`salesy audit` reads with orjson when it can and json when it cannot, and judges in worker
processes as the archive is read (issue 17): the report is the same whichever way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesy.archive import read_file
from salesy.balance import balance
from salesy.cli import archive_read, audit, judging
from salesy.cli.progress import Bar
from salesy.engine import check

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402

DATE = "Wed Oct 10 20:19:24 +0000 2018"


def tweet(id_: object, text: str, when: str = DATE, **extra: object) -> dict[str, object]:
    return {"tweet": {"id_str": id_, "full_text": text, "created_at": when, **extra}}


def tricky_items() -> list[dict[str, object]]:
    """What orjson and json could read differently, if anything: emoji written raw and as
    escaped surrogate pairs, entities and links, replies, reposts, unreadable items, the
    same id again (the later one counts), a number where a string belongs."""
    return [
        tweet("1", "SALE 🔥🔥 BUY NOW with code SAVE20 &amp; more https://t.co/a", DATE),
        tweet("2", "I learned a lot this week, thanks @ana!", "Thu Oct 11 10:00:00 +0000 2018"),
        tweet("3", "RT @someone: not ours"),
        tweet(
            "4", "@ana Use code THANKS15 for 15% off! https://t.co/b", in_reply_to_status_id_str="9"
        ),
        {"tweet": "not a post"},
        tweet("2", "The same id again: this text wins", "Thu Oct 11 10:00:00 +0000 2018"),
        tweet(5, "an id written as a number, emoji 😀 and a backslash \\ud83d", DATE),
        tweet("6", "café crème, 日本語, 🇩🇪 and ½ price!!!", "Fri Oct 12 10:00:00 +0000 2018"),
    ]


def write(folder: Path, parts: list[str]) -> Path:
    data = folder / "data"
    data.mkdir(parents=True)
    for index, text in enumerate(parts):
        name = "tweets.js" if index == 0 else f"tweets-part{index}.js"
        (data / name).write_text(text, encoding="utf-8")
    account = [{"account": {"username": "demo"}}]
    (data / "account.js").write_text("window.YTD.account.part0 = " + json.dumps(account))
    return folder


def js(items: object, part: int = 0, ensure_ascii: bool = False) -> str:
    return f"window.YTD.tweets.part{part} = " + json.dumps(items, ensure_ascii=ensure_ascii)


def report_of(path: Path, *argv: str) -> dict[str, object]:
    files = audit.archive_files(path)
    return audit.audit(files, audit.cfg.defaults(), *argv)  # type: ignore[arg-type]


def test_orjson_is_what_reads_here_and_the_engine_never_imports_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads = archive_read.fast_loads()
    assert loads is not None and loads.__module__ == "orjson"
    parsed = archive_read._parsed("tweets.js", js(tricky_items()).encode(), loads)
    assert parsed is not None and parsed[:3] == ("tweets", "0", "window.YTD.tweets.part0")
    code = "import sys, salesy.archive; salesy.check('BUY NOW'); print('orjson' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "False\n", result.stderr
    monkeypatch.setitem(sys.modules, "orjson", None)  # as if it were not installed
    assert archive_read.fast_loads() is None


@pytest.mark.parametrize("ensure_ascii", [False, True])  # True: emoji as \\ud83d\\udd25 pairs
def test_orjson_and_json_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ensure_ascii: bool
) -> None:
    items = tricky_items()
    folder = write(
        tmp_path / "a",
        [
            "\ufeff  " + js(items[:5], 0, ensure_ascii) + ";\r\n",  # a BOM, a `;`, CRLF
            js(items[5:], 1, ensure_ascii) + "\n",
        ],
    )
    fast = report_of(folder)
    monkeypatch.setattr(audit, "fast_loads", lambda: None)
    standard = report_of(folder)
    assert fast == standard
    assert fast["posts"] == 5 and fast["reposts_left_out"] == 1 and fast["unreadable"] == 1
    texts = [post["text"] for post in fast["top"]]  # type: ignore[attr-defined]
    assert "SALE 🔥🔥 BUY NOW with code SAVE20 & more https://t.co/a" in texts


@pytest.mark.parametrize(
    "text",
    [
        js([tweet("1", "x")]).replace('"x"', '"a lone \\ud800 surrogate"'),  # json reads it
        # An id beyond 64 bits: orjson reads a float, json the integer (the post's id).
        js([{"tweet": {"id": 2**70, "full_text": "x", "created_at": DATE}}]),
        js([tweet("1", "x", score=float("nan"))]),  # NaN: not JSON, json reads it
    ],
)
def test_what_orjson_refuses_is_read_by_json(tmp_path: Path, text: str) -> None:
    loads = archive_read.fast_loads()
    assert loads is not None
    assert archive_read._parsed("tweets.js", text.encode(), loads) is None
    answers = list(archive_read.file_answers("tweets.js", text.encode(), loads))
    assert [found for found, _first in answers] == [read_file(text)]
    report = report_of(write(tmp_path / "a", [text]))
    assert report["posts"] == 1


def test_an_unreadable_file_says_the_same_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write(tmp_path / "a", [js([tweet("1", "hello")]), js([tweet("2", "x")], 1)[:-3]])
    errors = []
    for loads in (archive_read.fast_loads, lambda: None):
        monkeypatch.setattr(audit, "fast_loads", loads)
        with pytest.raises(audit.AuditError) as caught:
            report_of(folder)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    assert errors[0].startswith("data/tweets-part1.js: the data after `window.YTD.tweets.part1 =`")


def test_one_worker_or_three_give_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small chunks and slices, so many chunks are in flight in three worker processes while
    the files are still being read, and they finish in any order."""
    out = tmp_path / "archive"
    sample_archive.write_archive(out, posts=1500)
    monkeypatch.setattr(judging, "CHUNK", 37)
    monkeypatch.setattr(archive_read, "SLICE", 101)
    reports = []
    for jobs in ("1", "3"):
        monkeypatch.setenv("SALESY_JOBS", jobs)
        reports.append(
            (report_of(out), report_of(out, "2026-09-01"), report_of(out, "", 30, 0, 1000))
        )
    assert reports[0] == reports[1]
    whole = reports[0][0]
    assert whole["posts"] > 1000
    assert len(whole["top"]) == 5  # type: ignore[arg-type]


def test_three_workers_really_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"BUY NOW {n}% off, code SAVE{n}!" for n in range(200)] + ["I fixed my bike."] * 50
    monkeypatch.setattr(judging, "CHUNK", 16)
    with judging.workers(3) as pool:
        assert pool is not None
        work = judging.Judging(audit.cfg.defaults(), pool)
        for text in texts:
            work.add(text)
        work.answers(Bar(None))
    assert work.distinct() == 201  # a text posted again is judged once
    for text in texts:
        result = check(text)
        assert work.answer(text) == (result["verdict"], result["score"])
    assert work.answer(texts[0])[0] == "pure_ad" and work.answer(texts[-1])[0] == "ok"


def test_the_workers_start_with_the_pool() -> None:
    """Forked before the archive is parsed (not at the first chunk), so they share a small
    heap and this process copies no page it touches as it reads on."""
    with judging.workers(2) as pool:
        assert pool is not None
        assert len(pool._processes) == 2  # type: ignore[attr-defined]


def test_no_worker_to_start_means_this_process_judges(monkeypatch: pytest.MonkeyPatch) -> None:
    def cannot(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")  # fork's EAGAIN

    monkeypatch.setattr(judging.ProcessPoolExecutor, "submit", cannot)
    with judging.workers(2) as pool:
        assert pool is None
        work = judging.Judging(audit.cfg.defaults(), pool)
        work.add("BUY NOW 50% off")
        work.answers(Bar(None))
    result = check("BUY NOW 50% off")
    assert work.answer("BUY NOW 50% off") == (result["verdict"], result["score"])


def test_jobs_follow_the_archive_size_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALESY_JOBS", raising=False)
    assert judging.jobs(judging.PARALLEL_BYTES - 1) == 1
    assert judging.jobs(judging.PARALLEL_BYTES) == min(os.cpu_count() or 1, 16)
    monkeypatch.setenv("SALESY_JOBS", "3")
    assert judging.jobs(10) == 3


def test_the_command_without_orjson_installed_gives_the_same_json(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    sample_archive.write_archive(out, posts=600)
    without = (
        "import sys; sys.modules['orjson'] = None; sys.argv = ['salesy'] + sys.argv[1:];"
        " from salesy.cli import main; sys.exit(main())"
    )
    outputs = []
    for code in (["-m", "salesy"], ["-c", without]):
        done = subprocess.run(
            [sys.executable, *code, "audit", str(out), "--format", "json"],
            capture_output=True,
            text=True,
            env=dict(os.environ, SALESY_PROGRESS="never", SALESY_JOBS="2"),
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["posts"] > 400


@pytest.mark.parametrize("window", [None, 1, 3, 4, 5, 9, 40])
def test_the_balance_of_the_newest_posts_is_the_balance_of_all(window: int | None) -> None:
    """audit hands balance() only the newest posts a window of N can count (and any at the
    same moment as the last of them, whose order balance() decides): the same answer."""
    moments = [
        "2026-11-0" + str(day) + "T10:00:0" + str(s) + "Z" for day in (5, 4, 3) for s in (1, 0)
    ]
    posts = []
    for index in range(30):  # newest first, ties of up to 5 posts at one moment
        verdict = ("ok", "promotional", "pure_ad")[index * 7 % 3]
        at = moments[min(len(moments) - 1, index // 5)]
        posts.append({"id": str(100 - index), "at": at, "verdict": verdict, "source": "archive"})
    config = audit.cfg.defaults()
    for days in (0, 1):
        counted = audit._countable(posts, config, window, days)
        assert len(counted) < len(posts) or window == 40 or days
        now = posts[0]["at"]
        assert balance(counted, config, window, days, now) == balance(
            posts, config, window, days, now
        )


def test_the_report_is_the_one_check_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers that rate() each distinct text as the files stream in, with orjson or json,
    give the report of check() on every post in this process, as audit judged before."""
    out = tmp_path / "archive"
    sample_archive.write_archive(out, posts=1200)
    monkeypatch.setattr(judging, "CHUNK", 50)
    monkeypatch.setattr(archive_read, "SLICE", 97)
    monkeypatch.setenv("SALESY_JOBS", "2")
    streamed = [report_of(out), report_of(out, "2026-08-01", 7)]
    monkeypatch.setattr(audit, "fast_loads", lambda: None)
    streamed += [report_of(out), report_of(out, "2026-08-01", 7)]

    def judged_by_check(texts: list[str], config: dict[str, object]) -> list[judging.Answer]:
        results = [check(text, config) for text in texts]
        return [(result["verdict"], result["score"]) for result in results]

    monkeypatch.setenv("SALESY_JOBS", "1")
    monkeypatch.setattr(judging, "judge_texts", judged_by_check)
    before = [report_of(out), report_of(out, "2026-08-01", 7)]
    assert streamed == before + before
    assert before[0]["posts"] > 1000 and before[0]["top"]
