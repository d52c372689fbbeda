"""The options page as a config editor: edit a rule and see the compose box change, export and
import in a fresh profile, a broken import that changes nothing, and a team URL.

About the team URL: `chrome.permissions.request` opens Chrome's own permission prompt, which
neither Playwright nor headless Chromium can answer (Playwright treats extension prompts as out
of scope, microsoft/playwright#32755, and no launch switch auto-accepts it in this Chromium).
So the test records in the profile exactly what Chrome records when the user clicks "Allow"
(the host in the extension's granted and active permissions), restarts the browser, and then
clicks "Preview team URL" for real: the page's `permissions.request` call runs and resolves
true without a prompt, as it does for a host the user allowed before, and the service worker
fetches the URL, which Playwright serves by routing. Nothing else may leave the browser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Route

import harness
from harness import (
    RequestLog,
    extension_id,
    highlighted,
    open_compose,
    poll,
    storage,
    type_draft,
    wait_for_verdict,
)
from salesy import config as salesy_config

Browser = tuple[BrowserContext, RequestLog]

AD = "Buy now and get 50% off with code SAVE50. Shop today!"
TEAM_HOST = "https://team.example"
TEAM_URL = TEAM_HOST + "/salesy.json"


def open_options(context: BrowserContext, fragment: str = "") -> Page:
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id(context)}/options/options.html{fragment}")
    poll(lambda: page.evaluate("document.querySelectorAll('.rule').length") > 0, timeout=20)
    poll(lambda: page.input_value("#share-code").startswith("SALESY1-"), timeout=20)
    return page


def settle(page: Page) -> None:
    """Lets the page's debounced check of the edited config run and answer."""
    page.wait_for_timeout(400)


def save(page: Page) -> None:
    poll(lambda: not page.is_disabled("#save"))
    page.click("#save")
    poll(lambda: page.inner_text("#status").startswith("Saved"))


def stored_config(context: BrowserContext) -> dict[str, Any] | None:
    return storage(context).get("config")


def import_preview(page: Page) -> dict[str, Any]:
    poll(lambda: page.is_visible("#import-preview") and page.inner_text("#import-source"))
    return page.evaluate(
        """() => ({
          source: document.querySelector('#import-source').textContent,
          errors: [...document.querySelectorAll('#import-errors li')].map((li) => li.textContent),
          diff: [...document.querySelectorAll('#import-diff li')].map((li) => li.textContent),
          examples: [...document.querySelectorAll('#import-examples li')].map((li) =>
            ({ok: li.dataset.ok, kind: li.dataset.kind, text: li.textContent})),
          canApply: !document.querySelector('#import-apply').disabled,
        })"""
    )


def apply_import(page: Page) -> None:
    page.click("#import-apply")
    poll(lambda: page.inner_text("#status").startswith("Imported"))


def test_editing_a_rule_changes_the_compose_highlights(browser: Browser) -> None:
    context, _ = browser
    compose = open_compose(context)
    type_draft(compose, AD)
    wait_for_verdict(compose, "pure_ad")
    assert "Buy now" in poll(lambda: highlighted(compose).get("promotion"))

    options = open_options(context)
    options.uncheck("#rule-SL101-enabled")  # call to action
    options.fill("#rule-SL103-weight", "40")  # discounts weigh more
    settle(options)
    # The preview judges the edited, unsaved config; the compose box still has the saved one.
    options.fill("#draft", AD)
    poll(lambda: "Buy now" not in options.inner_text("#result") and options.inner_text("#result"))
    assert stored_config(context) is None
    save(options)

    config = stored_config(context)
    assert config is not None
    fitted = salesy_config.defaults()["rules"]["SL101"]["weight"]  # type: ignore[index]
    assert config["rules"]["SL101"] == {"enabled": False, "weight": fitted}
    assert config["rules"]["SL103"]["weight"] == 40
    compose.bring_to_front()
    painted = poll(
        lambda: (h := highlighted(compose)) and "Buy now" not in h.get("promotion", []) and h
    )
    assert "50% off" in painted["promotion"]
    assert "Shop today" not in painted["promotion"]
    assert wait_for_verdict(compose)["verdict"] == "pure_ad"  # discounts alone still sell

    # One click restores the config before the save, and the compose box follows again.
    options.click("#restore")
    poll(lambda: options.inner_text("#status").startswith("Restored"))
    assert stored_config(context)["rules"]["SL101"]["enabled"] is True  # type: ignore[index]
    poll(lambda: "Buy now" in highlighted(compose).get("promotion", []))


def test_edits_with_errors_cannot_be_saved(browser: Browser) -> None:
    context, _ = browser
    options = open_options(context)
    options.fill("#rule-SL104-weight", "300")
    options.fill("#threshold-value", "")
    options.fill("#examples-pass", "BUY NOW 50% off today only")
    settle(options)
    errors = poll(lambda: options.locator("#errors li").all_text_contents())
    assert "rules.SL104.weight: must be an integer 0-100, got 300" in errors
    assert 'thresholds.value: must be an integer 0-100, got ""' in errors
    # The failing example is listed once, under Examples, not again among the errors.
    assert not any(e.startswith("examples.pass[0]") for e in errors)
    failing = options.locator("#example-results li[data-ok=false]").all_text_contents()
    assert len(failing) == 1 and "BUY NOW 50% off today only" in failing[0]
    assert options.is_disabled("#save")
    options.click("#revert")
    settle(options)
    assert options.locator("#errors li").count() == 0
    assert stored_config(context) is None


def test_export_then_import_in_a_fresh_profile_gives_the_same_config(
    extension: Path, tmp_path: Path
) -> None:
    file = tmp_path / "salesy-config.json"
    with harness.browser(tmp_path / "mine") as (context, log):
        options = open_options(context)
        options.fill("#config-name", "Acme social")
        options.uncheck("#rule-SL106-enabled")
        options.fill("#rule-SL101-weight", "45")
        options.fill("#terms-promotion", "Acme Cloud\nSuperWidget")
        options.fill("#terms-allow", "free software")
        options.select_option("#balance-target", "4-1-1")
        options.fill("#examples-flag", "Acme Cloud: sign up now, 20% off")
        options.fill("#examples-pass", "Thanks @ana for the talk on free software!")
        settle(options)
        save(options)
        exported = stored_config(context)
        assert exported is not None and exported["name"] == "Acme social"

        with options.expect_download() as info:
            options.click("#export")
        download = info.value
        assert download.suggested_filename == "salesy-config.json"
        download.save_as(file)
        code = options.input_value("#share-code")
        link = options.input_value("#share-link")
        assert link.endswith("/options/options.html#config=" + code)
        # The extension (MicroPython) and `salesy config share` (CPython) write the same code.
        assert code == salesy_config.encode_share(salesy_config.merge(exported))
        assert log.outside() == []
    assert json.loads(file.read_text())["terms"]["promotion"] == ["Acme Cloud", "SuperWidget"]

    with harness.browser(tmp_path / "other") as (fresh, log):
        page = open_options(fresh)
        page.set_input_files("#import-file", str(file))
        shown = import_preview(page)
        assert shown["errors"] == [] and shown["canApply"]
        assert 'name: "" → "Acme social"' in shown["diff"]
        assert "rules.SL106.enabled: true → false" in shown["diff"]
        assert [(e["kind"], e["ok"]) for e in shown["examples"]] == [
            ("flag", "true"),
            ("pass", "true"),
        ]
        assert stored_config(fresh) is None  # nothing changes before Apply
        apply_import(page)
        assert stored_config(fresh) == exported

        # The share link opens the options page on the same config: nothing left to change.
        other = open_options(fresh, "#config=" + code)
        shown = import_preview(other)
        assert shown["errors"] == []
        assert shown["diff"] == ["No changes: it is the config you have."]
        assert log.outside() == []


def test_a_broken_import_shows_every_error_and_keeps_the_config(
    browser: Browser, tmp_path: Path
) -> None:
    context, _ = browser
    options = open_options(context)
    options.fill("#terms-promotion", "Acme Cloud")
    settle(options)
    save(options)
    before = stored_config(context)

    broken = tmp_path / "broken.json"
    broken.write_text(
        json.dumps(
            {
                "salesy": 1,
                "rules": {"SL104": {"weight": "high"}, "SL999": {}},
                "thersholds": {"promotion": 10},
                "terms": {"promotion": ["x" * 81]},
                "examples": {"pass": ["BUY NOW 50% off today only"]},
            }
        )
    )
    options.set_input_files("#import-file", str(broken))
    shown = import_preview(options)
    assert not shown["canApply"]
    assert shown["source"].endswith("nothing was changed")
    assert 'rules.SL104.weight: must be an integer 0-100, got "high"' in shown["errors"]
    assert any(e.startswith("rules.SL999: unknown rule") for e in shown["errors"])
    assert 'thersholds: unknown setting; did you mean "thresholds"?' in shown["errors"]
    assert "terms.promotion[0]: at most 80 characters, got 81" in shown["errors"]
    # Its failing example is shown once, among its examples.
    assert not any(e.startswith("examples.pass[0]") for e in shown["errors"])
    assert [(e["kind"], e["ok"]) for e in shown["examples"]] == [("pass", "false")]
    assert stored_config(context) == before

    not_json = tmp_path / "not.json"
    not_json.write_text('{"salesy": 1,')
    options.set_input_files("#import-file", str(not_json))
    poll(lambda: "not valid JSON" in options.inner_text("#import-errors"))
    assert options.is_disabled("#import-apply")

    newer = tmp_path / "newer.json"
    newer.write_text('{"salesy": 2}')
    options.set_input_files("#import-file", str(newer))
    poll(lambda: "update Salesy" in options.inner_text("#import-errors"))

    code = options.input_value("#share-code")
    options.fill("#import-code", code[:-3] + "AAA")
    options.click("#import-code-go")
    poll(lambda: "damaged" in options.inner_text("#import-errors"))
    assert options.is_disabled("#import-apply")

    options.fill("#import-url", "http://team.example/salesy.json")
    options.click("#import-url-go")
    poll(lambda: "Only HTTPS" in options.inner_text("#import-errors"))
    assert stored_config(context) == before


def grant_host(profile: Path, extension: str, pattern: str) -> None:
    """What Chrome writes to the profile when the user clicks "Allow" on the prompt."""
    preferences = profile / "Default" / "Preferences"
    prefs = json.loads(preferences.read_text())
    settings = prefs["extensions"]["settings"][extension]
    for key in ("granted_permissions", "active_permissions"):
        settings[key]["explicit_host"].append(pattern)
    preferences.write_text(json.dumps(prefs))


def test_a_team_url_is_previewed_applied_and_rechecked(extension: Path, tmp_path: Path) -> None:
    served: dict[str, str] = {
        "/base.json": json.dumps({"salesy": 1, "terms": {"allow": ["free software"]}}),
        "/salesy.json": json.dumps(
            {
                "salesy": 1,
                "name": "Acme team",
                "extends": ["salesy:strict", "base.json"],
                "terms": {"promotion": ["Acme Cloud"]},
                "examples": {"flag": ["Acme Cloud: sign up now, 20% off"]},
            }
        ),
    }
    asked: list[str] = []

    def team(route: Route) -> None:
        path = route.request.url[len(TEAM_HOST) :]
        asked.append(path)
        if path in served:
            route.fulfill(status=200, body=served[path], content_type="application/json")
        else:
            route.fulfill(status=404, body="not here")

    profile = tmp_path / "team"
    with harness.browser(profile) as (context, _log):
        extension = extension_id(context)
    grant_host(profile, extension, TEAM_HOST + "/*")

    with harness.browser(profile) as (context, log):
        log.allowed.append(TEAM_HOST + "/")  # the one URL this test lets Salesy fetch
        context.route(TEAM_HOST + "/**", team)
        options = open_options(context)
        options.fill("#import-url", TEAM_URL)
        options.click("#import-url-go")
        shown = import_preview(options)
        assert shown["errors"] == [], shown
        assert "terms.promotion: + Acme Cloud" in shown["diff"]
        assert "terms.allow: + free software" in shown["diff"]
        default = salesy_config.defaults()["thresholds"]["promotion"]  # type: ignore[index]
        strict = salesy_config.PRESETS["salesy:strict"]["thresholds"]
        assert f"thresholds.promotion: {default} → {strict['promotion']}" in shown["diff"]  # type: ignore[index]
        assert [e["ok"] for e in shown["examples"]] == ["true"]
        assert asked == ["/salesy.json", "/base.json"]
        assert stored_config(context) is None

        apply_import(options)
        config = stored_config(context)
        assert config is not None and config["name"] == "Acme team"
        assert config["terms"]["allow"] == ["free software"]
        worker = next(w for w in context.service_workers if "chrome-extension" in w.url)
        alarm = worker.evaluate("chrome.alarms.get('salesy-team-config')")
        assert alarm["periodInMinutes"] == 24 * 60
        poll(lambda: options.is_visible("#team"))
        assert TEAM_URL in options.inner_text("#team-status")

        # The team publishes a change: the daily check (here: "Check now") applies it.
        served["/salesy.json"] = served["/salesy.json"].replace("Acme Cloud", "Acme Cloud Pro")
        options.click("#team-check")
        poll(lambda: "updated" in options.inner_text("#team-status"))
        assert stored_config(context)["terms"]["promotion"] == ["Acme Cloud Pro"]  # type: ignore[index]

        # A broken team file is reported and changes nothing.
        served["/salesy.json"] = '{"salesy": 1, "rules": {"SL101": {"weight": "high"}}}'
        kept = stored_config(context)
        options.click("#team-check")
        poll(lambda: "not applied" in options.inner_text("#team-status"))
        assert 'rules.SL101.weight: must be an integer 0-100, got "high"' in options.inner_text(
            "#team-errors"
        )
        assert stored_config(context) == kept

        # Stop following: no alarm, and the host permission is given back.
        options.click("#team-unfollow")
        poll(lambda: options.is_hidden("#team"))
        assert worker.evaluate("chrome.alarms.get('salesy-team-config')") is None
        assert not options.evaluate(
            "chrome.permissions.contains({origins: ['https://team.example/*']})"
        )
        assert log.outside() == [], log.outside()


def test_turning_a_rule_off_from_the_compose_box_can_be_restored(browser: Browser) -> None:
    context, _ = browser
    compose = open_compose(context)
    type_draft(compose, AD)
    wait_for_verdict(compose, "pure_ad")
    harness.panel(compose).locator(".chip").click()
    first = harness.panel(compose).locator(".findings li").first
    rule = first.get_attribute("data-rule")
    first.locator(".disable").click()
    poll(
        lambda: (
            (stored_config(context) or {}).get("rules", {}).get(rule, {}).get("enabled") is False
        )
    )

    options = open_options(context)
    assert f"rule {rule} switched off from the compose box" in options.inner_text("#config-source")
    assert not options.is_checked(f"#rule-{rule}-enabled")
    options.click("#restore")
    poll(lambda: options.inner_text("#status").startswith("Restored"))
    assert options.is_checked(f"#rule-{rule}-enabled")
    assert stored_config(context)["rules"][rule]["enabled"] is True  # type: ignore[index]
