// @ts-check
// The rules config: edit, check, save, restore, share, import, and the one team URL Salesy may
// fetch (daily). Every judgement (validation, examples, share codes, diffs) is the Python
// engine's; this module moves data between the options page, the engine and chrome.storage,
// and keeps every document it hands the engine within LIMITS.
import { askEngine, checkDraft } from "./engine/client.js";
import { LIMITS } from "./limits.js";
import * as storage from "./storage.js";
import { fetchTeamText, originPattern, teamUrl } from "./team-url.js";
import { bool, configDoc, object, PayloadError, text } from "./validate.js";

const TEAM_ALARM = "salesy-team-config";
const DAY_MINUTES = 24 * 60;
/** Fetches one team config and its `extends` may cost, failed ones included. */
const MAX_TEAM_FETCHES = 8;
const RULE_ID = /^SL\d{3}$/;

/** A config document from a message, within the size limit. */
const doc = (value, field = "doc") => configDoc(value, field, LIMITS.configBytes);

/** The bases a document extends ({name: doc}), each within the size limit. */
function basesOf(value) {
  if (value === undefined || value === null) return {};
  const bases = object(value, "bases");
  const names = Object.keys(bases);
  if (names.length > MAX_TEAM_FETCHES) throw new PayloadError(`bases: at most ${MAX_TEAM_FETCHES} configs`);
  for (const name of names) doc(bases[name], `bases["${name.slice(0, 40)}"]`);
  return bases;
}

/** What the engine says about a document: {config, errors, examples, ok}. */
function inspect(document, bases = {}) {
  return askEngine({ type: "config-inspect", doc: document, bases });
}

/**
 * Saves `document` if the engine finds no error, in one step of the write queue; the config it
 * replaces stays restorable. With `base` (the config the options page's form was filled
 * from), only what the form changed is applied over the stored config: a rule switched in a
 * tab meanwhile is kept, not undone by a form that never saw it.
 */
function save(document, meta, extra = {}) {
  return storage.updateConfig(
    async (state) => {
      let wanted = document;
      if (extra.base && state.config && !sameJson(state.config, extra.base)) {
        wanted = rebase(document, extra.base, state.config);
      }
      const report = await inspect(wanted, extra.bases ?? {});
      if (!report.ok) return { config: null, saved: false, errors: report.errors, examples: report.examples };
      return { config: report.config, saved: true, examples: report.examples };
    },
    meta,
    extra.team === undefined ? {} : { team: extra.team },
  );
}

function sameJson(a, b) {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** A copy with object keys in order (the engine's dicts have none on MicroPython). */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
  }
  return value;
}

/** `current` with every setting `edited` changed relative to `base` (lists count as one). */
function rebase(edited, base, current) {
  const out = structuredClone(current);
  const walk = (from, was, into) => {
    for (const [key, value] of Object.entries(from ?? {})) {
      const before = was?.[key];
      if (value && typeof value === "object" && !Array.isArray(value) && before && typeof before === "object") {
        if (!into[key] || typeof into[key] !== "object") into[key] = {};
        walk(value, before, into[key]);
      } else if (JSON.stringify(value) !== JSON.stringify(before)) {
        into[key] = structuredClone(value);
      }
    }
  };
  walk(edited, base, out);
  return out;
}

/**
 * "Turn off this rule" from the compose box: a save like any other (validated, examples
 * included), so the stored config never fails its own examples.
 */
async function setRule(message) {
  const rule = text(message.rule, "rule", 8);
  if (!RULE_ID.test(rule)) throw new PayloadError("rule: expected a rule id like SL101");
  const enabled = bool(message.enabled, "enabled");
  const result = await storage.updateConfig(
    async (state) => {
      const current = state.config ?? { salesy: 1 };
      const next = { ...current, rules: { ...(current.rules ?? {}), [rule]: { ...(current.rules?.[rule] ?? {}), enabled } } };
      const report = await inspect(next);
      if (!report.ok) return { config: null, saved: false, errors: report.errors };
      return { config: report.config, saved: true };
    },
    { source: "rule-switch", rule, enabled },
  );
  if (!result.saved) {
    const first = result.errors[0] ?? "";
    throw new Error(
      `${rule} stays ${enabled ? "off" : "on"}: your config would then fail its own check (${first}). ` +
        "Change it in Salesy's options.",
    );
  }
  return { saved: true, rule, enabled };
}

/**
 * "Why?" on the hint card: the options page at that rule's documentation, in a new tab (a
 * page on x.com may not open an extension page itself).
 */
async function openRuleDoc(message) {
  const rule = text(message.rule, "rule", 8);
  if (!RULE_ID.test(rule)) throw new PayloadError("rule: expected a rule id like SL101");
  const tab = await chrome.tabs.create({ url: chrome.runtime.getURL(`options/options.html#${rule}`) });
  return { opened: tab.id ?? null };
}

// ---------------------------------------------------------------- the team URL

/**
 * Fetches a team config and the configs its `extends` names (relative to it, on the same
 * host: the only host the user allowed), at most MAX_TEAM_FETCHES fetches in all, failed ones
 * included. Returns {doc, bases, errors, text}.
 */
async function fetchTeam(address) {
  const url = teamUrl(address);
  const budget = { left: MAX_TEAM_FETCHES };
  const text = await fetchTeamText(url, url, budget);
  const parsed = await askEngine({ type: "config-parse", text });
  if (parsed.errors.length) return { doc: null, bases: {}, errors: parsed.errors, text };
  const bases = {};
  const errors = [];
  const queue = parsed.extends.map((ref) => [ref, url]);
  while (queue.length) {
    const [ref, from] = queue.shift();
    if (ref.startsWith("salesy:") || ref in bases) continue;
    if (budget.left <= 0) {
      errors.push(`extends "${ref}": not fetched; a team config may take at most ${MAX_TEAM_FETCHES} fetches with the configs it extends`);
      continue;
    }
    let where;
    try {
      where = new URL(ref, from);
    } catch {
      errors.push(`extends "${ref}": not an address`);
      continue;
    }
    if (where.origin !== url.origin) {
      errors.push(`extends "${ref}": only configs on ${url.host} can be followed`);
      continue;
    }
    try {
      const base = await askEngine({ type: "config-parse", text: await fetchTeamText(where, url, budget) });
      if (base.errors.length) errors.push(...base.errors.map((e) => `extends "${ref}": ${e}`));
      else {
        bases[ref] = base.doc;
        queue.push(...base.extends.map((next) => [next, where]));
      }
    } catch (error) {
      errors.push(`extends "${ref}": ${error.message}`);
    }
  }
  return { doc: parsed.doc, bases, errors, text };
}

/** Fetch, validate, diff: what the options page shows before the user applies a team URL. */
async function previewTeam(address) {
  const fetched = await fetchTeam(address);
  if (fetched.doc === null) return { errors: fetched.errors, examples: [], diff: [] };
  const report = await inspect(fetched.doc, fetched.bases);
  const current = await storage.loadConfig();
  const diff = await askEngine({ type: "config-diff", old: current, new: report.config });
  const missing = fetched.errors.map((e) => e.split('"')[1]);
  const errors = [
    ...fetched.errors,
    ...report.errors.filter((e) => !missing.some((ref) => e.includes(`cannot find "${ref}"`))),
  ];
  return { doc: fetched.doc, bases: fetched.bases, config: report.config, errors, examples: report.examples, diff };
}

/** The daily re-check: applies a changed, valid team config; keeps the current one otherwise. */
export async function checkTeam() {
  const { team } = await storage.loadConfigState();
  if (!team?.url) return null;
  const checkedAt = new Date().toISOString();
  let preview;
  try {
    preview = await previewTeam(team.url);
  } catch (error) {
    preview = { errors: [error.message] };
  }
  // Only if the same URL is still followed once the fetch is done (the user may have stopped).
  const still = (next) => (current) => (current?.url === team.url ? { ...current, ...next } : undefined);
  if (preview.errors.length) {
    return storage.updateTeam(still({ checkedAt, status: "error", errors: preview.errors }));
  }
  const fingerprint = JSON.stringify(preview.config);
  if (fingerprint === team.fingerprint) {
    return storage.updateTeam(still({ checkedAt, status: "unchanged", errors: [] }));
  }
  // The team published a new version: it replaces the config (the old one stays restorable).
  const next = { ...team, checkedAt, status: "updated", errors: [], fingerprint };
  const result = await save(preview.doc, { source: "team", url: team.url }, { bases: preview.bases, team: next });
  if (!result.saved) {
    return storage.updateTeam(still({ checkedAt, status: "error", errors: result.errors }));
  }
  return next;
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TEAM_ALARM) checkTeam().catch((error) => console.warn("Salesy: team check failed", error));
});

// Alarms do not survive an extension update: put the daily check back if a team is followed.
async function ensureTeamAlarm() {
  const { team } = await storage.loadConfigState();
  if (team?.url && !(await chrome.alarms.get(TEAM_ALARM))) {
    await chrome.alarms.create(TEAM_ALARM, { periodInMinutes: DAY_MINUTES, delayInMinutes: 1 });
  }
}
chrome.runtime.onInstalled.addListener(() => ensureTeamAlarm().catch(() => {}));
chrome.runtime.onStartup.addListener(() => ensureTeamAlarm().catch(() => {}));

async function followTeam(address) {
  const url = teamUrl(address).href;
  const { team: before } = await storage.loadConfigState();
  const preview = await previewTeam(url);
  if (preview.errors.length) return { saved: false, errors: preview.errors, examples: preview.examples };
  const team = {
    url,
    checkedAt: new Date().toISOString(),
    status: "applied",
    errors: [],
    fingerprint: JSON.stringify(preview.config),
  };
  const result = await save(preview.doc, { source: "team", url }, { bases: preview.bases, team });
  if (result.saved) {
    await chrome.alarms.create(TEAM_ALARM, { periodInMinutes: DAY_MINUTES, delayInMinutes: DAY_MINUTES });
    // A team followed before, on another site, is followed no more: give its host back.
    if (before?.url) await releaseHost(before.url);
  }
  return result;
}

async function unfollowTeam() {
  await storage.updateTeam(() => null);
  await chrome.alarms.clear(TEAM_ALARM);
  return { following: false, released: await releaseAll() };
}

/**
 * Gives back the permission to read `address`'s host unless the followed team lives there
 * (least privilege: a host is asked for one import, or for the team URL Salesy follows).
 */
async function releaseHost(address) {
  let pattern;
  try {
    pattern = originPattern(address);
  } catch {
    return false;
  }
  const { team } = await storage.loadConfigState();
  if (team?.url && originPattern(team.url) === pattern) return false;
  return chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/** Every optional host Salesy holds, except the followed team's, is given back. */
async function releaseAll() {
  const { origins = [] } = await chrome.permissions.getAll();
  const { team } = await storage.loadConfigState();
  const keep = team?.url ? originPattern(team.url) : null;
  // X's own sites are the content scripts' (not optional, and never given back).
  const required = new Set(chrome.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []));
  const extra = origins.filter((origin) => origin !== keep && !required.has(origin));
  if (extra.length === 0) return false;
  return chrome.permissions.remove({ origins: extra }).catch(() => false);
}

// ---------------------------------------------------------------- handlers

export const configHandlers = {
  "config-state": async () => {
    const state = await storage.loadConfigState();
    const report = await inspect(state.config ?? { salesy: 1 });
    const alarm = state.team ? await chrome.alarms.get(TEAM_ALARM) : null;
    return { ...state, effective: report.config, nextCheck: alarm?.scheduledTime ?? null };
  },
  "config-rules": () => askEngine({ type: "rules" }),
  "config-defaults": () => askEngine({ type: "config-defaults" }),
  "config-inspect": (message) => inspect(doc(message.doc), basesOf(message.bases)),
  // The options page's preview: a draft under the edited, not yet saved, config.
  // (Without its examples: they are checked with each edit, not with each preview.)
  "config-check": (message) =>
    checkDraft(text(message.text, "text", LIMITS.draftChars), [], doc(message.doc) ?? { salesy: 1 }),
  "config-diff": (message) => askEngine({ type: "config-diff", old: doc(message.old, "old"), new: doc(message.new, "new") }),
  "config-parse": (message) => {
    const body = text(message.text ?? "", "text", LIMITS.configBytes * 4);
    if (new TextEncoder().encode(body).length > LIMITS.configBytes) {
      return { doc: null, extends: [], errors: [`(file): ${Math.ceil(body.length / 1024)} KB is too big; a config is at most 256 KB`] };
    }
    return askEngine({ type: "config-parse", text: body });
  },
  "config-share-encode": (message) => {
    const document = doc(message.doc);
    // A share code of a big config is too long to paste anywhere (and slow to make): a file.
    if (document && JSON.stringify(document).length > LIMITS.shareConfigChars) {
      return { code: null, error: "This config is too big for a share code: export it as a file or share a team URL." };
    }
    return askEngine({ type: "config-share-encode", doc: document });
  },
  "config-share-decode": (message) => {
    // Line breaks a mail client inserts are no part of the code; the cap counts the rest.
    const code = text(message.code ?? "", "code", LIMITS.shareCodeChars * 2).replace(/\s+/g, "");
    if (code.length > LIMITS.shareCodeChars) {
      return { doc: null, extends: [], errors: [`share code: ${code.length} characters is longer than Salesy's share codes (at most ${LIMITS.shareCodeChars}); import the config as a file instead`] };
    }
    return askEngine({ type: "config-share-decode", code });
  },
  "config-save": (message) =>
    save(doc(message.doc), { source: String(message.source ?? "editor").slice(0, 20) }, { base: doc(message.base, "base") }),
  "config-restore": async () => {
    const { previous } = await storage.loadConfigState();
    if (!previous) throw new Error("There is no previous config to restore.");
    return save(previous, { source: "restore" });
  },
  "set-rule": setRule,
  "open-rule-doc": openRuleDoc,
  "team-preview": (message) => previewTeam(text(message.url, "url", 2048)),
  // The options page closed a preview without following it: its host is given back.
  "team-release": (message) => releaseHost(text(message.url, "url", 2048)),
  "team-follow": (message) => followTeam(text(message.url, "url", 2048)),
  "team-unfollow": () => unfollowTeam(),
  "team-check": () => checkTeam(),
};
