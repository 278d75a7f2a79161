#!/usr/bin/env node
// The CLI in one file (dist/flaglint.cjs, from scripts/bundle-cli.mjs) when it is at least as new
// as the build it was made from: in a checkout, `tsc -b` alone leaves it older, and the modules
// tsc wrote are run instead. An installed package has no build info: its bundle is the build.
// The bundle is loaded through V8's code cache (core's code-cache.ts), where it can be.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/flaglint.cjs", import.meta.url);
const builds = ["../dist/.tsbuildinfo", "../../packages/core/dist/.tsbuildinfo"].map((file) => new URL(file, import.meta.url));

function modified(url) {
  return statSync(url, { throwIfNoEntry: false })?.mtimeMs;
}

async function loadBundle() {
  const file = fileURLToPath(bundle);
  let load = (path) => createRequire(import.meta.url)(path);
  try {
    ({ loadWithCodeCache: load } = await import("@flaglint/core/code-cache"));
  } catch {
    // Core not where Node looks from here: the bundle is still a plain CommonJS file.
  }
  return load(file);
}

const bundled = modified(bundle);
const current = bundled !== undefined && builds.every((build) => (modified(build) ?? 0) <= bundled);
const { run } = current ? await loadBundle() : await import("../dist/cli.js");

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
