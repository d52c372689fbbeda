// @ts-check
// Salesy service worker: the one router every context talks to. Each feature contributes a
// table of handlers by message type; the worker keeps nothing in memory that matters,
// because Chrome may stop it at any time.
//
// The router trusts no one. A content script runs in x.com's page, so it may only send what a
// page needs (each handler validates its payload); everything else comes from the extension's
// own pages or not at all. Content scripts cannot read chrome.storage either (it is kept to the
// extension's own contexts): they ask here for their settings and hear when they change.
import { engineHandlers } from "./engine/client.js";
import { contentSettings, settingsHandlers, tellTabsOfChanges } from "./settings-handlers.js";
import { historyHandlers } from "./history/handlers.js";
import { configHandlers } from "./config-handlers.js";
import { PayloadError } from "./validate.js";

/** @typedef {(message: any, sender: chrome.runtime.MessageSender) => any} Handler */

/** @type {Record<string, Handler>} */
const handlers = { ...engineHandlers, ...settingsHandlers, ...configHandlers, ...historyHandlers };
handlers["content-settings"] = contentSettings;

/** What a content script on x.com may ask for: the compose box, its card, post records. */
const FROM_PAGES = new Set([
  "check",
  "warm",
  "content-settings",
  "set-rule",
  "open-rule-doc",
  "history-account",
  "history-record",
  "history-merge",
  "balance-preview",
  "tally-bump",
]);
const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL("")).origin;
// The sites the content scripts run on (the manifest's matches): nothing else speaks for them.
const X_ORIGINS = new Set(
  (chrome.runtime.getManifest().content_scripts ?? [])
    .flatMap((script) => script.matches ?? [])
    .map((pattern) => new URL(pattern.replace(/\*$/, "")).origin),
);

/** "extension" (its own pages), "content" (its content script on X) or null (refused). */
function senderKind(sender) {
  if (sender.id !== chrome.runtime.id) return null;
  let origin = sender.origin ?? "";
  if (!origin && sender.url) origin = new URL(sender.url).origin;
  if (origin === EXTENSION_ORIGIN) return "extension";
  if (sender.tab && X_ORIGINS.has(origin)) return "content";
  return null;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== "background") return false;
  const type = String(message.type);
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (!handler) {
    console.warn("Salesy: unknown message type", type);
    sendResponse({ ok: false, error: `Unknown message type: ${type}` });
    return false;
  }
  const kind = senderKind(sender);
  if (kind === null || (kind === "content" && !FROM_PAGES.has(type))) {
    console.warn(`Salesy: refused "${type}" from ${sender.url ?? "an unknown sender"}`);
    sendResponse({ ok: false, error: `Salesy does not take "${type}" from this page.` });
    return false;
  }
  Promise.resolve()
    .then(() => handler(message, sender))
    .then(
      (result) => sendResponse({ ok: true, result: result ?? null }),
      (error) => {
        const text = String(error?.message ?? error);
        sendResponse({ ok: false, error: error instanceof PayloadError ? `Refused: ${text}` : text });
      },
    );
  return true; // the answer is asynchronous
});

// Only the extension's own pages and this worker read and write chrome.storage.local: a content
// script (x.com's page around it) neither reads the history nor changes a setting behind the
// router's back. Chrome keeps the level; setting it again on each start costs nothing.
chrome.storage.local.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" }).catch((error) => {
  console.warn("Salesy: could not keep chrome.storage.local from content scripts:", error);
});
tellTabsOfChanges();
