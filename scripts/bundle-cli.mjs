// Bundles the built CLI (cli/dist/cli.js, from `tsc -b`) with core and its dependencies into one
// CommonJS file, cli/dist/flaglint.cjs, and core's worker thread beside it (cli/dist/worker.mjs,
// where the pool looks first). Node then loads two files instead of some 250 modules: about 0.25 s
// of every run's start-up (README, Performance). CommonJS so that the binary can load it through
// V8's code cache (core's code-cache.ts; an ES module has no such way on Node 20): about 0.03 s of
// every run. The TypeScript compiler stays outside: it is the user's own (a peer dependency),
// loaded from node_modules the first time a file is parsed.
//
//   node scripts/bundle-cli.mjs      (run by `npm run build` and `npm install`, after tsc -b)

import { build } from "esbuild";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: "node", target: "node20", external: ["typescript"], logLevel: "warning" };
// CommonJS dependencies (commander, yaml) call require() for Node's own modules.
const esmRequire = 'import { createRequire as __flaglintRequire } from "node:module"; const require = __flaglintRequire(import.meta.url);';

await build({
  ...common,
  entryPoints: { flaglint: path.join(REPO, "cli/dist/cli.js") },
  outfile: path.join(REPO, "cli/dist/flaglint.cjs"),
  format: "cjs",
  // The modules find their neighbours (the worker, the schemas, typescript) from import.meta.url.
  define: { "import.meta.url": "__flaglintUrl" },
  banner: { js: 'const __flaglintUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// The ES module bundle of earlier builds: nothing runs it any more.
rmSync(path.join(REPO, "cli/dist/flaglint.mjs"), { force: true });

await build({
  ...common,
  entryPoints: { worker: path.join(REPO, "packages/core/dist/project/worker.js") },
  outdir: path.join(REPO, "cli/dist"),
  outExtension: { ".js": ".mjs" },
  format: "esm",
  banner: { js: esmRequire },
});

// Core's worker thread in one file, beside its modules, for core's own pool (project/pool.ts): a
// thread that loads one file instead of a hundred starts in two thirds of the time.
await build({
  ...common,
  entryPoints: [path.join(REPO, "packages/core/dist/project/worker.js")],
  outfile: path.join(REPO, "packages/core/dist/project/worker.bundle.mjs"),
  format: "esm",
  banner: { js: esmRequire },
});
