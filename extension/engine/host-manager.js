// @ts-check
// Creates and closes the offscreen engine host. Only one may exist per extension, and the
// service worker that created it may have been stopped since, so ask Chrome, not memory.
const HOST_PATH = "engine/host.html";

/** @type {Promise<void> | null} */
let creating = null;

export async function engineHostExists() {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(HOST_PATH)],
  });
  return contexts.length > 0;
}

export async function ensureEngineHost() {
  // Chrome lists a host while it is still being created: wait for the creation instead.
  if (creating) return creating;
  if (await engineHostExists()) return;
  if (creating) return creating;
  const made = chrome.offscreen
    .createDocument({
      url: HOST_PATH,
      reasons: [chrome.offscreen.Reason.IFRAME_SCRIPTING],
      justification: "Runs Salesy's Python rules (PyScript) in a sandboxed frame.",
    })
    .catch((error) => {
      // Another caller won the race: the host exists, which is all we wanted.
      if (!String(error).includes("Only a single offscreen")) throw error;
    })
    .finally(() => {
      if (creating === made) creating = null;
    });
  creating = made;
  await made;
}

/**
 * Closes the host and its engine frame, however busy the engine is (another process), even
 * one still being created (a creation that never finished is forgotten, not waited for).
 */
export async function closeEngineHost() {
  creating = null;
  try {
    await chrome.offscreen.closeDocument();
  } catch {
    // No host open: nothing to close.
  }
}
