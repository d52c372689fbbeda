"""The built extension is loadable and self-contained."""

from __future__ import annotations

import json
import re
import struct
import sys
import zipfile
import zlib
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
    # Chrome refuses them, but for _locales: its own folder for the translations.
    assert [p for p in built.rglob("*") if p.name.startswith("_") and p.name != "_locales"] == []
    assert (built / "_locales/en/messages.json").is_file()


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
    cli = {
        name
        for name in sources
        if name.startswith(("salesy/cli/", "salesy/__main__.py", "salesy/training/"))
    }
    assert "salesy/cli/audit.py" in cli and "salesy/training/fit.py" in cli
    # Everything but the command line's own modules, which the engine never imports.
    assert set(names) == sources - cli
    with zipfile.ZipFile(built / "engine/salesy.zip") as archive:
        shipped = {name: archive.read(name).decode("utf-8") for name in names}
    assert [
        n
        for n, text in shipped.items()
        if "salesy.cli" in text or "salesy import cli" in text or "salesy.training" in text
    ] == []


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
        # Chrome reads manifest.json and _locales/ (the manifest's default_locale) by name.
        if p.is_file() and not {"vendor", "_locales"} & set(p.parts) and p.name != "manifest.json"
    ]
    for file in ours:
        if file.name == "manifest.json":
            continue
        if file.suffix in {".js", ".html", ".css", ".json", ".py"}:
            text = file.read_text()
            if file.name == "privacy.html":  # it names the team URL's permission pattern
                assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
                continue
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
        # Chrome reads manifest.json and _locales/ (the manifest's default_locale) by name.
        if p.is_file() and not {"vendor", "_locales"} & set(p.parts) and p.name != "manifest.json"
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


def _png(path: Path) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """Width, height and RGBA pixels of a PNG (8-bit RGBA, as Chromium writes them)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6), "expected 8-bit RGBA"
    chunks, at = b"", 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            chunks += data[at + 8 : at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(chunks)
    stride = width * 4
    rows: list[bytearray] = []
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        prior = rows[-1] if rows else bytearray(stride)
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up, corner = prior[x], prior[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (
                    line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        rows.append(line)
    pixels = [tuple(row[i : i + 4]) for row in rows for i in range(0, stride, 4)]
    return width, height, pixels  # type: ignore[return-value]


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def test_the_icon_set_is_real_and_reads_on_light_and_dark_toolbars(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["icons"] == {str(s): f"icons/{s}.png" for s in (16, 32, 48, 128)}
    assert manifest["action"]["default_icon"] == {"16": "icons/16.png", "32": "icons/32.png"}
    # Chrome's light and dark toolbars (and the white of chrome://extensions).
    toolbars = {"light": (0xFF, 0xFF, 0xFF), "grey": (0xDE, 0xE1, 0xE6), "dark": (0x20, 0x21, 0x24)}
    for size in (16, 32, 48, 128):
        width, height, pixels = _png(built / f"icons/{size}.png")
        assert (width, height) == (size, size)
        solid = [p[:3] for p in pixels if p[3] >= 250]
        clear = [p for p in pixels if p[3] <= 5]
        assert clear, "the mark has a transparent background"
        # A mark, not a speck: at 16 px it covers a good part of the square.
        assert len(solid) >= 0.3 * size * size, (size, len(solid))
        mark = max(set(solid), key=solid.count)  # its main colour
        for name, background in toolbars.items():
            ratio = _contrast(_luminance(mark), _luminance(background))
            assert ratio >= 3, f"{size} px on the {name} toolbar: {ratio:.2f}:1"
        # The hole stays open: some light pixels inside the mark, even at 16 px.
        assert any(min(p) >= 200 for p in solid), size


def test_the_manifest_names_a_homepage_and_the_pyproject_the_same(built: Path) -> None:
    import tomllib

    manifest = json.loads((built / "manifest.json").read_text())
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert manifest["homepage_url"].startswith("https://")
    assert manifest["homepage_url"] == pyproject["project"]["urls"]["Homepage"]


def test_the_privacy_policy_ships_and_every_permission_is_justified(built: Path) -> None:
    policy = (ROOT / "PRIVACY.md").read_text(encoding="utf-8")
    page = (built / "privacy.html").read_text(encoding="utf-8")
    assert "<table>" in page and "Your drafts never leave your computer" in page
    options = (built / "options/options.html").read_text(encoding="utf-8")
    assert 'href="../privacy.html"' in options
    assert "](PRIVACY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    section = policy.split("## Permissions and why Salesy asks for them", 1)[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    justified = " ".join(row.split(" | ")[0] for row in rows[1:])
    manifest = json.loads((built / "manifest.json").read_text())
    for permission in manifest["permissions"]:
        assert f"`{permission}`" in justified, permission
    for pattern in manifest.get("optional_host_permissions", []):
        assert f"`{pattern}`" in justified, pattern
    for script in manifest["content_scripts"]:
        for match in script["matches"]:
            assert match.split("/")[2] in justified, match
    assert "host_permissions" not in manifest


def _localized(built: Path, value: str) -> str:
    """A manifest field as Chrome shows it: "__MSG_name__" comes from the default locale."""
    manifest = json.loads((built / "manifest.json").read_text())
    messages = json.loads(
        (built / "_locales" / manifest["default_locale"] / "messages.json").read_text()
    )
    match = re.fullmatch(r"__MSG_(\w+)__", value)
    return messages[match.group(1)]["message"] if match else value


def test_the_store_listing_matches_the_manifest(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    manifest = {
        key: _localized(built, value) if isinstance(value, str) else value
        for key, value in manifest.items()
    }
    assert len(manifest["description"]) <= 132  # Chrome's limit for the summary
    listing = (ROOT / "store/listing.md").read_text(encoding="utf-8")
    summary = listing.split("## Summary", 1)[1].split("\n\n", 1)[1].split("\n\n", 1)[0]
    assert summary.strip() == manifest["description"]
    assert manifest["name"] in listing.split("## Name", 1)[1].split("##", 1)[0]
