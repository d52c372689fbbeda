// The one global Salesy's content scripts share, and the small loader that makes each file's
// inputs and outputs explicit. Content scripts cannot be ES modules in MV3 without a loader or
// a bundler; this is the loader, with no build step.
//
// Each file defines one module by name and lists the modules it uses; its factory receives
// exactly those and nothing else (a module named but not yet defined is an error, so the
// manifest's order is checked as it loads). A module whose answer has `start(signal)` is a
// feature, as in Refined GitHub: main.js starts every feature with one AbortSignal, and when
// the extension goes away under the page (reloaded, updated, removed) that signal aborts and
// every listener, observer, highlight and panel a feature set up goes with it.
"use strict";

const Salesy = (() => {
  /** @type {Map<string, Readonly<object>>} */
  const modules = new Map();
  /** @type {string[]} features, in the order they were defined */
  const features = [];
  let controller = /** @type {AbortController | null} */ (null);

  /**
   * @param {string} name
   * @param {string[]} needs the modules this one uses
   * @param {(given: Record<string, any>) => object} make
   */
  function define(name, needs, make) {
    if (modules.has(name)) throw new Error(`Salesy: module "${name}" is defined twice`);
    /** @type {Record<string, any>} */
    const given = {};
    for (const need of needs) {
      const module = modules.get(need);
      if (!module) throw new Error(`Salesy: "${name}" needs "${need}", which is not defined before it`);
      given[need] = module;
    }
    const made = Object.freeze(make(given));
    modules.set(name, made);
    if (typeof (/** @type {any} */ (made).start) === "function") features.push(name);
  }

  /** Starts every feature; returns the function that tears them all down. */
  function start() {
    if (controller) return stop;
    controller = new AbortController();
    const { signal } = controller;
    for (const name of features) {
      try {
        /** @type {any} */ (modules.get(name)).start(signal);
      } catch (error) {
        console.error(`Salesy: the ${name} feature did not start`, error);
      }
    }
    // Chrome tells a content script nothing when its extension goes away: chrome.runtime.id
    // just disappears. Look now and then, so an orphaned copy never paints beside a new one.
    const alive = setInterval(() => {
      if (!chrome.runtime?.id) stop();
    }, 2000);
    signal.addEventListener("abort", () => clearInterval(alive), { once: true });
    return stop;
  }

  function stop() {
    controller?.abort();
  }

  return Object.freeze({ define, start, stop, features: () => [...features] });
})();
