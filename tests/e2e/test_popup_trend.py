"""The popup's "Balance over time": a bar per week for the last 12 weeks (per month for an
imported archive) whose height is that period's share of promoting posts, and the target as a
line, drawn from the stored history; in dark mode too."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from playwright.sync_api import BrowserContext, Page

from harness import RequestLog, open_popup, poll, set_storage

Browser = tuple[BrowserContext, RequestLog]
HISTORY = "history:salesy_demo"
ACCOUNTS = {"current": "salesy_demo", "known": ["salesy_demo"]}
PLOT = 60  # the chart's height for 100 % (viewBox units)

# (posts, of which promote) per week, 11 weeks ago first; week 7 has none.
WEEKS = [(2, 0), (3, 1), (1, 1), (4, 0), (5, 2), (2, 2),
         (0, 0), (3, 0), (6, 3), (1, 0), (4, 1), (3, 2)]  # fmt: skip


def bars(popup: Page) -> list[dict[str, Any]]:
    return poll(
        lambda: popup.evaluate(
            """() => [...document.querySelectorAll('#trend g.bar')].map((g) => ({
                 start: g.dataset.start, posts: Number(g.dataset.posts),
                 promotional: Number(g.dataset.promotional), share: g.dataset.share,
                 height: g.querySelector('.fill') ? Number(g.querySelector('.fill')
                   .getAttribute('data-height')) : null,
                 label: g.getAttribute('aria-label'), title: g.querySelector('title').textContent,
                 over: g.classList.contains('over'), tabindex: g.getAttribute('tabindex')}))"""
        )
    )


def seed(context: BrowserContext, posts: list[dict[str, Any]]) -> None:
    set_storage(
        context, {HISTORY: {"account": "salesy_demo", "posts": posts}, "accounts": ACCOUNTS}
    )


def weekly_history(now: datetime) -> list[dict[str, Any]]:
    """Posts exactly k weeks before now land in the week k weeks back, whatever the weekday."""
    posts = []
    for weeks_ago, (count, promoting) in zip(range(11, -1, -1), WEEKS, strict=True):
        for j in range(count):
            at = now - timedelta(weeks=weeks_ago, seconds=j + 1)
            verdict = ("pure_ad" if j % 2 else "promotional") if j < promoting else "ok"
            posts.append({"id": f"{weeks_ago}{j:02d}{1000 + j}", "text": f"post {j}",
                          "verdict": verdict, "at": at.isoformat().replace("+00:00", "Z"),
                          "source": "profile"})  # fmt: skip
    # Older than 12 weeks: not on the chart (nor are posts without a verdict yet).
    old = (now - timedelta(weeks=14)).isoformat().replace("+00:00", "Z")
    posts.append(
        {"id": "900001", "text": "old", "verdict": "pure_ad", "source": "profile", "at": old}
    )
    return sorted(posts, key=lambda post: post["at"], reverse=True)


def test_the_weekly_bars_match_the_seeded_history(browser: Browser) -> None:
    context, _ = browser
    seed(context, weekly_history(datetime.now(UTC)))
    popup = open_popup(context)
    shown = bars(popup)
    assert len(shown) == 12
    assert popup.get_attribute("#trend-box", "data-unit") == "week"
    assert [(b["posts"], b["promotional"]) for b in shown] == WEEKS
    for bar, (count, promoting) in zip(shown, WEEKS, strict=True):
        if count == 0:
            assert bar["share"] == "" and bar["height"] is None
            assert bar["label"].endswith(": no posts")
            continue
        share = round(100 * promoting / count)
        assert bar["share"] == str(share)
        assert abs(bar["height"] - PLOT * share / 100) < 0.01  # the bar is drawn to its share
        assert bar["label"].endswith(
            f"{promoting} of {count} post{'s' if count > 1 else ''} promote ({share} %)"
        )
        assert bar["title"] == bar["label"]
        assert bar["over"] == (share > 20)  # 80/20: at most 20 %
    # Weeks start on Mondays, seven days apart, the last one this week.
    starts = [datetime.fromisoformat(b["start"]) for b in shown]
    assert all(s.weekday() == 0 for s in starts)
    assert all((b - a).days == 7 for a, b in itertools.pairwise(starts))
    # The target is a line at its height: 20 % of the plot up from the base.
    target = popup.evaluate(
        """() => { const line = document.querySelector('#trend line.target');
                   const base = document.querySelector('#trend line.axis');
                   return {target: Number(line.dataset.target),
                           rise: Number(base.getAttribute('y1')) - 0.5
                                 - Number(line.getAttribute('y1'))}; }"""
    )
    assert target["target"] == 20 and abs(target["rise"] - PLOT * 0.2) < 0.01
    assert "your target (20 %)" in popup.text_content("#trend-caption")

    # One tab stop, on this week's bar; the arrow keys reach the others.
    assert [b["tabindex"] for b in shown] == ["-1"] * 11 + ["0"]
    # A bar is reached by keyboard and says its numbers.
    popup.focus("#trend g.bar:nth-of-type(2)")
    focused = popup.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == shown[1]["label"]


def test_an_imported_archive_is_charted_per_month(browser: Browser) -> None:
    context, _ = browser
    # An archive from 2024: months end with the newest post's month, not with today.
    months = {"2024-03": (4, 1), "2024-05": (2, 2), "2024-06": (5, 0)}
    posts = [
        {"id": f"{month.replace('-', '')}{j:02d}", "text": "x", "source": "archive",
         "verdict": "promotional" if j < promoting else "ok", "at": f"{month}-1{j}T12:00:00.000Z"}
        for month, (count, promoting) in months.items()
        for j in range(count)
    ]  # fmt: skip
    seed(context, sorted(posts, key=lambda post: post["at"], reverse=True))
    popup = open_popup(context)
    shown = bars(popup)
    assert popup.get_attribute("#trend-box", "data-unit") == "month"
    assert [b["start"] for b in shown] == [f"2023-{m:02d}-01" for m in range(7, 13)] + [
        f"2024-{m:02d}-01" for m in range(1, 7)
    ]
    counted = {b["start"][:7]: (b["posts"], b["promotional"]) for b in shown if b["posts"]}
    assert counted == months
    assert [b["share"] for b in shown[-4:]] == ["25", "", "100", "0"]
    assert "per month, last 12 months" in popup.text_content("#trend-caption")


def test_the_chart_follows_dark_mode(browser: Browser) -> None:
    context, _ = browser
    seed(context, weekly_history(datetime.now(UTC)))
    popup = open_popup(context)
    bars(popup)

    def colours() -> dict[str, str]:
        return popup.evaluate(
            """() => ({line: getComputedStyle(document.querySelector('#trend line.target')).stroke,
                       paper: getComputedStyle(document.body).backgroundColor})"""
        )

    light = colours()
    popup.emulate_media(color_scheme="dark")
    dark = poll(lambda: (c := colours())["paper"] != light["paper"] and c)
    assert light["line"] != dark["line"]  # the target line is drawn in the page's ink
    assert dark["paper"] == "rgb(21, 32, 43)"


def test_no_history_draws_no_chart(browser: Browser) -> None:
    context, _ = browser
    set_storage(context, {"accounts": ACCOUNTS})
    popup = open_popup(context)
    popup.wait_for_timeout(300)
    assert popup.is_hidden("#trend-box")
