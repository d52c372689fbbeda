// What the content script needs of the user's settings, kept current from chrome.storage:
// whether Salesy is paused on this site, and whether to ask before posting a pure ad.
"use strict";

const salesySettings = (() => {
  const current = { paused: false, nudgeBeforePosting: false };
  /** @type {Set<(what: "settings" | "config") => void>} */
  const listeners = new Set();

  async function load() {
    try {
      const { pausedSites = [], settings = {} } = await chrome.storage.local.get([
        "pausedSites",
        "settings",
      ]);
      current.paused = pausedSites.includes(location.hostname);
      current.nudgeBeforePosting = Boolean(settings.nudgeBeforePosting);
    } catch {
      // The extension was reloaded under this page; the old script simply stops.
    }
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if (changes.pausedSites || changes.settings) {
      load().then(() => listeners.forEach((listener) => listener("settings")));
    }
    if (changes.config) listeners.forEach((listener) => listener("config"));
  });

  return {
    ready: load(),
    get paused() {
      return current.paused;
    },
    get nudgeBeforePosting() {
      return current.nudgeBeforePosting;
    },
    /** @param {(what: "settings" | "config") => void} listener */
    onChange(listener) {
      listeners.add(listener);
    },
  };
})();
