// A keyboard path to the hint card that works everywhere, X's compose dialog included (it
// keeps Tab inside itself, so a chip outside it is out of reach): Alt+Shift+S in an editor
// opens that editor's card and focuses its first finding; Escape closes it and gives the
// editor back its focus, the caret where it was.
"use strict";

Salesy.define("keyboard", ["compose", "editorText"], ({ compose, editorText }) => {
  /** Alt+Shift+S, by the key's place (Option+Shift+S types "Í" on a Mac). */
  const isShortcut = (event) =>
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyS";

  /** @param {KeyboardEvent} event */
  function keydown(event) {
    if (!isShortcut(event)) return;
    const editor = compose.editorAt(event.target);
    const panel = editor && compose.panelOf(editor);
    if (!editor || !panel?.visible) return;
    const caret = editorText.saveCaret(editor);
    if (!panel.openFromKeyboard(() => editorText.restoreCaret(editor, caret))) return;
    // The keys are Salesy's here: no character for the editor, nothing for X's shortcuts.
    event.preventDefault();
    event.stopPropagation();
  }

  return {
    start(signal) {
      window.addEventListener("keydown", keydown, { capture: true, signal });
    },
  };
});
