// Renders an engine result as plain DOM, shared by the popup's and options page's previews.
import { t } from "./i18n.js";

// The one map of verdict labels for the extension's pages (the content script has its own
// twin, content/i18n.js cannot import this). In a sentence a pure ad reads "a pure ad".
const LABELS = { ok: "verdict_ok", promotional: "verdict_promotional", pure_ad: "verdict_pure_ad" };
const IN_A_SENTENCE = { ...LABELS, pure_ad: "verdict_a_pure_ad" };

/**
 * "Pure ad" (or, `inSentence`, "a pure ad"); null for what is not a verdict.
 * @param {string} verdict @param {{inSentence?: boolean}} [how]
 */
export function verdictLabel(verdict, { inSentence = false } = {}) {
  const keys = inSentence ? IN_A_SENTENCE : LABELS;
  return Object.hasOwn(keys, verdict) ? t(keys[verdict]) : null;
}

/** @param {HTMLElement} target @param {any} result */
export function renderVerdict(target, result) {
  target.replaceChildren();
  const head = document.createElement("p");
  head.className = `verdict verdict-${result.verdict}`;
  head.textContent = t("preview_verdict", verdictLabel(result.verdict) ?? result.verdict, result.score, result.summary);
  const list = document.createElement("ul");
  for (const finding of result.findings) {
    const item = document.createElement("li");
    item.dataset.category = finding.category;
    const words = document.createElement("q");
    words.textContent = finding.text;
    item.append(words, ` ${finding.message}`);
    list.append(item);
  }
  target.append(head, list);
  if (result.truncated) target.append(truncatedNote(result.truncated));
}

/** "Long drafts are checked up to N characters": the router checks no more of one draft. */
export function truncatedNote({ checked, length }) {
  const note = document.createElement("p");
  note.className = "truncated muted";
  note.textContent = t("truncated", checked.toLocaleString(), (length - checked).toLocaleString());
  return note;
}

/**
 * Checks what is typed into `draft` (debounced) and renders the verdict into `target`.
 * @param {HTMLTextAreaElement} draft @param {HTMLElement} target
 * @param {(text: string) => Promise<any>} check
 */
export function livePreview(draft, target, check) {
  let timer = 0;
  draft.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!draft.value.trim()) return target.replaceChildren();
      try {
        renderVerdict(target, await check(draft.value));
      } catch (error) {
        target.textContent = t("preview_failed", error.message);
      }
    }, 150);
  });
}
