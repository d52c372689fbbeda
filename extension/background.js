// Salesy service worker: the one router every context talks to. Each feature contributes a
// table of handlers by message type; the worker keeps nothing in memory that matters,
// because Chrome may stop it at any time.
import { engineHandlers } from "./engine/client.js";
import { settingsHandlers } from "./settings-handlers.js";
import { historyHandlers } from "./history/handlers.js";
import { configHandlers } from "./config-handlers.js";

/** @type {Record<string, (message: any, sender: chrome.runtime.MessageSender) => any>} */
const handlers = { ...engineHandlers, ...settingsHandlers, ...configHandlers, ...historyHandlers };

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== "background") return false;
  const handler = handlers[message.type];
  if (!handler) {
    console.warn("Salesy: unknown message type", message.type);
    sendResponse({ ok: false, error: `Unknown message type: ${message.type}` });
    return false;
  }
  Promise.resolve()
    .then(() => handler(message, sender))
    .then(
      (result) => sendResponse({ ok: true, result: result ?? null }),
      (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
    );
  return true; // the answer is asynchronous
});
