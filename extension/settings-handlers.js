// Message handlers for the user's compose settings: rule switches, pause per site, nudge.
import * as storage from "./storage.js";

export const settingsHandlers = {
  "set-rule": (message) => storage.setRuleEnabled(String(message.rule), Boolean(message.enabled)),
  "get-settings": async () => ({
    settings: await storage.loadSettings(),
    pausedSites: await storage.pausedSites(),
  }),
  "set-settings": (message) => storage.saveSettings(message.changes ?? {}),
  "set-paused": (message) => storage.setPaused(String(message.site), Boolean(message.paused)),
};
