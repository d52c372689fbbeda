// One tab stop for a row of items (the strip of recent posts, the chart's bars): Tab reaches
// the row, the arrow keys, Home and End move along it, and each item says its hover text.

/**
 * @param {Element} container @param {string} selector the items, in order
 * @param {"first" | "last"} stop the item Tab reaches (the newest post is the last)
 */
export function roving(container, selector, stop = "first") {
  const items = () => /** @type {HTMLElement[]} */ ([...container.querySelectorAll(selector)]);
  const all = items();
  const at = stop === "first" ? 0 : all.length - 1;
  all.forEach((item, index) => item.setAttribute("tabindex", index === at ? "0" : "-1"));
  if (container.dataset.roving) return;
  container.dataset.roving = "true";
  container.addEventListener("keydown", (event) => {
    const list = items();
    const at = list.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (at < 0) return;
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: list.length - 1 }[/** @type {KeyboardEvent} */ (event).key];
    if (next === undefined || next < 0 || next >= list.length) return;
    event.preventDefault();
    list[at].setAttribute("tabindex", "-1");
    list[next].setAttribute("tabindex", "0");
    list[next].focus();
  });
}

/** Which row last wrote each detail line. */
const owners = new WeakMap();

/**
 * Shows the hover text of the item under the pointer or in focus in `line` (a title's tooltip
 * never shows for the keyboard): the same words a screen reader reads from its aria-label.
 * @param {Element} container @param {string} selector @param {HTMLElement} line
 */
export function detailLine(container, selector, line) {
  const say = (event) => {
    const item = /** @type {Element} */ (event.target).closest?.(selector);
    if (!item || !container.contains(item)) return;
    line.textContent = item.getAttribute("aria-label") ?? "";
    owners.set(line, container);
  };
  // Rows may share a line: only the row that wrote it clears it.
  const clear = () => {
    if (owners.get(line) === container && !container.contains(document.activeElement)) line.textContent = "";
  };
  container.addEventListener("focusin", say);
  container.addEventListener("mouseover", say);
  container.addEventListener("focusout", () => setTimeout(clear, 0));
  container.addEventListener("mouseleave", clear);
}
