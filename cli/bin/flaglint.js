#!/usr/bin/env node
// The CLI in one file (dist/flaglint.cjs, from scripts/bundle.mjs), loaded through V8's code
// cache, while it is current; the modules tsc wrote otherwise (see core's code-cache.ts).
import { loadCurrentBundle } from "@flaglint/core/code-cache";

const bundle = new URL("../dist/flaglint.cjs", import.meta.url);
const builds = ["../dist/.tsbuildinfo", "../../packages/core/dist/.tsbuildinfo"].map((file) => new URL(file, import.meta.url));
const { run } = await loadCurrentBundle(bundle, builds, () => import("../dist/cli.js"));

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
