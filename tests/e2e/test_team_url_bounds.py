"""Team URL fetches are bounded (issue 15, point 10): a time limit, a byte count that stops
reading at 256 KB whatever the headers say, at most 8 fetches for a config and everything it
extends (failed ones count), JSON content types only, redirects only within the team's site;
and the host permission is given back when the URL is no longer followed or a preview is
closed. Served by a real HTTPS server (tests/e2e/team_server.py): Playwright's routing cannot
send a body that never ends."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Route
from team_server import team_server
from test_options import grant_host, open_options

import harness
from worlds import ask

TEAM = "https://team.example"
PERMISSION = "chrome.permissions.contains({origins: ['https://team.example/*']})"


def pass_through(context: BrowserContext, log: harness.RequestLog, origin: str) -> None:
    """Lets the browser reach `origin` (the harness refuses the web), and says it may."""

    def through(route: Route) -> None:
        route.continue_()

    context.route(origin + "/**", through)
    log.allowed.append(origin + "/")


def preview(page: Any, url: str) -> dict[str, Any]:
    """What the options page shows for a team URL: a config, or the errors (a fetch that
    fails outright is the router's error; the configs it extends are listed one by one)."""
    reply = ask(page, {"type": "team-preview", "url": url})
    return reply["result"] if reply["ok"] else {"errors": [reply["error"]]}  # type: ignore[no-any-return]


def test_team_fetches_are_bounded_and_the_host_is_given_back(
    extension: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    with harness.browser(profile) as (context, _):
        extension_id = harness.extension_id(context)
    grant_host(profile, extension_id, TEAM + "/*")

    with (
        team_server() as server,
        harness.browser(profile, extra_args=server.chromium_args()) as (
            context,
            log,
        ),
    ):
        pass_through(context, log, TEAM)
        pass_through(context, log, "https://other.example")
        server.serve_json("/salesy.json", {"salesy": 1, "name": "Acme"})
        server.files["/page.html"] = ("text/html", "<h1>Sign in</h1>")
        server.files["/raw.json"] = ("text/plain; charset=utf-8", '{"salesy": 1, "name": "Raw"}')
        server.serve_json(
            "/chain.json", {"salesy": 1, "extends": [f"base-{i}.json" for i in range(8)]}
        )
        server.serve_json("/base-0.json", {"salesy": 1, "extends": ["deep-0.json", "deep-1.json"]})
        options = open_options(context)

        def asked(start: int) -> list[str]:
            return server.asked[start:]

        # Plain cases first: JSON is read; text/plain too (GitHub and GitLab raw files).
        assert preview(options, f"{TEAM}/salesy.json")["config"]["name"] == "Acme"
        assert preview(options, f"{TEAM}/raw.json")["config"]["name"] == "Raw"
        shown = preview(options, f"{TEAM}/page.html")
        assert shown["errors"] == [
            f"{TEAM}/page.html is text/html, not JSON; a team config is a JSON file."
        ]

        # A body without Content-Length that never ends: reading stops at the cap.
        start = time.monotonic()
        shown = preview(options, f"{TEAM}/endless.json")
        assert shown["errors"] == [
            f"{TEAM}/endless.json is bigger than 256 KB, the most a config may be; "
            "Salesy stopped reading it."
        ]
        assert time.monotonic() - start < 10

        # An answer that never comes: the time limit.
        shown = preview(options, f"{TEAM}/silent.json")
        assert shown["errors"] == [f"{TEAM}/silent.json did not arrive within 10 s."]

        # At most 8 fetches for the config and all it extends, the failed ones included.
        mark = len(server.asked)
        shown = preview(options, f"{TEAM}/chain.json")
        fetched = asked(mark)
        assert len(fetched) == 8, fetched
        assert fetched[0] == "team.example/chain.json"
        assert any("at most 8 fetches" in error for error in shown["errors"]), shown["errors"]
        assert any(
            'extends "base-1.json": ' in error and "404" in error for error in shown["errors"]
        )

        # Redirects: within the site, followed; to another site, refused. (The browser makes
        # that one hop, to the address the team's server chose, before Salesy can see where it
        # went: fetch() follows redirects first. No cookie or referrer goes with it.)
        assert preview(options, f"{TEAM}/redirect/salesy.json")["config"]["name"] == "Acme"
        shown = preview(options, f"{TEAM}/redirect/to-other.example/salesy.json")
        assert shown["errors"] == [
            f"{TEAM}/redirect/to-other.example/salesy.json redirects to another site; "
            "only addresses on team.example are followed."
        ]

        # A preview closed without following: the host is given back.
        assert options.evaluate(PERMISSION)
        options.fill("#import-url", f"{TEAM}/salesy.json")
        options.click("#import-url-go")
        harness.poll(lambda: options.is_visible("#import-preview"), timeout=20)
        harness.poll(lambda: not options.is_disabled("#import-apply"))
        options.click("#import-cancel")
        harness.poll(lambda: not options.evaluate(PERMISSION))
        assert log.outside() == [], log.outside()
