"""Editor safety under random edits: seeded random edit scripts (typing, pasting multi-line
text and emoji, deleting, undo/redo, selecting across highlights with keys and the mouse,
switching between thread editors, clicking Salesy's chip) run on the real draft-js editor
twice, once on x.com with Salesy on and once on the same page at an origin Salesy does not
run on. After every script both editors hold the same text and selection as without Salesy
(undo and redo included), their DOM is the same, no Salesy node is in an editor, no page
error was thrown, and Salesy painted exactly what the engine finds in the final text.

SALESY_SOAK_SCRIPTS scripts run (default 150, `make soak` runs thousands), seeded from
SALESY_SOAK_SEED on (default 1; `random` picks a start). A failure prints each failing seed
with its script; replay one with SALESY_SOAK_SEED=<seed> SALESY_SOAK_SCRIPTS=1.
"""

from __future__ import annotations

import os
import random
import re
import time
from typing import Any

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

import harness
import salesy
from harness import NO_SALESY_ORIGIN, RequestLog, chip_state, poll

Browser = tuple[BrowserContext, RequestLog]
Op = tuple[Any, ...]

SCRIPTS = int(os.environ.get("SALESY_SOAK_SCRIPTS", "150"))
_SEED = os.environ.get("SALESY_SOAK_SEED", "1")
FIRST_SEED = random.randrange(1, 10**9) if _SEED == "random" else int(_SEED)
MAX_REPORTED = 5  # failing scripts described in full; the soak goes on after a failure
# Editors whose DOM and model Draft itself left apart, the same with Salesy and without.
DRAFT_OWN_SPLITS: list[str] = []

PATH = "/compose/post?thread=2"
EDITORS = ("tweetTextarea_0", "tweetTextarea_1")

# What people type on X: calls to action, prices, hashtags, mentions, a personal voice, and
# text whose UTF-16 length differs from its code points (emoji, ZWJ sequences, combining marks).
WORDS = (
    "buy now", "Buy Now", "50% off", "#ad", "#sp", "Shop now", "link in bio", "DM to order",
    "today only", "LAST CHANCE", "!!!", "follow me", "RT to win", "code SAVE20", "subscribe",
    "I", "we", "love", "my old bike", "thanks @ana", "what do you think?", "learned a lot",
    "🎉", "👩‍💻", "🔥🔥🔥", "👍🏽", "café", "naïve", "日本語", "x",
)  # fmt: skip
PASTES = (
    "Shop now with code SAVE50.\n\nThanks @ana for the help!\nMore soon.",
    "BUY NOW 🎉\n50% off today only\n#deal #sale #ad",
    "I fixed my bike 👩‍💻\r\nIt took three weekends.",
    "\nlink in bio\n",
    "Last chance!!! 🔥",
    "line one\nline two\nline three",
)
KEYS = {  # key: (weight, most presses)
    "Enter": (4, 2),
    "Shift+Enter": (1, 1),
    "Backspace": (5, 4),
    "Delete": (3, 3),
    "Control+Backspace": (2, 2),
    "Control+Delete": (1, 1),
    "ArrowLeft": (4, 6),
    "ArrowRight": (3, 6),
    "ArrowUp": (2, 1),
    "ArrowDown": (2, 1),
    "Home": (2, 1),
    "End": (2, 1),
    "Control+ArrowLeft": (2, 2),
    "Shift+ArrowLeft": (5, 8),
    "Shift+ArrowRight": (3, 8),
    "Shift+Home": (2, 1),
    "Shift+End": (2, 1),
    "Control+Shift+ArrowLeft": (2, 2),
    "Shift+ArrowUp": (1, 1),
    "Control+a": (1, 1),
    "Control+z": (6, 3),
    "Control+Shift+z": (3, 2),
    "Control+y": (2, 2),
}

# Steps Draft (or Chromium) completes a task later; the next step waits for that, as a person
# would, so the comparison never hinges on which side's input came a millisecond sooner.
DEFERRED = {"Control+z", "Control+Shift+z", "Control+y"}
MOUSE = {"click", "shift_click", "dblclick", "select"}
FLUSH = "new Promise((resolve) => setTimeout(resolve, 5))"


def phrase(rng: random.Random, most: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, most)))
    return (" " if rng.random() < 0.5 else "") + text


def make_script(seed: int) -> list[Op]:
    """The seed's random edit script. One in six only types at the end of the first editor,
    so its text can also be checked against a model written out here."""
    rng = random.Random(seed)
    editor = rng.randrange(2)
    script: list[Op] = [("click", editor, round(rng.random(), 2), round(rng.random(), 2))]
    typing_only = seed % 6 == 0
    if typing_only:
        script = [("click", 0, 0.5, 0.5)]
    for _ in range(rng.randint(8, 15)):
        roll = rng.random()
        if typing_only:
            if roll < 0.35:
                script.append(("type", phrase(rng, 1)))
            elif roll < 0.7:
                script.append(("insert", phrase(rng, 4)))
            elif roll < 0.85:
                script.append(("key", "Enter", rng.randint(1, 2)))
            else:
                script.append(("paste", rng.choice(PASTES)))
            continue
        if roll < 0.16:
            script.append(("type", phrase(rng, 1)))
        elif roll < 0.3:
            script.append(("insert", phrase(rng, 3)))
        elif roll < 0.38:
            script.append(("paste", rng.choice(PASTES)))
        elif roll < 0.7:
            key = rng.choices(list(KEYS), weights=[w for w, _ in KEYS.values()])[0]
            script.append(("key", key, rng.randint(1, KEYS[key][1])))
        elif roll < 0.76:  # into the other post of the thread, or elsewhere in this one
            editor = 1 - editor if rng.random() < 0.7 else editor
            script.append(("click", editor, round(rng.random(), 2), round(rng.random(), 2)))
        elif roll < 0.8:
            script.append(("shift_click", editor, round(rng.random(), 2), round(rng.random(), 2)))
        elif roll < 0.84:
            script.append(("dblclick", editor, round(rng.random(), 2), round(rng.random(), 2)))
        elif roll < 0.88:
            a, b, c, d = (round(rng.random(), 2) for _ in range(4))
            script.append(("select", editor, a, b, c, d))
        elif roll < 0.93:  # let Salesy paint, so the next edits cross its highlights
            script.append(("wait_salesy",))
        elif roll < 0.97:
            script.append(("pause", rng.choice((20, 80, 160, 240))))
        else:
            script.append(("poke_salesy",))
    return script


def typed_model(script: list[Op]) -> str | None:
    """The text a typing-only script leaves in the first editor: everything in order."""
    if script[0][:2] != ("click", 0):
        return None
    text = ""
    for op in script[1:]:
        if op[0] in ("type", "insert"):
            text += op[1]
        elif op[0] == "paste":
            text += op[1].replace("\r\n", "\n")
        elif op[:2] == ("key", "Enter"):
            text += "\n" * op[2]
        else:
            return None
    return text


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def describe(seed: int, script: list[Op]) -> str:
    lines = "\n".join(f"    {op!r}," for op in script)
    return (
        f"seed {seed} (replay: SALESY_SOAK_SEED={seed} SALESY_SOAK_SCRIPTS=1 "
        f".venv/bin/pytest tests/e2e/test_edit_soak.py), script:\n  [\n{lines}\n  ]"
    )


class Side:
    """One page running the scripts: x.com with Salesy, or the same page without it."""

    def __init__(self, context: BrowserContext, origin: str, salesy_on: bool) -> None:
        self.url = origin + PATH
        self.salesy_on = salesy_on
        self.errors: list[str] = []
        self.console: list[str] = []
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console", lambda msg: self.console.append(msg.text) if msg.type == "error" else None
        )
        self.load()

    def load(self) -> None:
        self.page.goto(self.url)
        self.page.wait_for_selector(f'#layers [data-testid="{EDITORS[1]}"]')

    def reset(self) -> None:
        """Closes the compose dialog and opens a new one from the side bar, as a person
        starting afresh would: fresh editors (empty, no undo history), much quicker than
        loading the page again, and the same whatever the scripts left in the editors."""
        fresh = """([opened, ids]) => window.fixture.opened > opened
                     && ids.every((id) => document.querySelector(`#layers [data-testid="${id}"]`)
                     && window.fixture.model(`#layers [data-testid="${id}"]`).text() === '')"""
        opened = self.page.evaluate("window.fixture.opened")
        self.page.click('[data-testid="app-bar-close"]')
        self.page.click('[data-testid="SideNav_NewTweet_Button"]')
        poll(lambda: self.page.evaluate(fresh, [opened, EDITORS]))

    def point(self, editor: int, fx: float, fy: float) -> tuple[float, float]:
        """A point inside the editor's visible part, at fractions of its width and height."""
        x, y = self.page.evaluate(
            """([id, fx, fy]) => {
              const editor = document.querySelector(`#layers [data-testid="${id}"]`);
              let box = editor.getBoundingClientRect();
              if (box.bottom < 1 || box.top > innerHeight - 1) {
                editor.scrollIntoView({block: 'nearest'});
                box = editor.getBoundingClientRect();
              }
              const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
              return [box.left + 1 + fx * (box.width - 2), top + 1 + fy * (bottom - top - 2)];
            }""",
            [EDITORS[editor], fx, fy],
        )
        return x, y

    def run(self, op: Op) -> None:
        self.act(op)
        if op[0] in MOUSE:
            # Chromium settles a click's selection after mouseup (a click inside a selection
            # collapses it only then) and Draft hears of it from the next selectionchange. No
            # person types within those milliseconds; let them pass as they would.
            self.page.evaluate(FLUSH)

    def act(self, op: Op) -> None:
        page = self.page
        kind = op[0]
        if kind == "type":
            page.keyboard.type(op[1])
        elif kind == "insert":
            page.keyboard.insert_text(op[1])
        elif kind == "key":
            for _ in range(op[2]):
                page.keyboard.press(op[1])
                if op[1] in DEFERRED:
                    # Draft applies an undo after a natively typed character in a 0 ms timeout;
                    # no person presses Ctrl+Z twice within that, so wait for it as they would.
                    page.evaluate(FLUSH)
        elif kind == "paste":
            page.evaluate(
                """(text) => {
                  const target = document.activeElement;
                  if (!target || !target.matches('[contenteditable="true"]')) return;
                  const data = new DataTransfer();
                  data.setData('text/plain', text);
                  target.dispatchEvent(new ClipboardEvent('paste',
                    {clipboardData: data, bubbles: true, cancelable: true}));
                }""",
                op[1],
            )
        elif kind == "click":
            page.mouse.click(*self.point(*op[1:]))
        elif kind == "shift_click":
            x, y = self.point(*op[1:])
            page.keyboard.down("Shift")
            page.mouse.click(x, y)
            page.keyboard.up("Shift")
        elif kind == "dblclick":
            page.mouse.dblclick(*self.point(*op[1:]))
        elif kind == "select":  # click, then shift+click: a selection made with the mouse
            page.mouse.click(*self.point(op[1], op[2], op[3]))
            x, y = self.point(op[1], op[4], op[5])
            page.keyboard.down("Shift")
            page.mouse.click(x, y)
            page.keyboard.up("Shift")
        elif not self.salesy_on:
            return  # waiting on Salesy and clicking its chip mean nothing without it
        elif kind == "pause":
            page.wait_for_timeout(op[1])
        elif kind == "wait_salesy":
            quiet(page)
        elif kind == "poke_salesy":
            poke_salesy(page)
        else:
            raise ValueError(f"unknown op {op!r}")

    def state(self) -> dict[str, Any]:
        """The editors' models, their DOM (Draft's random keys left out) and the focus."""
        found: dict[str, Any] = self.page.evaluate(
            """(ids) => {
              const out = {active: document.activeElement?.dataset?.testid
                                   ?? document.activeElement?.tagName};
              for (const id of ids) {
                const editor = document.querySelector(`#layers [data-testid="${id}"]`);
                out[id] = {
                  text: window.fixture.model(`#layers [data-testid="${id}"]`).text(),
                  selection: window.fixture.model(`#layers [data-testid="${id}"]`).selection(),
                  dom: [...editor.querySelectorAll('[data-block="true"]')]
                    .map((block) => block.textContent).join('\\n'),
                  html: editor.innerHTML,
                  salesyNodes: editor.querySelectorAll('[data-salesy]').length,
                };
              }
              return out;
            }""",
            EDITORS,
        )
        for test_id in EDITORS:
            html = found[test_id]["html"]
            found[test_id]["html"] = re.sub(r'data-offset-key="[^"]*"', "", html)
        return found


def quiet(page: Page, *, settle: int = 50) -> None:
    """Waits until no check is scheduled or in flight on any of Salesy's panels (after
    `settle` ms for the last edit to reach Salesy's observer)."""
    page.wait_for_timeout(settle)
    poll(
        lambda: page.evaluate(
            "() => ![...document.querySelectorAll('[data-salesy=\"panel\"]')]"
            ".some((host) => 'pending' in host.dataset)"
        )
    )


def poke_salesy(page: Page) -> None:
    """Opens the chip of the focused editor's panel, shows a finding in the draft, closes it:
    Salesy's own buttons must leave the editor's focus and caret where they were."""
    active = page.evaluate("document.activeElement?.dataset?.testid ?? ''")
    if active not in EDITORS:
        return
    # A person reads the chip before clicking it. Clicked while an answer is being painted,
    # the chip (its label's width) or the card (its entries, its place) can move between
    # Playwright's aim and its click, which then lands in the editor the card was over: a
    # click on the editor, not Salesy moving the caret (one script in 150 under CI's load).
    quiet(page)
    index = EDITORS.index(active)
    chip = harness.panel(page, index).locator(".chip")
    visible = harness.panel(page, index).evaluate(
        """(host, root) => {
          if (host.hidden) return false;
          const rect = root.querySelector('.chip').getBoundingClientRect();
          return rect.width > 0 && rect.top >= 0 && rect.bottom <= innerHeight;
        }""",
        missing=False,
    )
    if not visible:
        return
    try:
        chip.click(timeout=2000)
        # On a post judged OK the entries are folded away: only shown words can be clicked.
        words = harness.panel(page, index).locator(".findings:not([hidden]) .words")
        if words.count():
            words.first.click(timeout=2000)
        chip.click(timeout=2000)
    except PlaywrightError:
        pass  # the chip moved or went (the draft changed under it): nothing to click


def expected_highlights(text: str) -> tuple[str | None, dict[str, list[str]]]:
    """The engine's verdict and the words Salesy underlines for it, by category (line breaks
    left out: a range across two blocks reads without them)."""
    if not text.strip():
        return None, {}
    result = salesy.check(text)
    out: dict[str, list[str]] = {}
    for finding in harness.underlined(result):
        out.setdefault(finding["category"], []).append(finding["text"].replace("\n", ""))
    return result["verdict"], {category: sorted(texts) for category, texts in out.items()}


def painted(page: Page) -> dict[str, Any]:
    """Salesy's highlights in each editor, and ranges that lie in none (left behind)."""
    return page.evaluate(  # type: ignore[no-any-return]
        """(ids) => {
          const editors = ids.map((id) => document.querySelector(`#layers [data-testid="${id}"]`));
          const out = {stray: []};
          for (const id of ids) out[id] = {};
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith('salesy-') || name === 'salesy-flash') continue;
            for (const range of highlight) {
              const index = editors.findIndex((editor) =>
                editor.contains(range.commonAncestorContainer));
              const text = range.toString().replaceAll('\\n', '');
              if (index < 0) { out.stray.push(text); continue; }
              (out[ids[index]][name.slice(7)] ??= []).push(text);
            }
          }
          for (const id of ids) for (const texts of Object.values(out[id])) texts.sort();
          return out;
        }""",
        EDITORS,
    )


def salesy_problems(page: Page, texts: dict[str, str]) -> list[str]:
    """What is wrong with Salesy's answer for the editors' final texts (empty when right)."""
    problems = []
    seen = painted(page)
    if seen["stray"]:
        problems.append(f"highlights outside the editors: {seen['stray']}")
    for index, test_id in enumerate(EDITORS):
        verdict, words = expected_highlights(texts[test_id])
        chip = chip_state(page, index)
        shown = chip and chip["verdict"]
        if shown != verdict:
            problems.append(f"{test_id}: chip shows {shown!r}, engine says {verdict!r}")
        if seen[test_id] != words:
            problems.append(f"{test_id}: painted {seen[test_id]}, engine flags {words}")
    return problems


def compare(with_salesy: Side, without: Side, script: list[Op]) -> list[str]:
    quiet(with_salesy.page, settle=0)  # the same script ran without Salesy since
    got, want = with_salesy.state(), without.state()
    problems = []
    if got["active"] != want["active"]:
        problems.append(f"focus on {got['active']!r}, without Salesy on {want['active']!r}")
    texts = {}
    for test_id in EDITORS:
        mine, theirs = got[test_id], want[test_id]
        texts[test_id] = mine["text"]
        for key in ("text", "selection", "html"):
            if mine[key] != theirs[key]:
                problems.append(
                    f"{test_id} {key}: {mine[key]!r}\n   without Salesy: {theirs[key]!r}"
                )
        if mine["dom"] != mine["text"]:
            # Draft.js 0.11.7 itself, with decorators (X's editor has them), can leave its DOM
            # and its model apart after a selection is typed over: not Salesy's doing when
            # the page without Salesy ends up exactly the same.
            if (theirs["dom"], theirs["text"]) == (mine["dom"], mine["text"]):
                DRAFT_OWN_SPLITS.append(test_id)
            else:
                problems.append(f"{test_id}: DOM reads {mine['dom']!r}, model {mine['text']!r}")
        # Salesy reads (and paints) what the page shows.
        texts[test_id] = mine["dom"]
        if mine["salesyNodes"]:
            problems.append(f"{test_id}: {mine['salesyNodes']} Salesy nodes in the editor")
    expected = typed_model(script)
    if expected is not None:
        selection = got[EDITORS[0]]["selection"]
        if got[EDITORS[0]]["text"] != expected or (selection["anchor"], selection["focus"]) != (
            utf16(expected),
            utf16(expected),
        ):
            problems.append(
                f"typed {expected!r}, editor has {got[EDITORS[0]]['text']!r} {selection}"
            )
    for side, name in ((with_salesy, "with Salesy"), (without, "without Salesy")):
        if side.errors:
            problems.append(
                f"page errors {name} (in this script or posting the last): {side.errors}"
            )
    extra = [message for message in with_salesy.console if message not in without.console]
    if extra:
        problems.append(f"console errors only with Salesy: {extra}")
    if without.page.evaluate(
        "() => !!document.querySelector('[data-salesy]') || CSS.highlights.size > 0"
    ):
        problems.append("Salesy is running on the page that should be without it")
    if problems:  # the editor is wrong: no need to ask whether Salesy's answer is right
        return problems
    try:  # Salesy answers each edit after a debounce; give a late repaint a few seconds
        poll(lambda: not salesy_problems(with_salesy.page, texts), timeout=5)
    except TimeoutError:
        problems += salesy_problems(with_salesy.page, texts)
    return problems


def test_random_edit_scripts_leave_the_editor_as_without_salesy(browser: Browser) -> None:
    context, log = browser
    harness.serve_fixtures_at(context, log, NO_SALESY_ORIGIN)
    with_salesy = Side(context, "https://x.com", salesy_on=True)
    without = Side(context, NO_SALESY_ORIGIN, salesy_on=False)
    failures: list[str] = []
    failed = 0
    ops = 0
    started = time.monotonic()
    for seed in range(FIRST_SEED, FIRST_SEED + SCRIPTS):
        script = make_script(seed)
        problems: list[str] = []
        try:
            for side in (with_salesy, without):
                # A tab behind another gets one animation frame a second: edit in front.
                side.page.bring_to_front()
                for op in script:
                    side.run(op)
            problems = compare(with_salesy, without, script)
        except Exception as error:  # a step that cannot run is a failure of this script
            problems = [f"{type(error).__name__}: {error}"]
        ops += len(script)
        for side in (with_salesy, without):  # errors while posting count for the next one
            side.errors.clear()
            side.console.clear()
        if problems:
            failed += 1
            if len(failures) < MAX_REPORTED:
                failures.append(describe(seed, script) + "\n  " + "\n  ".join(problems))
            for side in (with_salesy, without):  # start the next script on a fresh page
                side.load()
        else:
            for side in (with_salesy, without):
                side.reset()
    elapsed = time.monotonic() - started
    print(f"\n{SCRIPTS} edit scripts, {ops} ops from seed {FIRST_SEED} in {elapsed:.0f} s")
    if DRAFT_OWN_SPLITS:
        print(
            f"{len(DRAFT_OWN_SPLITS)} editors where Draft's own DOM and model parted "
            "(with and without Salesy alike)"
        )
    assert not failed, (
        f"{failed} of {SCRIPTS} edit scripts (seeds {FIRST_SEED}..{FIRST_SEED + SCRIPTS - 1})"
        " went wrong:\n\n" + "\n\n".join(failures)
    )


def test_no_chip_takes_a_click_meant_for_an_editor(browser: Browser) -> None:
    """Found by the soak: a chip left where the second post of a thread used to be, or put
    under a first post that fills its box, covered the second editor's first line."""
    context, _ = browser
    page = context.new_page()
    page.goto("https://x.com" + PATH)
    second = f'#layers [data-testid="{EDITORS[1]}"]'
    page.wait_for_selector(second)
    harness.type_draft(page, "Buy now, 50% off", editor=second)
    harness.wait_for_verdict(page, index=1)
    harness.type_draft(page, "Shop now!\nToday only\nLink in bio")  # moves the second post down
    harness.wait_for_verdict(page, index=0)
    page.wait_for_timeout(100)  # chips are placed on the next animation frame
    covered = page.evaluate(
        """(ids) => ids.flatMap((id) => {
          const editor = document.querySelector(`#layers [data-testid="${id}"]`);
          const box = editor.getBoundingClientRect();
          const missed = [];
          for (let x = box.left + 2; x < box.right; x += 8)
            for (let y = box.top + 1; y < box.bottom; y += 4)
              if (!editor.contains(document.elementFromPoint(x, y))) missed.push([id, x, y]);
          return missed;
        })""",
        EDITORS,
    )
    assert covered == []
