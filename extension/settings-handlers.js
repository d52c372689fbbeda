// @ts-check
// Message handlers for the user's compose settings: pause per site, the nudge, the value
// underlines. (Rule switches
// change the config: config-handlers.js.) Only the extension's own pages change them.
//
// Content scripts cannot read chrome.storage (the router keeps it to the extension's own
// pages): they ask for what they need here, and hear when it changes.
import * as storage from "./storage.js";
import { bool, object, oneOf, PayloadError } from "./validate.js";

/** What a content script on `sender`'s site needs: is Salesy paused there, the nudge, and
 * whether what works in a draft is underlined. */
export async function contentSettings(_message, sender) {
  const from = sender.url ?? sender.origin;
  const site = from ? new URL(from).hostname : "x.com"; // content scripts run on x.com alone
  const [settings, paused] = await Promise.all([storage.loadSettings(), storage.pausedSites()]);
  return {
    paused: paused.includes(site),
    nudgeBeforePosting: settings.nudgeBeforePosting,
    valueUnderlines: settings.valueUnderlines,
  };
}

/** What changed, in the words the content scripts listen for. */
function changedParts(keys) {
  const parts = new Set();
  for (const key of keys) {
    if (key === "settings" || key === "pausedSites") parts.add("settings");
    else if (key === "config") parts.add("config");
    else if (key.startsWith("history:")) parts.add("history");
  }
  return [...parts];
}

/**
 * Tells every tab's content script when its settings, the config or a history changed (they
 * re-read through the router). A tab without Salesy simply does not answer.
 */
export function tellTabsOfChanges() {
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "local") return;
    const parts = changedParts(Object.keys(changes));
    if (parts.length === 0) return;
    const tabs = await chrome.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      chrome.tabs
        .sendMessage(tab.id, { target: "content", type: "changed", parts }, { frameId: 0 })
        .catch(() => undefined);
    }
  });
}

/** Only settings the user can change, each of its own type: nothing hidden gets stored. */
function settingsChanges(value) {
  const changes = object(value ?? {}, "changes");
  const out = {};
  for (const [key, setting] of Object.entries(changes)) {
    if (!Object.hasOwn(storage.SETTINGS, key)) throw new PayloadError(`changes.${key}: not a setting`);
    out[key] = bool(setting, `changes.${key}`);
  }
  return out;
}

export const settingsHandlers = {
  "get-settings": async () => ({
    settings: await storage.loadSettings(),
    pausedSites: await storage.pausedSites(),
  }),
  "set-settings": (message) => storage.saveSettings(settingsChanges(message.changes)),
  "set-paused": (message) =>
    storage.setPaused(oneOf(message.site, "site", storage.SITES), bool(message.paused, "paused")),
};
