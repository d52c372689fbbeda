"""The built extension is loadable and self-contained."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build  # noqa: E402


@pytest.fixture(scope="module")
def built() -> Path:
    build.build()
    return build.OUT


def test_no_name_starts_with_underscore(built: Path) -> None:
    assert [p for p in built.rglob("*") if p.name.startswith("_")] == []


def test_vendored_pyscript_and_micropython_are_inside(built: Path) -> None:
    assert (built / "vendor/pyscript/core.js").is_file()
    assert (built / "vendor/micropython/micropython.mjs").is_file()
    assert (built / "vendor/micropython/micropython.wasm").is_file()
    config = json.loads((built / "engine/pyscript.json").read_text())
    assert config["interpreter"] == "../vendor/micropython/micropython.mjs"


def test_python_package_travels_as_one_zip(built: Path) -> None:
    with zipfile.ZipFile(built / "engine/salesy.zip") as archive:
        names = archive.namelist()
    assert "salesy/__init__.py" in names
    assert all(name.startswith("salesy/") and name.endswith(".py") for name in names)
    sources = {p.relative_to(ROOT / "py").as_posix() for p in (ROOT / "py/salesy").rglob("*.py")}
    assert set(names) == sources


def test_every_file_the_manifest_names_exists(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    named = [manifest["background"]["service_worker"], manifest["action"]["default_popup"]]
    named += list(manifest["icons"].values()) + manifest["sandbox"]["pages"]
    for script in manifest["content_scripts"]:
        named += script["js"] + script.get("css", [])
    missing = [name for name in named if not (built / name).is_file()]
    assert missing == []


def test_manifest_asks_for_the_least(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    assert sorted(manifest["permissions"]) == ["alarms", "offscreen", "storage"]
    assert "host_permissions" not in manifest
    # A team config URL's host is asked for when the user imports it, never at install.
    assert manifest["optional_host_permissions"] == ["https://*/*"]
    csp = manifest["content_security_policy"]["extension_pages"]
    assert "'wasm-unsafe-eval'" in csp
    assert "'unsafe-eval'" not in csp


def test_our_files_load_nothing_from_the_web(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    sites = {match for script in manifest["content_scripts"] for match in script["matches"]}
    assert sites == {"https://x.com/*", "https://twitter.com/*"}
    ours = [
        p
        for p in built.rglob("*")
        if p.is_file() and "vendor" not in p.parts and p.name != "manifest.json"
    ]
    for file in ours:
        if file.name == "manifest.json":
            continue
        if file.suffix in {".js", ".html", ".css", ".json", ".py"}:
            text = file.read_text()
            assert "https://" not in text, f"{file.relative_to(built)} mentions a web address"


def test_versions_agree_and_the_package_zip_is_made(built: Path) -> None:
    import salesy

    version = build.version()
    assert version == salesy.__version__
    assert (build.DIST / f"salesy-{version}.zip").is_file()
    for name in ("manifest.json", "package.json"):
        assert json.loads((ROOT / name).read_text())["version"] == version, name
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["version"] == lock["packages"][""]["version"] == version
    assert json.loads((built / "manifest.json").read_text())["version"] == version
    # pyproject.toml takes it from the package, so there is no second copy to drift.
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "salesy.__version__" }' in pyproject


def test_a_version_out_of_step_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("manifest.json", "package.json", "package-lock.json"):
        (tmp_path / name).write_text((ROOT / name).read_text())
    (tmp_path / "py/salesy").mkdir(parents=True)
    init = tmp_path / "py/salesy/__init__.py"
    init.write_text((ROOT / "py/salesy/__init__.py").read_text())
    monkeypatch.setattr(build, "ROOT", tmp_path)
    monkeypatch.setattr(build, "INIT", init)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(build.BuildError, match=r"manifest\.json says version 9\.9\.9"):
        build.version()
    build.set_version("2.3.4")
    assert build.version() == "2.3.4"
    assert '__version__ = "2.3.4"' in init.read_text()
    with pytest.raises(build.BuildError, match="1-4 numbers"):
        build.set_version("2.3.4-beta")


def test_the_zip_holds_the_built_folder_and_nothing_else(built: Path) -> None:
    with zipfile.ZipFile(build.DIST / f"salesy-{build.version()}.zip") as archive:
        names = {name for name in archive.namelist() if not name.endswith("/")}
    files = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert names == files
    assert "manifest.json" in names
    stray = [n for n in names if n.endswith((".map", ".ts", ".md", ".pyc")) or "test" in n]
    assert stray == []
    # Python travels inside engine/salesy.zip; engine.py is the one script PyScript starts.
    assert [n for n in names if n.endswith(".py")] == ["engine/engine.py"]


def test_every_file_of_ours_is_used(built: Path) -> None:
    """No dead files: each of our files is named by the manifest or by another shipped file
    (vendored chunks are named by PyScript's core, see tests/e2e/test_packaging.py)."""
    ours = [
        p
        for p in built.rglob("*")
        if p.is_file() and "vendor" not in p.parts and p.name != "manifest.json"
    ]
    texts = {
        p: p.read_text(encoding="utf-8")
        for p in built.rglob("*")
        if p.suffix in {".json", ".html", ".js", ".css", ".py"}
    }
    unused = [
        p.relative_to(built).as_posix()
        for p in ours
        if not any(p.name in text for other, text in texts.items() if other != p)
    ]
    assert unused == []


def test_pyscript_plugins_are_off_and_not_shipped(built: Path) -> None:
    """PyScript imports every plugin of its table at start unless a config says `!name`, once
    per interpreter type: both configs switch off all but the error display."""
    import re

    core = next((built / "vendor/pyscript").glob("core-*.js")).read_text(encoding="utf-8")
    table = re.search(r"codemirror:\(\)=>Promise[^;]*?\}\)?,(.*?)\};", core)
    assert table is not None
    plugins = set(re.findall(r'"?([a-z-]+)"?:\(\)=>import\(', table.group(1)))
    assert {"py-game", "py-editor", "py-terminal", "error"} <= plugins
    wanted_off = sorted("!" + name for name in plugins - {"error"})
    mpy = json.loads((built / "engine/pyscript.json").read_text())
    sandbox = (built / "engine/sandbox.html").read_text()
    py = re.search(r"<py-config>(.*?)</py-config>", sandbox, re.S)
    assert py is not None
    assert sorted(mpy["plugins"]) == wanted_off
    assert sorted(json.loads(py.group(1))["plugins"]) == wanted_off
    shipped = {p.name for p in (built / "vendor/pyscript").iterdir()}
    assert not [n for n in shipped if any(n.startswith(off[1:] + "-") for off in wanted_off)]
