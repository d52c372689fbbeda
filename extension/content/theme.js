// X's display theme (light, dim or dark), read from the colour X paints the page with, so
// Salesy's chip and card match X rather than the operating system.
"use strict";

/** @returns {"light" | "dim" | "dark"} */
function xTheme() {
  for (const element of [document.body, document.documentElement]) {
    const match = getComputedStyle(element).backgroundColor.match(/\d+(\.\d+)?/g);
    if (!match) continue;
    const [r, g, b, alpha = 1] = match.map(Number);
    if (alpha === 0) continue;
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    if (luminance > 128) return "light";
    return luminance < 8 ? "dark" : "dim";
  }
  return "light";
}
