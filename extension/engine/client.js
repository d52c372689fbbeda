// @ts-check
// The background's side of the engine: one queue, one request at a time, each with a
// deadline. The engine (MicroPython in the offscreen host's sandboxed frame) answers one
// request after another, so the queue lives here, where the router can see it: a request that
// overruns its deadline is presumed hung, the host is torn down (the service worker is another
// process, so a spinning engine cannot stop this timer), that request fails with a clear error,
// and the requests queued behind it go to a fresh engine. Start-up that fails or stalls is
// retried with backoff, and both are reported (engine-status, the console).
import { DEADLINES_MS, LIMITS, START } from "../limits.js";
import { loadConfig } from "../storage.js";
import { int, list, optional, text } from "../validate.js";
import { closeEngineHost, ensureEngineHost, engineHostExists } from "./host-manager.js";

// A host Chrome lists may still be loading, with nobody listening yet: wait a little for it.
const HOST_LOADING_RETRIES = 30;
const HOST_LOADING_WAIT_MS = 100;
// What the engine has been through this browser session, for the popup (survives the worker).
const STATUS_KEY = "engineStatus";
// A config the engine has not seen yet is parsed and compiled with the request that brings it
// (a team's 2 000 terms take seconds on MicroPython): that request gets this much longer.
const NEW_CONFIG_MS = 8_000;
const WHAT = { check: "draft", classify: "batch of posts", "config-inspect": "config", bench: "benchmark" };

class Overrun extends Error {}

/** @typedef {{request: {type: string, [key: string]: any}, resolve: (v: any) => void, reject: (e: any) => void}} Job */
/** @type {Job[]} */
const queue = [];
let running = false;
/** The host answered a ping since it was created (this worker's knowledge; checked each time). */
let ready = false;
/** The last config text the engine received: it caches what it compiled from it. */
let lastConfig = "";

/**
 * Asks the engine, in turn with every other request; resolves with its result.
 * @param {{type: string, [key: string]: any}} request
 */
export function askEngine(request) {
  return new Promise((resolve, reject) => {
    queue.push({ request, resolve, reject });
    pump();
  });
}

async function pump() {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      const job = /** @type {Job} */ (queue.shift());
      try {
        job.resolve(await run(job.request));
      } catch (error) {
        job.reject(error);
      }
    }
  } finally {
    running = false;
  }
}

/** @param {{type: string, [key: string]: any}} request */
async function run(request) {
  for (let attempt = 0; ; attempt++) {
    await started();
    const deadline = deadlineOf(request);
    try {
      return unwrap(await send(request, deadline));
    } catch (error) {
      if (error instanceof Overrun) {
        await restart(`it did not answer a "${request.type}" request within ${seconds(deadline)}`);
        const what = WHAT[request.type] ?? "request";
        throw new Error(
          `Salesy's engine took longer than ${seconds(deadline)} on this ${what} and was restarted; ` +
            "other requests go on.",
        );
      }
      // The host went away under us (Chrome reclaimed it, or it crashed): once more, fresh.
      if (gone(error) && attempt === 0) {
        ready = false;
        continue;
      }
      throw error;
    }
  }
}

function deadlineOf(request) {
  const base = DEADLINES_MS[request.type] ?? DEADLINES_MS.default;
  if (request.config === undefined) return base;
  const text = JSON.stringify(request.config ?? null);
  if (text === lastConfig) return base;
  lastConfig = text;
  return base + NEW_CONFIG_MS;
}

function unwrap(reply) {
  if (reply === undefined) throw new Error("The engine host did not answer.");
  if (reply?.error) throw new Error(reply.error);
  return reply;
}

/** `promise`, or an Overrun after `ms`. */
function within(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Overrun()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Sends one request to the host; rejects with Overrun after `deadline` ms. */
function send(request, deadline) {
  const attempt = { over: false };
  return within(deliver(request, attempt), deadline).catch((error) => {
    if (error instanceof Overrun) attempt.over = true;
    throw error;
  });
}

async function deliver(request, attempt) {
  for (let tries = 0; ; tries++) {
    try {
      return await chrome.runtime.sendMessage({ target: "engine", ...request });
    } catch (error) {
      const loading = String(error?.message ?? error).includes("Receiving end does not exist");
      if (!loading || tries >= HOST_LOADING_RETRIES || attempt.over) throw error;
      await sleep(HOST_LOADING_WAIT_MS);
      if (attempt.over) throw error; // timed out meanwhile: never hand a fresh engine an old request
    }
  }
}

function gone(error) {
  return /Receiving end does not exist|message port closed|message channel closed/i.test(
    String(error?.message ?? error),
  );
}

// ---------------------------------------------------------------- start-up and restarts

/**
 * The start-up in progress: its attempts run one after another with backoff, whoever asks.
 * A request waits for the attempt under way (a cold start), fails with a clear error if that
 * attempt fails, and fails at once while the next attempt waits its turn.
 * @type {{current: Promise<void> | null, nextAt: number, last: string} | null}
 */
let startup = null;

async function started() {
  if (ready && (await engineHostExists())) return;
  ready = false;
  startup ??= beginStartUp();
  if (startup.current) return startup.current;
  const wait = seconds(Math.max(0, startup.nextAt - Date.now()));
  throw new Error(`Salesy's engine is starting again in ${wait} (${startup.last}).`);
}

function beginStartUp() {
  const state = { current: /** @type {Promise<void> | null} */ (null), nextAt: 0, last: "" };
  const attempts = START.deadlinesMs.length;
  const loop = async () => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) {
        const pause = START.backoffMs[attempt] ?? 0;
        state.current = null;
        state.nextAt = Date.now() + pause;
        await sleep(pause);
      }
      state.current = startOnce(attempt, attempts);
      try {
        await state.current;
        return;
      } catch (error) {
        state.last = String(error?.message ?? error);
      }
    }
  };
  loop().finally(() => {
    if (startup === state) startup = null; // all attempts spent: the next request begins anew
  });
  return state;
}

async function startOnce(attempt, attempts) {
  const deadline = START.deadlinesMs[attempt];
  const began = Date.now();
  try {
    // The deadline covers creating the host too: a host that never loads never resolves that.
    await within(ensureEngineHost(), deadline);
    lastConfig = "";
    unwrap(await send({ type: "ping" }, Math.max(1, deadline - (Date.now() - began))));
  } catch (error) {
    const why = error instanceof Overrun ? `it did not start within ${seconds(deadline)}` : String(error?.message ?? error);
    console.warn(`Salesy: the engine's start-up failed (attempt ${attempt + 1} of ${attempts}): ${why}`);
    await noteStatus((status) => {
      status.startFailures += 1;
      status.problem = { message: `Its start-up attempt ${attempt + 1} of ${attempts} failed: ${why}.`, at: now() };
    });
    await closeEngineHost();
    const next = attempt + 1 < attempts ? `tried again in ${seconds(START.backoffMs[attempt + 1] ?? 0)}` : "tried again with the next request";
    throw new Error(`Salesy's engine did not start (attempt ${attempt + 1} of ${attempts}: ${why}); it is ${next}.`);
  }
  ready = true;
  await noteStatus((status) => {
    status.starts += 1;
    if (attempt > 0) status.problem = { message: `It started on attempt ${attempt + 1} of ${attempts}.`, at: now() };
  });
}

/** Tears the engine down; the next request starts a fresh one. */
async function restart(reason) {
  ready = false;
  lastConfig = "";
  console.warn(`Salesy: restarting the engine: ${reason}.`);
  await closeEngineHost();
  await noteStatus((status) => {
    status.restarts += 1;
    status.problem = { message: `It was restarted: ${reason}.`, at: now() };
  });
}

async function noteStatus(change) {
  try {
    const status = (await chrome.storage.session.get(STATUS_KEY))[STATUS_KEY] ?? {
      starts: 0,
      startFailures: 0,
      restarts: 0,
      problem: null,
    };
    change(status);
    await chrome.storage.session.set({ [STATUS_KEY]: status });
  } catch {
    // Reporting must never be what breaks the engine.
  }
}

async function engineStatus() {
  const answer = await askEngine({ type: "ping" });
  const status = (await chrome.storage.session.get(STATUS_KEY))[STATUS_KEY] ?? null;
  return { ...answer, status };
}

function seconds(ms) {
  return `${Math.round(ms / 100) / 10} s`;
}

function now() {
  return new Date().toISOString();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- bounded requests

/** `text` cut to `max` UTF-16 units, never between the two halves of an emoji. */
export function capText(text, max) {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Checks a draft under `config` (the user's when undefined) plus the phrases ignored in it.
 * Drafts past LIMITS.checkChars are checked up to it; the answer's `truncated` says so.
 */
export async function checkDraft(text, allow = [], config = undefined) {
  const checked = capText(text, LIMITS.checkChars);
  const base = config === undefined ? await loadConfig() : config;
  const result = await askEngine({ type: "check", text: checked, config: withAllowed(base, allow) });
  if (checked.length < text.length) result.truncated = { checked: checked.length, length: text.length };
  return result;
}

function withAllowed(config, phrases) {
  // A config's own examples are checked when it is saved, not with every draft.
  const { examples: _checkedOnSave, ...base } = config ?? { salesy: 1 };
  if (phrases.length === 0) return base;
  const terms = base.terms ?? {};
  return { ...base, terms: { ...terms, allow: [...(terms.allow ?? []), ...phrases] } };
}

/**
 * Verdicts ({verdict, score}) for many texts, in requests of at most LIMITS.classifyTexts texts
 * and LIMITS.classifyChars characters (each text judged up to LIMITS.checkChars).
 * @param {string[]} texts @param {any} config @param {(done: number) => void} [progress]
 */
export async function classify(texts, config, progress = () => {}) {
  const out = [];
  let batch = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    out.push(...(await askEngine({ type: "classify", texts: batch, config })));
    batch = [];
    size = 0;
    progress(out.length);
  };
  for (const text of texts) {
    const capped = capText(String(text ?? ""), LIMITS.checkChars);
    if (batch.length >= LIMITS.classifyTexts || (batch.length > 0 && size + capped.length > LIMITS.classifyChars)) {
      await flush();
    }
    batch.push(capped);
    size += capped.length;
  }
  await flush();
  return out;
}

/**
 * The bench/ request: each text checked inside the sandbox, timed there; `gcThreshold`
 * (bytes) sets the engine's collection threshold for that run only (the sweep).
 */
function bench(message) {
  const texts = Array.isArray(message.texts) ? message.texts.map(String) : [];
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  if (texts.length > LIMITS.benchTexts || total > LIMITS.benchChars) {
    throw new Error(`A benchmark request holds at most ${LIMITS.benchTexts} texts and ${LIMITS.benchChars} characters.`);
  }
  const gcThreshold = optional(message.gcThreshold, (value) =>
    int(value, "gcThreshold", LIMITS.benchGcThreshold[0], LIMITS.benchGcThreshold[1]),
  );
  return askEngine({ type: "bench", texts, gcThreshold });
}

/** Starts the engine ahead of its first request (a compose box appeared): nothing is asked. */
async function warm() {
  await started();
  return { ready: true };
}

/** Message handlers, by type, for the background router (it checks who may send which). */
export const engineHandlers = {
  warm,
  check: (message) =>
    checkDraft(
      text(message.text, "text", LIMITS.draftChars),
      optional(message.allow, (allow) =>
        list(allow, "allow", LIMITS.allowPhrases, (item, where) => text(item, where, LIMITS.allowPhraseChars)),
      ) ?? [],
    ),
  "engine-status": () => engineStatus(),
  "engine-bench": bench,
};
