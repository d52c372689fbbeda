// Offscreen engine host: relays requests from the service worker to the sandboxed engine
// frame and back. It owns nothing but the queue of requests in flight.
const READY_TIMEOUT_MS = 15000;
const REQUEST_TIMEOUT_MS = 10000;

const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("engine"));
const pending = new Map();
let nextId = 1;
let markReady;
let markFailed;
const engineReady = new Promise((resolve, reject) => {
  markReady = resolve;
  markFailed = reject;
});
engineReady.catch(() => {}); // failures are reported per request
setTimeout(() => markFailed(new Error("The Python engine did not start in time.")), READY_TIMEOUT_MS);

window.addEventListener("message", (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data ?? {};
  if (message.type === "ready") markReady();
  else if (message.type === "failed") markFailed(new Error(message.error));
  else if (pending.has(message.id)) {
    const { resolve, reject, timer } = pending.get(message.id);
    clearTimeout(timer);
    pending.delete(message.id);
    if (message.ok) resolve(message.result);
    else reject(new Error(message.error));
  }
});

async function ask(request) {
  await engineReady;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`The engine did not answer "${request.type}" in time.`));
    }, REQUEST_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    // The sandbox has an opaque origin, so "*" is the only target that reaches it; the
    // payload is the user's own draft going to our own frame.
    frame.contentWindow.postMessage({ ...request, id }, "*");
  });
}

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.target !== "engine") return false;
  const { target, ...request } = message;
  ask(request).then(
    (result) => sendResponse(result),
    (error) => sendResponse({ error: String(error?.message ?? error) }),
  );
  return true;
});
