// What the hint card says about one answer of the engine, worked out apart from drawing it:
// one entry per rule that counted (its words, its message and advice once), the reason that
// moved the verdict most first; the value rules folded into one calm "What works" line; and
// which underlines the draft gets (none for promotion on a post judged OK).
"use strict";

Salesy.define("hints", [], () => {
  const PROMOTION_SIDE = new Set(["promotion", "engagement", "disclosure"]);

  /**
   * @typedef {{rule: string, name: string, category: string, start: number, end: number,
   *            text: string, message: string, suggestion: string}} Finding
   * @typedef {{rule: string, points: number, hits: number, name?: string, category?: string,
   *            message?: string, suggestion?: string, noun?: string, nouns?: string}} Reason
   * @typedef {{rule: string, title: string, noun: string, count: number, points: number,
   *            category: string, findings: Finding[], message: string, suggestion: string}} Entry
   * `count` is how many words are listed (a graded rule may list none: its words are shown
   * only where no other rule underlines).
   */

  /**
   * A rule's message as an entry's title and its text: "Discount or code: deals and promo
   * codes read like a flyer." -> ["Discount or code", "Deals and promo codes read like a
   * flyer."]; a message without such a label is titled by the rule's noun.
   * @param {string} message @param {string} noun
   */
  function titled(message, noun) {
    const colon = message.indexOf(": ");
    if (colon > 0 && colon <= 40) return [message.slice(0, colon), capitalized(message.slice(colon + 2))];
    return [capitalized(noun.replace(/^(a bit of|an|a|some)\s+/i, "")), message];
  }

  /** @param {string} text */
  const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  /**
   * The card's entries and its "What works" reasons, biggest first (the engine sorts its
   * reasons by points). A finding whose rule is not among the reasons cannot happen (the
   * contract), but would still get an entry of its own rather than vanish.
   * @param {{findings: Finding[], reasons?: Reason[]}} result
   * @returns {{entries: Entry[], works: Reason[]}}
   */
  function entriesOf(result) {
    /** @type {Map<string, Finding[]>} */
    const byRule = new Map();
    for (const finding of result.findings) {
      const list = byRule.get(finding.rule) ?? [];
      list.push(finding);
      byRule.set(finding.rule, list);
    }
    /** @type {Entry[]} */
    const entries = [];
    /** @type {Reason[]} */
    const works = [];
    const seen = new Set();
    for (const reason of result.reasons ?? []) {
      seen.add(reason.rule);
      const found = byRule.get(reason.rule) ?? [];
      const category = reason.category ?? found[0]?.category ?? "promotion";
      if (category === "value") {
        works.push(reason);
        continue;
      }
      const [title, message] = titled(reason.message ?? found[0]?.message ?? "", reason.noun ?? reason.rule);
      entries.push({
        rule: reason.rule,
        title,
        noun: reason.noun ?? title.toLowerCase(),
        count: found.length,
        points: reason.points,
        category,
        findings: found,
        message,
        suggestion: reason.suggestion ?? found[0]?.suggestion ?? "",
      });
    }
    for (const [rule, found] of byRule) {
      if (seen.has(rule) || found[0].category === "value") continue;
      const [first] = found;
      const [title, message] = titled(first.message, first.name.replaceAll("-", " "));
      entries.push({
        rule,
        title,
        noun: title.toLowerCase(),
        count: found.length,
        points: 0,
        category: first.category,
        findings: found,
        message,
        suggestion: first.suggestion,
      });
    }
    return { entries, works };
  }

  /**
   * The findings the draft is underlined with: on a post judged OK no promotion at all (a
   * personal post is not nagged: Salesy promises it); value signals (calm) unless the user
   * switched them off, which never touches the promotion underlines.
   * @param {{verdict: string, findings: Finding[]}} result @param {{value?: boolean}} [show]
   */
  function underlined(result, { value = true } = {}) {
    const ok = result.verdict === "ok";
    return result.findings.filter((finding) =>
      PROMOTION_SIDE.has(finding.category) ? !ok : value || finding.category !== "value",
    );
  }

  return { entriesOf, underlined, titled };
});
