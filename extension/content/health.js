// Failures that show. When X changes its page, Salesy's selectors (x.js) stop finding things
// and every feature would fail silently: no checking, a nudge that never asks, posts counted
// for no one. This checks, as the page changes, that Salesy can see what it needs (a compose
// box it can read, a Post button for each draft, the signed-in account), logs each thing it
// cannot see once, and tells the popup in plain words.
"use strict";

Salesy.define(
  "health",
  ["x", "messages", "compose", "pageChanges"],
  ({ x, messages, compose, pageChanges }) => {
    // X renders its side bar and toolbars a moment after the page: judge only after that.
    const GRACE_MS = 2500;
    const CHECK_EVERY_MS = 1000;
    /** @type {Record<string, string>} what the user reads, by problem */
    const MESSAGES = {
      "compose-box":
        "Salesy can't see X's compose box on this page — X may have changed; checking is off.",
      "plain-compose-box":
        "Salesy can't read this compose box (X shows a plain text box here, as on phones); checking is off.",
      "post-button":
        "Salesy can't find X's Post button for your draft — X may have changed; posts you make here are not added to your balance, and the nudge before posting can't ask.",
      account:
        "Salesy can't see which X account is signed in on this page — X may have changed; your posts may be counted for the wrong account.",
    };
    const logged = new Set();
    let path = location.pathname;
    let pathSince = performance.now();

    /** @returns {{problems: {kind: string, message: string}[], account: string | null, page: string}} */
    function report() {
      const now = performance.now();
      if (location.pathname !== path) {
        path = location.pathname;
        pathSince = now;
      }
      const settled = now - pathSince > GRACE_MS;
      const kinds = [];
      const unreadable = x.unreadableComposeBoxes();
      const watched = compose.editors();
      if (unreadable.some((box) => box.matches(x.Selectors.PLAIN_EDITOR))) kinds.push("plain-compose-box");
      else if (unreadable.length > 0 || (settled && watched.length === 0 && x.expectsComposer())) {
        kinds.push("compose-box");
      }
      const buttonless = watched.some((editor) => {
        const since = compose.watchedSince(editor) ?? now;
        const composer = x.composerOf(editor);
        return now - since > GRACE_MS / 2 && !(composer && x.postButtonOf(composer));
      });
      if (buttonless) kinds.push("post-button");
      const handle = x.signedInHandle();
      const app = watched.length > 0 || document.querySelector('nav[role="navigation"], [data-testid="primaryColumn"]');
      if (!handle && settled && app && !x.signedOut()) kinds.push("account");
      return {
        problems: kinds.map((kind) => ({ kind, message: MESSAGES[kind] })),
        account: handle,
        page: location.hostname + location.pathname,
      };
    }

    /** Logs each problem once per page load: enough to notice, never a flood. */
    function check() {
      for (const { kind, message } of report().problems) {
        if (logged.has(kind)) continue;
        logged.add(kind);
        console.warn(`Salesy: ${message}`);
      }
    }

    function start(signal) {
      messages.answer("page-health", report, signal);
      let timer = 0;
      const soon = () => {
        timer ||= setTimeout(() => {
          timer = 0;
          check();
        }, CHECK_EVERY_MS);
      };
      pageChanges.subscribe(soon, signal);
      // Also once the grace period is over, in case the page changes no more.
      const settledTimer = setTimeout(check, GRACE_MS + 100);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          clearTimeout(settledTimer);
        },
        { once: true },
      );
    }

    return { start, report };
  },
);
