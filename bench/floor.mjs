// The bench's floor: what any Node tool pays to read every .ts/.tsx file of the tree and run a
// text pre-filter over it. flaglint cannot be faster than this; the ratio to it shows what
// parsing and analysis add.
//
//   node bench/floor.mjs <dir>   -> prints { files, bytes, matched } as JSON

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const PREFILTER = /isEnabled|useFlag|TODO/;
const SOURCE = /\.tsx?$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist"]);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) yield* sourceFiles(path.join(dir, entry.name));
    } else if (entry.isFile() && SOURCE.test(entry.name)) {
      yield path.join(dir, entry.name);
    }
  }
}

const root = process.argv[2];
if (!root) {
  console.error("Usage: node bench/floor.mjs <dir>");
  process.exit(2);
}
let files = 0;
let bytes = 0;
let matched = 0;
for (const file of sourceFiles(root)) {
  const text = readFileSync(file, "utf8");
  files++;
  bytes += text.length;
  if (PREFILTER.test(text)) matched++;
}
console.log(JSON.stringify({ files, bytes, matched }));
