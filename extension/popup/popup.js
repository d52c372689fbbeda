// The toolbar popup: the account's balance at a glance (big figure against the target, a strip
// of the last posts coloured by verdict, status and advice), the session tally, your data
// (importing an X archive, exporting the history as CSV, deleting it), pausing Salesy on this
// site, and a box to try a draft.
import { askBackground } from "../ui/messages.js";
import { localize, plural, t } from "../ui/i18n.js";
import { livePreview, verdictLabel } from "../ui/verdict.js";
import { loadHistory } from "../history/store.js";
import { drawTrend, periods, PERIODS } from "./trend.js";
import { detailLine, roving } from "./roving.js";
import { archiveFilesIn, isZipFile } from "./archive-zip.js";
import { LIMITS } from "../limits.js";
import { exportCsv } from "./export.js";

const SITES = ["x.com", "twitter.com"];
const STATUS = { healthy: t("status_healthy"), leaning: t("status_leaning"), billboard: t("status_billboard") };
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** The account the user picked here; null follows the one last seen on X. */
let chosenAccount = null;

/** The X site in the active tab; x.com when the popup was opened elsewhere. */
async function currentSite() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const host = tab?.url ? new URL(tab.url).hostname : "";
  return SITES.find((site) => host === site || host.endsWith(`.${site}`)) ?? "x.com";
}

async function showPauseSwitch() {
  const site = await currentSite();
  const { pausedSites } = await askBackground("get-settings");
  const paused = /** @type {HTMLInputElement} */ ($("paused"));
  $("paused-label").textContent = t("popup_pause", site);
  paused.checked = pausedSites.includes(site);
  paused.addEventListener("change", () =>
    askBackground("set-paused", { site, paused: paused.checked }),
  );
}

function dateOf(at) {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

function renderStrip(strip) {
  const list = $("strip");
  list.replaceChildren();
  // The summary lists newest first; the strip reads left to right, oldest to newest.
  for (const post of [...strip].reverse()) {
    const item = document.createElement("li");
    item.dataset.verdict = post.verdict;
    item.dataset.reply = String(post.reply);
    const words = post.excerpt.split(" ").slice(0, 8).join(" ");
    const more = post.excerpt.length > words.length ? "…" : "";
    const verdict = verdictLabel(post.verdict) ?? post.verdict;
    item.title = t(post.reply ? "popup_strip_reply" : "popup_strip_post", verdict, dateOf(post.at), words + more);
    item.setAttribute("aria-label", item.title);
    list.append(item);
  }
  roving(list, "li", "last");
}

function renderAccounts(summary) {
  const many = summary.accounts.length > 1;
  // The account is named once: in the header, or in the picker when there are several.
  $("account").textContent = summary.account && !many ? `@${summary.account}` : "";
  $("no-account").hidden = Boolean(summary.account);
  const picker = /** @type {HTMLSelectElement} */ ($("account-picker"));
  $("account-picker-label").hidden = !many;
  if (!many) return;
  picker.replaceChildren(
    ...summary.accounts.map((handle) => new Option(`@${handle}`, handle, false, handle === summary.account)),
  );
}

function renderTally(tally) {
  for (const cell of document.querySelectorAll("#tally dd")) {
    const field = /** @type {HTMLElement} */ (cell).dataset.field ?? "";
    cell.textContent = String(tally?.[field] ?? 0);
    // Each figure says what it counts, to the pointer (title) and to the keyboard (its label).
    const item = /** @type {HTMLElement} */ (cell.parentElement);
    item.setAttribute("role", "group");
    item.setAttribute("aria-label", t("popup_tally_item", item.querySelector("dt")?.textContent ?? "", cell.textContent, item.title));
  }
  roving($("tally"), "#tally > div");
}

function renderBalance(summary) {
  const section = $("balance");
  const balance = summary.balance;
  const empty = !balance || balance.total === 0;
  section.dataset.state = empty ? "empty" : "ready";
  section.dataset.status = empty ? "" : balance.status;
  $("empty").hidden = !empty;
  if (empty) {
    $("share").textContent = "–";
    $("counts").textContent = t(summary.account ? "popup_no_posts" : "popup_no_account_short");
    $("target").textContent = balance ? targetLine(balance) : "";
    $("status").textContent = "";
    $("advice").textContent = "";
    renderStrip([]);
    return;
  }
  $("share").textContent = String(balance.share);
  $("counts").textContent = balance.window.days
    ? t("popup_counts_days", balance.promotional, plural(balance.total, "count_post", "count_posts"), balance.window.days)
    : t("popup_counts_last", balance.promotional, plural(balance.total, "count_post", "count_posts"));
  $("target").textContent = targetLine(balance);
  $("status").textContent = STATUS[balance.status] ?? balance.status;
  $("advice").textContent = balance.advice;
  renderStrip(summary.strip);
}

/** The chart of the share promoting per week (per month for an archive), from the history. */
let trendDrawn = 0;
async function renderTrend(summary) {
  const draw = ++trendDrawn;
  const box = $("trend-box");
  const balance = summary.balance;
  if (!summary.account || !balance || balance.total === 0) {
    box.hidden = true;
    return;
  }
  const { posts } = await loadHistory(summary.account);
  if (draw !== trendDrawn) return; // a newer summary is being drawn
  const trend = periods(posts);
  box.hidden = false;
  box.dataset.unit = trend.unit;
  $("trend-caption").textContent = t(trend.unit === "week" ? "popup_trend_weeks" : "popup_trend_months", PERIODS, balance.target);
  drawTrend(/** @type {any} */ ($("trend")), trend, balance.target);
  roving($("trend"), "g.bar", "last");
}

function targetLine(balance) {
  return t("popup_target", balance.target_label, balance.target, balance.allowed, balance.total);
}

/** A history write that failed (storage full) stays on show until one succeeds. */
function renderProblem(problem) {
  $("problem").hidden = !problem;
  $("problem").textContent = problem
    ? t("popup_problem", problem.message, new Date(problem.at).toLocaleString())
    : "";
}

/** The account whose history "Your data" exports and deletes: the one shown. */
let shownAccount = null;

function renderData(summary) {
  if (shownAccount && summary.account !== shownAccount) closeDeleteConfirm(false); // it named another
  shownAccount = summary.account;
  /** @type {HTMLButtonElement} */ ($("export-csv")).disabled = !summary.account;
  /** @type {HTMLButtonElement} */ ($("delete-history")).disabled = !summary.account || summary.posts === 0;
}

function paint(summary, fresh) {
  renderProblem(summary.problem);
  renderAccounts(summary);
  renderBalance(summary);
  renderTally(summary.tally);
  renderData(summary);
  renderTrend(summary).catch((error) => console.warn("Salesy: the balance chart could not be drawn:", error));
  if (!document.body.dataset.painted) document.body.dataset.painted = String(performance.now());
  if (fresh) document.body.dataset.fresh = String(performance.now());
}

/** First paint from the last summary and this session's tally, straight from storage. */
async function paintCached() {
  const [local, session] = await Promise.all([
    chrome.storage.local.get("balanceSummary"),
    chrome.storage.session.get("tally"),
  ]);
  const cached = local.balanceSummary;
  if (cached && !document.body.dataset.fresh) {
    paint({ ...cached, tally: session.tally ?? cached.tally }, false);
  }
}

let refreshing = null;
let failures = 0;
async function refresh() {
  // One summary at a time; a change during it asks once more afterwards.
  if (refreshing) {
    refreshing.again = true;
    return;
  }
  refreshing = { again: false };
  try {
    const summary = await askBackground("history-summary", { account: chosenAccount ?? undefined });
    paint(summary, true);
    failures = 0;
  } catch (error) {
    $("balance").dataset.state = "error";
    $("counts").textContent = t("popup_balance_failed", error.message);
    // Right after the browser starts, the worker or the engine may still be on its way.
    if (++failures <= 3) setTimeout(refresh, 500 * failures);
  } finally {
    const again = refreshing.again;
    refreshing = null;
    if (again) refresh();
  }
}

/**
 * One archive file, parsed here: JSON.parse reads a large tweets.js in a fraction of a second,
 * where MicroPython would take the engine away from every tab for tens of seconds. Only what
 * Salesy reads of each post is kept; the engine then judges the items in slices.
 * @param {{name: string, text: string}} file a chosen file's text, or a zip entry's
 */
function parseArchiveFile({ name, text }) {
  const body = text.replace(/^\ufeff/, "").trimStart();
  const out = { name, head: body.slice(0, 300), items: null, parseError: undefined };
  const equals = body.startsWith("window.YTD.") ? body.indexOf("=") : -1;
  if (equals < 0) return out; // the engine says what this file is instead
  try {
    const parsed = JSON.parse(body.slice(equals + 1).trim().replace(/;\s*$/, ""));
    out.items = Array.isArray(parsed) ? parsed.map(slimItem) : null;
  } catch (error) {
    out.parseError = String(error?.message ?? error);
  }
  return out;
}

/**
 * The chosen files' texts: a .zip as X sends it gives its tweets*.js and account.js. Every
 * text read counts against one cap (the zip's by the sizes it declares, before inflating).
 * @param {File[]} files @param {boolean[]} zipped which of them are zips
 */
async function archiveTexts(files, zipped) {
  const texts = await Promise.all(
    files.filter((_, index) => !zipped[index]).map(async (file) => ({ name: file.name, text: await file.text(), size: file.size })),
  );
  let budget = LIMITS.archiveBytes - texts.reduce((sum, file) => sum + file.size, 0);
  for (const zip of files.filter((_, index) => zipped[index])) {
    const inside = await archiveFilesIn(zip, budget);
    budget -= inside.reduce((sum, file) => sum + file.size, 0);
    texts.push(...inside);
  }
  return texts;
}

/** The fields of an archive item that Salesy reads (a tweet's text, time, links, reply). */
function slimItem(item) {
  const tweet = item && typeof item === "object" ? (item.tweet ?? item) : item;
  if (!tweet || typeof tweet !== "object" || Array.isArray(tweet)) return item;
  const pick = (from, keys) => Object.fromEntries(keys.filter((key) => key in from).map((key) => [key, from[key]]));
  const slim = pick(tweet, [
    "id_str", "id", "full_text", "text", "created_at", "retweeted", "in_reply_to_status_id_str",
    "in_reply_to_screen_name",
  ]);
  const entities = tweet.entities;
  if (entities && typeof entities === "object") {
    const links = (key, fields) =>
      Array.isArray(entities[key])
        ? entities[key].map((link) => (link && typeof link === "object" ? pick(link, fields) : link))
        : entities[key];
    slim.entities = { urls: links("urls", ["url", "expanded_url", "display_url", "indices"]), media: links("media", ["url", "indices"]) };
  }
  if (item.account) return item; // account.js: kept whole (it is small)
  return { tweet: slim };
}

const IMPORT_STEPS = { reading: "popup_import_reading", judging: "popup_import_judging", saving: "popup_import_saving" };
const IMPORT_STALE_MS = 30_000;
/** When an import started from this popup last ended (its result is on screen). */
let importEndedAt = 0;

/** How an import is going, from the background (the popup may be closed and opened again). */
function showImportProgress(state) {
  const bar = /** @type {HTMLProgressElement} */ ($("import-progress"));
  // Each step is recorded as it happens: one left from a worker that stopped is not an import.
  const fresh = state && Date.now() - Date.parse(state.at) < IMPORT_STALE_MS;
  // A step heard after this popup's import ended is that import's own, late: its result stays.
  const late = state && Date.parse(state.at) <= importEndedAt;
  const busy = Boolean(fresh && !late && IMPORT_STEPS[state.state]);
  bar.hidden = !busy;
  if (!busy) return;
  bar.max = Math.max(1, state.total);
  bar.value = state.done;
  const status = $("import-status");
  status.dataset.state = "busy";
  const count = (n) => n.toLocaleString();
  status.textContent = t(IMPORT_STEPS[state.state], state.file ?? t("popup_your_archive"), count(state.done), count(state.total));
}

async function importArchive(input) {
  const status = $("import-status");
  const files = [...(input.files ?? [])];
  input.value = "";
  if (files.length === 0) return;
  // Busy at once: the last import's result must not stand while these files are looked at.
  status.dataset.state = "busy";
  status.textContent = t("popup_import_reading_files", files.map((file) => file.name).join(", "));
  // A zip's own size is mostly media, never read: its entries are measured inside it.
  const zipped = await Promise.all(files.map(isZipFile));
  const size = files.reduce((sum, file, index) => sum + (zipped[index] ? 0 : file.size), 0);
  if (size > LIMITS.archiveBytes) {
    importEndedAt = Date.now();
    status.dataset.state = "error";
    status.textContent = t("popup_import_too_big", Math.round(size / 1048576), LIMITS.archiveBytes / 1048576);
    return;
  }
  try {
    const parsed = (await archiveTexts(files, zipped)).map(parseArchiveFile);
    const done = await askBackground("history-import", {
      files: parsed,
      account: chosenAccount ?? undefined,
    });
    importEndedAt = Date.now();
    $("import-progress").hidden = true;
    status.dataset.state = "done";
    const known = done.updated ? t("popup_import_known", done.updated) : "";
    const older = done.read > done.imported ? t("popup_import_newest", done.imported, done.read) : "";
    const posts = plural(done.imported, "count_post", "count_posts");
    const reposts = plural(done.reposts, "count_repost", "count_reposts");
    status.textContent = t("popup_imported", posts, done.account, older, done.added, known, reposts);
    chosenAccount = done.account;
    refresh();
  } catch (error) {
    importEndedAt = Date.now();
    $("import-progress").hidden = true;
    status.dataset.state = "error";
    status.textContent = t("popup_import_failed", error.message);
  }
}

// ---------------------------------------------------------------- your data: export, delete

function dataStatus(state, words) {
  $("data-status").dataset.state = state;
  $("data-status").textContent = words;
}

async function exportHistory() {
  if (!shownAccount) return;
  try {
    const { name, posts } = await exportCsv(shownAccount);
    dataStatus("done", t("popup_exported", name, plural(posts, "count_post", "count_posts")));
  } catch (error) {
    dataStatus("error", t("popup_export_failed", String(error?.message ?? error)));
  }
}

/** What the open confirmation would delete; null when it is closed. */
let pendingDelete = null;

/** An inline question (not window.confirm): it names the account and how many posts go. */
async function askToDelete() {
  if (!shownAccount) return;
  const account = shownAccount;
  const { posts } = await loadHistory(account);
  const count = plural(posts.length, "count_post", "count_posts");
  pendingDelete = { account };
  $("delete-question").textContent = t("popup_delete_question", count, account);
  $("delete-yes").textContent = t("popup_delete_confirm", count);
  $("delete-confirm").hidden = false;
  dataStatus("", "");
  $("delete-no").focus(); // the safe answer is the one a stray Enter gives
}

function closeDeleteConfirm(refocus = true) {
  pendingDelete = null;
  $("delete-confirm").hidden = true;
  if (refocus) $("delete-history").focus();
}

async function confirmDelete() {
  if (!pendingDelete) return;
  const { account } = pendingDelete;
  closeDeleteConfirm(false);
  try {
    // Through the router, as every write: its one queue keeps this from racing a post being
    // recorded in a tab, or an import.
    const done = await askBackground("history-delete", { account });
    dataStatus("done", t("popup_deleted", plural(done.deleted, "count_post", "count_posts"), done.account));
  } catch (error) {
    dataStatus("error", t("popup_delete_failed", String(error?.message ?? error)));
  }
  $("delete-history").focus();
  refresh();
}

$("export-csv").addEventListener("click", exportHistory);
$("delete-history").addEventListener("click", () => askToDelete().catch((error) => dataStatus("error", t("popup_delete_failed", String(error?.message ?? error)))));
$("delete-no").addEventListener("click", () => closeDeleteConfirm());
$("delete-yes").addEventListener("click", confirmDelete);
$("delete-confirm").addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault(); // the popup would close, and the question with it
    closeDeleteConfirm();
  }
});

detailLine($("strip"), "li", $("detail"));
detailLine($("trend"), "g.bar", $("detail"));
detailLine($("tally"), "#tally > div", $("tally-detail"));
$("archive").addEventListener("change", (event) => importArchive(/** @type {HTMLInputElement} */ (event.target)));
$("account-picker").addEventListener("change", (event) => {
  chosenAccount = /** @type {HTMLSelectElement} */ (event.target).value;
  refresh();
});
$("tally-reset").addEventListener("click", async () => {
  renderTally(await askBackground("tally-reset"));
});
chrome.storage.onChanged.addListener((changes, area) => {
  const keys = Object.keys(changes);
  if (area === "session" && changes.archiveImport) showImportProgress(changes.archiveImport.newValue);
  const balanceMoved = area === "session" ? keys.some((key) => key !== "archiveImport" && key !== "engineStatus") : keys.some((key) => key.startsWith("history:") || key === "accounts" || key === "config");
  if (balanceMoved) refresh();
});
// An import started before this popup was opened (it goes on while the popup is closed).
chrome.storage.session.get("archiveImport").then(({ archiveImport }) => showImportProgress(archiveImport));

/**
 * What Salesy can't see on the X page in the active tab (the compose box, a Post button, the
 * account), as that page's own check words it. Any other tab has no Salesy to answer.
 */
async function showPageHealth() {
  const list = $("page-health");
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  let report = null;
  try {
    if (tab?.id !== undefined) {
      report = await chrome.tabs.sendMessage(tab.id, { target: "content", type: "page-health" });
    }
  } catch {
    // Not an X page, or one loaded before Salesy was: nothing to say about it.
  }
  list.dataset.checked = report ? "x-page" : "no-x-page";
  const problems = report?.problems ?? [];
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = document.createElement("p");
      item.dataset.kind = problem.kind;
      item.textContent = problem.message;
      return item;
    }),
  );
  list.hidden = problems.length === 0;
}

localize();
paintCached();
refresh();
showPageHealth();
showPauseSwitch();
// Also starts the engine if it is not running, so a draft tried here is answered at once.
askBackground("engine-status").then(
  ({ status }) => {
    // A restart or a slow start-up this session is said, not hidden.
    const problem = status?.problem;
    const earlier = problem ? t("popup_engine_earlier", problem.message, new Date(problem.at).toLocaleTimeString()) : "";
    $("engine-status").textContent = t("popup_engine_ready", earlier);
  },
  (error) => ($("engine-status").textContent = t("popup_engine_unavailable", error.message)),
);
livePreview(
  /** @type {HTMLTextAreaElement} */ ($("draft")),
  $("result"),
  (text) => askBackground("check", { text }),
);
