// @ts-check
// Message handlers for the account balance: posts recorded from the composer, read from the
// own profile, imported from an X archive; the popup's summary; the session tally.
//
// What a content script sends is validated field by field, and it may only write to the
// account signed in on X (the one it reported, or the only one known). An archive import comes
// from the popup only, already parsed there (JSON.parse is fast in JavaScript and slow in
// MicroPython): its items reach the engine in slices, each a short request of its own, with
// progress in chrome.storage.session for the popup.
import { askEngine, classify } from "../engine/client.js";
import { LIMITS } from "../limits.js";
import { loadConfig } from "../storage.js";
import { bool, handle, int, list, moment, object, oneOf, optional, PayloadError, text } from "../validate.js";
import * as problems from "./problems.js";
import * as store from "./store.js";

const EXCERPT = 80;
const VERDICTS = ["ok", "promotional", "pure_ad"];
/** Where the popup reads how an archive import is going. */
export const IMPORT_PROGRESS = "archiveImport";

/** Verdicts for the posts that have none yet, in batches the engine answers quickly. */
async function withVerdicts(posts, progress = undefined) {
  const config = await loadConfig();
  const missing = posts.filter((post) => !VERDICTS.includes(post.verdict));
  const results = await classify(
    missing.map((post) => post.text),
    config,
    progress,
  );
  missing.forEach((post, index) => Object.assign(post, results[index]));
  return posts;
}

async function accountOr(name) {
  if (store.validHandle(name)) return String(name).replace(/^@/, "");
  return (await store.loadAccounts()).current;
}

/**
 * The account a content script may write to: the one signed in on X as it last reported it
 * (history-account), or, before any was reported, the one it names.
 */
async function pageAccount(value) {
  const named = optional(value, (given) => handle(given, "account"));
  const { current } = await store.loadAccounts();
  if (!named) return current;
  if (current && store.accountKey(current) !== store.accountKey(named)) {
    throw new PayloadError(`account: @${named} is not the account signed in on X`);
  }
  return named;
}

/** The fields a post keeps; nothing else from a page or a file is stored. */
function clean(post, source) {
  const out = {
    text: String(post?.text ?? "").slice(0, LIMITS.postChars),
    at: post?.at,
    source,
    reply: Boolean(post?.reply),
  };
  if (post?.id && /^(\d{1,25}|local-[a-z0-9-]{6,40})$/.test(String(post.id))) out.id = String(post.id);
  if (post?.verdict) out.verdict = post.verdict;
  if (Number.isFinite(post?.score)) out.score = post.score;
  if (post?.reply_to || post?.replyTo) out.replyTo = String(post.reply_to ?? post.replyTo).slice(0, 15);
  return out;
}

/** A post just made with the composer, as a content script reports it. */
function composedPost(value, where) {
  const post = object(value, where);
  return {
    id: optional(post.id, (id) => {
      if (typeof id !== "string" || !/^local-[a-z0-9-]{6,40}$/.test(id)) throw new PayloadError(`${where}.id: expected local-…`);
      return id;
    }),
    text: text(post.text, `${where}.text`, LIMITS.postChars),
    verdict: optional(post.verdict, (verdict) => oneOf(verdict, `${where}.verdict`, VERDICTS)),
    score: optional(post.score, (score) => int(score, `${where}.score`, 0, 100)),
    at: moment(post.at, `${where}.at`),
    reply: bool(post.reply ?? false, `${where}.reply`),
  };
}

/** A post read off the own profile page. */
function profilePost(value, where) {
  const post = object(value, where);
  const id = text(post.id, `${where}.id`, 25);
  if (!/^\d{1,25}$/.test(id)) throw new PayloadError(`${where}.id: expected a status id`);
  const at = moment(post.at, `${where}.at`);
  const out = { id, text: text(post.text, `${where}.text`, LIMITS.postChars), at, reply: bool(post.reply ?? false, `${where}.reply`) };
  // Only the start of a long post X cut short ("Show more"); its whole text replaces it later.
  if (post.truncated !== undefined) out.truncated = bool(post.truncated, `${where}.truncated`);
  return out;
}

function tallyCounts(value) {
  const counts = object(value, "counts");
  const out = {};
  for (const [field, count] of Object.entries(counts)) {
    if (!store.TALLY_FIELDS.includes(field)) throw new PayloadError(`counts.${field}: not a tally field`);
    out[field] = int(count, `counts.${field}`, 0, LIMITS.postsPerRecord);
  }
  return out;
}

/** The balance settings the engine will use (its defaults merged with the user's config). */
let settingsCache = { key: "", settings: null };
async function balanceSettings(config) {
  const key = JSON.stringify(config ?? null);
  if (settingsCache.key !== key || !settingsCache.settings) {
    const { config: merged } = await askEngine({ type: "validate", doc: config ?? null });
    settingsCache = { key, settings: merged.balance };
  }
  return settingsCache.settings;
}

/**
 * Only the posts the balance can count travel to the engine (a history holds up to 2 000):
 * the newest `window` posts, or those of the last `days` days. The engine applies the exact
 * window itself. Oldest first: on a tie in time the engine counts the later one as newer.
 */
async function balanceOf(posts, extra = []) {
  const config = await loadConfig();
  const { window = 20, days = 0 } = (await balanceSettings(config)) ?? {};
  const now = Date.now();
  let recentPosts = posts; // newest first, as stored
  if (days > 0) recentPosts = posts.filter((post) => Date.parse(post.at) > now - (days + 1) * 86_400_000);
  else recentPosts = posts.slice(0, window);
  const slim = [...recentPosts]
    .slice(0, LIMITS.balancePosts - extra.length)
    .reverse()
    .concat(extra)
    .map(({ id, verdict, at, source, reply, text: words }) =>
      verdict ? { id, verdict, at, source, reply } : { id, at, source, reply, text: String(words ?? "").slice(0, LIMITS.checkChars) },
    );
  return askEngine({
    type: "balance",
    posts: slim,
    config,
    now: new Date(now).toISOString(),
  });
}

/** Everything the popup shows for one account, in one answer. */
async function summary(message) {
  const accounts = await store.loadAccounts();
  const account = (await accountOr(message.account)) ?? null;
  const tally = await store.loadTally();
  if (!account) {
    const problem = await problems.current();
    return { account: null, accounts: accounts.known, posts: 0, balance: null, strip: [], tally, problem };
  }
  const { posts } = await store.loadHistory(account);
  const balance = await balanceOf(posts);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const strip = balance.recent.map((item) => {
    const post = byId.get(item.id) ?? {};
    return {
      id: item.id,
      verdict: item.verdict,
      at: item.at,
      reply: Boolean(post.reply),
      source: post.source,
      excerpt: String(post.text ?? "").replace(/\s+/g, " ").trim().slice(0, EXCERPT),
    };
  });
  delete balance.recent;
  const problem = await problems.current();
  const result = { account, accounts: accounts.known, posts: posts.length, balance, strip, tally, problem };
  // The popup paints this at once next time, then asks for a fresh one; a full storage only
  // costs that head start.
  await chrome.storage.local.set({ [store.SUMMARY_CACHE]: result }).catch(() => undefined);
  return result;
}

/** How posting one more pure ad would move the balance (the hint card's line). */
async function preview(message) {
  const account = optional(message.account, (given) => handle(given, "account")) ?? (await accountOr(undefined));
  if (!account) return null;
  const { posts } = await store.loadHistory(account);
  if (posts.length === 0) return null;
  const after = await balanceOf(posts, [{ id: "draft", verdict: "pure_ad", at: new Date().toISOString() }]);
  return {
    account,
    promotional: after.promotional,
    total: after.total,
    allowed: after.allowed,
    target: after.target,
    days: after.window.days,
  };
}

/** Why a write failed, in the user's terms (Chrome's quota message names a C++ constant). */
function explained(error) {
  const message = String(error?.message ?? error);
  if (/quota/i.test(message)) {
    return new Error(
      "Salesy's storage in this browser is full, so it could not save to your post history. " +
        "Import fewer posts, or remove Salesy's data (extension settings) to start afresh.",
    );
  }
  return error instanceof Error ? error : new Error(message);
}

/**
 * Saves posts to history. A post made with the composer has already left it, so a failed
 * write cannot be shown there: the toolbar badge and the popup say so until a write succeeds.
 */
async function saved(account, posts) {
  try {
    const changed = await store.addPosts(account, posts);
    await problems.clear();
    return changed;
  } catch (error) {
    const reason = explained(error);
    await problems.note(reason.message);
    noted.add(reason);
    throw reason;
  }
}

/** Errors already on the badge and in the popup. */
const noted = new WeakSet();

/**
 * Posts a composer let go of: they have left X's composer, so a record that cannot be saved
 * is said on the toolbar badge and in the popup (the content script sends a record again only
 * when the worker stopped before it answered).
 */
async function recordComposed(message) {
  try {
    return await recordPosts(message);
  } catch (error) {
    if (!noted.has(error)) {
      await problems.note(`A post you made could not be saved to your history: ${error?.message ?? error}`);
    }
    throw error;
  }
}

async function recordPosts(message) {
  const account = await pageAccount(message.account);
  if (!account) throw new Error("Salesy does not know which X account this is yet.");
  const posts = list(message.posts, "posts", LIMITS.postsPerRecord, composedPost);
  const tally = optional(message.tally, tallyCounts);
  // The session tally lives elsewhere (chrome.storage.session) and is counted either way, once
  // per record: one sent again (its answer lost with a stopped worker) is not counted twice.
  if (tally) await store.bumpTally(tally, posts.map((post) => post.id ?? "").join(" ").trim());
  await store.noteAccount(account).catch(() => undefined);
  const cleaned = posts.map((post) => clean(post, "composed"));
  try {
    await withVerdicts(cleaned);
  } catch (error) {
    // The posts are made: keep them without verdicts rather than lose them (the balance judges
    // a post without one when it counts it).
    console.warn("Salesy: posts recorded without verdicts:", error);
  }
  // A record sent again adds nothing: its posts carry the ids they were first sent with.
  const changed = await saved(account, cleaned);
  return { account, ...changed };
}

/** Posts read off the own profile page, merged by status id. */
async function mergeProfile(message) {
  const account = await pageAccount(message.account);
  if (!account) throw new Error("Salesy does not know which X account this is yet.");
  const posts = list(message.posts, "posts", LIMITS.postsPerMerge, profilePost).map((post) => ({
    ...clean(post, "profile"),
    ...(post.truncated ? { truncated: true } : {}),
  }));
  await store.noteAccount(account).catch(() => undefined);
  await withVerdicts(posts);
  const changed = await saved(account, posts);
  return { account, ...changed };
}

// ---------------------------------------------------------------- archive import

let importing = false;

async function progress(state) {
  await chrome.storage.session.set({ [IMPORT_PROGRESS]: { ...state, at: new Date().toISOString() } }).catch(() => undefined);
}

/** The items of one file in slices of at most LIMITS.archiveItems and archiveSliceBytes. */
function* slices(items) {
  let slice = [];
  let size = 0;
  for (const item of items) {
    const bytes = JSON.stringify(item ?? null).length;
    if (slice.length > 0 && (slice.length >= LIMITS.archiveItems || size + bytes > LIMITS.archiveSliceBytes)) {
      yield slice;
      slice = [];
      size = 0;
    }
    slice.push(item);
    size += bytes;
  }
  if (slice.length > 0) yield slice;
}

async function engineAnswer(request) {
  const answer = await askEngine(request);
  if (answer?.error) throw new Error(answer.error);
  return answer;
}

/**
 * An X archive chosen in the popup, parsed there: [{name, head, items, parseError}]. All or
 * nothing: any file the engine refuses stops the import before history is touched.
 */
async function importArchive(message) {
  if (importing) throw new Error("An archive is being imported already: wait for it to finish.");
  importing = true;
  try {
    return await runImport(message);
  } catch (error) {
    await progress({ state: "failed", message: String(error?.message ?? error) });
    throw error;
  } finally {
    importing = false;
  }
}

async function runImport(message) {
  const files = list(message.files, "files", 50, (value, where) => object(value, where));
  const total = files.reduce((sum, file) => sum + (Array.isArray(file.items) ? file.items.length : 0), 0);
  await progress({ state: "reading", done: 0, total });
  let account = null;
  let reposts = 0;
  let skipped = 0;
  let read = 0;
  let postFiles = 0;
  /** @type {Map<string, any>} */
  const byId = new Map();
  for (const file of files) {
    const name = text(file.name ?? "file", "name", 200);
    const found = await engineAnswer({
      type: "archive-head",
      name,
      head: text(file.head ?? "", "head", 1000),
      parse_error: optional(file.parseError, (reason) => text(reason, "parseError", 500)),
    });
    const items = Array.isArray(file.items) ? file.items : null;
    const request = { type: "archive-items", name, kind: found.kind, label: found.label };
    if (found.kind === "account") {
      account = (await engineAnswer({ ...request, items: items?.slice(0, 20) ?? null })).account;
      continue;
    }
    postFiles++;
    if (!items) await engineAnswer({ ...request, items: null }); // says what it should have been
    const counts = { items: 0, posts: 0, skipped: 0 };
    for (const slice of slices(items ?? [])) {
      const part = await engineAnswer({ ...request, items: slice });
      counts.items += part.items;
      counts.posts += part.posts.length;
      counts.skipped += part.skipped;
      reposts += part.reposts;
      for (const post of part.posts) byId.set(post.id, post);
      read += slice.length;
      await progress({ state: "reading", done: read, total, file: name });
    }
    skipped += counts.skipped;
    await engineAnswer({ type: "archive-file-done", name, ...counts });
  }
  if (postFiles === 0) {
    throw new Error("Only account.js was chosen: choose data/tweets.js (and tweets-part1.js… if there are any) with it.");
  }
  // Newest first, as the engine's reader orders them (time, then id), the newest cap kept.
  const posts = [...byId.values()].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const newest = posts.slice(0, store.DEFAULT_CAP).map((post) => clean(post, "archive"));
  const chosen = store.validHandle(account) ? account : await accountOr(message.account);
  if (!chosen) {
    throw new Error(
      "Which account is this archive from? Choose data/account.js together with tweets.js, " +
        "or open x.com once so Salesy sees your handle.",
    );
  }
  await progress({ state: "judging", done: 0, total: newest.length });
  await withVerdicts(newest, (done) => progress({ state: "judging", done, total: newest.length }));
  await progress({ state: "saving", done: newest.length, total: newest.length });
  await store.noteAccount(chosen).catch(() => undefined);
  const changed = await saved(chosen, newest);
  const result = {
    account: chosen,
    ...changed,
    read: posts.length,
    imported: newest.length,
    reposts,
    skipped,
  };
  await progress({ state: "done", done: newest.length, total: newest.length });
  return result;
}

/** The popup's "Delete this account's history", once the user has confirmed it there. */
async function deleteHistory(message) {
  const account = handle(message.account, "account");
  // An import saving into this account afterwards would bring back what was just deleted.
  if (importing) throw new Error("An archive is being imported: wait for it to finish, then delete.");
  return { account, ...(await store.deleteHistory(account)) };
}

export const historyHandlers = {
  "history-account": (message) => store.noteAccount(handle(message.account, "account")),
  "history-record": recordComposed,
  "history-merge": mergeProfile,
  "history-import": importArchive,
  "history-delete": deleteHistory,
  "history-summary": (message) => summary({ account: optional(message.account, (given) => handle(given, "account")) }),
  "balance-preview": preview,
  "tally-bump": (message) => store.bumpTally(tallyCounts(message.counts)),
  "tally-reset": () => store.resetTally(),
};
