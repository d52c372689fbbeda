// Sandboxed engine frame: answers the host's requests with the Python engine. Requests that
// arrive before Python has started wait in a queue.
const queue = [];
let engine = null;
// When this frame's scripts ran, before PyScript loads (epoch ms, like the other stages).
const scriptsAt = performance.timeOrigin + performance.now();
// A collection (≈ 1-2 ms) once the requests stop for this long, so the next burst of
// keystrokes starts with the heap's whole allowance and no check pays for the garbage of
// earlier ones (engine.py sets the threshold).
const IDLE_COLLECT_MS = 400;
let idleTimer = 0;

function reply(id, payload) {
  window.parent.postMessage({ id, ...payload }, "*");
}

/**
 * Sends one request to Python's salesy.protocol.answer and unwraps its answer. The config
 * goes as JSON text of its own, which Python parses again only when it changes.
 */
function ask({ config, ...request }) {
  const configJson = config === undefined || config === null ? "" : JSON.stringify(config);
  const answer = JSON.parse(engine.answer(JSON.stringify(request), configJson));
  if (!answer.ok) throw new Error(answer.error);
  if (request.type === "check") return withFindings(answer.result, String(request.text ?? ""));
  return answer.result;
}

/**
 * Python sends each finding of a check as [rule index, start, end] and each reason as
 * [rule index, points, hits] (writing JSON is slow on MicroPython); this fills in what the
 * contract promises from the fixed rule texts and the draft itself. Offsets are code points,
 * so the draft is sliced by code point too. Each reason also gets its rule's texts and
 * nouns, so the hint card can explain a reason that underlines nothing.
 */
function withFindings(result, text) {
  result.reasons = result.reasons.map(([index, points, hits]) => {
    const [rule, name, category, message, suggestion, noun, nouns] = engine.ruleTexts[index];
    return { rule, points, hits, name, category, message, suggestion, noun, nouns };
  });
  if (result.findings.length === 0) return result;
  const chars = Array.from(text);
  result.findings = result.findings.map(([index, start, end]) => {
    const [rule, name, category, message, suggestion] = engine.ruleTexts[index];
    const found = chars.slice(start, end).join("");
    return { rule, name, category, start, end, text: found, message, suggestion };
  });
  return result;
}

/** The heap's state ({used, peak, free, threshold}, bytes); `command`: see engine.py heap(). */
function heap(command = "", threshold = 0) {
  return JSON.parse(engine.heap(command, threshold));
}

function collectWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => heap("collect"), IDLE_COLLECT_MS);
}

/**
 * Times `check` of each text inside the sandbox, without the message hops (for bench/), and
 * says what the heap held (after a collection first: every run starts alike). `gcThreshold`
 * sets the collection threshold for this run only (the sweep in bench/).
 */
function bench(texts, gcThreshold = 0) {
  heap("collect");
  const before = heap("reset");
  if (gcThreshold > 0) heap("", gcThreshold);
  const times = [];
  try {
    for (const text of texts) {
      const start = performance.now();
      ask({ type: "check", text });
      times.push(performance.now() - start);
    }
  } finally {
    if (gcThreshold > 0) heap("", before.threshold);
  }
  return { times, heap: { before, after: heap() } };
}

function answer({ id, ...request }) {
  try {
    if (request.type === "ping") return reply(id, { ok: true, result: { ready: true, heap: heap() } });
    if (request.type === "bench") {
      return reply(id, { ok: true, result: bench(request.texts ?? [], request.gcThreshold ?? 0) });
    }
    reply(id, { ok: true, result: ask(request) });
  } catch (error) {
    reply(id, { ok: false, error: String(error?.message ?? error) });
  } finally {
    if (request.type !== "ping") collectWhenIdle(); // a status poll makes no garbage to speak of
  }
}

window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  if (engine) answer(event.data);
  else queue.push(event.data);
});

// Called from engine.py once the salesy package is imported, with when PyScript started it and
// when the import ended (this frame's performance.now()).
globalThis.salesyEngineReady = (answerInPython, heapInPython, pyscriptAt = 0, importedAt = 0) => {
  const ruleTexts = JSON.parse(answerInPython(JSON.stringify({ type: "rule-texts" }), "")).result;
  engine = { answer: answerInPython, heap: heapInPython, ruleTexts };
  const origin = performance.timeOrigin;
  // Where a cold start's time went, in epoch ms: bench/ reports the split.
  const startup = {
    frame: origin,
    scripts: scriptsAt,
    pyscript: origin + pyscriptAt,
    imported: origin + importedAt,
    ready: origin + performance.now(),
  };
  window.parent.postMessage({ type: "ready", startup }, "*");
  for (const request of queue.splice(0)) answer(request);
};

globalThis.salesyEngineFailed = (error) => {
  window.parent.postMessage({ type: "failed", error: String(error) }, "*");
};

// PyScript reports a Python error at start-up on the window.
window.addEventListener("error", (event) => globalThis.salesyEngineFailed(event.message));

// PyScript opens IndexedDB at import for its optional pyscript.fs feature, which Salesy does
// not use and a sandbox forbids; keep that one refusal from showing up as an extension error.
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason?.name === "SecurityError" && /IDBFactory/.test(event.reason.message)) {
    event.preventDefault();
  }
});
