// Every attempt to post goes through here: a click on X's Post button ("Post all" in a
// thread, "Reply" under a post) or X's shortcut for it, Ctrl/Cmd+Enter in an editor. With
// the nudge on (opt-in), an attempt that would send a pure ad, in any post of the thread,
// is held and the card asks "post anyway?"; every attempt that goes through is handed to
// the features listening (history.js records the posts once they leave the composer).
// Nothing is written into the editor either way; "Post anyway" clicks X's button for the
// user.
"use strict";

Salesy.define(
  "postGuard",
  ["x", "settings", "compose", "editorText", "i18n"],
  ({ x, settings, compose, editorText, i18n: { t } }) => {
    /** The text each editor's user said "post anyway" to. @type {WeakMap<HTMLElement, string>} */
    const released = new WeakMap();
    /**
     * The question on show, by the editor whose card asks it: the composer it is about, and
     * the drafts it is about as they were when it was asked.
     * @type {Map<HTMLElement, {composer: Element, ads: Map<HTMLElement, string>}>}
     */
    const asking = new Map();
    /** @type {Set<(attempt: {composer: Element, editors: HTMLElement[]}) => void>} */
    const listeners = new Set();

    const nudging = () => settings.nudgeBeforePosting && !settings.paused;
    const textOf = (editor) => editorText.read(editor).text;
    const needsAsking = (editor) => compose.verdictOf(editor) === "pure_ad" && released.get(editor) !== textOf(editor);

    /** Stops the post on its way (before X's own handlers) and asks about it. */
    function hold(event, composer, ads) {
      event.preventDefault();
      event.stopImmediatePropagation();
      const [first] = ads;
      asking.set(first, { composer, ads: new Map(ads.map((editor) => [editor, textOf(editor)])) });
      const others = ads.length - 1;
      const question = others ? t("card_post_anyway_thread", ads.length) : t("card_post_anyway_question");
      const caret = editorText.saveCaret(first);
      compose.panelOf(first)?.confirmPost(question, () => editorText.restoreCaret(first, caret));
    }

    /** @param {Event} event @param {Element} composer */
    function attempt(event, composer) {
      const editors = x.editorsOf(composer).filter(compose.watches);
      if (editors.length === 0) return;
      if (nudging()) {
        const ads = editors.filter(needsAsking);
        if (ads.length > 0) return hold(event, composer, ads);
      }
      for (const listener of listeners) listener({ composer, editors });
    }

    /** @param {MouseEvent} event */
    function clicked(event) {
      const button = x.postButtonAt(event.target);
      if (!button || x.isDisabled(button)) return;
      const composer = x.composerOf(button);
      if (composer) attempt(event, composer);
    }

    /** @param {KeyboardEvent} event */
    function keyed(event) {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      const editor = compose.editorAt(event.target);
      const composer = editor && x.composerOf(editor);
      if (!composer) return;
      const button = x.postButtonOf(composer);
      if (button && x.isDisabled(button)) return;
      attempt(event, composer);
    }

    /** Forgets the question an editor's card asked (closed, answered, or its text changed). */
    function dismiss(editor) {
      if (!asking.delete(editor)) return;
      compose.panelOf(editor)?.closeConfirm();
    }

    function postAnyway(editor) {
      const question = asking.get(editor);
      dismiss(editor);
      if (!question) return;
      for (const [ad, text] of question.ads) released.set(ad, text);
      // Focus may have moved X's toolbar (and its button) to another post: find it again.
      const button = x.postButtonOf(question.composer);
      if (button && !x.isDisabled(button)) button.click();
    }

    function keepEditing(editor) {
      dismiss(editor);
      if (document.activeElement !== editor) editor.focus({ preventScroll: true });
    }

    /** A draft the question was about changed: the question no longer stands. */
    function edited(editor) {
      for (const [asker, question] of asking) {
        const asked = question.ads.get(editor);
        if (asked !== undefined && asked !== textOf(editor)) dismiss(asker);
      }
    }

    function start(signal) {
      // Window, capture phase: before X's own handlers see the click or the key.
      window.addEventListener("click", clicked, { capture: true, signal });
      window.addEventListener("keydown", keyed, { capture: true, signal });
      compose.on("post-anyway", postAnyway, signal);
      compose.on("keep-editing", keepEditing, signal);
      compose.on("card-closed", dismiss, signal);
      compose.on("edited", edited, signal);
      compose.on(
        "cleared",
        (editor) => {
          released.delete(editor);
          edited(editor);
        },
        signal,
      );
      signal.addEventListener("abort", () => (asking.clear(), listeners.clear()), { once: true });
    }

    return {
      start,
      /**
       * Hears every attempt to post that the nudge let through.
       * @param {(attempt: {composer: Element, editors: HTMLElement[]}) => void} listener
       * @param {AbortSignal} signal
       */
      onPost(listener, signal) {
        listeners.add(listener);
        signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
      },
    };
  },
);
