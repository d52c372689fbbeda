// @ts-check
// Message handlers for the account balance: posts recorded from the composer, read from the
// own profile, imported from an X archive; the popup's summary; the session tally.
import { askEngine } from "../engine/client.js";
import { loadConfig } from "../storage.js";
import * as problems from "./problems.js";
import * as store from "./store.js";

const CLASSIFY_BATCH = 200;
const EXCERPT = 80;

/** Verdicts for the posts that have none yet, in batches the engine answers quickly. */
async function withVerdicts(posts) {
  const config = await loadConfig();
  const missing = posts.filter((post) => !["ok", "promotional", "pure_ad"].includes(post.verdict));
  for (let start = 0; start < missing.length; start += CLASSIFY_BATCH) {
    const batch = missing.slice(start, start + CLASSIFY_BATCH);
    const results = await askEngine({ type: "classify", texts: batch.map((p) => p.text), config });
    batch.forEach((post, index) => Object.assign(post, results[index]));
  }
  return posts;
}

async function accountOr(handle) {
  if (store.validHandle(handle)) return String(handle).replace(/^@/, "");
  return (await store.loadAccounts()).current;
}

/** The fields a post keeps; nothing else from a page or a file is stored. */
function clean(post, source) {
  const out = {
    text: String(post?.text ?? "").slice(0, 25_000),
    at: post?.at,
    source,
    reply: Boolean(post?.reply),
  };
  if (post?.id && /^\d{1,25}$/.test(String(post.id))) out.id = String(post.id);
  if (post?.verdict) out.verdict = post.verdict;
  if (Number.isFinite(post?.score)) out.score = post.score;
  if (post?.reply_to || post?.replyTo) out.replyTo = String(post.reply_to ?? post.replyTo);
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
  let recent = posts; // newest first, as stored
  if (days > 0) recent = posts.filter((post) => Date.parse(post.at) > now - (days + 1) * 86_400_000);
  else recent = posts.slice(0, window);
  const slim = [...recent].reverse().concat(extra).map(({ id, verdict, at, source, reply, text }) =>
    verdict ? { id, verdict, at, source, reply } : { id, at, source, reply, text },
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
  const account = await accountOr(message.account);
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
    throw reason;
  }
}

async function record(message, source) {
  const account = await accountOr(message.account);
  if (!account) throw new Error("Salesy does not know which X account this is yet.");
  // The session tally lives elsewhere (chrome.storage.session) and is counted either way.
  if (message.tally) await store.bumpTally(message.tally);
  await store.noteAccount(account).catch(() => undefined);
  const posts = await withVerdicts((message.posts ?? []).map((post) => clean(post, source)));
  const changed = await saved(account, posts);
  return { account, ...changed };
}

/** An X archive chosen in the popup: all or nothing, and history is never lost on error. */
async function importArchive(message) {
  const files = (message.files ?? []).map((file) => ({
    name: String(file?.name ?? "file"),
    text: String(file?.text ?? ""),
  }));
  const found = await askEngine({
    type: "archive",
    files,
    limit: store.DEFAULT_CAP,
    classify: false,
  });
  const account = store.validHandle(found.account) ? found.account : await accountOr(message.account);
  if (!account) {
    throw new Error(
      "Which account is this archive from? Choose data/account.js together with tweets.js, " +
        "or open x.com once so Salesy sees your handle.",
    );
  }
  await store.noteAccount(account).catch(() => undefined);
  const posts = await withVerdicts(found.posts.map((post) => clean(post, "archive")));
  const changed = await saved(account, posts);
  return {
    account,
    ...changed,
    read: found.total,
    imported: posts.length,
    reposts: found.reposts,
    skipped: found.skipped,
  };
}

export const historyHandlers = {
  "history-account": (message) => store.noteAccount(message.account),
  "history-record": (message) => record(message, "composed"),
  "history-merge": (message) => record(message, "profile"),
  "history-import": importArchive,
  "history-summary": summary,
  "balance-preview": preview,
  "tally-bump": (message) => store.bumpTally(message.counts),
  "tally-reset": () => store.resetTally(),
};
