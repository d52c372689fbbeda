"""`salesy config ...`: exit codes, one-line errors on stderr, never a traceback."""

import json
from pathlib import Path

import pytest

from salesy import config, examples
from salesy.cli import config as cli_config
from salesy.rules import RULES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_config.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = str(tmp_path / "salesy.json")
    assert run(capsys, "init", file)[0] == 0
    code, out, err = run(capsys, "validate", file)
    assert (code, err) == (0, "")
    assert out.startswith(file + f': valid, "My team": {len(RULES)}/{len(RULES)} rules on')
    assert "2 examples hold" in out
    # init never overwrites by accident
    code, _out, err = run(capsys, "init", file)
    assert code == 2
    assert err == "salesy config: " + file + " already exists; pass --force to overwrite it\n"
    assert run(capsys, "init", file, "--force")[0] == 0


def test_init_to_stdout_is_the_starter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "init", "-")
    assert code == 0
    assert json.loads(out) == cli_config.starter()
    assert examples.inspect(cli_config.starter())["ok"] is True


def test_validate_prints_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "team.json"
    file.write_text(
        json.dumps(
            {
                "salesy": 1,
                "rules": {"SL104": {"weight": "high"}},
                "terms": {"promotoin": []},
                "examples": {"pass": ["BUY NOW 50% off"]},
            }
        )
    )
    code, out, err = run(capsys, "validate", str(file))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[-1] == str(file) + ": 3 errors"
    assert str(file) + ': rules.SL104.weight: must be an integer 0-100, got "high"' in lines
    assert any('terms.promotoin: unknown setting; did you mean "promotion"?' in x for x in lines)
    assert any("examples.pass[0]" in line for line in lines)


def test_validate_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "team.json"
    file.write_text('{"salesy": 1, "examples": {"flag": ["Buy now, 50% off"]}}')
    code, out, _err = run(capsys, "validate", str(file), "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    assert report["examples"][0]["verdict"] == "pure_ad"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {f}: No such file or directory"),
        ('{"salesy": 1,}', "{f}: not valid JSON at line 1, column 14"),
        ("x" * (300 * 1024), "{f}: bigger than 256 KB; a config is at most 256 KB"),
    ],
)
def test_unusable_files_are_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    file = tmp_path / "team.json"
    if content is not None:
        file.write_text(content)
    for command in ("validate", "share"):
        code, out, err = run(capsys, command, str(file))
        assert code == 2 and out == ""
        assert err.startswith("salesy config: " + message.format(f=file))
        assert err.count("\n") == 1 and "Traceback" not in err


def test_extends_files_relative_to_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "company.json").write_text(
        '{"salesy": 1, "extends": "brand.json", "terms": {"promotion": ["Acme"]}}'
    )
    (tmp_path / "base" / "brand.json").write_text('{"salesy": 1, "terms": {"allow": ["free"]}}')
    team = tmp_path / "team.json"
    team.write_text('{"salesy": 1, "extends": ["salesy:strict", "base/company.json"]}')
    merged, errors = cli_config.load_config(str(team))
    assert errors == []
    assert merged["terms"] == {"promotion": ["Acme"], "allow": ["free"]}
    assert merged["thresholds"] == config.PRESETS["salesy:strict"]["thresholds"]
    team.write_text('{"salesy": 1, "extends": "missing.json"}')
    code, _out, err = run(capsys, "validate", str(team))
    assert code == 1
    assert err.splitlines()[0] == (
        f'{team}: extends "missing.json": cannot read {tmp_path}/missing.json: '
        "No such file or directory"
    )
    assert "cannot find" not in err


def test_share_then_decode_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "team.json"
    doc = {"salesy": 1, "name": "Acme", "terms": {"promotion": ["Acme Cloud"]}}
    file.write_text(json.dumps(doc))
    code, out, _err = run(capsys, "share", str(file))
    assert code == 0 and out.startswith("SALESY1-")
    code, decoded, _err = run(capsys, "decode", out.strip())
    assert code == 0
    assert config.merge(json.loads(decoded)) == config.merge(doc)
    ext = "abcdefghijklmnopabcdefghijklmnop"  # an extension id: 32 letters a-p
    code, link, _err = run(capsys, "share", str(file), "--link", ext)
    assert link.startswith(f"chrome-extension://{ext}/options/options.html#config=SALESY1-")


def test_share_refuses_an_invalid_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "team.json"
    file.write_text('{"salesy": 1, "rules": {"SL999": {}}}')
    code, out, err = run(capsys, "share", str(file))
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == f"{file}: fix these before sharing"


def test_decode_a_damaged_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "decode", "SALESY1-ABC-00000000")
    assert code == 2
    assert err == (
        "salesy config: share code: damaged (its checksum does not match); copy it again in full\n"
    )


def test_schema_and_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema")
    assert code == 0 and json.loads(out) == config.schema()
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text('{"salesy": 1, "terms": {"promotion": ["A"]}}')
    new.write_text('{"salesy": 1, "terms": {"promotion": ["B"]}, "rules": {"SL101": false}}')
    code, out, _err = run(capsys, "diff", str(old), str(new))
    assert out.splitlines() == [
        "rules.SL101.enabled: true -> false",
        'terms.promotion: + "B"',
        'terms.promotion: - "A"',
    ]
