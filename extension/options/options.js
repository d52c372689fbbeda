// The options page: compose settings, the rules config editor with a live preview under the
// edited config, export (file, share code, share link) and import (file, code, team URL) with a
// diff and the config's examples shown before anything is applied. The engine judges; the
// background stores; this page only shows and collects.
import { askBackground } from "../ui/messages.js";
import { localize, plural, t } from "../ui/i18n.js";
import { livePreview, verdictLabel } from "../ui/verdict.js";
import { originPattern } from "../team-url.js";
import { parseRuleDoc, renderRuleDoc } from "./rule-docs.js";

const $ = (id) => /** @type {any} */ (document.getElementById(id));
const TARGETS = ["80/20", "4-1-1", "thirds"];
const CATEGORIES = {
  promotion: t("category_promotion"),
  engagement: t("category_engagement"),
  disclosure: t("category_disclosure"),
  value: t("category_value"),
};

/** @type {any[]} */
let rules = [];
/** The saved, effective config (every setting), and the form's state when it was filled. */
let saved = null;
let baseline = "";
/** An import waiting for Apply: {config, source, team?: url}. */
let pending = null;
/** The team URL whose host the user allowed for the preview on show, until it is applied. */
let previewedUrl = "";
let editTimer = 0;

// ---------------------------------------------------------------- small helpers

function el(tag, props = {}, ...children) {
  const { dataset = {}, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function list(target, items) {
  target.replaceChildren(...items.map((item) => (item instanceof Node ? item : el("li", { textContent: item }))));
}

function lines(text) {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

function number(input) {
  const text = input.value.trim();
  return /^-?\d+$/.test(text) ? Number(text) : text; // the engine names what is wrong with text
}

/** The errors not already shown as a failing example (the examples list says those once). */
function configErrors(errors, examples = []) {
  const shown = new Set(examples.filter((example) => !example.ok).map((example) => example.error));
  return errors.filter((error) => !shown.has(error));
}

function status(text, target = $("status")) {
  target.textContent = text;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : t("options_never");
}

/** Keys in a readable, stable order (the engine's dicts have none on MicroPython). */
function ordered(config) {
  const rulesOut = {};
  for (const id of Object.keys(config.rules ?? {}).sort()) rulesOut[id] = { enabled: config.rules[id].enabled, weight: config.rules[id].weight };
  return {
    salesy: config.salesy,
    name: config.name ?? "",
    description: config.description ?? "",
    rules: rulesOut,
    thresholds: { promotion: config.thresholds.promotion, value: config.thresholds.value, value_share: config.thresholds.value_share },
    terms: { promotion: config.terms.promotion, allow: config.terms.allow },
    balance: { ...config.balance },
    examples: { flag: config.examples.flag, pass: config.examples.pass },
  };
}

// ---------------------------------------------------------------- the editor

// The docstrings' headings (English, like the rules), as the page names them.
const DOC_HEADINGS = {
  "What it does": "doc_what_it_does",
  "Why is this bad?": "doc_why_bad",
  Example: "doc_example",
  "Use instead": "doc_use_instead",
};

/** Value rules are not "bad": their "why" says why they count in a post's favour. */
function docHeading(heading, rule) {
  if (heading === "Why is this bad?" && rule.category === "value") return t("doc_why_it_counts");
  if (heading === "Use instead" && rule.category === "value") return t("doc_keep_doing");
  return DOC_HEADINGS[heading] ? t(DOC_HEADINGS[heading]) : heading;
}

function buildRules() {
  const groups = [];
  for (const [category, title] of Object.entries(CATEGORIES)) {
    const mine = rules.filter((rule) => rule.category === category);
    if (!mine.length) continue;
    const items = mine.map((rule) =>
      el(
        // The rule's id is its anchor: the hint card's "Why?" opens options.html#SL103.
        "article",
        { className: "rule", id: rule.id, dataset: { rule: rule.id } },
        el(
          "label",
          { className: "rule-head" },
          el("input", { type: "checkbox", id: `rule-${rule.id}-enabled` }),
          " ",
          el("b", { textContent: parseRuleDoc(rule.doc).title || rule.name }),
          " ",
          el("code", { className: "rule-id", textContent: rule.id }),
        ),
        el("label", { className: "weight" }, t("options_weight"), " ", el("input", { type: "number", min: 0, max: 100, id: `rule-${rule.id}-weight` })),
        el(
          "details",
          { id: `${rule.id}-doc` },
          el("summary", { textContent: rule.message }),
          renderRuleDoc(rule, docHeading, t("doc_salesy_suggests")),
        ),
      ),
    );
    groups.push(el("h3", { textContent: title }), ...items);
  }
  $("rule-list").replaceChildren(...groups);
}

/** options.html#SL103: that rule's documentation open, in view and marked for a moment. */
function showRuleFromHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!/^SL\d{3}$/.test(id)) return;
  const rule = document.getElementById(id);
  if (!rule) return;
  for (const other of document.querySelectorAll(".rule[data-highlighted]")) delete other.dataset.highlighted;
  rule.querySelector("details").open = true;
  rule.dataset.highlighted = "true";
  rule.scrollIntoView({ block: "start" });
}

function fill(config) {
  $("config-name").value = config.name ?? "";
  $("config-description").value = config.description ?? "";
  for (const rule of rules) {
    const setting = config.rules[rule.id] ?? { enabled: true, weight: rule.weight };
    $(`rule-${rule.id}-enabled`).checked = setting.enabled;
    $(`rule-${rule.id}-weight`).value = setting.weight;
  }
  for (const key of ["promotion", "value", "value_share"]) $(`threshold-${key}`).value = config.thresholds[key];
  $("terms-promotion").value = config.terms.promotion.join("\n");
  $("terms-allow").value = config.terms.allow.join("\n");
  const target = config.balance.target;
  $("balance-target").value = TARGETS.includes(target) ? target : "custom";
  // An N/M target ("90/10") is shown as its promoting share; saving stores that percentage.
  const share = typeof target === "string" ? target.split("/")[1] : target;
  $("balance-percent").value = TARGETS.includes(target) ? "" : share;
  $("balance-window").value = config.balance.window;
  $("balance-days").value = config.balance.days ?? 0;
  $("examples-flag").value = config.examples.flag.join("\n");
  $("examples-pass").value = config.examples.pass.join("\n");
  showPercent();
  baseline = JSON.stringify(readForm());
}

/** The config document as edited in the form (saved or not). */
function readForm() {
  const rulesOut = {};
  for (const rule of rules) {
    rulesOut[rule.id] = { enabled: $(`rule-${rule.id}-enabled`).checked, weight: number($(`rule-${rule.id}-weight`)) };
  }
  const choice = $("balance-target").value;
  const balance = {
    target: choice === "custom" ? number($("balance-percent")) : choice,
    window: number($("balance-window")),
  };
  if (saved && "days" in saved.balance) balance.days = number($("balance-days"));
  return {
    salesy: 1,
    name: $("config-name").value,
    description: $("config-description").value,
    rules: rulesOut,
    thresholds: {
      promotion: number($("threshold-promotion")),
      value: number($("threshold-value")),
      value_share: number($("threshold-value_share")),
    },
    terms: { promotion: lines($("terms-promotion").value), allow: lines($("terms-allow").value) },
    balance,
    examples: { flag: lines($("examples-flag").value), pass: lines($("examples-pass").value) },
  };
}

function showPercent() {
  $("balance-percent-label").hidden = $("balance-target").value !== "custom";
}

function exampleItems(examples) {
  return examples.map((example) =>
    el(
      "li",
      { className: example.ok ? "pass" : "fail", dataset: { kind: example.kind, ok: String(example.ok) } },
      example.ok ? "✓ " : "✗ ",
      el("q", { textContent: example.text }),
      " ",
      t(
        example.kind === "flag" ? "options_example_flag" : "options_example_pass",
        verdictLabel(example.verdict, { inSentence: true }) ?? example.verdict,
        example.score,
        example.summary,
      ),
    ),
  );
}

/** Checks the edited config with the engine: its errors, its examples, Save on or off. */
async function onEdit() {
  const doc = readForm();
  const dirty = JSON.stringify(doc) !== baseline;
  $("revert").disabled = !dirty;
  const report = await askBackground("config-inspect", { doc });
  if (JSON.stringify(readForm()) !== JSON.stringify(doc)) return; // edited again meanwhile
  const errors = configErrors(report.errors, report.examples);
  const failing = report.examples.filter((example) => !example.ok).length;
  list($("errors"), errors);
  list($("example-results"), exampleItems(report.examples));
  $("save").disabled = !dirty || !report.ok;
  const where = [
    errors.length ? plural(errors.length, "count_setting", "count_settings") : "",
    failing ? t("options_under_examples", plural(failing, "count_example", "count_examples")) : "",
  ];
  if (dirty) status(report.ok ? t("options_unsaved") : t("options_unsaved_fix", where.filter(Boolean).join(t("options_and"))));
  else if ($("status").dataset.unsaved) status("");
  $("status").dataset.unsaved = dirty ? "true" : "";
  // The preview follows the edited config.
  $("draft").dispatchEvent(new Event("input"));
}

function scheduleEdit() {
  clearTimeout(editTimer);
  editTimer = setTimeout(() => onEdit().catch((error) => status(t("options_check_failed", error.message))), 120);
}

async function save(event) {
  event.preventDefault();
  $("save").disabled = true;
  // `base`: the config this form was filled from, so a rule switched in a tab meanwhile is
  // kept (only what was edited here is applied over it).
  const result = await askBackground("config-save", { doc: readForm(), base: saved });
  if (!result.saved) {
    list($("errors"), configErrors(result.errors, result.examples));
    status(t("options_not_saved"));
    return;
  }
  await refresh();
  status(t("options_saved"));
}

// ---------------------------------------------------------------- state

async function refresh() {
  const state = await askBackground("config-state");
  saved = state.effective;
  fill(saved);
  list($("errors"), []);
  // The form is the stored config again: nothing unsaved for a later check to clear (it
  // cleared "Saved." or "Restored the previous config." a moment after they were shown).
  $("status").dataset.unsaved = "";
  $("save").disabled = true;
  $("revert").disabled = true;
  $("restore").disabled = !state.previous;
  $("restore").title = state.previous ? t("options_restore_title", state.previous.name || t("options_the_config")) : "";
  const meta = state.meta;
  const source = !meta
    ? t("options_defaults")
    : t(saved.name ? "options_source_named" : "options_source", describe(meta), when(meta.savedAt), saved.name);
  status(source, $("config-source"));
  showTeam(state.team, state.nextCheck);
  await showShare();
  scheduleEdit();
}

function describe(meta) {
  return (
    {
      editor: t("options_saved_here"),
      file: t("options_from_file"),
      code: t("options_from_code"),
      team: t("options_from", meta.url),
      restore: t("options_restored"),
      "rule-switch": t(meta.enabled ? "options_rule_on" : "options_rule_off", meta.rule),
    }[meta.source] ?? t("options_from", meta.source)
  );
}

function showTeam(team, nextCheck) {
  $("team").hidden = !team;
  if (!team) return;
  const result =
    {
      applied: t("team_applied"),
      unchanged: t("team_unchanged"),
      updated: t("team_updated"),
      error: t("team_error"),
    }[team.status] ?? team.status;
  const next = nextCheck ? when(new Date(nextCheck).toISOString()) : t("team_within_a_day");
  status(t("team_following", team.url, when(team.checkedAt), result, next), $("team-status"));
  list($("team-errors"), team.errors ?? []);
}

// ---------------------------------------------------------------- export

async function showShare() {
  const { code, error } = await askBackground("config-share-encode", { doc: saved });
  $("share-code").value = code ?? error;
  $("share-link").value = code ? `${chrome.runtime.getURL("options/options.html")}#config=${code}` : "";
}

function download() {
  const text = `${JSON.stringify(ordered(saved), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = el("a", { href: url, download: "salesy-config.json" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status(t("share_downloaded"), $("share-status"));
}

async function copy(field, what) {
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select(); // the clipboard needs focus; the text stays selected to copy by hand
    document.execCommand("copy");
  }
  status(t(what === "code" ? "share_copied_code" : "share_copied_link"), $("share-status"));
}

// ---------------------------------------------------------------- import

async function preview(doc, source, extra = {}) {
  const report = extra.report ?? (await askBackground("config-inspect", { doc }));
  const diff = extra.diff ?? (await askBackground("config-diff", { old: saved, new: report.config }));
  pending = report.errors.length ? null : { config: report.config, source: extra.kind ?? "file", team: extra.team };
  showPreview(source, report.errors, diff, report.examples ?? [], Boolean(extra.team));
}

/** `diff` is null when the import could not even be read: then there is nothing to compare. */
function showPreview(source, errors, diff, examples, team) {
  $("import-preview").hidden = false;
  $("import-details").hidden = diff === null;
  diff ??= [];
  $("import-source").textContent = errors.length
    ? t("import_problems", source, plural(errors.length, "count_problem", "count_problems"))
    : t("import_ready", source);
  list($("import-errors"), configErrors(errors, examples));
  list(
    $("import-diff"),
    diff.length
      ? diff.map((change) =>
          "added" in change
            ? `${change.path}: ${change.added.map((x) => `+ ${x}`).concat(change.removed.map((x) => `− ${x}`)).join(", ")}`
            : `${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`,
        )
      : [t("import_no_changes")],
  );
  list($("import-examples"), examples.length ? exampleItems(examples) : [el("li", { className: "muted", textContent: t("import_no_examples") })]);
  $("import-follow-label").hidden = !team;
  $("import-apply").disabled = errors.length > 0;
  const dirty = JSON.stringify(readForm()) !== baseline;
  $("import-apply").textContent = t(dirty ? "import_apply_replaces" : "options_apply");
  $("import-preview").scrollIntoView({ block: "nearest" });
}

/** Least privilege: a host allowed for a preview is given back once the preview is closed
 * without following it (the background keeps the followed team's host). */
function releasePreviewedHost() {
  if (!previewedUrl) return;
  const url = previewedUrl;
  previewedUrl = "";
  askBackground("team-release", { url }).catch(() => undefined);
}

function importFailed(source, message) {
  pending = null;
  showPreview(source, [message], null, [], false);
}

async function importFile() {
  const file = $("import-file").files[0];
  if (!file) return;
  const parsed = await askBackground("config-parse", { text: await file.text() });
  const name = t("import_file", file.name);
  $("import-file").value = "";
  if (parsed.errors.length) {
    pending = null;
    return showPreview(name, parsed.errors, null, [], false);
  }
  await preview(parsed.doc, name, { kind: "file" });
}

async function importCode(code) {
  const decoded = await askBackground("config-share-decode", { code });
  if (decoded.errors.length) {
    pending = null;
    return showPreview(t("import_share_code"), decoded.errors, null, [], false);
  }
  const source = decoded.doc?.name ? t("import_share_code_named", decoded.doc.name) : t("import_share_code");
  await preview(decoded.doc, source, { kind: "code" });
}

function importUrl() {
  // permissions.request needs this click's user gesture: ask before anything is awaited.
  let pattern;
  try {
    pattern = originPattern($("import-url").value);
  } catch (error) {
    return importFailed(t("import_team_url"), error.message);
  }
  const host = new URL(pattern.slice(0, -2)).host;
  chrome.permissions.request({ origins: [pattern] }).then(
    async (granted) => {
      if (!granted) return importFailed(t("import_team_url"), t("import_permission_needed", host));
      const url = $("import-url").value.trim();
      previewedUrl = url;
      const found = await askBackground("team-preview", { url }).catch((error) => ({ errors: [error.message] }));
      if (!found.config) {
        pending = null;
        releasePreviewedHost();
        return showPreview(t("import_team_url_named", url), found.errors, null, [], false);
      }
      const report = { config: found.config, errors: found.errors, examples: found.examples };
      await preview(found.doc, t("import_team_url_named", url), { report, diff: found.diff, kind: "team", team: url });
    },
    (error) => importFailed(t("import_team_url"), error.message),
  );
}

async function apply() {
  if (!pending) return;
  const { config, source, team } = pending;
  const follow = team && $("import-follow").checked;
  const result = follow
    ? await askBackground("team-follow", { url: team })
    : await askBackground("config-save", { doc: config, source });
  if (!result.saved) {
    return showPreview(t("options_import"), result.errors, null, result.examples ?? [], false);
  }
  if (!follow) releasePreviewedHost(); // imported once: the host was needed for that only
  previewedUrl = "";
  pending = null;
  $("import-preview").hidden = true;
  $("import-code").value = "";
  if (location.hash) history.replaceState(null, "", location.pathname);
  await refresh();
  status(t("import_done"));
}

// ---------------------------------------------------------------- wiring

/** Each compose setting's checkbox, by the setting it switches. */
const SETTING_BOXES = { nudgeBeforePosting: "nudge", valueUnderlines: "value-underlines" };

async function showSettings() {
  const { settings } = await askBackground("get-settings");
  for (const [setting, id] of Object.entries(SETTING_BOXES)) {
    const box = $(id);
    box.checked = settings[setting];
    box.addEventListener("change", () => askBackground("set-settings", { changes: { [setting]: box.checked } }));
  }
}

function guard(action) {
  return (...args) =>
    Promise.resolve()
      .then(() => action(...args))
      .catch((error) => status(t("options_went_wrong", error.message)));
}

async function main() {
  showSettings();
  livePreview($("draft"), $("result"), (text) => askBackground("config-check", { text, doc: readForm() }));
  rules = await askBackground("config-rules");
  buildRules();
  showRuleFromHash();
  window.addEventListener("hashchange", showRuleFromHash);
  await refresh();

  const form = $("config");
  form.addEventListener("input", (event) => {
    if (event.target.id === "draft") return;
    if (event.target.id === "balance-target") showPercent();
    scheduleEdit();
  });
  form.addEventListener("change", (event) => event.target.id !== "draft" && scheduleEdit());
  form.addEventListener("submit", guard(save));
  $("revert").addEventListener("click", () => {
    fill(saved);
    scheduleEdit();
  });
  $("restore").addEventListener(
    "click",
    guard(async () => {
      const result = await askBackground("config-restore");
      if (!result.saved) return list($("errors"), result.errors);
      await refresh();
      status(t("options_restored_previous"));
    }),
  );
  $("export").addEventListener("click", guard(download));
  $("copy-code").addEventListener("click", guard(() => copy($("share-code"), "code")));
  $("copy-link").addEventListener("click", guard(() => copy($("share-link"), "link")));
  $("import-file").addEventListener("change", guard(importFile));
  $("import-code-go").addEventListener("click", guard(() => importCode($("import-code").value)));
  $("import-url-go").addEventListener("click", importUrl);
  $("import-apply").addEventListener("click", guard(apply));
  $("import-cancel").addEventListener("click", () => {
    pending = null;
    $("import-preview").hidden = true;
    releasePreviewedHost();
  });
  $("team-check").addEventListener(
    "click",
    guard(async () => {
      await askBackground("team-check");
      await refresh();
    }),
  );
  $("team-unfollow").addEventListener(
    "click",
    guard(async () => {
      await askBackground("team-unfollow");
      await refresh();
    }),
  );
  // The config can change elsewhere (the hint card's "turn off this rule", the team URL's
  // daily check): show it, unless that would throw away edits in progress.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(changes.config || changes.teamConfig)) return;
    if (JSON.stringify(readForm()) === baseline) guard(refresh)();
    else status(t("options_changed_elsewhere"));
  });
  // A share link opens this page with the code after #config=.
  const code = new URLSearchParams(location.hash.slice(1)).get("config");
  if (code) {
    $("import-code").value = code;
    await importCode(code);
  }
}

localize();
main().catch((error) => status(t("options_load_failed", error.message)));
