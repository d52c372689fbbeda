// The toolbar popup. For now: the engine's status and a scratch box to try a draft.
import { askBackground } from "../ui/messages.js";
import { livePreview } from "../ui/verdict.js";

const status = /** @type {HTMLElement} */ (document.getElementById("engine-status"));
askBackground("engine-status").then(
  () => (status.textContent = "Engine ready. Salesy is watching your X drafts."),
  (error) => (status.textContent = `Engine unavailable: ${error.message}`),
);

livePreview(
  /** @type {HTMLTextAreaElement} */ (document.getElementById("draft")),
  /** @type {HTMLElement} */ (document.getElementById("result")),
  (text) => askBackground("check", { text }),
);
