// The verdict chip: a small pill next to an editor, in its own shadow root outside the editor,
// so neither X's styles nor X's React tree can reach it (and it cannot reach them).
"use strict";

const CHIP_STYLE = `
  :host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483000; }
  :host([hidden]) { display: none; }
  .chip {
    display: inline-flex; align-items: center; gap: 6px;
    padding: 2px 10px; border-radius: 999px; border: 1px solid rgb(0 0 0 / 0.12);
    font: 600 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    background: #fff; color: #0f1419; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    white-space: nowrap; cursor: default; user-select: none;
  }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: #8899a6; }
  .chip[data-verdict="ok"] .dot { background: #00ba7c; }
  .chip[data-verdict="promotional"] .dot { background: #ffad1f; }
  .chip[data-verdict="pure_ad"] { border-color: rgb(244 33 46 / 0.5); }
  .chip[data-verdict="pure_ad"] .dot { background: #f4212e; }
  .chip[data-verdict="error"] .dot { background: #8899a6; }
  @media (prefers-color-scheme: dark) {
    .chip { background: #15202b; color: #e7e9ea; border-color: rgb(255 255 255 / 0.2); }
  }
`;

const VERDICT_LABELS = { ok: "OK", promotional: "Promotional", pure_ad: "Pure ad" };

/** @param {HTMLElement} editor */
function createChip(editor) {
  const host = document.createElement("div");
  host.setAttribute("data-salesy", "chip");
  host.hidden = true;
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>${CHIP_STYLE}</style>
    <div class="chip" part="chip" role="status" aria-live="polite">
      <span class="dot" aria-hidden="true"></span><span class="label"></span>
    </div>`;
  const chip = /** @type {HTMLElement} */ (root.querySelector(".chip"));
  const label = /** @type {HTMLElement} */ (root.querySelector(".label"));
  document.documentElement.append(host);

  // Counts answers painted, so tests and benchmarks can tell "updated" from "unchanged".
  let updates = 0;
  let frame = 0;
  function place() {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const rect = editor.getBoundingClientRect();
      const width = chip.offsetWidth;
      // Just below the editor's right edge: clear of the text and of X's toolbar row.
      host.style.transform = `translate(${Math.round(rect.right - width)}px, ${Math.round(rect.bottom + 4)}px)`;
    });
  }

  /** @param {{verdict: string, score: number, summary: string} | null} result */
  function show(result) {
    if (!result) {
      host.hidden = true;
      return;
    }
    chip.dataset.verdict = result.verdict;
    label.textContent = `${VERDICT_LABELS[result.verdict] ?? result.verdict} · ${result.score}`;
    host.title = result.summary;
    host.hidden = false;
    host.dataset.updates = String(++updates);
    place();
  }

  /** @param {string} message */
  function showError(message) {
    chip.dataset.verdict = "error";
    label.textContent = "Salesy paused";
    host.title = message;
    host.hidden = false;
    place();
  }

  const resizeObserver = new ResizeObserver(place);
  resizeObserver.observe(editor);
  const options = { capture: true, passive: true };
  window.addEventListener("scroll", place, options);
  window.addEventListener("resize", place, options);

  function remove() {
    resizeObserver.disconnect();
    window.removeEventListener("scroll", place, options);
    window.removeEventListener("resize", place, options);
    cancelAnimationFrame(frame);
    host.remove();
  }

  return { show, showError, place, remove };
}
