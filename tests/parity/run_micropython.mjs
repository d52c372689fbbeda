// Runs salesy.check on the pinned MicroPython (the interpreter PyScript ships) under Node.
// Usage: node run_micropython.mjs [texts.json] [--config config.json] [--break RULE_ID]
//   (texts from stdin if no file; --break makes that rule raise, to test containment)
// Input: a JSON list of strings. Output: one JSON list of check() results on stdout.
// --incremental: the input is a list of posts, each a list of its versions; the output, for
//   each version, [salesy.incremental's judge(), engine.judge()] (one Checker per post).
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

const args = process.argv.slice(2);
let configPath = null;
let broken = "";
let incremental = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--config") configPath = args[++i];
  else if (args[i] === "--break") broken = args[++i];
  else if (args[i] === "--incremental") incremental = true;
  else files.push(args[i]);
}
const texts = JSON.parse(readFileSync(files.length ? files[0] : 0, "utf8"));
const config = configPath ? readFileSync(configPath, "utf8") : "";

const { loadMicroPython } = await import(runtime);
let stderr = "";
const mp = await loadMicroPython({ stdout: () => {}, stderr: (line) => { stderr += line + "\n"; } });

const pkg = join(root, "py");
for (const file of pythonFiles(join(pkg, "salesy"))) {
  const target = "/lib/" + relative(pkg, file).split("\\").join("/");
  const parts = target.split("/").slice(1, -1);
  let dir = "";
  for (const part of parts) {
    dir += "/" + part;
    try { mp.FS.mkdir(dir); } catch { /* exists */ }
  }
  mp.FS.writeFile(target, readFileSync(file, "utf8"));
}

// Data crosses through files in the interpreter's file system: no proxies, exact UTF-8.
mp.FS.writeFile("/input.json", JSON.stringify(texts));
mp.FS.writeFile("/config.json", config);
mp.FS.writeFile("/broken.txt", broken);
mp.FS.writeFile("/incremental.txt", incremental ? "1" : "");
try {
  mp.runPython(`
import sys, json
sys.path.insert(0, "/lib")
import salesy
with open("/input.json") as f:
    _texts = json.load(f)
with open("/config.json") as f:
    _raw = f.read()
_config = json.loads(_raw) if _raw else None
with open("/broken.txt") as f:
    _broken = f.read()
if _broken:
    def _raise(doc, config):
        raise ValueError("broken on purpose")
    from salesy.rules import BY_ID
    BY_ID[_broken].detect = _raise
with open("/incremental.txt") as f:
    _incremental = f.read()
if _incremental:
    from salesy import engine, incremental
    _out = []
    for _versions in _texts:
        _checker = incremental.Checker()
        _out.append([[_checker.judge(t, _config), engine.judge(t, _config)] for t in _versions])
else:
    _out = [salesy.check(t, _config) for t in _texts]
with open("/output.json", "w") as f:
    f.write(json.dumps(_out))
`);
} catch (error) {
  process.stderr.write("MicroPython failed: " + error + "\n" + stderr);
  process.exit(3);
}
process.stderr.write(stderr);
process.stdout.write(mp.FS.readFile("/output.json", { encoding: "utf8" }));
process.stdout.write("\n");
