// Times salesy's full and incremental check on the pinned MicroPython under Node (the wasm the
// extension runs): node bench/incremental_mp.mjs < {"full": [texts], "edits": [texts]}
// Prints {"full": [ms...], "edits": [ms...], "same": true|false}: each text a runPython call,
// as a request to the engine is; edits are successive versions of one post, one Checker.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runtime = join(root, "node_modules", "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");

function pythonFiles(folder) {
  const out = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") out.push(...pythonFiles(path));
    } else if (name.endsWith(".py")) out.push(path);
  }
  return out;
}

const input = JSON.parse(readFileSync(0, "utf8"));
const { loadMicroPython } = await import(runtime);
let printed = "";
const mp = await loadMicroPython({ stdout: (line) => { printed += line + "\n"; }, stderr: () => {} });
const pkg = join(root, "py");
for (const file of pythonFiles(join(pkg, "salesy"))) {
  const target = "/lib/" + relative(pkg, file).split("\\").join("/");
  let dir = "";
  for (const part of target.split("/").slice(1, -1)) {
    dir += "/" + part;
    try { mp.FS.mkdir(dir); } catch { /* exists */ }
  }
  mp.FS.writeFile(target, readFileSync(file, "utf8"));
}
mp.FS.writeFile("/input.json", JSON.stringify(input));
mp.runPython(`
import gc, sys, json
gc.threshold(4 * 1024 * 1024)  # as the extension's engine sets it (extension/engine/engine.py)
sys.path.insert(0, "/lib")
from salesy import engine, incremental
with open("/input.json") as f:
    _in = json.load(f)
_checker = incremental.Checker()
_same = True
`);
const times = { full: [], edits: [] };
for (const [kind, call] of [["full", "engine.judge"], ["edits", "_checker.judge"]]) {
  for (let i = 0; i < input[kind].length; i++) {
    const start = performance.now();
    mp.runPython(`_r = ${call}(_in["${kind}"][${i}])`);
    times[kind].push(performance.now() - start);
    if (kind === "edits") mp.runPython(`_same = _same and _r == engine.judge(_in["edits"][${i}])`);
  }
}
mp.runPython("print(1 if _same else 0)");
const same = printed.trim() === "1";
process.stdout.write(JSON.stringify({ ...times, same }));
