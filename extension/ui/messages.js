// Extension pages (popup, options) reach the engine the same way the content script does:
// one message to the service worker router.

/**
 * @param {string} type
 * @param {object} [payload]
 */
export async function askBackground(type, payload = {}) {
  const reply = await chrome.runtime.sendMessage({ target: "background", type, ...payload });
  if (!reply?.ok) throw new Error(reply?.error ?? "Salesy's background did not answer.");
  if (reply.result?.error) throw new Error(reply.result.error);
  return reply.result;
}
