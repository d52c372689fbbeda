"""The README's rules table is the registry's own (`salesy rules --format markdown`)."""

from pathlib import Path

import pytest

from salesy.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_lists_every_rule_as_the_registry_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    generated = capsys.readouterr().out
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- rules-table:start -->\n", "<!-- rules-table:end -->"
    in_readme = text[text.index(start) + len(start) : text.index(end)]
    assert in_readme == generated, "regenerate the table: salesy rules --format markdown"
