// The options page. The live preview asks the engine through the one message path.
import { askBackground } from "../ui/messages.js";
import { livePreview } from "../ui/verdict.js";

livePreview(
  /** @type {HTMLTextAreaElement} */ (document.getElementById("draft")),
  /** @type {HTMLElement} */ (document.getElementById("result")),
  (text) => askBackground("check", { text }),
);
