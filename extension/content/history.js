// The session tally (drafts checked, pure ads caught, warnings acted on, posted anyway, posts
// made) and the posts a composer sends, recorded to the account's history.
//
// An attempt to post is not yet a post: X may fail to send it. The posts of an attempt the
// nudge let through (post-guard.js) are recorded only once the composer lets go of every
// one of them (each editor emptied or removed) within POST_WAIT_MS. A thread is recorded
// whole, whichever of its posts had the focus (and X's toolbar) when Post all was clicked.
"use strict";

Salesy.define(
  "history",
  ["x", "messages", "settings", "editorText", "compose", "postGuard", "account"],
  ({ x, messages, settings, editorText, compose, postGuard, account }) => {
    const POST_WAIT_MS = 10_000;
    /** @type {WeakMap<HTMLElement, {text: string, verdict: string, score: number, counted: boolean, wasPureAd: boolean}>} */
    const drafts = new WeakMap();
    /** Editors whose post is being watched (a double click must not record it twice). */
    const watching = new WeakSet();
    const timers = new Set();

    /** @param {HTMLElement} editor @param {{answer: any, text: string}} detail */
    function sawVerdict(editor, { answer, text }) {
      const state = drafts.get(editor) ?? { counted: false, wasPureAd: false };
      const counts = {};
      if (!state.counted) counts.checked = 1;
      if (answer.verdict === "pure_ad" && !state.wasPureAd) counts.caught = 1;
      drafts.set(editor, {
        ...state,
        text,
        verdict: answer.verdict,
        score: answer.score,
        counted: true,
        wasPureAd: state.wasPureAd || answer.verdict === "pure_ad",
      });
      if (counts.checked || counts.caught) messages.tell("tally-bump", { counts });
    }

    function left(editor) {
      return !editor.isConnected || !editorText.read(editor).text.trim();
    }

    /** @param {{composer: Element, editors: HTMLElement[]}} attempt */
    function watchPost({ composer, editors }) {
      if (settings.paused || messages.gone()) return;
      const taken = editors
        .filter((editor) => !watching.has(editor))
        .map((editor) => ({ editor, text: editorText.read(editor).text, state: drafts.get(editor) }))
        .filter((draft) => draft.text.trim());
      if (taken.length === 0) return;
      for (const draft of taken) watching.add(draft.editor);
      const done = () => taken.forEach((draft) => watching.delete(draft.editor));
      // Decided now: once posted, the composer (and the dialog it was in) is gone.
      const handle = account.ofComposer(composer);
      const reply = x.isReplyComposer(composer);
      const clicked = Date.now();
      const timer = setInterval(() => {
        if (!taken.every((draft) => left(draft.editor))) {
          if (Date.now() - clicked <= POST_WAIT_MS) return;
          clearInterval(timer);
          timers.delete(timer);
          return done();
        }
        clearInterval(timer);
        timers.delete(timer);
        done();
        record(handle, taken, reply, clicked);
      }, 100);
      timers.add(timer);
    }

    function record(handle, taken, reply, clicked) {
      const tally = { posts: taken.length, postedAnyway: 0, actedOn: 0 };
      const posts = taken.map((draft, index) => {
        const known = draft.state && draft.state.text === draft.text ? draft.state : null;
        if (known?.verdict === "pure_ad") tally.postedAnyway++;
        else if (known && draft.state?.wasPureAd) tally.actedOn++;
        return {
          // Its own id from the start: sent again after a stopped worker, it is the same post.
          id: `local-${clicked.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
          text: draft.text,
          verdict: known?.verdict,
          score: known?.score,
          // A thread's posts keep their order.
          at: new Date(clicked + index).toISOString(),
          // Each post of a thread after the first answers the one before it.
          reply: reply || index > 0,
        };
      });
      // Without a handle the background uses the account it saw last. The post has left the
      // composer, so the record is sent until the background has it.
      messages.deliver("history-record", { account: handle ?? undefined, posts, tally });
    }

    function start(signal) {
      compose.on("verdict", sawVerdict, signal);
      compose.on("cleared", (editor) => drafts.delete(editor), signal);
      postGuard.onPost(watchPost, signal);
      signal.addEventListener("abort", () => timers.forEach((timer) => clearInterval(timer)), { once: true });
    }

    return { start };
  },
);
