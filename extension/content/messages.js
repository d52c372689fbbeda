// The content scripts' one way to the engine and the extension's storage: a message to the
// service worker's router. And the one way in: requests from Salesy's own popup for this
// tab (target "content"), such as the page's health report.
"use strict";

Salesy.define("messages", [], () => {
  /** True once the extension was reloaded or removed under this page: stop quietly then. */
  function gone() {
    return !chrome.runtime?.id;
  }

  // Requests go through one port to the router (background.js says why), opened on the first
  // and again after Chrome stopped the worker (the port then closes, and every request still
  // out on it fails, as a sendMessage to a stopped worker does).
  const PORT_NAME = "salesy";
  /** @type {chrome.runtime.Port | null} */
  let port = null;
  let nextId = 0;
  /** Requests out, by id: how to settle each, and the port it went on. */
  /** @type {Map<number, {settle: (reply: any) => void, on: chrome.runtime.Port}>} */
  const waiting = new Map();

  function openPort() {
    const opened = chrome.runtime.connect({ name: PORT_NAME });
    opened.onMessage.addListener((answer) => {
      const request = waiting.get(answer?.id);
      waiting.delete(answer?.id);
      request?.settle(answer.reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      for (const [id, request] of waiting) {
        if (request.on !== opened) continue;
        waiting.delete(id);
        request.settle(undefined);
      }
    });
    return opened;
  }

  /** The router's reply to `message`, or undefined when the worker stopped before it. */
  function send(message) {
    return new Promise((resolve) => {
      const id = ++nextId;
      port ??= openPort();
      try {
        port.postMessage({ id, message });
      } catch {
        // Closed under us, its onDisconnect not yet heard: a new port takes the request.
        port = openPort();
        port.postMessage({ id, message });
      }
      waiting.set(id, { settle: resolve, on: port });
    });
  }

  /**
   * Asks the background router; resolves with its result or rejects with its error.
   * @param {string} type
   * @param {object} [payload]
   */
  async function ask(type, payload = {}) {
    const reply = await send({ target: "background", type, ...payload });
    if (!reply?.ok) throw new Error(reply?.error ?? "Salesy's background did not answer.");
    if (reply.result?.error) throw new Error(reply.result.error);
    return reply.result;
  }

  /** Tells the background something; a failure (or a gone extension) is answered with null. */
  function tell(type, payload = {}) {
    if (gone()) return Promise.resolve(null);
    return ask(type, payload).catch(() => null);
  }

  // A worker Chrome stopped mid-request takes its answer with it; these pauses give the next
  // one time to start (about a minute and a half in all).
  const DELIVERY_PAUSES_MS = [250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000];

  /**
   * Sends until the background answers, for what must not be lost (a post already made):
   * again when the worker stopped before it answered, never when it answered, even with an
   * error (it has then said so on the toolbar badge). Resolves with the answer, or null once
   * every pause is spent or the extension is gone.
   * @param {string} type @param {object} payload
   */
  async function deliver(type, payload) {
    for (const pause of [...DELIVERY_PAUSES_MS, -1]) {
      if (gone()) return null;
      let reply;
      try {
        reply = await send({ target: "background", type, ...payload });
      } catch {
        reply = undefined; // no worker to take it, or it stopped before answering
      }
      if (reply !== undefined) return reply;
      if (pause < 0) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return null;
  }

  /**
   * Answers one type of request from Salesy's own pages until `signal` aborts.
   * @param {string} type @param {(message: any) => any} answer @param {AbortSignal} signal
   */
  function answer(type, reply, signal) {
    /** @type {Parameters<typeof chrome.runtime.onMessage.addListener>[0]} */
    const listener = (message, sender, sendResponse) => {
      if (message?.target !== "content" || message.type !== type || sender.id !== chrome.runtime.id) return false;
      sendResponse(reply(message));
      return false;
    };
    chrome.runtime.onMessage.addListener(listener);
    signal.addEventListener("abort", () => chrome.runtime.onMessage.removeListener(listener), { once: true });
  }

  return { gone, ask, tell, deliver, answer };
});
