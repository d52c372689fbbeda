// The background's side of the engine: makes sure the host exists, then asks it.
import { ensureEngineHost } from "./host-manager.js";
import { loadConfig } from "../storage.js";

// A host Chrome lists may still be loading, with nobody listening yet: wait a little for it.
const HOST_LOADING_RETRIES = 30;
const HOST_LOADING_WAIT_MS = 100;

/** @param {{type: string, [key: string]: any}} request */
export async function askEngine(request) {
  await ensureEngineHost();
  let reply;
  for (let attempt = 0; ; attempt++) {
    try {
      reply = await chrome.runtime.sendMessage({ target: "engine", ...request });
      break;
    } catch (error) {
      const loading = String(error?.message ?? error).includes("Receiving end does not exist");
      if (!loading || attempt >= HOST_LOADING_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, HOST_LOADING_WAIT_MS));
    }
  }
  if (reply === undefined) throw new Error("The engine host did not answer.");
  if (reply?.error) throw new Error(reply.error);
  return reply;
}

/** Checks a draft under the user's config plus the phrases ignored in this draft. */
export async function checkDraft(text, allow = []) {
  return askEngine({ type: "check", text, config: withAllowed(await loadConfig(), allow) });
}

function withAllowed(config, phrases) {
  // A config's own examples are checked when it is saved, not with every draft.
  const { examples: _checkedOnSave, ...base } = config ?? { salesy: 1 };
  if (phrases.length === 0) return base;
  const terms = base.terms ?? {};
  return { ...base, terms: { ...terms, allow: [...(terms.allow ?? []), ...phrases] } };
}

/** Message handlers, by type, for the background router. */
export const engineHandlers = {
  check: (message) => checkDraft(String(message.text ?? ""), message.allow ?? []),
  "engine-status": () => askEngine({ type: "ping" }),
  "engine-bench": (message) => askEngine({ type: "bench", texts: message.texts ?? [] }),
};
