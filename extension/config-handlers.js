// The rules config: edit, check, save, restore, share, import, and the one team URL Salesy may
// fetch (daily). Every judgement (validation, examples, share codes, diffs) is the Python
// engine's; this module moves data between the options page, the engine and chrome.storage.
import { askEngine } from "./engine/client.js";
import * as storage from "./storage.js";
import { originPattern, teamUrl } from "./team-url.js";

const TEAM_ALARM = "salesy-team-config";
const DAY_MINUTES = 24 * 60;
const MAX_BYTES = 256 * 1024;
const MAX_BASES = 8;

/** What the engine says about a document: {config, errors, examples, ok}. */
function inspect(doc, bases = {}) {
  return askEngine({ type: "config-inspect", doc, bases });
}

/** Saves `doc` only if the engine finds no error; the config it replaces stays restorable. */
async function save(doc, meta, extra = {}) {
  const report = await inspect(doc, extra.bases ?? {});
  if (!report.ok) return { saved: false, errors: report.errors, examples: report.examples };
  await storage.replaceConfig(report.config, meta, extra.team === undefined ? {} : { team: extra.team });
  return { saved: true, config: report.config, examples: report.examples };
}

// ---------------------------------------------------------------- the team URL

async function fetchText(url) {
  if (!(await chrome.permissions.contains({ origins: [originPattern(url)] }))) {
    throw new Error(`Salesy may not read ${url.host} yet: allow it when the options page asks.`);
  }
  let response;
  try {
    // One address, no cookies, no redirects elsewhere: the only request Salesy ever makes.
    response = await fetch(url.href, { credentials: "omit", cache: "no-store", redirect: "error" });
  } catch (error) {
    throw new Error(`Could not fetch ${url.href}: ${error.message}`);
  }
  if (!response.ok) throw new Error(`${url.href} answered ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new Error(`${url.href} is ${Math.ceil(length / 1024)} KB; a config is at most 256 KB.`);
  const text = await response.text();
  if (new TextEncoder().encode(text).length > MAX_BYTES) throw new Error(`${url.href} is bigger than 256 KB, the most a config may be.`);
  return text;
}

/**
 * Fetches a team config and the configs its `extends` names (relative to it, on the same host:
 * the only host the user allowed). Returns {doc, bases, errors, text}.
 */
async function fetchTeam(address) {
  const url = teamUrl(address);
  const text = await fetchText(url);
  const parsed = await askEngine({ type: "config-parse", text });
  if (parsed.errors.length) return { doc: null, bases: {}, errors: parsed.errors, text };
  const bases = {};
  const errors = [];
  const queue = parsed.extends.map((ref) => [ref, url]);
  while (queue.length && Object.keys(bases).length < MAX_BASES) {
    const [ref, from] = queue.shift();
    if (ref.startsWith("salesy:") || ref in bases) continue;
    const where = new URL(ref, from);
    if (where.origin !== url.origin) {
      errors.push(`extends "${ref}": only configs on ${url.host} can be followed`);
      continue;
    }
    try {
      const base = await askEngine({ type: "config-parse", text: await fetchText(where) });
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
  if (preview.errors.length) {
    const next = { ...team, checkedAt, status: "error", errors: preview.errors };
    await storage.saveTeam(next);
    return next;
  }
  const fingerprint = JSON.stringify(preview.config);
  if (fingerprint === team.fingerprint) {
    const next = { ...team, checkedAt, status: "unchanged", errors: [] };
    await storage.saveTeam(next);
    return next;
  }
  // The team published a new version: it replaces the config (the old one stays restorable).
  const next = { ...team, checkedAt, status: "updated", errors: [], fingerprint };
  const result = await save(preview.doc, { source: "team", url: team.url }, { bases: preview.bases, team: next });
  if (!result.saved) {
    const failed = { ...team, checkedAt, status: "error", errors: result.errors };
    await storage.saveTeam(failed);
    return failed;
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
  if (result.saved) await chrome.alarms.create(TEAM_ALARM, { periodInMinutes: DAY_MINUTES, delayInMinutes: DAY_MINUTES });
  return result;
}

async function unfollowTeam() {
  const { team } = await storage.loadConfigState();
  await chrome.alarms.clear(TEAM_ALARM);
  await storage.saveTeam(null);
  // Least privilege: the host was needed for this URL only.
  if (team?.url) await chrome.permissions.remove({ origins: [originPattern(team.url)] }).catch(() => false);
  return { following: false };
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
  "config-inspect": (message) => inspect(message.doc, message.bases ?? {}),
  // The options page's preview: a draft under the edited, not yet saved, config.
  // (Without its examples: they are checked with each edit, not with each preview.)
  "config-check": (message) => {
    const { examples: _checkedOnEdit, ...config } = message.doc ?? {};
    return askEngine({ type: "check", text: String(message.text ?? ""), config });
  },
  "config-diff": (message) => askEngine({ type: "config-diff", old: message.old, new: message.new }),
  "config-parse": (message) => askEngine({ type: "config-parse", text: String(message.text ?? "") }),
  "config-share-encode": (message) => askEngine({ type: "config-share-encode", doc: message.doc }),
  "config-share-decode": (message) => askEngine({ type: "config-share-decode", code: String(message.code ?? "") }),
  "config-save": (message) => save(message.doc, { source: String(message.source ?? "editor") }),
  "config-restore": async () => {
    const { previous } = await storage.loadConfigState();
    if (!previous) throw new Error("There is no previous config to restore.");
    return save(previous, { source: "restore" });
  },
  "team-preview": (message) => previewTeam(message.url),
  "team-follow": (message) => followTeam(message.url),
  "team-unfollow": () => unfollowTeam(),
  "team-check": () => checkTeam(),
};
