// Creates the offscreen engine host on demand. Only one may exist per extension, and the
// service worker that created it may have been stopped since, so ask Chrome, not memory.
const HOST_PATH = "engine/host.html";

let creating = null;

export async function ensureEngineHost() {
  // Chrome lists a host while it is still being created: wait for the creation instead.
  if (creating) return creating;
  const url = chrome.runtime.getURL(HOST_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ["OFFSCREEN_DOCUMENT"],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: HOST_PATH,
      reasons: ["IFRAME_SCRIPTING"],
      justification: "Runs Salesy's Python rules (PyScript) in a sandboxed frame.",
    })
    .catch((error) => {
      // Another caller won the race: the host exists, which is all we wanted.
      if (!String(error).includes("Only a single offscreen")) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
