// The toolbar popup: pause Salesy on this site, the engine's status, and a box to try a draft.
import { askBackground } from "../ui/messages.js";
import { livePreview } from "../ui/verdict.js";

const SITES = ["x.com", "twitter.com"];
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** The X site in the active tab; x.com when the popup was opened elsewhere. */
async function currentSite() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const host = tab?.url ? new URL(tab.url).hostname : "";
  return SITES.find((site) => host === site || host.endsWith(`.${site}`)) ?? "x.com";
}

async function showPauseSwitch() {
  const site = await currentSite();
  const { pausedSites } = await askBackground("get-settings");
  const paused = /** @type {HTMLInputElement} */ ($("paused"));
  $("paused-label").textContent = `Pause on ${site}`;
  paused.checked = pausedSites.includes(site);
  paused.addEventListener("change", () =>
    askBackground("set-paused", { site, paused: paused.checked }),
  );
}

showPauseSwitch();
askBackground("engine-status").then(
  () => ($("engine-status").textContent = "Engine ready. Salesy is watching your X drafts."),
  (error) => ($("engine-status").textContent = `Engine unavailable: ${error.message}`),
);
livePreview(
  /** @type {HTMLTextAreaElement} */ ($("draft")),
  $("result"),
  (text) => askBackground("check", { text }),
);
