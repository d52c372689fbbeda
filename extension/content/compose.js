// Watches every X compose editor: reads its text when it changes, asks the engine, paints the
// findings and updates the panel. Editors come and go (X is a single-page app), so each one
// gets a session that ends when the editor leaves the page.
"use strict";

const EDITOR_SELECTOR = '[data-testid^="tweetTextarea_"][contenteditable="true"]';
const CHECK_DEBOUNCE_MS = 150;
// X's longest post is 25 000 characters; past twice that (a pasted document) the draft is
// not a post, and checking it would only keep the engine busy.
const MAX_CHECK_LENGTH = 50_000;

/** @param {HTMLElement} editor */
function startSession(editor) {
  let timer = 0;
  let generation = 0;
  /** The last answer, for the post guard; null while the draft is empty or unchecked. */
  let result = null;
  /** Phrases the user chose to ignore in this draft ("Ignore here"). */
  const ignored = new Set();
  let snapshot = readEditor(editor);

  const panel = createPanel(editor, {
    ignore(finding) {
      ignored.add(finding.text.toLowerCase());
      check();
    },
    disableRule(finding) {
      askBackground("set-rule", { rule: finding.rule, enabled: false }).catch((error) =>
        panel.showError(String(error?.message ?? error)),
      );
    },
    flash(finding) {
      const toUtf16 = codePointToUtf16(snapshot.text);
      const range = snapshot.rangeAt(toUtf16(finding.start), toUtf16(finding.end));
      if (range) highlightRegistry.flash(range);
    },
    postAnyway: () => postGuard.release(editor),
    keepEditing: () => postGuard.hold(editor),
  });

  async function check() {
    timer = 0;
    if (extensionGone()) return stop();
    const current = ++generation;
    try {
      await checkNow(current);
    } finally {
      // Still pending while a newer edit waits for its own check (the debounce timer).
      if (current === generation && !timer) panel.setPending(false);
    }
  }

  /** @param {number} current this check's generation; a newer one makes its answer stale */
  async function checkNow(current) {
    const { text } = readEditor(editor);
    if (!text.trim() || salesySettings.paused) {
      result = null;
      highlightRegistry.clear(editor);
      panel.show(null);
      if (!text.trim()) {
        ignored.clear();
        postGuard.forget(editor);
        salesyHistory.draftCleared(editor);
      }
      return;
    }
    if (text.length > MAX_CHECK_LENGTH) {
      result = null;
      highlightRegistry.clear(editor);
      panel.showNotice(
        "Too long to check",
        `This draft has ${text.length.toLocaleString()} characters; Salesy checks up to ${MAX_CHECK_LENGTH.toLocaleString()}.`,
        "too_long",
      );
      return;
    }
    let answer;
    try {
      answer = await askBackground("check", { text, allow: [...ignored] });
    } catch (error) {
      if (current !== generation || extensionGone()) return;
      result = null;
      highlightRegistry.clear(editor);
      panel.showError(String(error?.message ?? error));
      return;
    }
    // A pure ad's card says how posting it would move the account's balance.
    const balanceNote = answer.verdict === "pure_ad" ? await salesyHistory.balanceNote(editor) : undefined;
    // A newer edit is already on its way: this answer describes text that no longer exists.
    if (current !== generation) return;
    snapshot = readEditor(editor);
    if (snapshot.text !== text) return;
    const toUtf16 = codePointToUtf16(text);
    const marks = [];
    for (const finding of answer.findings) {
      const range = snapshot.rangeAt(toUtf16(finding.start), toUtf16(finding.end));
      if (range) marks.push({ range, category: finding.category });
    }
    result = answer;
    highlightRegistry.paint(editor, marks);
    panel.show(answer, { balanceNote });
    salesyHistory.sawVerdict(editor, answer, text);
  }

  function schedule() {
    panel.setPending(true);
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
    panel.remove();
    sessions.delete(editor);
  }

  return {
    stop,
    recheck: check,
    get verdict() {
      return result?.verdict ?? null;
    },
    panel,
  };
}

/** @type {Map<HTMLElement, ReturnType<typeof startSession>>} */
const sessions = new Map();

function scanForEditors() {
  for (const [editor, session] of sessions) if (!editor.isConnected) session.stop();
  for (const editor of document.querySelectorAll(EDITOR_SELECTOR)) {
    const element = /** @type {HTMLElement} */ (editor);
    if (!sessions.has(element)) sessions.set(element, startSession(element));
  }
}

// A rule switched off, a site paused or resumed: every open draft is checked again.
salesySettings.onChange(() => {
  for (const session of sessions.values()) session.recheck();
});

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
salesySettings.ready.then(scanForEditors);
