"""How often the compose box asks the engine: a burst of keys costs a check or two, never one
per key; at most one check per editor is out at a time (edits made meanwhile wait for its
answer), the pause before the next one grows with a slow round trip, and what ends up painted
is the final text's findings."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

import salesy
from harness import (
    EDITOR,
    RequestLog,
    close_target,
    content_world,
    editor_model_text,
    extension_id,
    highlighted,
    open_compose,
    poll,
    settled,
    type_draft,
    underlined,
    wait_for_verdict,
)

Browser = tuple[BrowserContext, RequestLog]

# Wraps the port the content script asks the router through (it calls chrome.runtime.connect
# again whenever its port closed) to log each 'check': when it left, when its answer came back,
# how many were out at once; `slow` ms are added to each answer, as a long draft or a busy
# engine would.
SPY = """(() => {
  const log = globalThis.__checks = {sent: [], answered: [], out: 0, most: 0, slow: %d};
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    const port = connect(...args);
    const checks = new Set();
    return {
      name: port.name,
      onDisconnect: port.onDisconnect,
      disconnect: () => port.disconnect(),
      postMessage(envelope) {
        if (envelope?.message?.type === 'check') {
          checks.add(envelope.id);
          log.sent.push(performance.now());
          log.most = Math.max(log.most, ++log.out);
        }
        port.postMessage(envelope);
      },
      onMessage: {
        addListener(listener) {
          port.onMessage.addListener(async (answer, from) => {
            if (checks.delete(answer?.id)) {
              await new Promise((resolve) => setTimeout(resolve, log.slow));
              log.out--;
              log.answered.push(performance.now());
            }
            listener(answer, from);
          });
        },
      },
    };
  };
  return true;
})()"""


def spy(page: Page, slow_ms: int = 0) -> None:
    assert content_world(page).evaluate(SPY % slow_ms)
    # The page's port is open already: stop the worker, as Chrome does when it is idle, so
    # the next request opens a new one through the wrapper.
    close_target(page.context, "service_worker", f"{extension_id(page.context)}/background.js")
    poll(
        lambda: content_world(page).evaluate(
            "chrome.runtime.sendMessage({target: 'background', type: 'warm'}).then(() => true)"
        )
    )


def checks(page: Page) -> dict[str, list[float] | int]:
    return content_world(page).evaluate("globalThis.__checks")  # type: ignore[no-any-return]


def expected_highlights(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for finding in underlined(salesy.check(text)):
        out.setdefault(finding["category"], []).append(finding["text"])
    return {category: sorted(texts) for category, texts in out.items()}


def ready_page(context: BrowserContext) -> Page:
    page = open_compose(context)
    type_draft(page, "Hello there")
    wait_for_verdict(page)
    settled(page)
    # Once more with the engine warm: the pause after a check follows its round trip, and the
    # first one may have waited for the engine to start.
    page.keyboard.type(".")
    settled(page)
    return page


def test_a_burst_of_keys_is_checked_once_or_twice_and_the_last_text_is_painted(
    browser: Browser,
) -> None:
    context, _ = browser
    page = ready_page(context)
    spy(page)
    burst = " BUY NOW with code SAVE20, today only!"
    page.keyboard.type(burst, delay=10)  # keys well inside the 50 ms pause
    settled(page)
    log = checks(page)
    assert len(log["sent"]) <= 3, f"{len(log['sent'])} checks for {len(burst)} keys"  # type: ignore[arg-type]
    text = editor_model_text(page, EDITOR)
    assert text == "Hello there." + burst
    assert highlighted(page) == expected_highlights(text)


def test_one_check_in_flight_per_editor_and_the_pause_grows_with_a_slow_round_trip(
    browser: Browser,
) -> None:
    context, _ = browser
    page = ready_page(context)
    slow = 300
    spy(page, slow)
    # Keys 80 ms apart: each would get its own check after a 50 ms pause, several of them out
    # at once behind a 300 ms answer, if edits did not wait for the check in flight.
    burst = " buy now, 20% off with code SAVE20"
    page.keyboard.type(burst, delay=80)
    settled(page)
    page.wait_for_timeout(slow + 100)  # any check still out comes back
    settled(page)
    log = checks(page)
    sent, answered = log["sent"], log["answered"]
    assert isinstance(sent, list) and isinstance(answered, list)
    assert log["most"] == 1, f"{log['most']} checks were out at once"
    assert len(sent) <= len(burst) // 4, f"{len(sent)} checks for {len(burst)} keys"
    # The next check waits 1.5 x the last round trip (about 450 ms here) after an answer.
    gaps = [start - end for start, end in zip(sent[1:], answered, strict=False)]
    assert gaps, f"one check for {len(burst)} keys typed over seconds: {log}"
    assert min(gaps) >= 1.4 * slow, f"next check {min(gaps):.0f} ms after an answer"
    text = editor_model_text(page, EDITOR)
    assert text == "Hello there." + burst
    assert highlighted(page) == expected_highlights(text)
