// A rule's docstring as prose for the options page. Every rule module's docstring has one
// shape: a title line ("Discount or promo code (SL103)."), then sections whose heading sits
// at the margin ("What it does:", "Why is this bad?") and whose body is indented. The page
// shows those four sections; anything else at the margin after them is notes for developers
// (how a table is fitted), not for the user, and is left out.

const SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead"];

/**
 * @param {string} doc the rule's docstring
 * @returns {{title: string, sections: {heading: string, paragraphs: string[]}[]}}
 */
export function parseRuleDoc(doc) {
  const lines = String(doc ?? "").replace(/\r\n?/g, "\n").trim().split("\n");
  // "Discount or promo code (SL103)." / "Personal voice (SL401), a value signal."
  const title = (lines[0] ?? "").replace(/\s*\(SL\d+\)/, "").replace(/\.$/, "").trim();
  const sections = [];
  let current = null;
  for (const line of lines.slice(1)) {
    const atMargin = line.trim() && !/^\s/.test(line);
    if (atMargin) {
      const heading = line.trim().replace(/:$/, "");
      current = SECTIONS.includes(heading) ? { heading, lines: [] } : null;
      if (current) sections.push(current);
      continue;
    }
    if (current) current.lines.push(line.trim());
  }
  return {
    title,
    sections: sections.map(({ heading, lines: body }) => ({ heading, paragraphs: paragraphs(body) })),
  };
}

/** Blank lines split paragraphs; lines within one are joined (the docstring wraps at 96). */
function paragraphs(body) {
  const out = [];
  let words = [];
  for (const line of [...body, ""]) {
    if (line) words.push(line);
    else if (words.length) {
      out.push(words.join(" "));
      words = [];
    }
  }
  return out;
}

/**
 * The rule's documentation as DOM: a heading and a paragraph (or quoted example) per section.
 * `labels` words the headings (value rules are not "bad": theirs says why they count).
 * @param {{category: string, doc: string, suggestion: string}} rule
 * @param {(heading: string, rule: any) => string} label
 * @param {string} suggestionLabel
 */
export function renderRuleDoc(rule, label, suggestionLabel) {
  const { sections } = parseRuleDoc(rule.doc);
  const body = document.createElement("div");
  body.className = "rule-doc";
  for (const section of sections) {
    const heading = document.createElement("h4");
    heading.textContent = label(section.heading, rule);
    body.append(heading);
    const quoted = section.heading === "Example" || section.heading === "Use instead";
    for (const text of section.paragraphs) {
      const paragraph = document.createElement(quoted ? "blockquote" : "p");
      paragraph.textContent = text;
      paragraph.dataset.section = section.heading;
      body.append(paragraph);
    }
  }
  const suggestion = document.createElement("p");
  suggestion.className = "muted";
  suggestion.textContent = `${suggestionLabel} ${rule.suggestion}`;
  body.append(suggestion);
  return body;
}
