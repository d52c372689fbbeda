// The options page: compose settings and a live preview, through the one message path.
import { askBackground } from "../ui/messages.js";
import { livePreview } from "../ui/verdict.js";

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function showSettings() {
  const { settings } = await askBackground("get-settings");
  const nudge = /** @type {HTMLInputElement} */ ($("nudge"));
  nudge.checked = settings.nudgeBeforePosting;
  nudge.addEventListener("change", () =>
    askBackground("set-settings", { changes: { nudgeBeforePosting: nudge.checked } }),
  );
}

showSettings();
livePreview(
  /** @type {HTMLTextAreaElement} */ ($("draft")),
  $("result"),
  (text) => askBackground("check", { text }),
);
