// Bundles what `tsc -b` built into the few files Node loads fast (docs/performance.md):
//
// - the CLI (cli/dist/cli.js) with core and its dependencies into one CommonJS file,
//   cli/dist/flaglint.cjs, and core's worker thread beside it (cli/dist/worker.mjs, where the pool
//   looks first): two files instead of some 250 modules, about 0.25 s of every run's start-up;
// - the ESLint plugin (rules/dist/index.js) with core into rules/dist/plugin.cjs: one file instead
//   of some 100 modules, about 0.1 s of every ESLint process that loads it (a pre-commit hook's
//   `eslint` on a few files among them);
// - core's worker thread on its own (packages/core/dist/project/worker.bundle.mjs).
//
// CommonJS where the entry (cli/bin/flaglint.js, rules/plugin.mjs) loads the bundle through V8's
// code cache (core's code-cache.ts; an ES module has no such way on Node 20), and only while it is
// as new as the build. The TypeScript compiler stays outside: it is the user's own (a peer
// dependency), loaded from node_modules the first time a file is parsed; so do ESLint and
// typescript-eslint, which the plugin runs inside.
//
//   node scripts/bundle.mjs      (run by `npm run build` and `npm install`, after tsc -b)

import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: "node", target: "node20", external: ["typescript"], logLevel: "warning" };
// CommonJS dependencies (commander, yaml) call require() for Node's own modules.
const esmRequire = 'import { createRequire as __flaglintRequire } from "node:module"; const require = __flaglintRequire(import.meta.url);';

/**
 * `import fs from "node:fs"` in CommonJS output gives each importing module its own copy of the
 * module's properties (esbuild's `__toESM`): for `node:fs` and `node:path`, imported so in some
 * sixty modules, thousands of property definitions as the bundle loads. Those two resolve instead
 * to one module of the bundle that imports them once.
 */
const sharedBuiltins = {
  name: "shared-builtins",
  setup(builder) {
    // Only ES imports: a CommonJS dependency's `require("node:fs")` stays Node's own module.
    builder.onResolve({ filter: /^node:(?:fs|path)$/ }, (args) =>
      args.kind === "import-statement" ? { path: args.path.slice("node:".length), namespace: "shared-builtin" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "shared-builtin" }, (args) => ({
      // `fs`, not `node:fs`: an import this plugin does not resolve again.
      contents: `import whole from "${args.path}"; export default whole; export * from "${args.path}";`,
      loader: "js",
      resolveDir: REPO,
    }));
  },
};

/** A CommonJS bundle whose modules still find their neighbours (the worker, package.json, typescript) from import.meta.url. */
const commonJs = {
  ...common,
  plugins: [sharedBuiltins],
  format: "cjs",
  define: { "import.meta.url": "__flaglintUrl" },
  banner: { js: 'const __flaglintUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await build({ ...commonJs, entryPoints: [path.join(REPO, "cli/dist/cli.js")], outfile: path.join(REPO, "cli/dist/flaglint.cjs") });
await build({
  ...commonJs,
  entryPoints: [path.join(REPO, "rules/dist/index.js")],
  outfile: path.join(REPO, "rules/dist/plugin.cjs"),
  external: ["typescript", "eslint", "@typescript-eslint/*"],
  // An ESLint process (an editor's, for hours) keeps the bundle's text as long as it runs. With
  // comments, a few non-Latin-1 characters in them made V8 hold all of it at two bytes a character
  // (1.8 MB); without comments and indentation it is 0.6 MB of ASCII (names are kept, so stack
  // traces and profiles still read). The CLI's bundle lives one run and keeps its comments.
  minifyWhitespace: true,
  charset: "ascii",
});
// Core's worker thread in one file, twice: beside the CLI's bundle (cli/dist/worker.mjs, where the
// pool looks first) and beside its modules for core's own pool (project/pool.ts): a thread that
// loads one file instead of a hundred starts in two thirds of the time.
const worker = path.join(REPO, "packages/core/dist/project/worker.js");
for (const outfile of ["cli/dist/worker.mjs", "packages/core/dist/project/worker.bundle.mjs"]) {
  await build({ ...common, entryPoints: [worker], outfile: path.join(REPO, outfile), format: "esm", banner: { js: esmRequire } });
}
