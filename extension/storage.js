// Small guarded wrappers around chrome.storage: the rest of the extension never touches keys.
// Each write reads the latest value first, so two tabs changing settings do not undo each other.
const KEYS = { config: "config", pausedSites: "pausedSites", settings: "settings" };
// The config editor's keys: the config before the last change (one-click restore), where the
// current one came from, and the team URL Salesy re-checks daily.
const CONFIG_KEYS = { previous: "configPrevious", meta: "configMeta", team: "teamConfig" };

async function read(key, fallback) {
  const stored = await chrome.storage.local.get(key);
  return stored[key] ?? fallback;
}

/** The user's rules config (partial, merged over the engine's defaults), or null. */
export async function loadConfig() {
  return read(KEYS.config, null);
}

export async function saveConfig(config) {
  await chrome.storage.local.set({ [KEYS.config]: config });
}

/** Switches one rule on or off in the user's config, keeping everything else. */
export async function setRuleEnabled(rule, enabled) {
  const config = (await loadConfig()) ?? { salesy: 1 };
  const rules = { ...(config.rules ?? {}) };
  rules[rule] = { ...(rules[rule] ?? {}), enabled };
  // Through replaceConfig, so the options page's "Restore previous config" can undo it.
  await replaceConfig({ ...config, rules }, { source: "rule-switch", rule, enabled });
}

export async function loadSettings() {
  return { nudgeBeforePosting: false, ...(await read(KEYS.settings, {})) };
}

export async function saveSettings(changes) {
  await chrome.storage.local.set({ [KEYS.settings]: { ...(await loadSettings()), ...changes } });
}

export async function pausedSites() {
  return /** @type {string[]} */ (await read(KEYS.pausedSites, []));
}

export async function setPaused(site, paused) {
  const sites = new Set(await pausedSites());
  if (paused) sites.add(site);
  else sites.delete(site);
  await chrome.storage.local.set({ [KEYS.pausedSites]: [...sites].sort() });
}

/** The config, the one before it, where it came from, and the followed team URL. */
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
 * Replaces the config in one storage write (so no reader ever sees half of it), keeping the
 * one it replaces for restore. `extra.team` updates (or, when null, forgets) the team URL.
 */
export async function replaceConfig(config, meta, extra = {}) {
  const values = {
    [KEYS.config]: config,
    [CONFIG_KEYS.previous]: (await loadConfig()) ?? { salesy: 1 }, // no config yet: the defaults
    [CONFIG_KEYS.meta]: { ...meta, savedAt: new Date().toISOString() },
  };
  if (extra.team !== undefined) values[CONFIG_KEYS.team] = extra.team;
  await chrome.storage.local.set(values);
}

/** Records the team URL's state (last check, result) without touching the config. */
export async function saveTeam(team) {
  if (team === null) await chrome.storage.local.remove(CONFIG_KEYS.team);
  else await chrome.storage.local.set({ [CONFIG_KEYS.team]: team });
}
