// @ts-check
// Offscreen engine host: relays the service worker's requests to the sandboxed engine frame
// and back. It owns no timeouts: the service worker keeps the queue and the deadlines, and
// closes this document when the engine hangs or does not start (a spinning frame could stall
// timers here, never there). Only the service worker may ask: the router checks every other
// sender before anything reaches the engine.
const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("engine"));
const WORKER_URL = chrome.runtime.getURL("background.js");
/** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} */
const pending = new Map();
let nextId = 1;
/** The engine's start-up split (epoch ms), this page's own start first; pings report it. */
let startup = {};
/** @type {(value?: unknown) => void} */
let markReady = () => {};
/** @type {(error: Error) => void} */
let markFailed = () => {};
const engineReady = new Promise((resolve, reject) => {
  markReady = resolve;
  markFailed = reject;
});
engineReady.catch(() => {}); // failures are reported per request

window.addEventListener("message", (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data ?? {};
  if (message.type === "ready") {
    startup = { host: performance.timeOrigin, ...message.startup };
    markReady();
  }
  else if (message.type === "failed") markFailed(new Error(message.error));
  else if (pending.has(message.id)) {
    const waiting = /** @type {{resolve: (value: any) => void, reject: (error: Error) => void}} */ (
      pending.get(message.id)
    );
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new Error(message.error));
  }
});

async function ask(request) {
  await engineReady;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The sandbox has an opaque origin, so "*" is the only target that reaches it; the
    // payload is the user's own draft going to our own frame.
    frame.contentWindow?.postMessage({ ...request, id }, "*");
  });
}

/** The service worker, and nobody else: a content script must go through the router. */
function fromWorker(sender) {
  return sender.id === chrome.runtime.id && sender.url === WORKER_URL && !sender.tab;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== "engine") return false;
  if (!fromWorker(sender)) {
    sendResponse({ error: "The engine answers Salesy's background only." });
    return false;
  }
  const { target: _target, ...request } = message;
  ask(request).then(
    (result) => sendResponse(request.type === "ping" ? { ...result, startup } : result),
    (error) => sendResponse({ error: String(error?.message ?? error) }),
  );
  return true;
});
