// Paints findings with the CSS Custom Highlight API: ranges over the editor's text, styled by
// ::highlight() rules in highlights.css, without adding a single node to the editor.
"use strict";

Salesy.define("highlights", [], () => {
  const CATEGORIES = ["promotion", "engagement", "disclosure", "value"];
  /** @type {Map<string, Highlight>} */
  const byCategory = new Map();
  for (const category of CATEGORIES) {
    const highlight = new Highlight();
    // Warnings paint over the calm value colour where they meet.
    highlight.priority = category === "value" ? 0 : 1;
    byCategory.set(category, highlight);
  }
  // A separate highlight for "show me where": it outranks the others for a moment.
  const flashHighlight = new Highlight();
  flashHighlight.priority = 2;
  let flashTimer = 0;

  /** @type {Map<Element, {range: Range, category: string}[]>} */
  const painted = new Map();

  function clear(editor) {
    for (const { range, category } of painted.get(editor) ?? []) byCategory.get(category)?.delete(range);
    painted.delete(editor);
  }

  /** @param {Range} a @param {Range} b */
  const same = (a, b) =>
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset;

  /**
   * Paints `marks` in place of the editor's earlier ones. A finding that did not move keeps
   * its painted range (the highlight is left alone there); only what changed is touched.
   * @param {Element} editor @param {{range: Range, category: string}[]} marks
   */
  function paint(editor, marks) {
    const before = painted.get(editor) ?? [];
    const kept = [];
    for (const mark of marks) {
      if (!byCategory.has(mark.category)) continue;
      const old = before.find((b) => b.category === mark.category && same(b.range, mark.range));
      kept.push(old ?? mark);
    }
    for (const { range, category } of before) {
      if (!kept.some((mark) => mark.range === range)) byCategory.get(category)?.delete(range);
    }
    for (const { range, category } of kept) byCategory.get(category)?.add(range);
    painted.set(editor, kept);
  }

  /** @param {Range} range */
  function flash(range) {
    clearTimeout(flashTimer);
    flashHighlight.clear();
    flashHighlight.add(range);
    flashTimer = setTimeout(() => flashHighlight.clear(), 1200);
  }

  /** Registers the highlights with the page; they go when Salesy stops. */
  function start(signal) {
    for (const [category, highlight] of byCategory) CSS.highlights.set(`salesy-${category}`, highlight);
    CSS.highlights.set("salesy-flash", flashHighlight);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(flashTimer);
        for (const category of byCategory.keys()) CSS.highlights.delete(`salesy-${category}`);
        CSS.highlights.delete("salesy-flash");
        painted.clear();
      },
      { once: true },
    );
  }

  return { start, paint, clear, flash };
});
