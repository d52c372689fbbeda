// The panel beside one editor: the verdict chip, the hint card it opens, and a polite live
// region. It lives in its own shadow root attached outside the editor (inside X's compose
// dialog when the editor is in one, so the dialog's focus trap lets the keyboard reach it),
// so neither X's styles nor X's React tree can reach it, and it never takes focus or the
// caret unasked. Alt+Shift+S in the editor opens the card with the keyboard (keyboard.js);
// Escape closes it and gives the editor its focus and caret back.
"use strict";

Salesy.define("panel", ["x", "hints", "i18n"], ({ x, hints, i18n: { t, verdictLabel } }) => {
  const PANEL_STYLE = `
    :host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483000; }
    :host([hidden]) { display: none; }
    .panel {
      --paper: #fff; --ink: #0f1419; --muted: #536471; --line: rgb(0 0 0 / 0.12);
      --ok: #00ba7c; --promo: #c77700; --ad: #f4212e; --accent: #1d9bf0;
      font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
      position: relative;
    }
    .panel[data-theme="dim"] { --paper: #15202b; --ink: #f7f9f9; --muted: #8b98a5; --line: rgb(255 255 255 / 0.2); }
    .panel[data-theme="dark"] { --paper: #000; --ink: #e7e9ea; --muted: #71767b; --line: rgb(255 255 255 / 0.25); }
    button { font: inherit; color: inherit; cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .chip {
      display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px;
      border-radius: 999px; border: 1px solid var(--line); background: var(--paper);
      font-weight: 600; font-size: 12px; line-height: 18px; white-space: nowrap;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
    }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--muted); flex: none; }
    [data-verdict="ok"] .dot { background: var(--ok); }
    [data-verdict="promotional"] .dot { background: var(--promo); }
    [data-verdict="pure_ad"] .chip { border-color: var(--ad); }
    [data-verdict="pure_ad"] .dot { background: var(--ad); }
    .card {
      position: absolute; left: 0; top: calc(100% + 6px); box-sizing: border-box;
      width: max-content; max-width: min(380px, calc(100vw - 16px));
      max-height: min(460px, calc(100vh - 16px)); overflow: auto; overscroll-behavior: contain;
      background: var(--paper); color: var(--ink); border: 1px solid var(--line);
      border-radius: 12px; padding: 12px 14px; box-shadow: 0 4px 18px rgb(0 0 0 / 0.2);
    }
    .card[hidden], .confirm[hidden], .balance[hidden], .skipped[hidden], .truncated[hidden],
    .refused[hidden], .score[hidden], .counted[hidden], .works[hidden], .findings[hidden],
    .reveal[hidden], .ignore[hidden], .toast[hidden], .ignored[hidden], .language[hidden],
    .thread[hidden], .thread-line[hidden] { display: none; }
    /* The first post's chip says how the whole thread reads, in the worst verdict's colour. */
    .thread { padding-left: 6px; border-left: 1px solid var(--line); }
    .thread[data-worst="promotional"] { color: var(--promo); }
    .thread[data-worst="pure_ad"] { color: var(--ad); }
    .thread-line { margin: 8px 0 0; }
    [data-language="other"] .dot { background: var(--muted); }
    [data-language="other"] .chip { border-color: var(--line); }
    .language { margin: 8px 0 0; }
    .toast {
      position: sticky; top: -12px; z-index: 1; display: flex; gap: 8px; align-items: center;
      margin: 8px 0 0; padding: 6px 10px; border-radius: 8px; background: var(--ink); color: var(--paper);
    }
    .toast .undo { border: 0; background: none; color: inherit; font-weight: 700; text-decoration: underline; padding: 0; }
    .ignored { margin: 8px 0 0; font-size: 12px; color: var(--muted); }
    .show-ignored { border: 0; background: none; padding: 0; color: var(--accent); font-size: 12px; }
    header { display: flex; gap: 8px; align-items: start; }
    .summary { margin: 0; font-weight: 600; flex: 1; }
    .close { border: 0; background: none; font-size: 18px; line-height: 1; padding: 0 2px; color: var(--muted); }
    .balance { margin: 8px 0 0; color: var(--ad); }
    .skipped, .truncated { margin: 8px 0 0; font-size: 13px; opacity: 0.8; }
    .refused { margin: 8px 0 0; color: var(--ad); }
    .confirm { margin: 10px 0 0; padding: 10px; border-radius: 8px; border: 1px solid var(--ad); }
    .confirm p { margin: 0 0 8px; font-weight: 600; }
    ol { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 10px; }
    li { border-left: 3px solid var(--muted); padding-left: 8px; }
    li[data-category="promotion"] { border-color: #f4212e; }
    li[data-category="engagement"] { border-color: #e66e00; }
    li[data-category="disclosure"] { border-color: #7856ff; }
    li[data-category="value"] { border-color: var(--ok); }
    .score { display: flex; align-items: center; gap: 8px; margin: 8px 0 0; font-size: 12px; color: var(--muted); }
    .meter { flex: 1; max-width: 120px; height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
    .meter > span { display: block; height: 100%; background: var(--muted); }
    [data-verdict="promotional"] .meter > span { background: var(--promo); }
    [data-verdict="pure_ad"] .meter > span { background: var(--ad); }
    .counted, .works { margin: 8px 0 0; }
    .works { color: var(--muted); }
    .reveal { border: 0; background: none; padding: 0; color: var(--accent); font-size: 12px; }
    .entry-head { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
    .title { font-weight: 700; }
    .count, .points { color: var(--muted); font-size: 12px; }
    .rule-id { color: var(--muted); font-size: 11px; margin-left: auto; }
    .word-list { margin: 2px 0 0; }
    .words { border: 0; background: none; padding: 0; font-weight: 600; text-align: start; }
    .words:hover { text-decoration: underline; }
    .message, .suggestion { margin: 2px 0 0; }
    .why { color: var(--accent); font-size: 12px; align-self: center; }
    .suggestion { color: var(--muted); }
    .actions { display: flex; gap: 8px; margin-top: 4px; flex-wrap: wrap; }
    .actions button, .confirm button {
      border: 1px solid var(--line); background: none; border-radius: 999px; padding: 1px 10px; font-size: 12px;
    }
    .confirm .post-anyway { border-color: var(--ad); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `;

  const SHORTCUT = "Alt+Shift+S";

  // Every panel is placed again when any editor changes size: a post of a thread that grows
  // moves the editors below it, and a chip left behind would sit on their text.
  /** @type {Set<{place: () => void, placeNow: () => void}>} */
  const panelPlacers = new Set();
  // An editor grew (a paste, a new line): place every chip at once, after layout and before
  // the frame is painted. A frame later would leave a chip over the next post's text for one
  // frame, and a click there would go to Salesy instead of the editor.
  const editorResizes = new ResizeObserver(() => panelPlacers.forEach(({ placeNow }) => placeNow()));

  /** Places every panel again (X moved things: a thread's toolbar follows the focus). */
  function placeAll() {
    panelPlacers.forEach(({ place }) => place());
  }

  /**
   * @typedef {{rule: string, name: string, category: string, start: number, end: number,
   *            text: string, message: string, suggestion: string}} Finding
   * @typedef {{ignore: (f: Finding[]) => void, disableRule: (rule: string) => void,
   *            openDoc: (rule: string) => void, flash: (f: Finding) => void,
   *            showIgnored: () => void,
   *            postAnyway: () => void, keepEditing: () => void, closed: () => void}} PanelActions
   * @typedef {{editors: () => Iterable<HTMLElement>}} PanelOptions
   */

  /**
   * @param {HTMLElement} editor @param {PanelActions} actions
   * @param {PanelOptions} options `editors`: every watched editor, which a chip must not cover
   */
  function create(editor, actions, options) {
    const host = document.createElement("div");
    host.setAttribute("data-salesy", "panel");
    // Which editor this panel belongs to (tests and benchmarks find a panel by it).
    host.setAttribute("data-editor", editor.getAttribute("data-testid") ?? "");
    host.hidden = true;
    // Closed: X's page scripts cannot read the card ("Posting this would make 6 of your last 6
    // posts promotional") nor reach its buttons; only this closure holds the root.
    const root = host.attachShadow({ mode: "closed" });
    root.innerHTML = `<style>${PANEL_STYLE}</style>
      <div class="panel">
        <button class="chip" type="button" aria-expanded="false" aria-controls="card"
          aria-keyshortcuts="${SHORTCUT}">
          <span class="dot" aria-hidden="true"></span><span class="label"></span>
          <span class="thread" hidden></span>
        </button>
        <section class="card" id="card" role="dialog" aria-label="${t("card_label")}" hidden>
          <header><p class="summary"></p>
            <button class="close" type="button" aria-label="${t("card_close")}">×</button></header>
          <p class="score" hidden><span class="score-label"></span><span class="meter" aria-hidden="true"><span></span></span></p>
          <p class="thread-line" hidden></p>
          <p class="language" hidden></p>
          <div class="toast" role="status" hidden><span class="toast-text"></span>
            <button class="undo" type="button">${t("card_undo")}</button></div>
          <p class="ignored" hidden><span class="ignored-text"></span>
            <button class="show-ignored" type="button">${t("card_show_again")}</button></p>
          <p class="balance" hidden></p>
          <p class="skipped" hidden></p>
          <p class="truncated" hidden></p>
          <p class="refused" role="alert" hidden></p>
          <div class="confirm" hidden>
            <p>${t("card_post_anyway_question")}</p>
            <button class="post-anyway" type="button">${t("card_post_anyway")}</button>
            <button class="keep-editing" type="button">${t("card_keep_editing")}</button>
          </div>
          <p class="counted" hidden><span class="counted-text"></span>
            <button class="reveal" type="button" aria-expanded="false">${t("card_show_them")}</button></p>
          <ol class="findings"></ol>
          <p class="works" hidden></p>
        </section>
        <div class="live visually-hidden" aria-live="polite"></div>
      </div>`;
    // The card's parts are made once, above: each is looked up once.
    /** @type {Map<string, HTMLElement>} */
    const parts = new Map();
    const $ = (selector) => {
      let part = parts.get(selector);
      if (!part) {
        part = /** @type {HTMLElement} */ (root.querySelector(selector));
        parts.set(selector, part);
      }
      return part;
    };
    /** Sets a part's text only when it changes: most answers change a few words of the card. */
    const setText = (selector, text) => {
      const part = $(selector);
      if (part.textContent !== text) part.textContent = text;
    };
    const panel = $(".panel");
    const chip = $(".chip");
    const card = $(".card");
    const live = $(".live");
    x.overlayParent(editor).append(host);

    /** True when a box at (left, top) of this size would cover part of a watched editor. */
    function coversAnEditor(left, top, width, height) {
      return [...options.editors()].some((other) => {
        const box = other.getBoundingClientRect();
        return left < box.right && left + width > box.left && top < box.bottom && top + height > box.top;
      });
    }

    /** The card's entries now: one per rule that counted, biggest first (hints.js). */
    let entries = /** @type {ReturnType<typeof hints.entriesOf>["entries"]} */ ([]);
    /** On a post judged OK the entries are shown on request only ("Show them"). */
    let revealed = false;
    let lastVerdict = "";
    // Counts answers painted, so tests and benchmarks can tell "updated" from "unchanged".
    let updates = 0;
    let announcedShortcut = false;
    /** Where the keyboard goes back to when the card closes (opened from the editor). */
    let returnFocus = /** @type {(() => void) | null} */ (null);

    // Clicking Salesy's buttons must not pull focus (and the caret) out of X's editor.
    panel.addEventListener("mousedown", (event) => event.preventDefault());

    function open() {
      card.hidden = false;
      chip.setAttribute("aria-expanded", "true");
      place();
    }

    /** Closes the card; the question "post anyway?" goes with it, and focus goes back. */
    function close({ refocus = true } = {}) {
      if (card.hidden) return;
      card.hidden = true;
      $(".confirm").hidden = true;
      reveal(false);
      chip.setAttribute("aria-expanded", "false");
      place();
      const back = returnFocus;
      returnFocus = null;
      actions.closed();
      if (refocus) back?.();
    }

    /**
     * Salesy's buttons answer the person at the keyboard or mouse, not a script: a click the
     * page synthesizes (element.click(), dispatchEvent) is not trusted and does nothing.
     * @param {Element} element @param {(event: MouseEvent) => void} handler
     */
    function onPress(element, handler) {
      element.addEventListener("click", (event) => {
        if (/** @type {MouseEvent} */ (event).isTrusted) handler(/** @type {MouseEvent} */ (event));
      });
    }

    onPress(chip, () => (card.hidden ? open() : close()));
    onPress($(".close"), () => close());
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || card.hidden) return;
      // X closes its compose dialog on Escape: this one is Salesy's, and ends here.
      event.stopPropagation();
      event.preventDefault();
      swallowKeyUp("Escape");
      const toChip = !returnFocus;
      close();
      if (toChip) chip.focus();
    });
    onPress($(".post-anyway"), () => actions.postAnyway());
    onPress($(".keep-editing"), () => {
      close();
      actions.keepEditing();
    });
    // The "Why?" links open the rule's documentation through the extension (a page on x.com
    // may not open an extension page itself), never by the link's own navigation.
    $(".findings").addEventListener("click", (event) => {
      if (/** @type {HTMLElement} */ (event.target).closest("a")) event.preventDefault();
    });
    onPress($(".findings"), (event) => {
      const target = /** @type {HTMLElement} */ (event.target).closest("button, a");
      const item = target?.closest("li");
      if (!target || !item) return;
      const entry = entries[Number(item.dataset.index)];
      if (!entry) return;
      if (target.classList.contains("words")) actions.flash(entry.findings[Number(target.dataset.finding)]);
      else if (target.classList.contains("ignore")) actions.ignore(entry.findings);
      else if (target.classList.contains("disable")) actions.disableRule(entry.rule);
      else if (target.classList.contains("why")) actions.openDoc(entry.rule);
    });
    onPress($(".reveal"), () => reveal(!revealed));
    onPress($(".show-ignored"), () => actions.showIgnored());

    // "Ignore here" and "Turn off this rule" can be taken back for a while: a toast says
    // what was done, with Undo.
    const TOAST_MS = 8000;
    let toastTimer = 0;
    let undoToast = /** @type {(() => void) | null} */ (null);
    onPress($(".undo"), () => {
      const undo = undoToast;
      hideToast();
      undo?.();
    });

    /** @param {string} message @param {() => void} undo */
    function toast(message, undo) {
      clearTimeout(toastTimer);
      $(".toast-text").textContent = message;
      $(".toast").hidden = false;
      undoToast = undo;
      toastTimer = setTimeout(hideToast, TOAST_MS);
      if (!card.hidden) place();
    }

    function hideToast() {
      clearTimeout(toastTimer);
      $(".toast").hidden = true;
      undoToast = null;
    }

    /** Shows or folds the entries of a post judged OK. @param {boolean} show */
    function reveal(show) {
      revealed = show;
      const folded = panel.dataset.verdict === "ok" && !revealed;
      $(".findings").hidden = folded;
      const expanded = String(!folded);
      if ($(".reveal").getAttribute("aria-expanded") !== expanded) $(".reveal").setAttribute("aria-expanded", expanded);
      setText(".reveal", t(folded ? "card_show_them" : "card_hide_them"));
    }

    let frame = 0;
    /** The translation the panel has now. */
    let shifted = { x: 0, y: 0 };
    /** Places the panel on the next frame (several changes in one frame place it once). */
    function place() {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(placeNow);
    }

    function placeNow() {
      cancelAnimationFrame(frame);
      // X's React may re-render the dialog's children: come back if it dropped the panel.
      if (!host.isConnected && editor.isConnected) x.overlayParent(editor).append(host);
      const rect = editor.getBoundingClientRect();
      const width = chip.offsetWidth;
      // Just below the editor's right edge: clear of the text and of X's toolbar buttons,
      // and always inside the window (narrow windows, 200 % zoom).
      let left = Math.max(8, Math.min(rect.right - width, innerWidth - width - 8));
      let top = rect.bottom + 4;
      // A draft that fills its box has the next post of the thread right below it: a chip
      // there would take the clicks meant for that editor. Beside the last line instead.
      if (coversAnEditor(left, top, width, chip.offsetHeight) && rect.right + 8 + width <= innerWidth - 8) {
        left = rect.right + 8;
        top = rect.bottom - chip.offsetHeight;
      }
      // Inside X's dialog, a transformed ancestor would make `fixed` relative to itself:
      // measure where the panel's origin really is, and offset by that.
      const now = host.getBoundingClientRect();
      const originX = host.hidden ? 0 : Math.round(now.left - shifted.x);
      const originY = host.hidden ? 0 : Math.round(now.top - shifted.y);
      shifted = { x: Math.round(left) - originX, y: Math.round(top) - originY };
      host.style.transform = `translate(${shifted.x}px, ${shifted.y}px)`;
      if (!card.hidden) placeCard(rect, { x: Math.round(left), y: Math.round(top) });
    }

    const GAP = 8;
    const MIN_CARD_HEIGHT = 140;
    const MIN_CARD_WIDTH = 260;

    /**
     * Places the open card clear of what the writer needs: the draft and X's toolbar with
     * its character counter and Post button. Above the editor when the card fits there, else
     * beside the composer when there is room, else below the toolbar; where it fits nowhere,
     * in the largest of those places, its height capped and the rest scrollable.
     * @param {DOMRect} editorBox @param {{x: number, y: number}} origin the panel's corner
     */
    function placeCard(editorBox, origin) {
      const keep = [editorBox, ...x.composeControlsOf(editor).map((element) => element.getBoundingClientRect())]
        .filter((box) => box.width > 0 && box.height > 0)
        .reduce((a, b) => ({
          left: Math.min(a.left, b.left), top: Math.min(a.top, b.top),
          right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom),
        }));
      card.style.maxHeight = "none";
      card.style.maxWidth = "";
      const width = Math.min(card.offsetWidth, innerWidth - 2 * GAP);
      const height = card.offsetHeight;
      const zones = [
        { side: "above", left: GAP, top: GAP, right: innerWidth - GAP, bottom: keep.top - GAP },
        { side: "right", left: keep.right + GAP, top: GAP, right: innerWidth - GAP, bottom: innerHeight - GAP },
        { side: "left", left: GAP, top: GAP, right: keep.left - GAP, bottom: innerHeight - GAP },
        { side: "below", left: GAP, top: keep.bottom + GAP, right: innerWidth - GAP, bottom: innerHeight - GAP },
      ].filter((zone) => zone.right - zone.left >= Math.min(width, MIN_CARD_WIDTH) && zone.bottom - zone.top > 0);
      const fits = zones.find((zone) => zone.bottom - zone.top >= height && zone.right - zone.left >= width);
      const roomiest = [...zones].sort((a, b) => b.bottom - b.top - (a.bottom - a.top))[0];
      let zone = fits ?? roomiest;
      // Nowhere with room enough to read: over the draft's end, never below the window.
      if (!zone || zone.bottom - zone.top < MIN_CARD_HEIGHT) {
        zone = { side: "below", left: GAP, top: Math.max(GAP, innerHeight - GAP - Math.min(height, 460)), right: innerWidth - GAP, bottom: innerHeight - GAP };
      }
      const room = Math.min(460, zone.bottom - zone.top);
      const shown = Math.min(height, room);
      const boxWidth = Math.min(width, zone.right - zone.left);
      let left;
      let top;
      if (zone.side === "above" || zone.side === "below") {
        left = Math.max(zone.left, Math.min(editorBox.right - boxWidth, zone.right - boxWidth));
        top = zone.side === "above" ? zone.bottom - shown : zone.top;
      } else {
        left = zone.side === "right" ? zone.left : zone.right - boxWidth;
        top = Math.max(zone.top, Math.min(keep.top, zone.bottom - shown));
      }
      card.style.maxHeight = `${room}px`;
      card.style.maxWidth = `${boxWidth}px`;
      card.style.left = `${Math.round(left - origin.x)}px`;
      card.style.top = `${Math.round(top - origin.y)}px`;
      card.dataset.side = zone.side;
    }

    /** "+23", the points a reason added. @param {number} points */
    const plus = (points) => (points > 0 ? `+${points}` : "");

    let renderedKey = "";
    /** @type {HTMLElement | null} */
    let actionsShape = null;
    /** An entry's buttons, made once and cloned for each entry (no HTML parsed per answer). */
    function actionButtons() {
      if (!actionsShape) {
        actionsShape = document.createElement("div");
        actionsShape.className = "actions";
        const ignore = document.createElement("button");
        ignore.className = "ignore";
        ignore.type = "button";
        ignore.textContent = t("card_ignore");
        const disable = document.createElement("button");
        disable.className = "disable";
        disable.type = "button";
        disable.textContent = t("card_disable");
        const why = document.createElement("a");
        why.className = "why";
        why.target = "_blank";
        why.rel = "noopener";
        why.textContent = t("card_why");
        actionsShape.append(ignore, " ", disable, " ", why);
      }
      return actionsShape;
    }
    /**
     * One entry per rule that counted: its title and how often it fired, the words (each
     * flashes in the draft), the message and advice once, what to do about it, and its
     * documentation. @param {{findings: Finding[], reasons?: object[], score: number,
     * value?: number, verdict: string}} result
     */
    function renderFindings(result) {
      const found = result ? hints.entriesOf(result) : { entries: [], works: [] };
      // The same answer again (a recheck, a settings change) leaves the list as it is: a list
      // rebuilt between a press and its release swallows the click on its button.
      const key = JSON.stringify([found, result?.verdict, result?.value]);
      if (key === renderedKey) {
        reveal(revealed);
        return;
      }
      renderedKey = key;
      entries = found.entries;
      const list = $(".findings");
      list.replaceChildren();
      entries.forEach((entry, index) => {
        const item = document.createElement("li");
        item.dataset.category = entry.category;
        item.dataset.index = String(index);
        item.dataset.rule = entry.rule;
        const head = document.createElement("div");
        head.className = "entry-head";
        const title = document.createElement("span");
        title.className = "title";
        title.textContent = entry.title;
        head.append(title);
        if (entry.count > 1) head.append(span("count", `×${entry.count}`));
        if (entry.points) head.append(span("points", plus(entry.points)));
        head.append(span("rule-id", entry.rule));
        item.append(head);
        if (entry.findings.length) {
          const words = document.createElement("div");
          words.className = "word-list";
          entry.findings.forEach((finding, at) => {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "words";
            button.dataset.finding = String(at);
            button.textContent = `“${finding.text}”`;
            button.title = t("card_show_in_draft");
            if (at) words.append(", ");
            words.append(button);
          });
          item.append(words);
        }
        item.append(paragraph("message", entry.message), paragraph("suggestion", entry.suggestion));
        const buttons = /** @type {HTMLElement} */ (actionButtons().cloneNode(true));
        // Nothing underlined, nothing to ignore (a reason of an OK post shown on request).
        /** @type {HTMLElement} */ (buttons.querySelector(".ignore")).hidden = !entry.findings.length;
        const why = /** @type {HTMLAnchorElement} */ (buttons.querySelector(".why"));
        why.href = chrome.runtime.getURL(`options/options.html#${entry.rule}`);
        why.title = t("card_why_title", entry.rule);
        item.append(buttons);
        list.append(item);
      });
      // A score is never shown without its reasons: on an OK post they are folded into one
      // line, and listed on request.
      const ok = result?.verdict === "ok";
      $(".counted").hidden = !(ok && entries.length);
      $(".counted-text").textContent = entries.length
        ? t("card_counted", entries.map((entry) => entry.noun + (entry.points ? ` (${plus(entry.points)})` : "")).join(", "))
        : "";
      const works = found.works.map((reason) => reason.noun ?? reason.name ?? reason.rule);
      $(".works").hidden = !works.length;
      $(".works").textContent = works.length
        ? t("card_works", works.join(", ") + (result?.value ? ` (−${result.value})` : ""))
        : "";
      reveal(revealed);
    }

    /** @param {string} className @param {string} text */
    function span(className, text) {
      const element = document.createElement("span");
      element.className = className;
      element.textContent = text;
      return element;
    }

    /** @param {string} className @param {string} text */
    function paragraph(className, text) {
      const element = document.createElement("p");
      element.className = className;
      element.textContent = text;
      return element;
    }

    /**
     * @param {{verdict: string, score: number, value?: number, summary: string,
     *          findings: Finding[], reasons?: object[], language?: string,
     *          skipped?: {rule: string, name: string, error: string}[],
     *          truncated?: {checked: number, length: number}} | null} result
     * @param {{balanceNote?: string, ignored?: number}} [extra] `ignored`: phrases the user
     *   ignored in this draft
     */
    /** What the card shows now, and what it showed when a refusal came. */
    let shownKey = "";
    let refusedKey = "";
    function show(result, extra = {}) {
      if (!result) {
        close({ refocus: false });
        host.hidden = true;
        lastVerdict = "";
        return;
      }
      panel.dataset.theme = x.theme();
      if (result.verdict !== panel.dataset.verdict) revealed = false;
      panel.dataset.verdict = result.verdict;
      // Salesy's rules read English: a draft in another language gets no verdict of its own
      // (never a green OK it could not earn); what its English words show stays in the card.
      const english = result.language !== "other";
      panel.dataset.language = english ? "en" : "other";
      const label = english ? verdictLabel(result.verdict) : t("card_english_only");
      // The number is how promotional the draft reads, not a grade: it says so.
      const score = t("card_score", result.score);
      setText(".label", english ? `${label} · ${score}` : label);
      $(".language").hidden = english;
      setText(
        ".language",
        english
          ? ""
          : t("card_not_english") + (result.verdict === "ok" ? "" : t("card_english_words", verdictLabel(result.verdict))),
      );
      $(".score").hidden = false;
      setText(".score-label", score);
      /** @type {HTMLElement} */ ($(".meter > span")).style.width = `${Math.max(0, Math.min(100, result.score))}%`;
      const summary = english || result.verdict !== "ok" ? result.summary : t("card_cannot_judge");
      const title = t("card_chip_title", summary, SHORTCUT);
      if (chip.title !== title) chip.title = title;
      setText(".summary", summary);
      const balance = $(".balance");
      setText(".balance", extra.balanceNote ?? "");
      balance.hidden = !(result.verdict === "pure_ad" && extra.balanceNote);
      const skipped = result.skipped ?? [];
      setText(".skipped", skipped.length ? t("card_skipped", skipped.map((rule) => `${rule.rule} ${rule.name}`).join(", ")) : "");
      $(".skipped").hidden = !skipped.length;
      // The engine is shared by every tab: a long draft is checked up to the router's cap.
      const truncated = result.truncated;
      setText(
        ".truncated",
        truncated
          ? t("truncated", truncated.checked.toLocaleString(), (truncated.length - truncated.checked).toLocaleString())
          : "",
      );
      $(".truncated").hidden = !truncated;
      // A refusal ("SL101 stays on: …") stays until the findings it was about change: a
      // check of the same draft again (a settings change, a recheck) must not take it away.
      shownKey = `${result.verdict}|${result.score}|${(result.findings ?? []).map((f) => `${f.rule}@${f.start}`).join()}`;
      if (shownKey !== refusedKey) $(".refused").hidden = true;
      renderFindings(result);
      const ignoredCount = extra.ignored ?? 0;
      $(".ignored").hidden = !ignoredCount;
      setText(".ignored-text", ignoredCount ? t("card_ignored", ignoredCount) : "");
      // What the live region last said: a verdict, or a verdict on a draft it cannot read.
      const said = english ? result.verdict : `${result.verdict} other`;
      if (said !== lastVerdict) {
        // The first time, say how to reach the card from the keyboard (X's dialog keeps Tab in).
        const how = announcedShortcut ? "" : t("card_shortcut", SHORTCUT);
        announcedShortcut = true;
        live.textContent = t("card_announce", label, summary, how);
      }
      lastVerdict = said;
      host.hidden = false;
      host.dataset.updates = String(++updates);
      place();
    }

    /** Shows a state that is not a verdict ("Salesy paused", "Too long to check") and why. */
    function showNotice(labelText, message, state = "error") {
      panel.dataset.verdict = state;
      panel.dataset.theme = x.theme();
      $(".label").textContent = labelText;
      chip.title = message;
      lastVerdict = "";
      $(".summary").textContent = message;
      panel.dataset.language = "en";
      for (const part of [".score", ".language", ".ignored"]) $(part).hidden = true;
      renderFindings(null);
      host.hidden = false;
      host.dataset.updates = String(++updates);
      place();
    }

    /**
     * How the whole thread reads, on the first post's chip and card (thread.js works it
     * out); null for a single post. The panel keeps it across its own post's answers.
     * @param {{chip: string, line: string, worst: string} | null} thread
     */
    function setThread(thread) {
      const part = $(".thread");
      const line = $(".thread-line");
      part.hidden = line.hidden = !thread;
      part.textContent = thread?.chip ?? "";
      line.textContent = thread?.line ?? "";
      part.dataset.worst = thread?.worst ?? "";
      place();
    }

    /** Says in the card why something asked of it was not done ("SL101 stays on: …"). */
    function showRefusal(message) {
      refusedKey = shownKey;
      $(".refused").textContent = message;
      $(".refused").hidden = false;
      open();
    }

    /** @param {string} message */
    function showError(message) {
      showNotice(t("card_paused"), t("card_check_failed", message));
    }

    /**
     * Opens the card on the question "post anyway?" (the nudge before posting), its safe
     * answer focused. @param {string} question @param {() => void} [back] where Escape returns
     */
    function confirmPost(question, back) {
      $(".confirm p").textContent = question;
      $(".confirm").hidden = false;
      open();
      returnFocus = back ?? null;
      /** @type {HTMLElement} */ ($(".keep-editing")).focus({ preventScroll: true });
    }

    function closeConfirm() {
      if (!$(".confirm").hidden) close({ refocus: false });
    }

    /**
     * Opens the card from the keyboard and focuses its first finding (or its close button);
     * Escape or closing it calls `back`. @param {() => void} back
     */
    function openFromKeyboard(back) {
      if (host.hidden) return false;
      open();
      returnFocus = back;
      const first = /** @type {HTMLElement | null} */ (
        root.querySelector(".findings:not([hidden]) .words") ?? root.querySelector(".counted:not([hidden]) .reveal") ?? root.querySelector(".close")
      );
      first?.focus({ preventScroll: true });
      return true;
    }

    const placer = { place, placeNow };
    panelPlacers.add(placer);
    editorResizes.observe(editor);
    // The resize observer hears of a grown editor only at the next frame, and an input event
    // can come first (a click right after a paste) and land on a chip still where the
    // editor's end was. An edit that changed the editor's height places every chip at once.
    let height = editor.offsetHeight;
    const edits = new MutationObserver(() => {
      if (editor.offsetHeight === height) return;
      height = editor.offsetHeight;
      panelPlacers.forEach((each) => each.placeNow());
    });
    edits.observe(editor, { characterData: true, childList: true, subtree: true });
    const listenerOptions = { capture: true, passive: true };
    window.addEventListener("scroll", place, listenerOptions);
    window.addEventListener("resize", place, listenerOptions);

    function remove() {
      panelPlacers.delete(placer);
      editorResizes.unobserve(editor);
      edits.disconnect();
      window.removeEventListener("scroll", place, listenerOptions);
      window.removeEventListener("resize", place, listenerOptions);
      cancelAnimationFrame(frame);
      host.remove();
    }

    /** Marks a check as scheduled or in flight (tests and benchmarks wait for it to clear). */
    function setPending(pending) {
      // Only a change is written: the host is in X's page, whose observers see each write.
      if (pending === ("pending" in host.dataset)) return;
      if (pending) host.dataset.pending = "";
      else delete host.dataset.pending;
    }

    return {
      show,
      showError,
      showRefusal,
      showNotice,
      setThread,
      toast,
      confirmPost,
      closeConfirm,
      openFromKeyboard,
      setPending,
      place,
      remove,
      /** True while the chip shows (a verdict or a notice). */
      get visible() {
        return !host.hidden;
      },
    };
  }

  /** Stops the release of a key Salesy handled from reaching X (which acts on key-up too). */
  function swallowKeyUp(key) {
    const swallow = (event) => {
      if (event.key !== key) return;
      event.stopPropagation();
      window.removeEventListener("keyup", swallow, true);
    };
    window.addEventListener("keyup", swallow, true);
    setTimeout(() => window.removeEventListener("keyup", swallow, true), 1000);
  }

  return { create, placeAll };
});
