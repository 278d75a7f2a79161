// What a run loads: the TypeScript compiler (0.2 s of start-up) only when something must be parsed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { flaglint, REPO_ROOT, removeProjects } from "./helpers/cli.js";

// Loaded before the CLI: on exit, says on stderr whether Node's module cache holds the compiler.
const PROBE = `data:text/javascript,${encodeURIComponent(
  'import { createRequire } from "node:module";' +
    "const cache = createRequire(process.execPath).cache;" +
    'process.on("exit", () => process.stderr.write("\\ntypescript loaded: " + Object.keys(cache).some((file) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file)) + "\\n"));',
)}`;

function loadsTypeScript(args: readonly string[], cwd: string): boolean {
  const run = flaglint(args, { cwd, nodeArgs: ["--import", PROBE], env: { FLAGLINT_NOW: "2026-11-26" } });
  const said = /typescript loaded: (true|false)/.exec(run.stderr);
  expect(said, run.stderr).not.toBeNull();
  return said![1] === "true";
}

const temporary: string[] = [];
afterAll(() => {
  removeProjects();
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function demoCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-startup-"));
  temporary.push(dir);
  fs.cpSync(path.join(REPO_ROOT, "fixtures/demo"), dir, { recursive: true });
  return dir;
}

describe("start-up", () => {
  it("loads the TypeScript compiler for a check that parses, and not for --version or --help", () => {
    const dir = demoCopy();
    expect(loadsTypeScript(["check", "."], dir)).toBe(true);
    expect(loadsTypeScript(["--version"], dir)).toBe(false);
    expect(loadsTypeScript(["check", "--help"], dir)).toBe(false);
  });
});
