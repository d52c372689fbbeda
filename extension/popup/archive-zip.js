// @ts-check
// The X archive's .zip as X sends it: which of its entries the import reads, in which order,
// within which cap, and what a user is told when it is not such a zip. The same choices as the
// command line's reader (py/salesy/cli/audit.py: _is_archive_name, _order, _zip_sources):
// every tweets.js, tweet.js, tweets-part<N>.js and account.js, wherever it is in the zip (X
// puts them in data/), and nothing else (media, likes, messages are never inflated).
import { t } from "../ui/i18n.js";
import { listEntries, looksLikeZip, readEntry, ZipError } from "./zip.js";

const MB = 1024 * 1024;

/** @param {string} name */
export function isArchiveName(name) {
  const base = name.split("/").pop() ?? "";
  return (
    base.endsWith(".js") &&
    (["tweets.js", "tweet.js", "account.js"].includes(base) || base.startsWith("tweets-part") || base.startsWith("tweet-part"))
  );
}

/** tweets.js, tweets-part1.js, tweets-part2.js… (numerically), then account.js. */
function rank(name) {
  const base = name.split("/").pop() ?? "";
  if (base.startsWith("account")) return [2, 0, base];
  const digits = (base.split("part").slice(1).join("part").match(/\d/g) ?? []).join("");
  return base.includes("part") && digits ? [1, Number(digits), base] : [0, 0, base];
}

function byRank(a, b) {
  const [x, y] = [rank(a.name), rank(b.name)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** A chosen file that is a zip: by its first bytes, or by its name (then a broken one). */
export async function isZipFile(file) {
  return file.name.toLowerCase().endsWith(".zip") || (await looksLikeZip(file).catch(() => false));
}

/**
 * The archive files in `zip`, as {name, text}: "data/tweets.js"… The declared (inflated)
 * sizes of the entries read must fit in `budget` bytes, checked before one is inflated.
 * Throws an Error in the user's words (the popup adds that nothing was imported).
 * @param {File} zip @param {number} budget
 * @returns {Promise<{name: string, text: string, size: number}[]>}
 */
export async function archiveFilesIn(zip, budget) {
  try {
    const chosen = (await listEntries(zip)).filter((entry) => !entry.name.endsWith("/") && isArchiveName(entry.name)).sort(byRank);
    if (!chosen.some((entry) => !entry.name.endsWith("account.js"))) {
      throw new Error(t("popup_zip_no_tweets", zip.name));
    }
    const size = chosen.reduce((sum, entry) => sum + entry.size, 0);
    if (size > budget) {
      throw new Error(t("popup_zip_too_big", zip.name, Math.ceil(size / MB), Math.floor(budget / MB)));
    }
    const text = new TextDecoder("utf-8"); // as File.text() reads a chosen tweets.js
    const out = [];
    for (const entry of chosen) out.push({ name: entry.name, text: text.decode(await readEntry(zip, entry)), size: entry.size });
    return out;
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    const where = error.entry ? `${zip.name}: ${error.entry}` : zip.name;
    if (error.code === "unreadable") throw new Error(t("popup_zip_unreadable", where));
    if (error.code === "bigger") throw new Error(t("popup_zip_bigger", where));
    throw new Error(t(error.code === "not-zip" ? "popup_zip_not_zip" : "popup_zip_damaged", where));
  }
}
