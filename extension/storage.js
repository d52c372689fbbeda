// Small guarded wrappers around chrome.storage: the rest of the extension never touches keys.
// Each write reads the latest value first, so two tabs changing settings do not undo each other.
const KEYS = { config: "config", pausedSites: "pausedSites", settings: "settings" };

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
  await saveConfig({ ...config, rules });
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
