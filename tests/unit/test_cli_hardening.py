"""Hostile or broken input on the command line: one clear line on stderr, a non-zero exit,
bounded memory, and nothing that drives the terminal (issue 15, point 11).

Each command runs as its own process with its address space capped, so a command that tried
to read a multi-gigabyte file into memory fails here instead of passing slowly. The timeout
only keeps a hang from stalling the suite; speed is measured in bench/, not asserted.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import salesy

MEMORY_CAP = 1024 * 1024 * 1024  # 1 GB of address space for the whole interpreter
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"
DATE = "Wed Oct 10 20:19:24 +0000 2018"


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def salesy_cli(
    *argv: str, stdin: bytes = b"", cwd: Path | None = None, stdout: object = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, SALESY_JOBS="1", SALESY_PROGRESS="never")
    return subprocess.run(
        [sys.executable, "-m", "salesy", *argv],
        input=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        preexec_fn=_cap_memory,
        timeout=60,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes], *words: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, err)
    assert err.count("\n") == 1 and err.startswith("salesy"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


def archive_js(items: object, kind: str = "tweets") -> str:
    return f"window.YTD.{kind}.part0 = " + json.dumps(items)


def tweet(id_: str, text: str, when: str = DATE, **extra: object) -> dict[str, object]:
    return {"tweet": {"id_str": id_, "full_text": text, "created_at": when, **extra}}


# -- configs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "what"),
    [
        ('{"salesy": 1, "thresholds": {"promotion": NaN}}', "thresholds.promotion", "NaN"),
        ('{"salesy": 1, "thresholds": {"value": Infinity}}', "thresholds.value", "Infinity"),
        ('{"salesy": 1, "thresholds": {"value": -Infinity}}', "thresholds.value", "Infinity"),
        ('{"salesy": 1, "rules": {"SL101": {"weight": 1e999}}}', "rules.SL101.weight", "1e999"),
        ('{"salesy": 1, "name": "\\ud800"}', "name", "lone surrogate"),
        ('{"salesy": 1, "terms": {"allow": ["ok", "a\\udfffb"]}}', "terms.allow[1]", "surrogate"),
        ('{"salesy": 1, "\\ud83d": 1}', "\ud83d", "surrogate"),
    ],
)
def test_what_json_cannot_hold_is_refused_in_a_config(
    tmp_path: Path, text: str, path: str, what: str
) -> None:
    config = tmp_path / "team.json"
    config.write_text(text, encoding="utf-8")
    for argv in (["check", "hello", "--config", str(config)], ["config", "validate", str(config)]):
        err = one_line_error(salesy_cli(*argv), what)
        if path.isascii():
            assert path + ": " in err


def test_a_50_mb_share_code_is_refused_before_decoding() -> None:
    code = b"SALESY1-" + b"A" * (50 * 1024 * 1024) + b"-00000000"
    one_line_error(salesy_cli("config", "decode", "-", stdin=code), "at most 1 MB")


def test_a_share_code_of_json_a_config_cannot_hold_is_refused() -> None:
    code = salesy.config.encode_share(salesy.config.defaults())
    # Decoded by hand, a NaN slipped into its JSON would reach the printer: refuse it.
    doc, _ = salesy.config.decode_share(code)
    assert isinstance(doc, dict)
    from salesy.config import share

    payload = share._b32encode(b'{"salesy": 1, "thresholds": {"value": NaN}}')
    bad = "SALESY1-" + payload + "-" + share._checksum(payload)
    one_line_error(salesy_cli("config", "decode", bad), "thresholds.value", "NaN")


# -- drafts ----------------------------------------------------------------------------------


def test_a_10_mb_draft_is_refused_not_judged(tmp_path: Path) -> None:
    draft = b"a" * (10 * 1024 * 1024)
    one_line_error(salesy_cli("check", "-", stdin=draft), "characters long", "25,000")
    file = tmp_path / "drafts.txt"
    file.write_bytes(AD.encode() + b"\n\n" + draft[: 5 * 1024 * 1024])
    one_line_error(salesy_cli("check", "--file", str(file)), "post 2 of", "characters long")


def test_more_than_10_mb_of_drafts_is_refused_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "drafts.txt"
    with open(file, "wb") as handle:
        handle.truncate(3 * 1024 * 1024 * 1024)  # 3 GB, sparse
    one_line_error(salesy_cli("check", "--file", str(file)), "bigger than 10 MB")
    one_line_error(salesy_cli("check", "--file", "/dev/zero"), "bigger than 10 MB")


# -- archives --------------------------------------------------------------------------------


def test_numbers_where_links_and_media_belong_are_read_as_plain_posts(tmp_path: Path) -> None:
    file = tmp_path / "tweets.js"
    items = [
        tweet("1", "BUY NOW https://t.co/a", entities={"urls": 5, "media": 7}),
        tweet("2", "hello there", entities={"urls": [3, None], "media": "x"}),
    ]
    file.write_text(archive_js(items), encoding="utf-8")
    result = salesy_cli("audit", str(file), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["posts"] == 2 and report["unreadable"] == 0


def test_a_zip_entry_declaring_gigabytes_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "twitter.zip"
    # 700 MB of the same byte: a few hundred KB compressed, but over the cap inflated.
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("data/tweets.js", "w", force_zip64=True) as entry,
    ):
        entry.write(b"window.YTD.tweets.part0 = [")
        block = b" " * (1024 * 1024)
        for _ in range(700):
            entry.write(block)
    assert bomb.stat().st_size < 5 * 1024 * 1024
    one_line_error(salesy_cli("audit", str(bomb)), "reads at most 512 MB")


def test_a_zip_entry_that_lies_about_its_size_is_damaged(tmp_path: Path) -> None:
    honest = tmp_path / "honest.zip"
    with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", archive_js([tweet("1", "x" * 5000)]))
    data = bytearray(honest.read_bytes())
    # Declare 100 bytes in both headers: reading stops there and the CRC does not match.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        data[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(data))
    one_line_error(salesy_cli("audit", str(liar)), "data/tweets.js")


def test_multi_gigabyte_archive_files_are_refused_before_reading(tmp_path: Path) -> None:
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    with open(data / "tweets.js", "wb") as handle:
        handle.write(b"window.YTD.tweets.part0 = [")
        handle.truncate(4 * 1024 * 1024 * 1024)
    for target in (data / "tweets.js", data.parent):
        one_line_error(salesy_cli("audit", str(target)), "4 GB", "at most 512 MB")


SECRET = "correct horse battery staple"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    other = tmp_path / "elsewhere" / "notes.txt"
    other.parent.mkdir()
    other.write_text(SECRET + "\n", encoding="utf-8")
    return other


def test_links_pipes_and_devices_are_not_archives(tmp_path: Path, secret_file: Path) -> None:
    link = tmp_path / "tweets.js"
    link.symlink_to(secret_file)
    fifo = tmp_path / "pipe.js"
    os.mkfifo(fifo)
    cases = {
        str(link): "symbolic link",
        str(fifo): "named pipe",
        "/dev/zero": "a device",
        "/dev/null": "a device",
    }
    for path, words in cases.items():
        err = one_line_error(salesy_cli("audit", path), words)
        assert SECRET not in err


def test_a_link_inside_an_archive_folder_is_refused(tmp_path: Path, secret_file: Path) -> None:
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text(archive_js([tweet("1", "hello")]), encoding="utf-8")
    (data / "tweets-part1.js").symlink_to(secret_file)
    for target in (data.parent, data / "tweets.js"):
        err = one_line_error(salesy_cli("audit", str(target)), "symbolic link")
        assert SECRET not in err


def test_a_link_to_a_real_archive_is_refused_with_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "real.js"
    real.write_text(archive_js([tweet("1", "hello")]), encoding="utf-8")
    link = tmp_path / "tweets.js"
    link.symlink_to(real)
    one_line_error(salesy_cli("audit", str(link)), str(real), "give the archive itself")


def test_a_big_file_that_is_no_archive_is_refused_from_its_first_bytes(tmp_path: Path) -> None:
    video = tmp_path / "tweets.js"
    with open(video, "wb") as handle:
        handle.write(b"\x00\x00\x00\x18ftypmp42" + os.urandom(64))
        handle.truncate(400 * 1024 * 1024)  # under the cap, so only the sniff saves us
    one_line_error(salesy_cli("audit", str(video)), "not a text file")


# -- what reaches the terminal -----------------------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b31m"


def test_control_sequences_in_a_post_never_reach_the_terminal(tmp_path: Path) -> None:
    text = "BUY NOW " + ESCAPES + " 50% off today only"
    result = salesy_cli("check", text)
    out = result.stdout.decode()
    assert result.returncode in (0, 1)
    assert not any(char in out for char in "\x1b\x07\x9b")
    assert "␛]0;pwned␇" in out
    # The carets stay under the words: each control character shows as one column.
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("  BUY NOW"))
    findings = salesy.check(text)["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        start, end = int(finding["start"]), int(finding["end"])
        assert lines[row + 1][2 + start : 2 + end] == "^" * (end - start)


def test_control_sequences_in_an_archive_never_reach_the_terminal(tmp_path: Path) -> None:
    file = tmp_path / "tweets.js"
    account = tmp_path / "account.js"
    file.write_text(archive_js([tweet("1", AD + ESCAPES)]), encoding="utf-8")
    account.write_text(
        archive_js([{"account": {"username": "evil" + ESCAPES}}], "account"), encoding="utf-8"
    )
    text = salesy_cli("audit", str(file))
    assert text.returncode == 0, text.stderr
    assert not any(char in text.stdout.decode() for char in "\x1b\x07\x9b")
    as_json = salesy_cli("audit", str(file), "--format", "json")
    raw = as_json.stdout.decode()
    assert not any(char in raw for char in "\x1b\x07\x9b")
    assert json.loads(raw)["top"][0]["text"].endswith(ESCAPES)  # escaped, not lost


def test_control_sequences_in_a_file_head_never_reach_the_terminal(tmp_path: Path) -> None:
    file = tmp_path / "tweets.js"
    file.write_text(ESCAPES + "hello", encoding="utf-8")
    err = one_line_error(salesy_cli("audit", str(file)), "starts with")
    assert not any(char in err for char in "\x1b\x07\x9b")
    config = tmp_path / "team.json"
    config.write_text(json.dumps({"salesy": 1, "rules": {ESCAPES: 1}, "x" + ESCAPES: 2}))
    result = salesy_cli("config", "validate", str(config))
    assert result.returncode == 1
    assert not any(char in result.stderr.decode() for char in "\x1b\x07\x9b")


# -- where the output goes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv", [["rules"], ["check", AD, "--format", "json"], ["config", "schema"]]
)
def test_a_full_disk_is_said_in_plain_words(argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = salesy_cli(*argv, stdout=full)
    one_line_error(result, "the disk is full")


def test_writing_a_config_to_a_full_disk_is_said_in_plain_words() -> None:
    result = salesy_cli("config", "init", "/dev/full", "--force")
    one_line_error(result, "cannot write /dev/full", "the disk is full")
