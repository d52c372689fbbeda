// Python counts code points, JavaScript strings count UTF-16 units (an emoji is 1 vs 2).
// This is the one place that converts between them.
"use strict";

Salesy.define("offsets", [], () => {
  /**
   * Returns a function mapping a code-point offset in `text` to a UTF-16 offset.
   * @param {string} text
   * @returns {(codePoint: number) => number}
   */
  function codePointToUtf16(text) {
    const units = [0];
    let unit = 0;
    for (const character of text) {
      unit += character.length;
      units.push(unit);
    }
    return (codePoint) => units[Math.max(0, Math.min(codePoint, units.length - 1))];
  }

  return { codePointToUtf16 };
});
