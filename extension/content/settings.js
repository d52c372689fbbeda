// What the content scripts need of the user's settings: whether Salesy is paused on this site,
// whether to ask before posting a pure ad, and whether to underline what works in a draft. Read through the router (chrome.storage is
// kept from content scripts), and again when the background says they changed; it says so for
// the config and the history too, so the features that show them can ask again.
"use strict";

Salesy.define("settings", ["messages"], ({ messages }) => {
  const current = { paused: false, nudgeBeforePosting: false, valueUnderlines: true };
  /** @type {Set<(what: "settings" | "config" | "history") => void>} */
  const listeners = new Set();

  async function load() {
    if (messages.gone()) return;
    try {
      const answer = await messages.ask("content-settings");
      current.paused = Boolean(answer.paused);
      current.nudgeBeforePosting = Boolean(answer.nudgeBeforePosting);
      current.valueUnderlines = answer.valueUnderlines !== false; // on unless switched off
    } catch {
      // The extension was reloaded under this page; the old script simply stops.
    }
  }

  /** @param {"settings" | "config" | "history"} what */
  function notify(what) {
    listeners.forEach((listener) => listener(what));
  }

  /** @param {{parts?: string[]}} message */
  function changed(message) {
    const parts = message.parts ?? [];
    if (parts.includes("settings")) load().then(() => notify("settings"));
    if (parts.includes("config")) notify("config");
    if (parts.includes("history")) notify("history");
  }

  const ready = load();

  return {
    ready,
    start(signal) {
      messages.answer("changed", changed, signal);
    },
    get paused() {
      return current.paused;
    },
    get nudgeBeforePosting() {
      return current.nudgeBeforePosting;
    },
    get valueUnderlines() {
      return current.valueUnderlines;
    },
    /** @param {(what: "settings" | "config" | "history") => void} listener @param {AbortSignal} signal */
    onChange(listener, signal) {
      listeners.add(listener);
      signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
    },
  };
});
