// @ts-check
// The team config address rules, shared by the options page (which asks for the host's
// permission at the moment of import) and the background (which fetches it), and the one
// fetch Salesy ever makes: bounded in time, in bytes and in where it may be redirected.
const MAX_BYTES = 256 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
// JSON, and text/plain: GitHub's and GitLab's raw files (where a team keeps its config) are
// served as text/plain. An HTML page (a login wall, an error page) is refused as such.
const JSON_TYPES = /^(application\/json|text\/json|application\/[\w.+-]+\+json|text\/plain)\s*(;|$)/i;

/** An HTTPS address, or an Error that says what is wrong with it. */
export function teamUrl(text) {
  let url;
  try {
    url = new URL(String(text ?? "").trim());
  } catch {
    throw new Error("That is not a web address.");
  }
  if (url.protocol !== "https:") {
    throw new Error("Only HTTPS addresses: a team config must not travel in clear text.");
  }
  if (url.username || url.password) throw new Error("Leave names and passwords out of the address.");
  url.hash = "";
  return url;
}

/** The host permission pattern to ask for before Salesy may fetch `url`. */
export function originPattern(url) {
  return `${teamUrl(url).origin}/*`;
}

/**
 * Fetches `url` (on the team's origin `team`) as text: no cookies, at most FETCH_TIMEOUT_MS,
 * at most MAX_BYTES read (counted as they arrive, whatever Content-Length says), JSON content
 * types only, redirects only within the same site. Each call spends one of `budget.left`
 * fetches, failed or not.
 * @param {URL} url @param {URL} team @param {{left: number}} budget
 */
export async function fetchTeamText(url, team, budget) {
  if (!(await chrome.permissions.contains({ origins: [originPattern(team.href)] }))) {
    throw new Error(`Salesy may not read ${team.host} yet: allow it when the options page asks.`);
  }
  budget.left -= 1;
  // One signal for the whole exchange, body included: the time limit, or Salesy giving up.
  const stop = new AbortController();
  const signal = AbortSignal.any([AbortSignal.timeout(FETCH_TIMEOUT_MS), stop.signal]);
  const late = () => new Error(`${url.href} did not arrive within ${FETCH_TIMEOUT_MS / 1000} s.`);
  // No cookies, no referrer: nothing of the user's goes with it, on this hop or a redirect's.
  const options = { credentials: /** @type {const} */ ("omit"), cache: /** @type {const} */ ("no-store"), referrerPolicy: /** @type {const} */ ("no-referrer"), signal };
  let response;
  try {
    response = await fetch(url.href, { ...options, redirect: "follow" });
  } catch (error) {
    if (signal.aborted) throw late();
    // A redirect to a site Salesy may not read fails like a network error; say which it was.
    budget.left -= 1;
    const probe = await fetch(url.href, { ...options, redirect: "manual" }).catch(() => null);
    if (probe?.type === "opaqueredirect") {
      throw new Error(`${url.href} redirects to another site; only addresses on ${team.host} are followed.`);
    }
    throw new Error(`Could not fetch ${url.href}: ${error.message}`);
  }
  const refuse = (message) => {
    stop.abort();
    return new Error(message);
  };
  if (response.redirected && new URL(response.url).origin !== team.origin) {
    throw refuse(`${url.href} redirects to ${new URL(response.url).host}; only addresses on ${team.host} are followed.`);
  }
  if (!response.ok) throw refuse(`${url.href} answered ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get("content-type") ?? "";
  if (!JSON_TYPES.test(type)) {
    throw refuse(`${url.href} is ${type.split(";")[0] || "of no stated type"}, not JSON; a team config is a JSON file.`);
  }
  if (Number(response.headers.get("content-length") ?? 0) > MAX_BYTES) {
    throw refuse(`${url.href} is ${Math.ceil(Number(response.headers.get("content-length")) / 1024)} KB; a config is at most 256 KB.`);
  }
  if (!response.body) return "";
  // Counted as the bytes arrive: a body without Content-Length (or lying about it) is cut off.
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    let part;
    try {
      part = await reader.read();
    } catch (error) {
      throw signal.aborted ? late() : new Error(`Could not read ${url.href}: ${error.message}`);
    }
    if (part.done) break;
    size += part.value.byteLength;
    if (size > MAX_BYTES) {
      throw refuse(`${url.href} is bigger than 256 KB, the most a config may be; Salesy stopped reading it.`);
    }
    chunks.push(part.value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
  } catch {
    throw new Error(`${url.href} is not UTF-8 text; a team config is a JSON file.`);
  }
}
