// @ts-check
// The account's post history (chrome.storage.local, one key per account, survives restarts)
// and the session tally (chrome.storage.session, gone when the browser closes).
//
// Every write goes through the extension's one write queue (storage.serialized): the service
// worker is the only writer, and it runs one read-modify-write at a time, so posts recorded
// from several tabs at once all land, and none races a settings or config change.
import { serialized } from "../storage.js";

export const DEFAULT_CAP = 2000;
const HISTORY_PREFIX = "history:";
const ACCOUNTS = "accounts";
const TALLY = "tally";
/** The popup's last summary, painted first while a fresh one is computed. */
export const SUMMARY_CACHE = "balanceSummary";
export const TALLY_FIELDS = ["checked", "caught", "actedOn", "postedAnyway", "posts"];

/**
 * @typedef {{id: string, text: string, verdict?: string, score?: number, at: string,
 *            source: "composed" | "profile" | "archive", reply?: boolean, replyTo?: string,
 *            truncated?: boolean}} Post
 * `truncated`: only the start of the text is known (X cut a long post short behind "Show more").
 */

/** A handle as X compares them: without "@", case-insensitive. */
export function accountKey(handle) {
  return String(handle ?? "")
    .replace(/^@/, "")
    .toLowerCase();
}

export function validHandle(handle) {
  return /^@?[A-Za-z0-9_]{1,15}$/.test(String(handle ?? ""));
}

/** @returns {Promise<{account: string, posts: Post[]}>} newest first */
export async function loadHistory(handle) {
  const key = HISTORY_PREFIX + accountKey(handle);
  const stored = (await chrome.storage.local.get(key))[key];
  return { account: stored?.account ?? String(handle).replace(/^@/, ""), posts: stored?.posts ?? [] };
}

/** Accounts seen, and the one last seen on X (the popup opens on it). */
export async function loadAccounts() {
  const stored = (await chrome.storage.local.get(ACCOUNTS))[ACCOUNTS];
  return { current: stored?.current ?? null, known: stored?.known ?? [] };
}

/** Remembers `handle` as the account in use on X. */
export function noteAccount(handle) {
  if (!validHandle(handle)) return Promise.resolve(loadAccounts());
  const name = String(handle).replace(/^@/, "");
  return serialized(async () => {
    const accounts = await loadAccounts();
    const known = accounts.known.filter((other) => accountKey(other) !== accountKey(name));
    const next = { current: name, known: [...known, name].sort() };
    if (accounts.current !== name || known.length === accounts.known.length) {
      await chrome.storage.local.set({ [ACCOUNTS]: next });
    }
    return next;
  });
}

function iso(at) {
  const date = new Date(typeof at === "number" ? at : String(at ?? ""));
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

/** Text as both X's page and the composer show it, for matching a composed post later. */
function comparable(text) {
  return String(text ?? "")
    .replace(/https?:\/\/\S+|\b[\w-]+(\.[\w-]+)+\/\S*…?/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const TWO_DAYS = 2 * 24 * 3600 * 1000;

/**
 * Merges `incoming` into `existing` (newest first): by status id; a post composed here (no
 * status id yet) takes the id of the same text read later from the profile or an archive.
 * Keeps the newest `cap` posts. Pure, so it is easy to reason about.
 * @param {Post[]} existing @param {Partial<Post>[]} incoming @param {number} cap
 */
export function mergePosts(existing, incoming, cap = DEFAULT_CAP) {
  const posts = existing.map((post) => ({ ...post }));
  const byId = new Map(posts.map((post) => [post.id, post]));
  let added = 0;
  let updated = 0;
  for (const raw of incoming) {
    if (!raw || typeof raw.text !== "string") continue;
    const post = /** @type {Post} */ ({ ...raw, at: iso(raw.at) });
    const same = post.id ? byId.get(post.id) : undefined;
    if (same) {
      // The whole text of a post known only in part: it replaces the part, and its verdict.
      if (same.truncated && !post.truncated && post.text.length >= same.text.length) {
        same.text = post.text;
        delete same.truncated;
        for (const key of ["verdict", "score"]) {
          if (post[key] === undefined) delete same[key];
          else same[key] = post[key];
        }
      }
      // Known: keep what was stored, fill in what was missing (a reply mark, a verdict).
      for (const [key, value] of Object.entries(post)) {
        if (key === "truncated" || key === "text") continue;
        if (same[key] === undefined || (key === "reply" && value)) same[key] = value;
      }
      updated++;
      continue;
    }
    if (post.id && !post.id.startsWith("local-")) {
      const text = comparable(post.text);
      const when = Date.parse(post.at);
      // The same words, or (X cut it short) the start of them.
      const matches = (other) =>
        comparable(other.text) === text || (post.truncated && text.length > 0 && comparable(other.text).startsWith(text));
      const composed = posts.find(
        (other) => other.id.startsWith("local-") && matches(other) && Math.abs(Date.parse(other.at) - when) < TWO_DAYS,
      );
      if (composed) {
        byId.delete(composed.id);
        composed.id = post.id;
        composed.at = post.at;
        if (post.reply) composed.reply = true;
        byId.set(composed.id, composed);
        updated++;
        continue;
      }
    }
    if (!post.id) post.id = `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    posts.push(post);
    byId.set(post.id, post);
    added++;
  }
  posts.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const dropped = Math.max(0, posts.length - cap);
  return { posts: posts.slice(0, cap), added, updated, dropped };
}

/** Adds posts to an account's history (serialized); returns what changed. */
export function addPosts(handle, incoming) {
  if (!validHandle(handle)) throw new Error(`Not an X handle: ${handle}`);
  return serialized(async () => {
    const { account, posts } = await loadHistory(handle);
    const merged = mergePosts(posts, incoming, DEFAULT_CAP);
    await chrome.storage.local.set({
      [HISTORY_PREFIX + accountKey(handle)]: { account: account || handle, posts: merged.posts },
    });
    return { added: merged.added, updated: merged.updated, dropped: merged.dropped, total: merged.posts.length };
  });
}

/**
 * Deletes one account's history (serialized, so a post being recorded lands before it or
 * after it, never half-way), and the popup's cached summary when it shows that account (it
 * holds the first words of its recent posts). Its handle goes from the accounts seen unless it
 * is the one signed in on X (that one is needed to record its next post, and X's page would
 * report it again at once). Other accounts are left as they are; so is the session tally,
 * which counts drafts in every account without saying whose they were.
 * @returns {Promise<{deleted: number}>} how many posts were deleted
 */
export function deleteHistory(handle) {
  if (!validHandle(handle)) throw new Error(`Not an X handle: ${handle}`);
  const name = accountKey(handle);
  const key = HISTORY_PREFIX + name;
  return serialized(async () => {
    const stored = await chrome.storage.local.get([key, SUMMARY_CACHE]);
    const keys = [key];
    if (accountKey(stored[SUMMARY_CACHE]?.account) === name) keys.push(SUMMARY_CACHE);
    await chrome.storage.local.remove(keys);
    const accounts = await loadAccounts();
    if (accountKey(accounts.current) !== name && accounts.known.some((other) => accountKey(other) === name)) {
      const known = accounts.known.filter((other) => accountKey(other) !== name);
      await chrome.storage.local.set({ [ACCOUNTS]: { ...accounts, known } });
    }
    return { deleted: stored[key]?.posts?.length ?? 0 };
  });
}

function emptyTally() {
  const tally = { since: new Date().toISOString() };
  for (const field of TALLY_FIELDS) tally[field] = 0;
  return tally;
}

export async function loadTally() {
  const stored = (await chrome.storage.session.get(TALLY))[TALLY];
  return stored ?? emptyTally();
}

const COUNTED = "tallyCounted";
const COUNTED_KEEP = 500;

/**
 * Adds `counts` ({checked: 1, ...}) to the session tally (serialized). With `once`, a key the
 * tally has already counted is not counted again (a record sent again after a lost answer).
 * @param {Record<string, number>} counts @param {string} [once]
 */
export function bumpTally(counts, once = "") {
  return serialized(async () => {
    if (once) {
      const counted = (await chrome.storage.session.get(COUNTED))[COUNTED] ?? [];
      if (counted.includes(once)) return loadTally();
      await chrome.storage.session.set({ [COUNTED]: [...counted, once].slice(-COUNTED_KEEP) });
    }
    const tally = await loadTally();
    for (const field of TALLY_FIELDS) {
      const add = Number(counts?.[field] ?? 0);
      if (Number.isFinite(add) && add > 0) tally[field] += add;
    }
    await chrome.storage.session.set({ [TALLY]: tally });
    return tally;
  });
}

export function resetTally() {
  return serialized(async () => {
    const tally = emptyTally();
    await chrome.storage.session.set({ [TALLY]: tally });
    return tally;
  });
}
