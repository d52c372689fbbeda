// @ts-check
// A history write that failed (storage full), remembered until one succeeds: the toolbar badge
// shows "!" and the popup says what happened. Kept in chrome.storage.session, which has its own
// quota, so it can be written when chrome.storage.local is full.

const KEY = "historyProblem";

/** @param {string} message */
export async function note(message) {
  await chrome.storage.session.set({ [KEY]: { message, at: new Date().toISOString() } });
  await chrome.action.setBadgeBackgroundColor({ color: "#d93025" });
  await chrome.action.setBadgeText({ text: "!" });
  await chrome.action.setTitle({ title: `Salesy: ${message}` });
}

export async function clear() {
  if (!(await current())) return;
  await chrome.storage.session.remove(KEY);
  await chrome.action.setBadgeText({ text: "" });
  await chrome.action.setTitle({ title: "" }); // back to the manifest's default title
}

/** @returns {Promise<{message: string, at: string} | null>} */
export async function current() {
  return (await chrome.storage.session.get(KEY))[KEY] ?? null;
}
