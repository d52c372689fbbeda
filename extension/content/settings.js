// What the content scripts need of the user's settings, kept current from chrome.storage:
// whether Salesy is paused on this site, and whether to ask before posting a pure ad.
"use strict";

Salesy.define("settings", [], () => {
  const current = { paused: false, nudgeBeforePosting: false };
  /** @type {Set<(what: "settings" | "config") => void>} */
  const listeners = new Set();

  async function load() {
    try {
      const { pausedSites = [], settings = {} } = await chrome.storage.local.get(["pausedSites", "settings"]);
      current.paused = pausedSites.includes(location.hostname);
      current.nudgeBeforePosting = Boolean(settings.nudgeBeforePosting);
    } catch {
      // The extension was reloaded under this page; the old script simply stops.
    }
  }

  /** @type {Parameters<typeof chrome.storage.onChanged.addListener>[0]} */
  function changed(changes, area) {
    if (area !== "local") return;
    if (changes.pausedSites || changes.settings) {
      load().then(() => listeners.forEach((listener) => listener("settings")));
    }
    if (changes.config) listeners.forEach((listener) => listener("config"));
  }

  const ready = load();

  return {
    ready,
    start(signal) {
      chrome.storage.onChanged.addListener(changed);
      signal.addEventListener("abort", () => chrome.storage.onChanged.removeListener(changed), { once: true });
    },
    get paused() {
      return current.paused;
    },
    get nudgeBeforePosting() {
      return current.nudgeBeforePosting;
    },
    /** @param {(what: "settings" | "config") => void} listener @param {AbortSignal} signal */
    onChange(listener, signal) {
      listeners.add(listener);
      signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
    },
  };
});
