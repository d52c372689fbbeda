// @ts-check
// "Export history and tally as CSV": the account's stored posts (newest first, as stored) and
// this session's tally, as a file the browser saves. Made here from chrome.storage and handed
// to the browser as a blob: URL, so nothing leaves the machine and no permission is needed.
//
// UTF-8 with a byte-order mark: without it Excel (Windows) reads a CSV in the system's legacy
// code page and shows every emoji and accented letter as mojibake; LibreOffice, Numbers,
// Google Sheets and Python's "utf-8-sig" read the mark and drop it.
import { loadHistory, loadTally, TALLY_FIELDS } from "../history/store.js";
import { toCsv } from "../history/csv.js";
import { t } from "../ui/i18n.js";
import { verdictLabel } from "../ui/verdict.js";

const SOURCE_KEYS = { composed: "csv_source_composed", profile: "csv_source_profile", archive: "csv_source_archive" };
const TALLY_KEYS = {
  checked: "tally_checked",
  caught: "tally_caught",
  actedOn: "tally_acted_on",
  postedAnyway: "tally_posted_anyway",
  posts: "tally_posts",
};

/** The file's rows: a header, one row per stored post, an empty line, then the tally. */
export function exportRows(posts, tally) {
  const rows = [[t("csv_date"), t("csv_kind"), t("csv_verdict"), t("csv_score"), t("csv_source"), t("csv_id"), t("csv_note"), t("csv_text")]];
  for (const post of posts) {
    rows.push([
      post.at,
      t(post.reply ? "csv_kind_reply" : "csv_kind_post"),
      verdictLabel(post.verdict) ?? t("csv_not_judged"),
      Number.isFinite(post.score) ? post.score : null,
      SOURCE_KEYS[post.source] ? t(SOURCE_KEYS[post.source]) : "",
      post.id,
      // Only the start of a post X cut short is known: said beside it, the text left as stored.
      post.truncated ? t("csv_note_partial") : "",
      post.text,
    ]);
  }
  rows.push([], [t("csv_tally"), t("csv_count")]);
  for (const key of TALLY_FIELDS) rows.push([t(TALLY_KEYS[key]), Number(tally?.[key] ?? 0)]);
  rows.push([t("csv_tally_since"), tally?.since ?? ""]);
  return rows;
}

/**
 * Saves `account`'s history and the tally as salesy-<account>-<date>.csv.
 * @returns {Promise<{name: string, posts: number}>}
 */
export async function exportCsv(account) {
  const [{ posts }, tally] = await Promise.all([loadHistory(account), loadTally()]);
  const name = `salesy-${account}-${new Date().toISOString().slice(0, 10)}.csv`;
  const blob = new Blob(["\ufeff", toCsv(exportRows(posts, tally))], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after this click returns; revoked at once, it could find it gone.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, posts: posts.length };
}
