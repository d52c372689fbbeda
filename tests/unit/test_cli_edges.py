"""The CLI's edges (issue 16): empty input, stdin paragraphs, links, whole archives, the
audit table, progress on a terminal, help with examples, --version."""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import salesy
from salesy import cli

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import sample_archive  # noqa: E402

AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"
PERSONAL = "I finally fixed my old bike today. Took three weekends, but I learned a lot."
DATE = "Wed Oct 10 20:19:24 +0000 2018"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def salesy_cli(*argv: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesy", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_an_empty_post_is_nothing_to_check(capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, err = run(capsys, "check", text)
    assert (code, out) == (2, "")
    assert err == "salesy: nothing to check: the post is empty\n"


def test_empty_stdin_and_files_are_nothing_to_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "drafts.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    code, _out, err = run(capsys, "check", "--file", str(empty))
    assert code == 2 and err == f"salesy: nothing to check: {empty} holds no post\n"
    result = salesy_cli("check", "-", stdin="\n\n")
    assert result.returncode == 2
    assert result.stderr == "salesy: nothing to check: stdin holds no post\n"


def test_stdin_is_one_post_per_paragraph_like_a_file(tmp_path: Path) -> None:
    drafts = PERSONAL + "\n\n" + AD + "\nsecond line\r\n\r\n\r\n"
    piped = salesy_cli("check", "-", "--format", "jsonl", stdin=drafts)
    file = tmp_path / "drafts.txt"
    file.write_text(drafts, encoding="utf-8")
    from_file = salesy_cli("check", "--file", str(file), "--format", "jsonl")
    assert piped.stdout == from_file.stdout
    rows = [json.loads(line) for line in piped.stdout.splitlines()]
    assert [row["text"] for row in rows] == [PERSONAL, AD + "\nsecond line"]
    assert [row["verdict"] for row in rows] == [salesy.check(r["text"])["verdict"] for r in rows]
    assert piped.returncode == (1 if any(r["verdict"] == "pure_ad" for r in rows) else 0)


def test_carets_stay_under_the_words_of_every_line() -> None:
    post = "Big news from us\n\tBUY NOW 日本 50% off\nShop now, today only"
    result = salesy_cli("check", "-", stdin=post + "\n\n" + PERSONAL)
    lines = result.stdout.splitlines()
    findings = salesy.check(post)["findings"]
    assert isinstance(findings, list) and findings
    starts = [0]
    for line in post.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    checked = 0
    for number, line in enumerate(post.split("\n")):
        row = lines.index("  " + line)
        marks = lines[row + 1] if row + 1 < len(lines) and "^" in lines[row + 1] else ""
        for finding in findings:
            start = int(finding["start"])
            if not starts[number] <= start < starts[number + 1]:
                continue
            before = line[: start - starts[number]]
            # Columns: a tab stays a tab, a wide character is two.
            column = 2 + sum(2 if "\u3040" <= c <= "\u9fff" else 1 for c in before)
            width = sum(2 if "\u3040" <= c <= "\u9fff" else 1 for c in finding["text"])
            assert marks[column : column + width] == "^" * width, (line, finding["text"])
            checked += 1
    assert checked == len(findings)


@pytest.mark.parametrize(
    "link", ["abc", "https://example.com", "ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP", "q" * 32, "a" * 33]
)
def test_link_takes_only_an_extension_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, link: str
) -> None:
    config = tmp_path / "salesy.json"
    config.write_text('{"salesy": 1}', encoding="utf-8")
    code, out, err = run(capsys, "config", "share", str(config), "--link", link)
    assert code == 2 and out == ""
    assert (
        err.startswith("salesy config: --link: expected an extension id") and err.count("\n") == 1
    )


def test_link_with_an_extension_id_prints_the_options_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "salesy.json"
    config.write_text('{"salesy": 1}', encoding="utf-8")
    ext = "abcdefghijklmnopabcdefghijklmnop"
    code, out, _err = run(capsys, "config", "share", str(config), "--link", ext)
    assert code == 0
    assert out.startswith(f"chrome-extension://{ext}/options/options.html#config=SALESY1-")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--version")
    assert (code, out) == (0, "salesy " + salesy.__version__ + "\n")


def _parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    found: list[tuple[str, argparse.ArgumentParser]] = []

    def walk(name: str, parser: argparse.ArgumentParser) -> None:
        found.append((name, parser))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, child in action.choices.items():
                    walk(name + " " + sub, child)

    walk("salesy", cli.build_parser())
    return found


def test_every_command_has_help_with_an_example() -> None:
    parsers = _parsers()
    names = {name for name, _ in parsers}
    assert {"salesy check", "salesy audit", "salesy config share", "salesy report"} <= names
    for name, parser in parsers:
        text = parser.format_help()
        assert "examples:\n  salesy " in text, name
        # Each example line is a command of this one (the top level may show any).
        examples = text.split("examples:\n", 1)[1].split("\n\n")[0].splitlines()
        assert all(name in line for line in examples), (name, examples)


def test_help_exits_0_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", "--help")
    assert code == 0 and err == "" and "examples:" in out


# -- salesy audit ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "twitter"
    sample_archive.write_archive(out, make_zip=True)
    return out


def test_tweets_js_is_read_with_the_files_beside_it(sample: Path) -> None:
    whole = json.loads(salesy_cli("audit", str(sample), "--format", "json").stdout)
    alone = salesy_cli("audit", str(sample / "data/tweets.js"), "--format", "json")
    report = json.loads(alone.stdout)
    assert report["files"] == ["tweets.js", "tweets-part1.js", "account.js"]
    assert report["account"] == "salesy_demo"
    assert report["posts"] == whole["posts"] and whole["files"] == [
        "data/tweets.js",
        "data/tweets-part1.js",
        "data/account.js",
    ]
    text = salesy_cli("audit", str(sample / "data/tweets.js")).stdout
    assert text.splitlines()[0] == "Read tweets.js, tweets-part1.js, account.js"
    zipped = salesy_cli("audit", str(sample.with_suffix(".zip"))).stdout
    assert zipped.splitlines()[0] == "Read data/tweets.js, data/tweets-part1.js, data/account.js"


def test_part_files_are_read_in_number_order(tmp_path: Path) -> None:
    for part in (10, 2, 1):
        name = tmp_path / f"tweets-part{part}.js"
        item = {"tweet": {"id_str": str(part), "full_text": "hi", "created_at": DATE}}
        name.write_text(f"window.YTD.tweets.part{part} = " + json.dumps([item]))
    report = json.loads(salesy_cli("audit", str(tmp_path), "--format", "json").stdout)
    assert report["files"] == ["tweets-part1.js", "tweets-part2.js", "tweets-part10.js"]


def test_the_month_table_columns_say_one_thing_each(sample: Path) -> None:
    text = salesy_cli("audit", str(sample)).stdout.splitlines()
    header = next(line for line in text if line.startswith("Month"))
    columns = [c.strip() for c in header.split("  ") if c.strip()]
    assert columns == ["Month", "Posts", "OK", "Promotional", "Pure ads", "Share promoting"]
    report = json.loads(salesy_cli("audit", str(sample), "--format", "json").stdout)
    first = report["months"][0]
    row = next(line for line in text if line.startswith(first["month"]))
    numbers = row.split("%")[0].split()[1:]
    assert numbers == [str(first[k]) for k in ("posts", "ok", "promotional", "pure_ad", "share")]


def test_most_salesy_lists_each_post_once(tmp_path: Path) -> None:
    items = [
        {"tweet": {"id_str": str(i), "full_text": f"{AD} https://t.co/{i}", "created_at": DATE}}
        for i in range(1, 5)
    ]
    other = "LAST CHANCE!!! Order now, 70% OFF EVERYTHING, ends tonight! Link in bio"
    items.append({"tweet": {"id_str": "9", "full_text": other, "created_at": DATE}})
    items.append({"tweet": {"id_str": "10", "full_text": PERSONAL, "created_at": DATE}})
    file = tmp_path / "tweets.js"
    file.write_text("window.YTD.tweets.part0 = " + json.dumps(items), encoding="utf-8")
    report = json.loads(salesy_cli("audit", str(file), "--format", "json").stdout)
    flagged = [t for t in (AD, other) if salesy.check(t)["verdict"] != "ok"]
    keys = [
        " ".join(w for w in p["text"].split() if not w.startswith("https://"))
        for p in report["top"]
    ]
    assert len(keys) == len(set(keys)) == len(flagged)
    times = {p["text"].split(" https://t.co/")[0]: p["times"] for p in report["top"]}
    if AD in flagged:
        assert times[AD] == 4
    text = salesy_cli("audit", str(file)).stdout
    assert text.count("BUY NOW! 50% off") == (1 if AD in flagged else 0)


def _on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """stderr of a command whose stderr is a terminal (a pty), stdout piped."""
    leader, follower = pty.openpty()
    # A terminal of 24 x 100 (a new pty has no size, and a bar needs columns).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "salesy", *argv],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=dict(os.environ, **env),
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            raise AssertionError("no output for 120 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    return seen.decode("utf-8", "replace")


def test_audit_shows_progress_on_a_terminal_and_is_quiet_when_piped(
    tmp_path: Path, sample: Path
) -> None:
    out = tmp_path / "big"
    sample_archive.write_archive(out, posts=40000)  # long enough for the 0.5 s delay
    shown = _on_a_terminal(["audit", str(out)], {"SALESY_JOBS": "1"})
    assert "Judging" in shown and "posts/s" in shown
    piped = salesy_cli("audit", str(out), SALESY_JOBS="1")
    assert piped.returncode == 0 and piped.stderr == ""
    # SALESY_PROGRESS=always shows every stage even when piped (a CI log), output unchanged.
    plain = salesy_cli("audit", str(sample), "--format", "csv")
    forced = salesy_cli("audit", str(sample), "--format", "csv", SALESY_PROGRESS="always")
    assert plain.stderr == "" and forced.stdout == plain.stdout
    for stage in ("Reading", "Parsing", "Judging"):
        assert stage in forced.stderr


def test_sample_archive_says_where_the_zip_is(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/sample_archive.py"), str(tmp_path / "a"), "--zip"],
        capture_output=True,
        text=True,
        check=True,
    )
    zipped = tmp_path / "a.zip"
    assert zipped.is_file()
    assert f"wrote {zipped} " in result.stdout


def test_the_engine_needs_no_dependency() -> None:
    """tqdm is the CLI's; the engine (which also runs on MicroPython) imports nothing
    outside the standard library, and importing it leaves tqdm unloaded."""
    code = "import sys, salesy; salesy.check('BUY NOW'); print('tqdm' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "False\n", result.stderr
    package = ROOT / "py" / "salesy"
    users = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if "tqdm" in p.read_text(encoding="utf-8")
    ]
    assert users == ["cli/progress.py"]
