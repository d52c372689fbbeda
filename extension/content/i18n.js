// The card's and chip's words, from _locales/<language>/messages.json (see ui/i18n.js, the
// pages' twin: content scripts cannot import ES modules).
"use strict";

Salesy.define("i18n", [], () => {
  // Each chrome.i18n.getMessage is a call into the browser, and the card asks for the same
  // few dozen strings on every answer: each is looked up once (a page's language does not
  // change under it). Bounded: substitutions can be a draft's words.
  const CACHED = 500;
  /** @type {Map<string, string>} */
  const cache = new Map();

  /** @param {string} key @param {...(string | number)} substitutions */
  function t(key, ...substitutions) {
    const id = substitutions.length ? JSON.stringify([key, ...substitutions]) : key;
    let text = cache.get(id);
    if (text === undefined) {
      text = chrome.i18n.getMessage(key, substitutions.map(String)) || key;
      if (cache.size >= CACHED) cache.clear();
      cache.set(id, text);
    }
    return text;
  }

  // The content scripts' one map of verdict labels (the pages' is ui/verdict.js).
  const LABELS = { ok: "verdict_ok", promotional: "verdict_promotional", pure_ad: "verdict_pure_ad" };

  /** "Pure ad" for "pure_ad"; what is not a verdict as it is. @param {string} verdict */
  const verdictLabel = (verdict) => (Object.hasOwn(LABELS, verdict) ? t(LABELS[verdict]) : verdict);

  return { t, verdictLabel };
});
