// Sandboxed engine frame: answers the host's requests with the Python engine. Requests that
// arrive before Python has started wait in a queue.
const queue = [];
let engine = null;

function reply(id, payload) {
  window.parent.postMessage({ id, ...payload }, "*");
}

function check(text, config) {
  const result = JSON.parse(engine.check(String(text ?? ""), config ? JSON.stringify(config) : ""));
  if (result.error) throw new Error(result.error);
  return result;
}

/** Times `check` inside the sandbox, without the message hops (for bench/). */
function bench(text, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    check(text, null);
    times.push(performance.now() - start);
  }
  return { times };
}

function answer({ id, type, text, config, runs }) {
  try {
    if (type === "ping") return reply(id, { ok: true, result: { ready: true } });
    if (type === "check") return reply(id, { ok: true, result: check(text, config) });
    if (type === "bench") return reply(id, { ok: true, result: bench(text, runs ?? 50) });
    throw new Error(`Unknown engine request: ${type}`);
  } catch (error) {
    reply(id, { ok: false, error: String(error?.message ?? error) });
  }
}

window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  if (engine) answer(event.data);
  else queue.push(event.data);
});

// Called from engine.py once the salesy package is imported.
globalThis.salesyEngineReady = (check) => {
  engine = { check };
  window.parent.postMessage({ type: "ready" }, "*");
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
