// The nudge before posting (opt-in): when the draft about to be posted is a pure ad, the first
// click on X's Post button is held and the panel asks "post anyway?". Nothing is written into
// the editor either way; "Post anyway" clicks X's button again on the user's behalf.
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

  document.addEventListener(
    "click",
    (event) => {
      const button = /** @type {Element} */ (event.target).closest?.(POST_BUTTONS);
      if (!button || !salesySettings.nudgeBeforePosting || salesySettings.paused) return;
      const editor = editorsOf(button).find(
        (candidate) => sessions.get(candidate)?.verdict === "pure_ad" && !released.has(candidate),
      );
      if (!editor) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      held.set(editor, /** @type {HTMLElement} */ (button));
      sessions.get(editor)?.panel.confirmPost();
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
