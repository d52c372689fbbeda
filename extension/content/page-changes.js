// One watcher of X's page for every feature: X mutates its DOM constantly, so one
// MutationObserver batches the changes of each animation frame and hands them to the
// features that asked (compose box scan, profile reader, health check).
"use strict";

Salesy.define("pageChanges", [], () => {
  /** @type {Set<(records: MutationRecord[]) => void>} */
  const listeners = new Set();
  /** @type {MutationRecord[]} */
  let batch = [];
  let frame = 0;

  function flush() {
    frame = 0;
    const records = batch;
    batch = [];
    for (const listener of listeners) {
      try {
        listener(records);
      } catch (error) {
        console.error("Salesy:", error);
      }
    }
  }

  const observer = new MutationObserver((records) => {
    batch.push(...records);
    if (!frame) frame = requestAnimationFrame(flush);
  });

  return {
    start(signal) {
      // Test ids too: a renamed one changes what Salesy can see without adding a node.
      observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["data-testid"],
      });
      signal.addEventListener(
        "abort",
        () => {
          observer.disconnect();
          cancelAnimationFrame(frame);
          listeners.clear();
        },
        { once: true },
      );
    },
    /** @param {(records: MutationRecord[]) => void} listener @param {AbortSignal} signal */
    subscribe(listener, signal) {
      listeners.add(listener);
      signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
    },
  };
});
