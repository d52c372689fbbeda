"""Build the loadable extension: dist/salesy/ and dist/salesy-<version>.zip.

Chrome refuses an unpacked extension holding any name that starts with "_", so the Python
package travels as one zip (PyScript unpacks it) and the build checks the result.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
OUT = DIST / "salesy"
NODE_MODULES = ROOT / "node_modules"

# What the extension vendors from npm, pinned by package-lock.json.
VENDOR = {
    "vendor/pyscript": NODE_MODULES / "@pyscript/core/dist",
    "vendor/micropython": NODE_MODULES / "@micropython/micropython-webassembly-pyscript",
}
VENDOR_SUFFIXES = {".js", ".mjs", ".wasm", ".css"}
# PyScript chunks the engine never loads: the plugins engine/pyscript.json switches off
# ("!py-game"...: a code editor, terminal, game canvas, worker REPL and deprecation notices,
# none of which Salesy has) and what only they import, Pyodide's graph and the service
# worker; source maps stay behind too. tests/e2e/test_packaging.py checks that the sandbox
# boots with what is left, asks for nothing missing and leaves nothing shipped unused.
PLUGINS_OFF = ("deprecations-manager-", "donkey-", "py-editor-", "py-game-", "py-terminal-")
VENDOR_SKIP = (
    *PLUGINS_OFF,
    "storage.js",  # an entry point for user code (`@pyscript/core/storage`), not the engine's
    "core.css",  # the widgets' styles (editor, terminal); the sandbox shows nothing
    "toml-",  # the TOML config reader; engine/pyscript.json is JSON
    "service-worker",
    "codemirror",  # the editor
    "index-",  # codemirror's language support
    "xterm",  # the terminal
    "mpy-",  # the MicroPython terminal's glue
    "py-Dl-",  # the Pyodide terminal's glue
    "pyodide_graph",
)


class BuildError(Exception):
    pass


INIT = ROOT / "py" / "salesy" / "__init__.py"
VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"$', re.M)
# Every file that carries the version besides py/salesy/__init__.py (the one place it is
# set; pyproject.toml reads it from there).
STAMPED = ("manifest.json", "package.json", "package-lock.json")


def version() -> str:
    """The version, from py/salesy/__init__.py; BuildError if another file says otherwise."""
    found = VERSION_LINE.search(INIT.read_text(encoding="utf-8"))
    if found is None:
        raise BuildError(f"{INIT.relative_to(ROOT)} has no __version__ line")
    wanted = found.group(1)
    for name in STAMPED:
        doc = json.loads((ROOT / name).read_text(encoding="utf-8"))
        said = [doc.get("version")]
        if name == "package-lock.json":
            said.append(doc.get("packages", {}).get("", {}).get("version"))
        if any(v != wanted for v in said):
            raise BuildError(
                f"{name} says version {said[0]}, py/salesy/__init__.py {wanted}: run"
                f" `python scripts/build.py --set-version {wanted}`"
            )
    return wanted


def set_version(new: str) -> None:
    """Writes `new` into py/salesy/__init__.py and every file in STAMPED."""
    if not re.fullmatch(r"\d+(\.\d+){1,3}", new):
        # Chrome takes 1-4 dot-separated integers; PyPI would take more, but one version
        # must suit both.
        raise BuildError(f"a version is 1-4 numbers joined by dots (Chrome's rule), got {new}")
    text = INIT.read_text(encoding="utf-8")
    INIT.write_text(VERSION_LINE.sub(f'__version__ = "{new}"', text), encoding="utf-8")
    for name in STAMPED:
        path = ROOT / name
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["version"] = new
        if name == "package-lock.json" and "" in doc.get("packages", {}):
            doc["packages"][""]["version"] = new
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def copy_extension() -> None:
    shutil.copy2(ROOT / "manifest.json", OUT / "manifest.json")
    for source in sorted((ROOT / "extension").rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            target = OUT / source.relative_to(ROOT / "extension")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def copy_vendor() -> None:
    for folder, source in VENDOR.items():
        if not source.is_dir():
            raise BuildError(f"{source} is missing: run `npm ci` first")
        for file in sorted(source.iterdir()):
            if file.suffix in VENDOR_SUFFIXES and not file.name.startswith(VENDOR_SKIP):
                target = OUT / folder / file.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)


# The command line's own modules (argparse, files, terminals) and the fitting and report
# tools: CPython only, never imported by the engine, so the browser's copy leaves them out.
CLI_ONLY = ("salesy/cli/", "salesy/__main__.py", "salesy/training/")


def zip_python_package() -> None:
    package = ROOT / "py" / "salesy"
    with zipfile.ZipFile(OUT / "engine" / "salesy.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(package.rglob("*.py")):
            name = file.relative_to(package.parent).as_posix()
            if "__pycache__" not in name and not name.startswith(CLI_ONLY):
                archive.write(file, name)


PRIVACY_PAGE = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Salesy privacy policy</title>
<link rel="stylesheet" href="ui/page.css">
<style>
  main {{ max-width: 760px; margin: 0 auto; padding: 24px 16px 48px; }}
  h1 {{ font-size: 22px; }} h2 {{ font-size: 17px; margin-top: 28px; }}
  table {{ border-collapse: collapse; width: 100%; margin: 8px 0; }}
  th, td {{ border: 1px solid var(--line); padding: 6px 8px; text-align: left; }}
  td {{ vertical-align: top; }}
  code {{ font-size: 13px; }}
</style>
<body>
  <main>
{body}
  </main>
</body>
</html>
"""


def write_privacy_page() -> None:
    """PRIVACY.md as the extension's own page (privacy.html), linked from the options page:
    the policy travels with the code it describes and opens without a network request."""
    import markdown

    text = (ROOT / "PRIVACY.md").read_text(encoding="utf-8")
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    (OUT / "privacy.html").write_text(PRIVACY_PAGE.format(body=body), encoding="utf-8")


def check_names() -> None:
    # _locales is the one such name Chrome reserves for itself (the translations).
    bad = [
        p.relative_to(OUT)
        for p in OUT.rglob("*")
        if p.name.startswith("_") and p.name != "_locales"
    ]
    if bad:
        raise BuildError(f"Chrome refuses names starting with '_': {', '.join(map(str, bad))}")


def package(ver: str) -> Path:
    archive_path = DIST / f"salesy-{ver}.zip"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(OUT.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(OUT).as_posix())
    return archive_path


def build() -> Path:
    ver = version()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    copy_extension()
    copy_vendor()
    zip_python_package()
    write_privacy_page()
    check_names()
    return package(ver)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/salesy/ and its store zip.")
    parser.add_argument(
        "--set-version", metavar="X.Y.Z", help="write a new version everywhere, then build"
    )
    args = parser.parse_args(argv)
    try:
        if args.set_version:
            set_version(args.set_version)
        archive = build()
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"built {OUT.relative_to(ROOT)}/ ({size // 1024} KiB) and {archive.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
