"""The built extension ships what the engine loads and nothing it asks for is missing."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from harness import EXTENSION, RequestLog, extension_id, poll

Browser = tuple[BrowserContext, RequestLog]


def test_the_sandbox_boots_from_the_shipped_files_alone(browser: Browser) -> None:
    context, _ = browser
    page = context.new_page()
    requested: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The sandbox tells its parent when Python has imported salesy; opened as a tab, that
    # parent is itself.
    page.add_init_script(
        "addEventListener('message', (e) => { if (e.data?.type) window.engineSaid = e.data; })"
    )
    base = f"chrome-extension://{extension_id(context)}/"
    page.goto(base + "engine/sandbox.html")
    said = poll(lambda: page.evaluate("window.engineSaid"), timeout=30)
    assert said["type"] == "ready", said
    # With its start-up split (bench/ reports it): each stage after the one before.
    stages = [
        said["startup"][stage] for stage in ("frame", "scripts", "pyscript", "imported", "ready")
    ]
    assert stages == sorted(stages), said
    page.wait_for_timeout(500)  # late chunks (plugins) finish loading
    assert failed == []
    assert errors == []
    loaded = {url.removeprefix(base) for url in requested}
    engine = {"engine/salesy.zip", "engine/engine.py", "vendor/micropython/micropython.wasm"}
    assert engine <= loaded
    shipped = {
        path.relative_to(EXTENSION).as_posix()
        for path in (EXTENSION / "vendor").rglob("*")
        if path.is_file()
    }
    # Shipped but loaded only on need: PyScript's error display (when Python fails to start).
    on_need = {"error-"}
    unused = {
        path
        for path in shipped - loaded
        if not any(path.rsplit("/", 1)[-1].startswith(prefix) for prefix in on_need)
    }
    assert unused == set()
