// Salesy service worker: the one router every context talks to.
// It owns the engine host's lifetime and the stored settings; it keeps nothing in memory
// that matters, because Chrome may stop it at any time.
import { ensureEngineHost } from "./engine/host-manager.js";
import * as storage from "./storage.js";

/** @param {{type: string, [key: string]: any}} message */
async function handle(message) {
  switch (message.type) {
    case "check":
      return askEngine({
        type: "check",
        text: message.text,
        config: withAllowed(await storage.loadConfig(), message.allow ?? []),
      });
    case "engine-status":
      return askEngine({ type: "ping" });
    case "engine-bench":
      return askEngine({ type: "bench", text: message.text, runs: message.runs });
    case "set-rule":
      return storage.setRuleEnabled(String(message.rule), Boolean(message.enabled));
    case "get-settings":
      return {
        settings: await storage.loadSettings(),
        pausedSites: await storage.pausedSites(),
      };
    case "set-settings":
      return storage.saveSettings(message.changes ?? {});
    case "set-paused":
      return storage.setPaused(String(message.site), Boolean(message.paused));
    default:
      throw new Error(`Unknown message type: ${message.type}`);
  }
}

/** Adds the phrases a user ignored in one draft to the config's allowed terms. */
function withAllowed(config, phrases) {
  if (phrases.length === 0) return config;
  const base = config ?? { salesy: 1 };
  const terms = base.terms ?? {};
  return { ...base, terms: { ...terms, allow: [...(terms.allow ?? []), ...phrases] } };
}

async function askEngine(request) {
  await ensureEngineHost();
  const reply = await chrome.runtime.sendMessage({ target: "engine", ...request });
  if (reply === undefined) throw new Error("The engine host did not answer.");
  return reply;
}

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== "background") return false;
  handle(message).then(
    (result) => sendResponse({ ok: true, result: result ?? null }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true; // the answer is asynchronous
});
