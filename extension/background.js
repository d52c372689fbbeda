// Salesy service worker: the one router every context talks to.
// It owns the engine host's lifetime and the stored settings; it never keeps state in memory
// that matters, because Chrome may stop it at any time.
import { ensureEngineHost } from "./engine/host-manager.js";
import { loadConfig } from "./storage.js";

/** @param {{type: string, [key: string]: any}} message */
async function handle(message) {
  switch (message.type) {
    case "check": {
      const config = await loadConfig();
      return askEngine({ type: "check", text: message.text, config });
    }
    case "engine-status":
      return askEngine({ type: "ping" });
    case "engine-bench":
      return askEngine({ type: "bench", text: message.text, runs: message.runs });
    default:
      throw new Error(`Unknown message type: ${message.type}`);
  }
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
    (result) => sendResponse({ ok: true, result }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true; // the answer is asynchronous
});
