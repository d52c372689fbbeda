// @ts-check
// Small guarded wrappers around chrome.storage: the rest of the extension never touches keys.
//
// One write queue. Every read-modify-write of what the user set (settings, paused sites, the
// config, the team URL) and of the post history runs through `serialized`, one after another:
// the service worker is the only writer, so two tabs switching rules, pausing both sites or a
// config save racing a rule switch all land, none undoing another.
const KEYS = { config: "config", pausedSites: "pausedSites", settings: "settings" };
// The config editor's keys: the config before the last change (one-click restore), where the
// current one came from, and the team URL Salesy re-checks daily.
const CONFIG_KEYS = { previous: "configPrevious", meta: "configMeta", team: "teamConfig" };
/** The settings a user can change, with their defaults; nothing else is stored. */
// valueUnderlines: the calm dotted line under what works (a personal voice, a question); a
// display preference of this browser's user, never part of the team's shared config.
export const SETTINGS = { nudgeBeforePosting: false, valueUnderlines: true };
export const SITES = ["x.com", "twitter.com"];

let chain = Promise.resolve();

/**
 * Runs `task` after every write queued before it; its result or error is the caller's.
 * A task must not queue another and wait for it (that one would wait for this one).
 * @template T @param {() => Promise<T>} task @returns {Promise<T>}
 */
export function serialized(task) {
  const run = chain.then(task, task);
  chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

async function read(key, fallback) {
  const stored = await chrome.storage.local.get(key);
  return stored[key] ?? fallback;
}

/** The user's rules config (merged over the engine's defaults when saved), or null. */
export async function loadConfig() {
  return read(KEYS.config, null);
}

export async function loadSettings() {
  return { ...SETTINGS, ...(await read(KEYS.settings, {})) };
}

/** @param {Partial<typeof SETTINGS>} changes known settings only (the router checks them) */
export function saveSettings(changes) {
  return serialized(async () => {
    const next = { ...(await loadSettings()), ...changes };
    await chrome.storage.local.set({ [KEYS.settings]: next });
    return next;
  });
}

export async function pausedSites() {
  return /** @type {string[]} */ (await read(KEYS.pausedSites, []));
}

export function setPaused(site, paused) {
  return serialized(async () => {
    const sites = new Set(await pausedSites());
    if (paused) sites.add(site);
    else sites.delete(site);
    const next = [...sites].sort();
    await chrome.storage.local.set({ [KEYS.pausedSites]: next });
    return next;
  });
}

/**
 * @typedef {{config: any, previous: any, meta: any, team: any}} ConfigState
 * @returns {Promise<ConfigState>} the config, the one before it, where it came from, the team URL
 */
export async function loadConfigState() {
  const stored = await chrome.storage.local.get([KEYS.config, ...Object.values(CONFIG_KEYS)]);
  return {
    config: stored[KEYS.config] ?? null,
    previous: stored[CONFIG_KEYS.previous] ?? null,
    meta: stored[CONFIG_KEYS.meta] ?? null,
    team: stored[CONFIG_KEYS.team] ?? null,
  };
}

/**
 * Replaces the config in one step of the queue. `decide(state)` sees the stored state at that
 * moment (it may ask the engine to validate) and returns `{config, ...}` to write it or
 * `{config: null, ...}` to write nothing; its answer is the caller's. The config it replaces
 * stays restorable, with one exception: switches from the compose box in a row keep the
 * config from before the first of them, so "Restore previous config" always reaches what
 * the user last chose on a trusted page, however often a page switches rules.
 * `extra.team` updates (or, when null, forgets) the team URL in the same write.
 * @template {{config: any}} T
 * @param {(state: ConfigState) => Promise<T>} decide
 * @param {{source: string, [key: string]: any}} meta
 * @param {{team?: any}} [extra]
 * @returns {Promise<T>}
 */
export function updateConfig(decide, meta, extra = {}) {
  return serialized(async () => {
    const state = await loadConfigState();
    const decision = await decide(state);
    if (decision.config === null) return decision;
    const keepPrevious = meta.source === "rule-switch" && state.meta?.source === "rule-switch" && state.previous;
    const values = {
      [KEYS.config]: decision.config,
      [CONFIG_KEYS.previous]: keepPrevious ? state.previous : (state.config ?? { salesy: 1 }), // none yet: the defaults
      [CONFIG_KEYS.meta]: { ...meta, savedAt: new Date().toISOString() },
    };
    if (extra.team !== undefined) values[CONFIG_KEYS.team] = extra.team;
    await chrome.storage.local.set(values);
    return decision;
  });
}

/**
 * Records the team URL's state (last check, result) without touching the config: `change`
 * gets the stored team (or null) and returns the next one, null to forget it, or undefined
 * to leave it as it is (say, the user stopped following meanwhile).
 * @param {(team: any) => any} change
 */
export function updateTeam(change) {
  return serialized(async () => {
    const { team } = await loadConfigState();
    const next = change(team);
    if (next === undefined) return team;
    if (next === null) await chrome.storage.local.remove(CONFIG_KEYS.team);
    else await chrome.storage.local.set({ [CONFIG_KEYS.team]: next });
    return next;
  });
}
