// "Balance over time": the share of promotional posts per week over the last 12 weeks (per
// month for an account whose history came from an X archive, which spans years), against the
// target. Plain SVG: a dozen bars need no chart library, and it works offline and follows the
// page's colours (dark mode included) through CSS.

const SVG = "http://www.w3.org/2000/svg";
export const PERIODS = 12;
const PROMOTING = new Set(["promotional", "pure_ad"]);

/** Local midnight of the Monday of `date`'s week. */
function weekStart(date) {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
}

function monthStart(date) {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}

function step(start, unit, count) {
  const next = new Date(start);
  if (unit === "week") next.setDate(next.getDate() + 7 * count);
  else next.setMonth(next.getMonth() + count);
  return next;
}

/** "2026-11-02": a period's first day, in local time (what the user's calendar says). */
export function dayKey(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Posts counted per period, oldest period first. Weeks end with this week; months (an
 * imported archive) end with the month of the newest post, so an old archive still shows.
 * Posts without a verdict yet are not counted (the balance judges them when it needs them).
 * @param {{at: string, verdict?: string, source?: string}[]} posts
 * @param {{now?: Date, unit?: "week" | "month"}} [options]
 */
export function periods(posts, options = {}) {
  const dated = posts
    .map((post) => ({ time: new Date(post.at), verdict: post.verdict }))
    .filter((post) => !Number.isNaN(post.time.getTime()) && post.verdict);
  const unit = options.unit ?? (posts.some((post) => post.source === "archive") ? "month" : "week");
  const startOf = unit === "week" ? weekStart : monthStart;
  const newest = dated.reduce((latest, post) => (post.time > latest ? post.time : latest), new Date(0));
  const end = startOf(unit === "week" ? (options.now ?? new Date()) : dated.length ? newest : (options.now ?? new Date()));
  const first = step(end, unit, -(PERIODS - 1));
  const out = Array.from({ length: PERIODS }, (_, index) => ({
    start: step(first, unit, index),
    posts: 0,
    promotional: 0,
    share: /** @type {number | null} */ (null),
  }));
  for (const post of dated) {
    const index = out.findIndex((period, i) => post.time >= period.start && (i === PERIODS - 1 || post.time < out[i + 1].start));
    if (index < 0 || post.time >= step(end, unit, 1)) continue;
    out[index].posts++;
    if (PROMOTING.has(post.verdict)) out[index].promotional++;
  }
  for (const period of out) period.share = period.posts ? Math.round((100 * period.promotional) / period.posts) : null;
  return { unit, periods: out };
}

function node(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

// Geometry (viewBox units; the SVG scales to the popup's width).
const WIDTH = 300;
const TOP = 6;
const PLOT = 60; // 100 % is this tall
const BASE = TOP + PLOT;
const SLOT = WIDTH / PERIODS;
const BAR = SLOT - 6;

function periodName(start, unit) {
  return unit === "week"
    ? `Week of ${start.toLocaleDateString(undefined, { day: "numeric", month: "short" })}`
    : start.toLocaleDateString(undefined, { month: "long", year: "numeric" });
}

/** One line for a bar's hover text and its screen-reader label. */
export function periodText(period, unit) {
  const name = periodName(period.start, unit);
  if (!period.posts) return `${name}: no posts`;
  const count = `${period.promotional} of ${period.posts} post${period.posts === 1 ? "" : "s"}`;
  return `${name}: ${count} promote (${period.share} %)`;
}

/**
 * Draws the chart into `svg` (an <svg> already in the page): a bar per period, drawn as its
 * share of 0-100 %, hatched when over the target, and the target as a dashed line. Each bar
 * can be focused and says its numbers (title and aria-label).
 * @param {SVGSVGElement} svg @param {{unit: string, periods: any[]}} trend @param {number} target
 */
export function drawTrend(svg, trend, target) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${BASE + 14}`);
  const defs = node("defs");
  const hatch = node("pattern", { id: "trend-over", width: 4, height: 4, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  hatch.append(node("rect", { width: 4, height: 4, class: "hatch-ground" }), node("line", { x1: 0, y1: 0, x2: 0, y2: 4, class: "hatch-line" }));
  defs.append(hatch);
  svg.append(defs, node("line", { x1: 0, x2: WIDTH, y1: BASE + 0.5, y2: BASE + 0.5, class: "axis" }));
  trend.periods.forEach((period, index) => {
    const over = period.share !== null && period.share > target;
    const group = node("g", {
      class: `bar${over ? " over" : ""}${period.posts ? "" : " none"}`,
      tabindex: 0,
      role: "img",
      "aria-label": periodText(period, trend.unit),
      "data-start": dayKey(period.start),
      "data-posts": period.posts,
      "data-promotional": period.promotional,
      "data-share": period.share ?? "",
    });
    const title = node("title");
    title.textContent = periodText(period, trend.unit);
    const x = index * SLOT + (SLOT - BAR) / 2;
    // The whole slot answers the pointer, so a short bar is as easy to hover as a tall one.
    group.append(title, node("rect", { class: "hit", x: index * SLOT, y: TOP, width: SLOT, height: PLOT }));
    if (period.posts) {
      const height = Math.max(1.5, (PLOT * (period.share ?? 0)) / 100);
      group.append(node("rect", { class: "fill", x, y: BASE - height, width: BAR, height, rx: 1.5, "data-height": ((PLOT * (period.share ?? 0)) / 100).toFixed(2) }));
    } else {
      group.append(node("line", { class: "gap", x1: x, x2: x + BAR, y1: BASE - 1, y2: BASE - 1 }));
    }
    svg.append(group);
  });
  const y = BASE - (PLOT * Math.min(100, target)) / 100;
  svg.append(node("line", { class: "target", x1: 0, x2: WIDTH, y1: y, y2: y, "data-target": target }));
  const first = node("text", { x: 0, y: BASE + 12, class: "tick" });
  first.textContent = periodName(trend.periods[0].start, trend.unit).replace(/^Week of /, "");
  const last = node("text", { x: WIDTH, y: BASE + 12, class: "tick", "text-anchor": "end" });
  last.textContent = trend.unit === "week" ? "this week" : periodName(trend.periods.at(-1).start, trend.unit);
  svg.append(first, last);
}
