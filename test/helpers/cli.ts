// Runs the built flaglint binary as a user would, and builds throwaway projects for it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FLAGLINT_BIN = path.join(REPO_ROOT, "cli/bin/flaglint.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Run as another user (only root may). */
  uid?: number;
  gid?: number;
}

export function flaglint(args: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FLAGLINT_NOW: undefined, CI: undefined };
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [FLAGLINT_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
    encoding: "utf8",
    uid: options.uid,
    gid: options.gid,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const projects: string[] = [];

/** Writes files into a fresh temporary folder and returns its path. */
export function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-test-"));
  projects.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function removeProjects(): void {
  for (const root of projects.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A registry that matches `import { client as ff } from "@acme/flags"; ff.isEnabled(key, ctx)`. */
export function registry(flags: string): string {
  return [
    "version: 1",
    "detect:",
    "  calls:",
    '    - module: "@acme/flags"',
    "      import: client",
    "      method: isEnabled",
    "      contextArg: 1",
    "flags:",
    flags,
    "",
  ].join("\n");
}
