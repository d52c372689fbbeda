"""The `salesy` command: output, exit statuses, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from salesy import cli
from salesy.rules import RULES
from salesy.training import corpus

AD = "BUY NOW! 50% off with code SAVE50 — shop today"
PERSONAL = "I finally fixed my bike today, took me three weekends"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_ad_exits_1_and_underlines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", AD)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("PURE AD")
    text_line = next(i for i, line in enumerate(lines) if line == "  " + AD)
    carets = lines[text_line + 1]
    assert carets[2 : 2 + len("BUY NOW")] == "^^^^^^^"
    assert carets[2 + AD.index("shop") : 2 + AD.index("shop") + 4] == "^^^^"


def test_carets_count_terminal_columns(capsys: pytest.CaptureFixture[str]) -> None:
    text = "日本 BUY NOW, shop today: 50% off with code SAVE50"
    _, out, _ = run(capsys, "check", text)
    lines = out.splitlines()
    carets = lines[lines.index("  " + text) + 1]
    assert carets.startswith("       ^^^^^^^")  # 2 indent + 2 wide characters (4 columns) + space


def test_check_personal_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", PERSONAL)
    assert code == 0 and out.startswith("ok")


def test_check_json_is_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", AD, "--format", "json")
    assert code == 1
    assert set(json.loads(out)) == {
        "verdict",
        "score",
        "value",
        "language",
        "summary",
        "findings",
        "reasons",
    }


def test_check_file_paragraphs_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.txt"
    drafts.write_text(PERSONAL + "\n\n" + AD + "\nsecond line\n\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--file", str(drafts), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["verdict"] for r in rows] == ["ok", "pure_ad"]
    assert rows[1]["text"] == AD + "\nsecond line"


def test_check_config_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "salesy.json"
    config.write_text(
        json.dumps({"salesy": 1, "rules": {"SL101": {"enabled": False}}}), encoding="utf-8"
    )
    _, out, _ = run(capsys, "check", AD, "--config", str(config), "--format", "json")
    assert all(f["rule"] != "SL101" for f in json.loads(out)["findings"])


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "x", "--file", "y"],
        ["check", "--file", "/no/such/file"],
        ["check", "x", "--config", "/no/such/config.json"],
        ["check", "x", "--format", "yaml"],
        ["rules", "SL999"],
        ["report", "/no/such/folder"],
        ["nonsense"],
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    try:
        code = cli.main(argv)
    except SystemExit as stop:  # argparse's own errors
        code = int(stop.code or 0)
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("salesy: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_rules_list_and_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "SL101" in out and "SL405" in out
    code, out, _ = run(capsys, "rules", "SL101")
    assert code == 0
    for part in ("What it does:", "Why is this bad?", "Fires on:", "Does not fire on:"):
        assert part in out
    _, out, _ = run(capsys, "rules", "SL2", "--format", "json")
    assert {r["category"] for r in json.loads(out)} == {"engagement"}


def test_rules_markdown_table_is_generated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "markdown")
    rows = out.splitlines()
    assert code == 0 and rows[0].startswith("| Rule |")
    assert len(rows) == 2 + len(RULES)
    assert all(row.count(" | ") == 5 for row in rows[2:])


def test_report(capsys: pytest.CaptureFixture[str]) -> None:
    folder = corpus.FOLDER
    code, out, _ = run(capsys, "report", folder)
    assert code == 0 and "accuracy" in out and "S/O" in out and "flagged" in out


def test_console_script_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "salesy", "check", "-"],
        input=AD,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and result.stdout.startswith("PURE AD")
