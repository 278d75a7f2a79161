#!/usr/bin/env node
// The CLI in one module (dist/flaglint.mjs, from scripts/bundle-cli.mjs) when it is at least as new
// as the build it was made from: in a checkout, `tsc -b` alone leaves it older, and the modules
// tsc wrote are run instead. An installed package has no build info: its bundle is the build.
import { statSync } from "node:fs";

const bundle = new URL("../dist/flaglint.mjs", import.meta.url);
const builds = ["../dist/.tsbuildinfo", "../../packages/core/dist/.tsbuildinfo"].map((file) => new URL(file, import.meta.url));

function modified(url) {
  return statSync(url, { throwIfNoEntry: false })?.mtimeMs;
}

const bundled = modified(bundle);
const current = bundled !== undefined && builds.every((build) => (modified(build) ?? 0) <= bundled);
const { run } = await import(current ? bundle.href : "../dist/cli.js");

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
