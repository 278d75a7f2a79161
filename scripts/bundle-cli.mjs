// Bundles the built CLI (cli/dist/cli.js, from `tsc -b`) with core and its dependencies into one
// module, cli/dist/flaglint.mjs, and core's worker thread beside it (cli/dist/worker.js, where the
// pool looks first). Node then loads two files instead of some 250 modules: about 0.25 s of every
// run's start-up (README, Performance). The TypeScript compiler stays outside: it is the user's own
// (a peer dependency), loaded from node_modules the first time a file is parsed.
//
//   node scripts/bundle-cli.mjs      (run by `npm run build` and `npm install`, after tsc -b)

import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: {
    flaglint: path.join(REPO, "cli/dist/cli.js"),
    worker: path.join(REPO, "packages/core/dist/project/worker.js"),
  },
  outdir: path.join(REPO, "cli/dist"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["typescript"],
  // CommonJS dependencies (commander, yaml) call require() for Node's own modules.
  banner: { js: 'import { createRequire as __flaglintRequire } from "node:module"; const require = __flaglintRequire(import.meta.url);' },
  logLevel: "warning",
});

// Core's worker thread in one file, beside its modules, for core's own pool (project/pool.ts): a
// thread that loads one file instead of a hundred starts in two thirds of the time.
await build({
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["typescript"],
  logLevel: "warning",
  entryPoints: [path.join(REPO, "packages/core/dist/project/worker.js")],
  outfile: path.join(REPO, "packages/core/dist/project/worker.bundle.mjs"),
  banner: { js: 'import { createRequire as __flaglintRequire } from "node:module"; const require = __flaglintRequire(import.meta.url);' },
});
