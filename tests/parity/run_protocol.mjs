// Runs salesy.protocol.handle on the pinned MicroPython (what PyScript runs) under Node.
// Usage: node run_protocol.mjs < requests.json   Input: a JSON list of engine requests.
// Output: the JSON list of answers, exactly what the browser's sandbox would get.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runtime = join(root, "node_modules", "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");

function pythonFiles(folder) {
  const out = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") out.push(...pythonFiles(path));
    } else if (name.endsWith(".py")) {
      out.push(path);
    }
  }
  return out;
}

const requests = readFileSync(0, "utf8");
const { loadMicroPython } = await import(runtime);
let stderr = "";
const mp = await loadMicroPython({ stdout: () => {}, stderr: (line) => { stderr += line + "\n"; } });
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
mp.FS.writeFile("/requests.json", requests);
try {
  mp.runPython(`
import sys, json
sys.path.insert(0, "/lib")
from salesy.protocol import handle
with open("/requests.json") as f:
    _requests = json.load(f)
with open("/answers.json", "w") as f:
    f.write(json.dumps([handle(r) for r in _requests]))
`);
} catch (error) {
  process.stderr.write("MicroPython failed: " + error + "\n" + stderr);
  process.exit(3);
}
process.stdout.write(mp.FS.readFile("/answers.json", { encoding: "utf8" }));
process.stdout.write("\n");
