// Watches every X compose editor: reads its text when it changes, asks the engine, paints the
// findings and updates the panel. Editors come and go (X is a single-page app), so each one
// gets a session that ends when the editor leaves the page (or stops being one Salesy can
// read). Other features hear about drafts through `on(...)`: a verdict, a draft emptied, an
// edit, and what the user answered in the card.
"use strict";

Salesy.define(
  "compose",
  ["x", "messages", "settings", "editorText", "offsets", "highlights", "hints", "panel", "account", "pageChanges", "i18n"],
  ({ x, messages, settings, editorText, offsets, highlights, hints, panel: panels, account, pageChanges, i18n: { t } }) => {
    // Keystroke to highlight: a short pause, then one check. While a check is out, edits only
    // mark the draft dirty and its answer starts the next one: per editor at most one check in
    // flight and one queued, the newest edit replacing the queued one. The pause grows with
    // the last check's round trip (a long draft), so checks never pile up behind the engine.
    // 50 ms meets the keystroke-to-highlight target (p95 ≤ 80 ms). It once made one editor-
    // safety soak script in 150 fail: a chip placed a frame after its editor grew (panel.js
    // now places it at once) and the soak clicking a chip while it was being repainted.
    const CHECK_DEBOUNCE_MS = 50;
    const ROUND_TRIP_FACTOR = 1.5;
    // A 25 000-character check takes ~0.4 s; a round trip longer than that waited for the
    // engine to start, which says nothing of how long the next check will take.
    const MAX_DELAY_MS = 750;
    // X's longest post is 25 000 characters; past twice that (a pasted document) the draft is
    // not a post, and checking it would only keep the engine busy.
    const MAX_CHECK_LENGTH = 50_000;

    /**
     * "judged": the editor's verdict changed or went (emptied, paused, too long, failed, or the
     * editor left the page); `verdictOf` says what it is now.
     * @typedef {"verdict" | "cleared" | "edited" | "judged" | "post-anyway" | "keep-editing" | "card-closed"} DraftEvent
     * @type {Map<DraftEvent, Set<(editor: HTMLElement, detail?: any) => void>>}
     */
    const listeners = new Map();
    /** @param {DraftEvent} type @param {HTMLElement} editor @param {any} [detail] */
    function emit(type, editor, detail) {
      for (const listener of listeners.get(type) ?? []) listener(editor, detail);
    }

    /** @type {Map<HTMLElement, ReturnType<typeof startSession>>} */
    const sessions = new Map();
    // A compose box on the page: start the engine now (its cold start is ~1 s), so the first
    // keystroke finds it ready. Once per page; the background ignores a warm engine's.
    let warmed = false;

    /** @param {HTMLElement} editor */
    function startSession(editor) {
      if (!warmed) {
        warmed = true;
        messages.tell("warm");
      }
      let timer = 0;
      let generation = 0;
      let inFlight = false;
      /** An edit (or a recheck) arrived while a check was out: check again after its answer. */
      let dirty = false;
      let lastRoundTrip = 0;
      let stopped = false;
      /** The last answer, for the post guard; null while the draft is empty or unchecked. */
      let result = null;
      /** @param {any} answer */
      function setResult(answer) {
        const before = result?.verdict ?? null;
        result = answer;
        if ((answer?.verdict ?? null) !== before) emit("judged", editor);
      }
      /** Phrases the user chose to ignore in this draft ("Ignore here"). */
      const ignored = new Set();
      let snapshot = editorText.read(editor);
      const since = performance.now();

      const panel = panels.create(
        editor,
        {
          ignore(findings) {
            const phrases = [...new Set(findings.map((finding) => finding.text.toLowerCase()))];
            for (const phrase of phrases) ignored.add(phrase);
            const words = findings.map((finding) => `“${finding.text}”`).join(", ");
            panel.toast(t("toast_ignored", words), () => {
              for (const phrase of phrases) ignored.delete(phrase);
              check();
            });
            check();
          },
          showIgnored() {
            ignored.clear();
            check();
          },
          disableRule(rule) {
            // Refused when the config would fail its own examples: the card says why. Undo
            // switches it back the same way (your config, not this draft, changed).
            setRule(rule, false).then((saved) => {
              if (saved) panel.toast(t("toast_rule_off", rule), () => setRule(rule, true));
            });
          },
          openDoc(rule) {
            messages.tell("open-rule-doc", { rule });
          },
          flash(finding) {
            const toUtf16 = offsets.codePointToUtf16(snapshot.text);
            const range = snapshot.rangeAt(toUtf16(finding.start), toUtf16(finding.end));
            if (range) highlights.flash(range);
          },
          postAnyway: () => emit("post-anyway", editor),
          keepEditing: () => emit("keep-editing", editor),
          closed: () => emit("card-closed", editor),
        },
        { editors: () => sessions.keys() },
      );

      /** @param {string} rule @param {boolean} enabled @returns {Promise<boolean>} saved */
      function setRule(rule, enabled) {
        return messages.ask("set-rule", { rule, enabled }).then(
          () => true,
          (error) => {
            panel.showRefusal(String(error?.message ?? error));
            return false;
          },
        );
      }

      const delay = () => Math.min(MAX_DELAY_MS, Math.max(CHECK_DEBOUNCE_MS, ROUND_TRIP_FACTOR * lastRoundTrip));

      async function check() {
        clearTimeout(timer);
        timer = 0;
        if (stopped) return;
        if (messages.gone()) return stop();
        const current = ++generation; // makes the answer of a check still out stale
        if (inFlight) {
          dirty = true;
          return;
        }
        inFlight = true;
        try {
          await checkNow(current);
        } finally {
          inFlight = false;
          if (dirty && !stopped) {
            dirty = false;
            timer = setTimeout(check, delay());
          } else if (current === generation && !timer) {
            // Still pending while a newer edit waits for its own check (the debounce timer).
            panel.setPending(false);
          }
        }
      }

      /** @param {number} current this check's generation; a newer one makes its answer stale */
      async function checkNow(current) {
        const { text } = editorText.read(editor);
        if (!text.trim() || settings.paused) {
          setResult(null);
          highlights.clear(editor);
          panel.show(null);
          if (!text.trim()) {
            ignored.clear();
            emit("cleared", editor);
          }
          return;
        }
        if (text.length > MAX_CHECK_LENGTH) {
          setResult(null);
          highlights.clear(editor);
          panel.showNotice(
            t("too_long"),
            t("too_long_detail", text.length.toLocaleString(), MAX_CHECK_LENGTH.toLocaleString()),
            "too_long",
          );
          return;
        }
        let answer;
        try {
          const asked = performance.now();
          answer = await messages.ask("check", { text, allow: [...ignored] });
          lastRoundTrip = performance.now() - asked;
        } catch (error) {
          if (current !== generation || messages.gone()) return;
          setResult(null);
          highlights.clear(editor);
          panel.showError(String(error?.message ?? error));
          return;
        }
        // A pure ad's card says how posting it would move the account's balance.
        const balanceNote = answer.verdict === "pure_ad" ? await account.balanceNote(editor) : undefined;
        // A newer edit is already on its way: this answer describes text that no longer exists.
        if (current !== generation) return;
        snapshot = editorText.read(editor);
        if (snapshot.text !== text) return;
        const toUtf16 = offsets.codePointToUtf16(text);
        const marks = [];
        for (const finding of hints.underlined(answer, { value: settings.valueUnderlines })) {
          const range = snapshot.rangeAt(toUtf16(finding.start), toUtf16(finding.end));
          if (range) marks.push({ range, category: finding.category });
        }
        setResult(answer);
        highlights.paint(editor, marks);
        panel.show(answer, { balanceNote, ignored: ignored.size });
        emit("verdict", editor, { answer, text });
      }

      function schedule() {
        panel.setPending(true);
        if (inFlight) dirty = true; // its answer starts the next check
        else {
          clearTimeout(timer);
          timer = setTimeout(check, delay());
        }
        emit("edited", editor);
      }

      const observer = new MutationObserver(schedule);
      observer.observe(editor, { characterData: true, childList: true, subtree: true });
      schedule();

      function stop() {
        stopped = true;
        clearTimeout(timer);
        observer.disconnect();
        highlights.clear(editor);
        panel.remove();
        sessions.delete(editor);
        emit("judged", editor);
      }

      return {
        stop,
        recheck: check,
        since,
        get verdict() {
          return result?.verdict ?? null;
        },
        panel,
      };
    }

    function scan() {
      for (const [editor, session] of sessions) {
        if (!editor.isConnected || !editor.matches(x.Selectors.EDITOR)) session.stop();
      }
      for (const editor of document.querySelectorAll(x.Selectors.EDITOR)) {
        const element = /** @type {HTMLElement} */ (editor);
        if (!sessions.has(element)) sessions.set(element, startSession(element));
      }
      // X moves things without resizing an editor (a thread's toolbar follows the focus).
      panels.placeAll();
    }

    /** True when a change happened inside a watched editor (its own session sees those). */
    function insideAnEditor(record) {
      const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      const editor = /** @type {Element | null} */ (node)?.closest(x.Selectors.EDITOR);
      return Boolean(editor && sessions.has(/** @type {HTMLElement} */ (editor)) && record.type !== "attributes");
    }

    function start(signal) {
      // A rule switched off, a site paused or resumed, value underlines switched: every open
      // draft is checked and painted again.
      settings.onChange((what) => {
        if (what === "history") return; // a post recorded changes no draft's verdict
        for (const session of sessions.values()) session.recheck();
      }, signal);
      pageChanges.subscribe((records) => {
        if (records.length > 0 && records.every(insideAnEditor)) return;
        scan();
      }, signal);
      settings.ready.then(() => {
        if (!signal.aborted) scan();
      });
      signal.addEventListener(
        "abort",
        () => {
          for (const session of [...sessions.values()]) session.stop();
          listeners.clear();
        },
        { once: true },
      );
    }

    return {
      start,
      /**
       * @param {DraftEvent} type
       * @param {(editor: HTMLElement, detail?: any) => void} listener @param {AbortSignal} signal
       */
      on(type, listener, signal) {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)?.add(listener);
        signal.addEventListener("abort", () => listeners.get(type)?.delete(listener), { once: true });
      },
      /** Whether Salesy watches this editor. @param {Element} editor */
      watches: (editor) => sessions.has(/** @type {HTMLElement} */ (editor)),
      /** The watched editor holding `node`, if any. @param {EventTarget | null} node */
      editorAt(node) {
        if (!(node instanceof Node)) return null;
        for (const editor of sessions.keys()) if (editor.contains(node)) return editor;
        return null;
      },
      /** Every watched editor. */
      editors: () => [...sessions.keys()],
      /** @param {HTMLElement} editor */
      verdictOf: (editor) => sessions.get(editor)?.verdict ?? null,
      /** @param {HTMLElement} editor */
      panelOf: (editor) => sessions.get(editor)?.panel ?? null,
      /** When Salesy started watching this editor (performance.now()). @param {HTMLElement} editor */
      watchedSince: (editor) => sessions.get(editor)?.since ?? null,
    };
  },
);
