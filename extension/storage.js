// Small guarded wrappers around chrome.storage: the rest of the extension never touches keys.
const CONFIG_KEY = "config";

/** The user's rules config, or null for the engine's defaults. */
export async function loadConfig() {
  const stored = await chrome.storage.local.get(CONFIG_KEY);
  return stored[CONFIG_KEY] ?? null;
}
