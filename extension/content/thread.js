// How a whole thread reads. Each post of a thread is judged on its own (its own chip, card and
// underlines); the first post's chip and card also say how many of the thread's posts
// promote and which ("Thread: 1 of 3 promotional"), so a pure ad in post 2 is seen from the
// top. A single post, or a thread with one post written so far, shows no thread line.
"use strict";

Salesy.define("thread", ["x", "compose", "i18n"], ({ x, compose, i18n: { t, verdictLabel } }) => {
  const RANK = { ok: 0, promotional: 1, pure_ad: 2 };

  /**
   * What the first post says for a thread of these editors (in thread order), or null when
   * there is no thread to speak of: fewer than two posts judged, or the first post not.
   * @param {HTMLElement[]} editors
   * @returns {{chip: string, line: string, worst: string} | null}
   */
  function summaryOf(editors) {
    const judged = editors
      .map((editor, at) => ({ number: at + 1, verdict: compose.verdictOf(editor) }))
      .filter((post) => post.verdict);
    if (judged.length < 2 || judged[0].number !== 1) return null;
    const promoting = judged.filter((post) => post.verdict !== "ok");
    const worst = judged.reduce((a, b) => ((RANK[b.verdict] ?? 0) > (RANK[a.verdict] ?? 0) ? b : a)).verdict;
    const which = promoting.map((post) => t("card_thread_post", post.number, verdictLabel(post.verdict))).join(", ");
    return {
      chip: t("chip_thread", promoting.length, judged.length),
      line: promoting.length
        ? t("card_thread", promoting.length, judged.length, which)
        : t("card_thread_none", judged.length),
      worst,
    };
  }

  /** Every watched editor's composer's posts, first post first. */
  function threads() {
    /** @type {Map<Element, HTMLElement[]>} */
    const byComposer = new Map();
    for (const editor of compose.editors()) {
      const composer = x.composerOf(editor);
      if (composer && !byComposer.has(composer)) {
        byComposer.set(composer, x.editorsOf(composer).filter(compose.watches));
      }
      // An editor Salesy cannot place in a composer is a post of its own.
      if (!composer) byComposer.set(editor, [editor]);
    }
    return byComposer.values();
  }

  let queued = false;
  function update() {
    queued = false;
    for (const editors of threads()) {
      editors.forEach((editor, at) => compose.panelOf(editor)?.setThread(at === 0 ? summaryOf(editors) : null));
    }
  }

  /** Several posts judged at once (a settings change rechecks them all) update once. */
  function schedule() {
    if (queued) return;
    queued = true;
    queueMicrotask(update);
  }

  return {
    start(signal) {
      compose.on("judged", schedule, signal);
    },
  };
});
