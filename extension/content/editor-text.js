// Reads an editor's text the way Draft.js does (blocks joined by "\n") and turns offsets in
// that text back into DOM Ranges. Read-only: nothing here may write into the editor.
"use strict";

/**
 * @param {HTMLElement} editor the contenteditable element
 * @returns {{text: string, rangeAt: (start: number, end: number) => Range | null}}
 */
function readEditor(editor) {
  const blocks = editor.querySelectorAll('[data-block="true"]');
  const roots = blocks.length > 0 ? [...blocks] : [editor];
  /** @type {{node: Text, start: number}[]} */
  const pieces = [];
  let text = "";
  roots.forEach((root, index) => {
    if (index > 0) text += "\n";
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pieces.push({ node: /** @type {Text} */ (node), start: text.length });
      text += node.data;
    }
  });

  /** Finds the text node holding `offset`; at a boundary, prefer the node that starts there. */
  function locate(offset, preferNext) {
    for (let i = 0; i < pieces.length; i++) {
      const { node, start } = pieces[i];
      const end = start + node.data.length;
      if (offset < start) break;
      if (offset < end || (offset === end && !(preferNext && pieces[i + 1]?.start === end))) {
        return { node, offset: offset - start };
      }
    }
    return null;
  }

  function rangeAt(start, end) {
    const from = locate(start, true);
    const to = locate(end, false);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  return { text, rangeAt };
}
