// The words of Salesy's pages come from _locales/<language>/messages.json through chrome.i18n,
// so a translator adds a language without touching code. The HTML keeps its English text as
// well (readable source; a test checks it says what messages.json says).

/**
 * The message `key` in the browser's language, with $1, $2… replaced by `substitutions`.
 * @param {string} key @param {...(string | number)} substitutions
 */
export function t(key, ...substitutions) {
  const message = chrome.i18n.getMessage(key, substitutions.map(String));
  // A missing message is a bug (the locale test catches it); show the key, not a blank.
  if (!message) console.error(`Salesy: no message "${key}" in _locales`);
  return message || key;
}

/** "1 post", "3 posts": chrome.i18n has no plural rules, so each form is its own message. */
export function plural(count, one, many) {
  return t(count === 1 ? one : many, count);
}

const ATTRIBUTES = ["title", "placeholder", "aria-label"];

/** Fills every [data-i18n] element's text and [data-i18n-title] (etc.) attribute under `root`. */
export function localize(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? "");
  }
  for (const attribute of ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(`data-i18n-${attribute}`) ?? ""));
    }
  }
}
