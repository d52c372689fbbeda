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
/** The name of the content scripts' port (content/messages.js). */
const PORT_NAME = "salesy";
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

/**
 * Answers one message: { ok: true, result } or { ok: false, error }, never a rejection.
 * @param {any} message @param {chrome.runtime.MessageSender} sender
 */
async function route(message, sender) {
  const type = String(message.type);
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (!handler) {
    console.warn("Salesy: unknown message type", type);
    return { ok: false, error: `Unknown message type: ${type}` };
  }
  const kind = senderKind(sender);
  if (kind === null || (kind === "content" && !FROM_PAGES.has(type))) {
    console.warn(`Salesy: refused "${type}" from ${sender.url ?? "an unknown sender"}`);
    return { ok: false, error: `Salesy does not take "${type}" from this page.` };
  }
  try {
    return { ok: true, result: (await handler(message, sender)) ?? null };
  } catch (error) {
    const text = String(error?.message ?? error);
    return { ok: false, error: error instanceof PayloadError ? `Refused: ${text}` : text };
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.target !== "background") return false;
  route(message, sender).then(sendResponse);
  return true; // the answer is asynchronous
});

// The content scripts' requests come through one long-lived port per page: a message on an
// open port costs the page a fraction of what sendMessage does (which opens and closes a
// channel each time), and a check is sent on nearly every pause in typing. Same router, same
// trust: the port's sender is the content script's.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME || !port.sender) return port.disconnect();
  const sender = port.sender;
  let open = true;
  port.onDisconnect.addListener(() => (open = false));
  port.onMessage.addListener((envelope) => {
    const message = envelope?.message;
    if (message?.target !== "background") return;
    route(message, sender).then((reply) => {
      if (open) port.postMessage({ id: envelope.id, reply });
    });
  });
});

// Only the extension's own pages and this worker read and write chrome.storage.local: a content
// script (x.com's page around it) neither reads the history nor changes a setting behind the
// router's back. Chrome keeps the level; setting it again on each start costs nothing.
chrome.storage.local.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" }).catch((error) => {
  console.warn("Salesy: could not keep chrome.storage.local from content scripts:", error);
});
tellTabsOfChanges();
