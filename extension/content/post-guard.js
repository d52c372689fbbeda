// The nudge before posting (opt-in): when the draft about to be posted is a pure ad, the first
// click on X's Post button (or Ctrl/Cmd+Enter in the editor) is held and the panel asks "post
// anyway?". Nothing is written into the editor either way; "Post anyway" clicks X's button
// on the user's behalf.
"use strict";

const POST_BUTTONS = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';

const postGuard = (() => {
  /** Editors whose user said "post anyway" to the current draft. */
  const released = new WeakSet();
  /** @type {Map<HTMLElement, HTMLElement>} the Post button each held editor waits on */
  const held = new Map();

  /** The watched editors that belong to the composer of this Post button. */
  function editorsOf(button) {
    for (let node = button.parentElement; node; node = node.parentElement) {
      const inside = [...sessions.keys()].filter((editor) => node.contains(editor));
      if (inside.length > 0) return inside;
    }
    return [];
  }

  /** The Post button of the composer this editor belongs to. */
  function buttonOf(editor) {
    for (let node = editor.parentElement; node; node = node.parentElement) {
      const button = node.querySelector(POST_BUTTONS);
      if (button) return /** @type {HTMLElement} */ (button);
    }
    return null;
  }

  function needsAsking(editor) {
    return sessions.get(editor)?.verdict === "pure_ad" && !released.has(editor);
  }

  /** Stops the post on its way (before X's own handlers) and asks. */
  function hold(event, editor, button) {
    event.preventDefault();
    event.stopImmediatePropagation();
    held.set(editor, button);
    sessions.get(editor)?.panel.confirmPost();
  }

  const nudging = () => salesySettings.nudgeBeforePosting && !salesySettings.paused;

  document.addEventListener(
    "click",
    (event) => {
      const button = /** @type {Element} */ (event.target).closest?.(POST_BUTTONS);
      if (!button || !nudging()) return;
      const editor = editorsOf(button).find(needsAsking);
      if (editor) hold(event, editor, /** @type {HTMLElement} */ (button));
    },
    true,
  );

  // X posts on Ctrl+Enter (Cmd+Enter on a Mac) from the editor too.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || !nudging()) return;
      const editor = [...sessions.keys()].find((candidate) => candidate.contains(/** @type {Node} */ (event.target)));
      if (!editor) return;
      const composer = buttonOf(editor);
      const waiting = composer ? editorsOf(composer).find(needsAsking) : undefined;
      if (composer && waiting) hold(event, waiting, composer);
    },
    true,
  );

  return {
    /** @param {HTMLElement} editor */
    release(editor) {
      released.add(editor);
      sessions.get(editor)?.panel.closeConfirm();
      held.get(editor)?.click();
      held.delete(editor);
    },
    /** The draft was cleared or posted: the next one is asked about afresh. */
    forget(editor) {
      released.delete(editor);
      held.delete(editor);
    },
    /** True while this editor's Post click is held on "post anyway?" (not a post yet). */
    isHeld(editor) {
      return held.has(editor);
    },
    /** @param {HTMLElement} editor */
    hold(editor) {
      held.delete(editor);
      editor.focus({ preventScroll: true });
    },
  };
})();
