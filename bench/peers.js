// The peers bench/run.py times beside Salesy, bundled (esbuild) into one script a page can
// load: harper.js (a grammar checker in Rust compiled to wasm) and alex (retext's
// inconsiderate-writing checker, plain JavaScript). The page reaches them as `peers`.
import * as harper from "harper.js";
import { binary } from "harper.js/binary";
import { text as alexText } from "alex";

async function harperLinter() {
  const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
  await linter.setup();
  return linter;
}

globalThis.peers = { harperLinter, alex: alexText };
