"""salesy.archive reads X's data archive; `salesy audit` reports on it (sample archive)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from salesy.archive import ArchiveError, iso_date, read, read_file
from salesy.cli.audit import main
from salesy.protocol import handle

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402


def js(kind: str, items: object, part: int = 0) -> str:
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items)


def tweet(id_: str, text: str, when: str = "Wed Oct 10 20:19:24 +0000 2018", **extra: object):
    return {"tweet": {"id_str": id_, "full_text": text, "created_at": when, **extra}}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "twitter-2026-11-20"
    sample_archive.write_archive(out, make_zip=True)
    return out


def test_dates() -> None:
    assert iso_date("Wed Oct 10 20:19:24 +0000 2018") == "2018-10-10T20:19:24Z"
    assert iso_date("Thu Jan 01 01:30:00 +0200 2026") == "2025-12-31T23:30:00Z"
    assert iso_date("yesterday") is None


def test_posts_reposts_replies_links_entities() -> None:
    items = [
        tweet("1", "Tea &amp; cake at 5 &lt;3"),
        tweet("2", "RT @ana: my post"),
        tweet(
            "3",
            "@ana thanks! https://t.co/abc",
            in_reply_to_status_id_str="9",
            in_reply_to_screen_name="ana",
            entities={"urls": [{"url": "https://t.co/abc", "expanded_url": "https://a.io/x"}]},
        ),
        tweet("4", "photo https://t.co/pic", entities={"media": [{"url": "https://t.co/pic"}]}),
    ]
    found = read_file(js("tweets", items))
    posts = {p["id"]: p for p in found["posts"]}  # type: ignore[attr-defined]
    assert set(posts) == {"1", "3", "4"} and found["reposts"] == 1
    assert posts["1"]["text"] == "Tea & cake at 5 <3" and posts["1"]["reply"] is False
    assert posts["3"]["text"] == "@ana thanks! https://a.io/x" and posts["3"]["reply"] is True
    assert posts["3"]["reply_to"] == "ana" and posts["3"]["source"] == "archive"
    assert posts["4"]["text"] == "photo"
    assert posts["1"]["at"] == "2018-10-10T20:19:24Z"


def test_parts_merge_by_id_and_account_names_the_handle() -> None:
    found = read(
        [
            ("tweets.js", js("tweets", [tweet("1", "a"), tweet("2", "b")])),
            ("tweets-part1.js", js("tweets", [tweet("2", "b"), tweet("3", "c")], 1)),
            ("account.js", js("account", [{"account": {"username": "salesy_demo"}}])),
        ]
    )
    assert found["account"] == "salesy_demo" and found["files"] == 2
    assert sorted(p["id"] for p in found["posts"]) == ["1", "2", "3"]  # type: ignore[attr-defined]


def test_older_archives_say_tweet_without_wrapper() -> None:
    old = "window.YTD.tweet.part0 = " + json.dumps(
        [{"id_str": "5", "full_text": "hello", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}]
    )
    assert read_file(old)["posts"][0]["id"] == "5"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "expected X's archive file data/tweets.js"),
        ('[{"tweet": {}}]', "plain JSON, not a file from an X archive"),
        ("hello world", "starts with `hello world`"),
        (js("like", [{"like": {}}]), "holds your likes"),
        ("window.YTD.tweets.part0 = [{", "is not valid JSON"),
        ('window.YTD.tweets.part0 = {"a": 1}', "should be a list of posts"),
        ("window.YTD.tweets.part0 = [1, 2]", "none of its 2 items reads as a post"),
        (b"\xff\xfe", "not a text file"),
    ],
)
def test_foreign_or_broken_files_name_what_was_expected(text: object, expected: str) -> None:
    with pytest.raises(ArchiveError) as caught:
        read_file(text, "tweets.js")
    assert expected in str(caught.value) and str(caught.value).startswith("tweets.js: ")


def test_engine_request_classifies_newest_and_reports_errors() -> None:
    files = [{"name": "tweets.js", "text": js("tweets", [tweet("1", "BUY NOW 50% off!")])}]
    answer = handle({"type": "archive", "files": files, "limit": 10})
    result = answer["result"]
    assert answer["ok"] and result["total"] == 1  # type: ignore[index]
    assert result["posts"][0]["verdict"] == "pure_ad"  # type: ignore[index]
    bad = handle({"type": "archive", "files": [{"name": "x.js", "text": "nope"}]})
    assert bad["ok"] and "x.js: expected" in bad["result"]["error"]  # type: ignore[index]


def test_sample_archive_has_the_real_shape(sample: Path) -> None:
    text = (sample / "data" / "tweets.js").read_text()
    assert text.startswith("window.YTD.tweets.part0 = [")
    item = json.loads(text.split("=", 1)[1])[0]["tweet"]
    assert {"id_str", "full_text", "created_at", "entities", "retweeted"} <= set(item)


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_audit_text(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(str(sample.with_suffix(".zip")), capsys=capsys)
    assert code == 0 and err == ""
    assert out.startswith("Read data/tweets.js, data/tweets-part1.js, data/account.js\n")
    assert out.splitlines()[1].startswith("@salesy_demo: ")
    assert "Balance over the last 20 posts: " in out and "target 80/20" in out
    assert "Month     Posts" in out and "2026-03" in out and "2026-11" in out
    assert "Most salesy posts" in out and "https://x.com/salesy_demo/status/" in out


def test_audit_json_folder_and_file_agree(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reports = []
    for path in (sample, sample / "data", sample.with_suffix(".zip")):
        code, out, _ = run_cli(str(path), "--format", "json", capsys=capsys)
        assert code == 0
        reports.append(json.loads(out))
    # The same posts, read from files named as each way in shows them.
    assert [r.pop("files") for r in reports] == [
        ["data/tweets.js", "data/tweets-part1.js", "data/account.js"],
        ["tweets.js", "tweets-part1.js", "account.js"],
        ["data/tweets.js", "data/tweets-part1.js", "data/account.js"],
    ]
    assert reports[0] == reports[1] == reports[2]
    report = reports[0]
    assert report["account"] == "salesy_demo" and report["posts"] > 300
    assert sum(row["posts"] for row in report["months"]) == report["posts"]
    assert report["reposts_left_out"] > 0 and report["replies"] > 0
    assert report["balance"]["total"] == 20
    assert report["top"][0]["verdict"] == "pure_ad"
    # The sample drifts salesy towards the holidays, and the month table shows it.
    shares = [row["share"] for row in report["months"]]
    assert shares[-1] > shares[0]


def test_audit_since_window_and_csv(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        str(sample), "--since", "2026-10-01", "--window", "30d", "--format", "json", capsys=capsys
    )
    report = json.loads(out)
    assert code == 0 and report["first"] >= "2026-10-01"
    assert [row["month"] for row in report["months"]] == ["2026-10", "2026-11"]
    assert report["balance"]["window"]["days"] == 30
    assert report["balance"]["total"] < report["posts"]
    code, out, _ = run_cli(str(sample), "--window", "50", "--format", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["month"] == "2026-03" and len(rows) == 9
    assert set(rows[0]) == {"month", "posts", "ok", "promotional", "pure_ad", "share_percent"}


def test_audit_config_target(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "salesy.json"
    config.write_text(json.dumps({"salesy": 1, "balance": {"target": "thirds", "window": 50}}))
    code, out, _ = run_cli(str(sample), "--config", str(config), "--format", "json", capsys=capsys)
    report = json.loads(out)
    assert code == 0 and report["balance"]["target"] == 33 and report["balance"]["total"] == 50


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "no such file or folder"),
        (["{like}"], "holds your likes"),
        (["{empty}"], "no tweets.js here"),
        (["{sample}", "--since", "June"], "--since: expected a date like 2026-06-01"),
        (["{sample}", "--window", "0"], "--window: expected a number of posts"),
        (["{sample}", "--config", "{badconfig}"], "balance.window"),
    ],
)
def test_audit_errors_are_one_line(
    sample: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.json").write_text(json.dumps({"salesy": 1, "balance": {"window": -1}}))
    names = {
        "{missing}": str(tmp_path / "missing.zip"),
        "{like}": str(sample / "data" / "like.js"),
        "{empty}": str(tmp_path / "empty"),
        "{sample}": str(sample),
        "{badconfig}": str(tmp_path / "bad.json"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "salesy", "audit", *[names.get(a, a) for a in args]],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("salesy audit: error: "), done.stderr
    assert message in lines[0]


def test_archive_in_batches_and_classify_request() -> None:
    files = [{"name": "tweets.js", "text": js("tweets", [tweet("1", "BUY NOW 50% off!")])}]
    parsed = handle({"type": "archive", "files": files, "classify": False})["result"]
    assert "verdict" not in parsed["posts"][0]  # type: ignore[index]
    answer = handle({"type": "classify", "texts": ["BUY NOW 50% off!", "I fixed my bike."]})
    assert [r["verdict"] for r in answer["result"]] == ["pure_ad", "ok"]  # type: ignore[attr-defined]


def test_the_salesy_command_runs_audit(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from salesy.cli import main as salesy_main

    assert salesy_main(["audit", str(sample), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("month,posts,ok,promotional,pure_ad,share_percent")
    assert salesy_main(["audit", str(sample / "nope")]) == 2
    assert capsys.readouterr().err.strip() == (
        "salesy audit: error: " + str(sample / "nope") + ": no such file or folder"
    )


def test_escaped_emoji_are_read_as_characters() -> None:
    text = js("tweets", [tweet("1", "SALE 🔥 now")])  # json.dumps escapes it: \\ud83d\\udd25
    assert "\\ud83d\\udd25" in text
    assert read_file(text)["posts"][0]["text"] == "SALE 🔥 now"  # type: ignore[index]
    literal = js("tweets", [tweet("1", "a backslash: \\ud83d\\udd25")])
    assert read_file(literal)["posts"][0]["text"] == "a backslash: \\ud83d\\udd25"  # type: ignore[index]


@pytest.mark.parametrize(
    "when",
    [
        "Wed Oct 99 20:19:24 +0000 2018",  # no 99th
        "Wed Feb 30 20:19:24 +0000 2018",  # no 30 February
        "Wed Feb 29 20:19:24 +0000 2019",  # not a leap year
        "Wed Oct 10 25:19:24 +0000 2018",
        "Wed Oct 10 20:61:24 +0000 2018",
        "Wed Oct 10 -1:19:24 +0000 2018",
        "Wed Oct 10 20:19:24 +9999 2018",
        "Wed Oct 10 20:19:24 +0000 99999",
        "Wed Oct 10 20:19:24 +0000 1970",  # before X
    ],
)
def test_dates_out_of_range_are_unreadable(when: str) -> None:
    assert iso_date(when) is None
    found = read_file(js("tweets", [tweet("1", "ok", when), tweet("2", "fine")]))
    assert found["skipped"] == 1 and [p["id"] for p in found["posts"]] == ["2"]  # type: ignore[attr-defined]


def test_leap_day_is_a_date() -> None:
    assert iso_date("Thu Feb 29 12:00:00 +0000 2024") == "2024-02-29T12:00:00Z"


@pytest.mark.parametrize("entities", [{"urls": 5}, {"media": 7}, {"urls": "x", "media": None}, 3])
def test_odd_entities_leave_the_text_as_written(entities: object) -> None:
    found = read_file(js("tweets", [tweet("1", "see https://t.co/a", entities=entities)]))
    assert [p["text"] for p in found["posts"]] == ["see https://t.co/a"]  # type: ignore[attr-defined]
