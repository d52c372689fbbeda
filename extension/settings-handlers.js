// @ts-check
// Message handlers for the user's compose settings: pause per site, the nudge. (Rule switches
// change the config: config-handlers.js.) Only the extension's own pages send these.
import * as storage from "./storage.js";
import { bool, object, oneOf, PayloadError } from "./validate.js";

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
