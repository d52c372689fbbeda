// The card's and chip's words, from _locales/<language>/messages.json (see ui/i18n.js, the
// pages' twin: content scripts cannot import ES modules).
"use strict";

Salesy.define("i18n", [], () => ({
  /** @param {string} key @param {...(string | number)} substitutions */
  t(key, ...substitutions) {
    return chrome.i18n.getMessage(key, substitutions.map(String)) || key;
  },
}));
