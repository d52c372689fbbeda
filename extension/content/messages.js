// The content script's one way to the engine: a message to the service worker router.
"use strict";

/**
 * Ask the background router; resolves with its result or rejects with its error.
 * @param {string} type
 * @param {object} [payload]
 */
async function askBackground(type, payload = {}) {
  const reply = await chrome.runtime.sendMessage({ target: "background", type, ...payload });
  if (!reply?.ok) throw new Error(reply?.error ?? "Salesy's background did not answer.");
  if (reply.result?.error) throw new Error(reply.result.error);
  return reply.result;
}

/** True once the extension was reloaded or removed under this page: stop quietly then. */
function extensionGone() {
  return !chrome.runtime?.id;
}
