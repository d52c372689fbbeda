// The card's and chip's words, from _locales/<language>/messages.json (see ui/i18n.js, the
// pages' twin: content scripts cannot import ES modules).
"use strict";

Salesy.define("i18n", [], () => {
  /** @param {string} key @param {...(string | number)} substitutions */
  function t(key, ...substitutions) {
    return chrome.i18n.getMessage(key, substitutions.map(String)) || key;
  }

  // The content scripts' one map of verdict labels (the pages' is ui/verdict.js).
  const LABELS = { ok: "verdict_ok", promotional: "verdict_promotional", pure_ad: "verdict_pure_ad" };

  /** "Pure ad" for "pure_ad"; what is not a verdict as it is. @param {string} verdict */
  const verdictLabel = (verdict) => (Object.hasOwn(LABELS, verdict) ? t(LABELS[verdict]) : verdict);

  return { t, verdictLabel };
});
