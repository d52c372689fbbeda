// Watches every X compose editor: reads its text when it changes, asks the engine, paints the
// findings and updates the verdict chip. Editors come and go (X is a single-page app), so
// each one gets a session that ends when the editor leaves the page.
"use strict";

const EDITOR_SELECTOR = '[data-testid^="tweetTextarea_"][contenteditable="true"]';
const CHECK_DEBOUNCE_MS = 150;

/** @param {HTMLElement} editor */
function startSession(editor) {
  const chip = createChip(editor);
  let timer = 0;
  let generation = 0;

  async function check() {
    if (extensionGone()) return stop();
    const { text } = readEditor(editor);
    const current = ++generation;
    if (!text.trim()) {
      highlightRegistry.clear(editor);
      chip.show(null);
      return;
    }
    let result;
    try {
      result = await askBackground("check", { text });
    } catch (error) {
      if (current !== generation || extensionGone()) return;
      highlightRegistry.clear(editor);
      chip.showError(String(error?.message ?? error));
      return;
    }
    // A newer edit is already on its way: this answer describes text that no longer exists.
    if (current !== generation) return;
    const snapshot = readEditor(editor);
    if (snapshot.text !== text) return;
    const toUtf16 = codePointToUtf16(text);
    const marks = [];
    for (const finding of result.findings) {
      const range = snapshot.rangeAt(toUtf16(finding.start), toUtf16(finding.end));
      if (range) marks.push({ range, category: finding.category });
    }
    highlightRegistry.paint(editor, marks);
    chip.show(result);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DEBOUNCE_MS);
  }

  const observer = new MutationObserver(schedule);
  observer.observe(editor, { characterData: true, childList: true, subtree: true });
  schedule();

  function stop() {
    clearTimeout(timer);
    observer.disconnect();
    highlightRegistry.clear(editor);
    chip.remove();
    sessions.delete(editor);
  }

  return { stop };
}

/** @type {Map<HTMLElement, {stop: () => void}>} */
const sessions = new Map();

function scanForEditors() {
  for (const [editor, session] of sessions) if (!editor.isConnected) session.stop();
  for (const editor of document.querySelectorAll(EDITOR_SELECTOR)) {
    const element = /** @type {HTMLElement} */ (editor);
    if (!sessions.has(element)) sessions.set(element, startSession(element));
  }
}

// X mutates its DOM constantly; scan at most once per frame.
let scanPending = false;
new MutationObserver(() => {
  if (scanPending) return;
  scanPending = true;
  requestAnimationFrame(() => {
    scanPending = false;
    scanForEditors();
  });
}).observe(document.documentElement, { childList: true, subtree: true });
scanForEditors();
