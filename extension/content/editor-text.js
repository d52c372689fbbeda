// Reads an editor's text the way Draft.js does (blocks joined by "\n") and turns offsets in
// that text back into DOM Ranges. Nothing here writes into the editor: the only thing it may
// do is put the caret back where the user left it, as their own click would.
"use strict";

Salesy.define("editorText", ["x"], ({ x }) => {
  /**
   * @param {HTMLElement} editor the contenteditable element
   * @returns {{text: string, rangeAt: (start: number, end: number) => Range | null}}
   */
  function read(editor) {
    const blocks = editor.querySelectorAll(x.Selectors.DRAFT_BLOCK);
    const roots = blocks.length > 0 ? [...blocks] : [editor];
    /** @type {{node: Text, start: number}[]} */
    const pieces = [];
    let text = "";
    roots.forEach((root, index) => {
      if (index > 0) text += "\n";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        pieces.push({ node: /** @type {Text} */ (node), start: text.length });
        text += /** @type {Text} */ (node).data;
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

  /** The selection inside `editor`, kept to put back later; null when it is elsewhere. */
  function saveCaret(editor) {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return editor.contains(range.startContainer) && editor.contains(range.endContainer) ? range.cloneRange() : null;
  }

  /**
   * Focuses the editor and puts the selection back where it was (Draft reads the DOM
   * selection on `selectionchange`, as after a click). A range whose text Draft has since
   * re-rendered is left alone: Draft then restores its own.
   * @param {HTMLElement} editor @param {Range | null} caret
   */
  function restoreCaret(editor, caret) {
    if (!editor.isConnected) return;
    editor.focus({ preventScroll: true });
    if (!caret || !editor.contains(caret.startContainer) || !editor.contains(caret.endContainer)) return;
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }

  return { read, saveCaret, restoreCaret };
});
