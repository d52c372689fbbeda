// @ts-check
// Rows as CSV text (RFC 4180): fields joined by commas, records ended by CRLF, a field holding
// a comma, a double quote or a line break quoted, its quotes doubled. Pure, no chrome.*.
//
// Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with
// = + - @ (or a tab or carriage return before one) as a formula, so a post reading
// "=HYPERLINK(…)" would become a live link or worse when the export is opened. Such a text
// field gets a leading apostrophe, which spreadsheets read as "this is text"; the words stay
// readable and nothing is dropped. Numbers (a score) are written as numbers, unprefixed.

// The full-width forms too: some spreadsheet apps fold them to ASCII before parsing.
const FORMULA = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: "" for a missing value; a text that could run as a formula made inert. */
export function field(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @param {Array<Array<unknown>>} rows an empty row is an empty line (between two tables) */
export function toCsv(rows) {
  return rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
