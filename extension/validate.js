// @ts-check
// Checks on what a message carries, for the router: types, sizes, ranges. A payload that
// fails is refused with an error that names the field; nothing is coerced into shape.

export class PayloadError extends Error {}

/** @param {string} field @param {string} expected @param {unknown} value */
function wrong(field, expected, value) {
  const shown = Array.isArray(value) ? "a list" : value === null ? "null" : typeof value;
  return new PayloadError(`${field}: expected ${expected}, got ${shown}`);
}

/** @param {unknown} value @param {string} field @param {number} max */
export function text(value, field, max) {
  if (typeof value !== "string") throw wrong(field, "text", value);
  if (value.length > max) throw new PayloadError(`${field}: at most ${max} characters, got ${value.length}`);
  return value;
}

/** @param {unknown} value @param {string} field */
export function bool(value, field) {
  if (typeof value !== "boolean") throw wrong(field, "true or false", value);
  return value;
}

/** @param {unknown} value @param {string} field @param {number} low @param {number} high */
export function int(value, field, low, high) {
  if (!Number.isInteger(value) || /** @type {number} */ (value) < low || /** @type {number} */ (value) > high) {
    throw new PayloadError(`${field}: expected a whole number ${low}-${high}`);
  }
  return /** @type {number} */ (value);
}

/**
 * @template T
 * @param {unknown} value @param {string} field @param {number} max @param {(item: unknown, where: string) => T} each
 * @returns {T[]}
 */
export function list(value, field, max, each) {
  if (!Array.isArray(value)) throw wrong(field, "a list", value);
  if (value.length > max) throw new PayloadError(`${field}: at most ${max} entries, got ${value.length}`);
  return value.map((item, index) => each(item, `${field}[${index}]`));
}

/** @param {unknown} value @param {string} field */
export function object(value, field) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw wrong(field, "an object", value);
  return /** @type {Record<string, unknown>} */ (value);
}

/** @template {string} T @param {unknown} value @param {string} field @param {readonly T[]} choices */
export function oneOf(value, field, choices) {
  if (!choices.includes(/** @type {T} */ (value))) throw new PayloadError(`${field}: expected one of ${choices.join(", ")}`);
  return /** @type {T} */ (value);
}

/** A value that may be left out: `check` runs only when it is there. */
export function optional(value, check) {
  return value === undefined || value === null ? undefined : check(value);
}

/** An X handle as X allows them (with or without "@"). */
export function handle(value, field) {
  if (typeof value !== "string" || !/^@?[A-Za-z0-9_]{1,15}$/.test(value)) throw wrong(field, "an X handle", value);
  return value.replace(/^@/, "");
}

const FIRST_POST = Date.UTC(2006, 2, 21); // X's first post: no post is older

/** A moment as JavaScript writes it (toISOString), between X's first post and tomorrow. */
export function moment(value, field) {
  const when = typeof value === "string" && value.length <= 40 ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(when) || when < FIRST_POST || when > Date.now() + 86_400_000) {
    throw new PayloadError(`${field}: expected the time of a post`);
  }
  return new Date(when).toISOString();
}

/** The UTF-8 size of a value as JSON (what the config limits count). */
export function jsonBytes(value) {
  return new TextEncoder().encode(JSON.stringify(value ?? null)).length;
}

/** A config document (or null) no bigger than `max` bytes as JSON. */
export function configDoc(value, field, max) {
  if (value === undefined || value === null) return null;
  object(value, field);
  const size = jsonBytes(value);
  if (size > max) throw new PayloadError(`${field}: ${Math.ceil(size / 1024)} KB is too big; a config is at most ${max / 1024} KB`);
  return value;
}
