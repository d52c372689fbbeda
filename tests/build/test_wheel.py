"""`pip install salesy` works outside the checkout: the wheel is built, installed into a fresh
venv in a temporary folder, and every command runs from there (issue 16).

The wheel is built offline with the dev venv's setuptools; installing it fetches its one
dependency (tqdm) the way a user's pip would, from the package index or pip's cache.
"""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import salesy

ROOT = Path(__file__).resolve().parents[2]
AD = "BUY NOW! 50% off everything, today only. Shop now: https://shop.example.com"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    (found,) = out.glob("salesy-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv, outside the checkout, with the wheel installed: its bin/ folder."""
    home = tmp_path_factory.mktemp("user")
    assert ROOT not in home.parents
    venv.EnvBuilder(with_pip=True).create(home / "venv")
    bin_dir = home / "venv" / "bin"
    subprocess.run(
        [str(bin_dir / "pip"), "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=600,
        cwd=home,
    )
    return bin_dir


def run(bin_dir: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """A command of the installed venv, from a folder outside the checkout, with nothing of
    the checkout on its path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = str(bin_dir) + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        [str(bin_dir / argv[0]), *argv[1:]],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=bin_dir.parent.parent,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_wheel_holds_the_package_its_licence_and_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_bytes(archive.read(meta_name))
    assert "salesy/__init__.py" in names and "salesy/cli/audit.py" in names
    assert "salesy/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not [n for n in names if n.startswith(("tests/", "scripts/", "extension/"))]
    assert meta["Version"] == salesy.__version__
    assert meta["License-Expression"] == "MIT"
    assert meta["Requires-Python"] == ">=3.11"
    required = [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert required == ["tqdm>=4.66"]
    assert meta["Author"] or meta["Author-email"]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Privacy"} <= set(urls)
    assert "Programming Language :: Python :: 3.11" in (meta.get_all("Classifier") or [])
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "Salesy" in str(meta.get_payload())


def test_data_files_under_the_package_travel_in_the_wheel() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["salesy"]
    assert {"**/*.jsonl", "**/*.json", "**/*.txt"} <= set(patterns)


def test_classifiers_are_real_ones() -> None:
    from trove_classifiers import classifiers

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    unknown = [c for c in pyproject["project"]["classifiers"] if c not in classifiers]
    assert unknown == []


def test_every_command_works_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    where = run(installed, "python", "-c", "import salesy; print(salesy.__file__)")
    assert where.returncode == 0
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout

    version = run(installed, "salesy", "--version")
    assert (version.returncode, version.stdout) == (0, f"salesy {salesy.__version__}\n")
    module = run(installed, "python", "-m", "salesy", "--version")
    assert module.stdout == version.stdout

    checked = run(installed, "salesy", "check", AD, "--format", "json")
    assert checked.returncode == (1 if salesy.check(AD)["verdict"] == "pure_ad" else 0)
    assert json.loads(checked.stdout) == salesy.check(AD)
    piped = run(installed, "python", "-m", "salesy", "check", "-", stdin=AD + "\n\nhello\n")
    assert piped.returncode == checked.returncode and "\n2 posts: " in piped.stdout

    rules = run(installed, "salesy", "rules", "--format", "json")
    assert rules.returncode == 0
    assert [r["id"] for r in json.loads(rules.stdout)] == [r.ID for r in salesy.RULES]

    # report needs the labelled corpus: it runs, or says in one line what it needs.
    report = run(installed, "salesy", "report")
    if report.returncode == 0:
        assert "accuracy" in report.stdout
    else:
        assert report.returncode == 2 and report.stderr.count("\n") == 1
        assert "corpus" in report.stderr or "no .jsonl" in report.stderr
        assert "Traceback" not in report.stderr

    config = tmp_path / "team.json"
    assert run(installed, "salesy", "config", "init", str(config)).returncode == 0
    valid = run(installed, "salesy", "config", "validate", str(config))
    assert valid.returncode == 0 and "valid" in valid.stdout
    code = run(installed, "salesy", "config", "share", str(config)).stdout.strip()
    decoded = run(installed, "salesy", "config", "decode", code)
    assert decoded.returncode == 0 and json.loads(decoded.stdout)["name"] == "My team"
    assert run(installed, "salesy", "config", "diff", str(config), str(config)).returncode == 0
    assert "properties" in json.loads(run(installed, "salesy", "config", "schema").stdout)

    sys.path.insert(0, str(ROOT / "scripts"))
    import sample_archive

    sample_archive.write_archive(tmp_path / "archive", make_zip=True)
    audit = run(installed, "salesy", "audit", str(tmp_path / "archive.zip"), "--format", "json")
    assert audit.returncode == 0, audit.stderr
    report_json = json.loads(audit.stdout)
    assert report_json["account"] == "salesy_demo" and report_json["posts"] > 300
