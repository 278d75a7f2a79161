// Runs the built flaglint binary as a user would, and builds throwaway projects for it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
  /** Node options before the script, e.g. `--import`. */
  nodeArgs?: readonly string[];
}

/** The environment a run sees: the test's own, plain output, no date or CI from outside. */
function runEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FLAGLINT_NOW: undefined, CI: undefined };
  Object.assign(env, options.env);
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/** The built binary in a child process: exit codes, stdio and signals exactly as a user sees them. */
export function flaglint(args: readonly string[], options: RunOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), FLAGLINT_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: runEnv(options),
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Root ignores file modes. For a test of a file that its user cannot read or write, a child run by
 * root loads `owner-modes.mjs`, which makes the file functions answer EACCES by the owner's mode
 * bits below `root`; any other user needs nothing. (Running the child as another user instead would
 * fail where the clone sits in a private folder that user cannot enter.)
 */
export function asFileOwner(root: string): Pick<RunOptions, "env" | "nodeArgs"> {
  if (process.getuid?.() !== 0) return {};
  return {
    nodeArgs: ["--import", pathToFileURL(path.join(REPO_ROOT, "test/helpers/owner-modes.mjs")).href],
    env: { FLAGLINT_TEST_OWNER_ROOT: root },
  };
}

type InProcessOptions = Omit<RunOptions, "nodeArgs">;

/**
 * The built CLI's `run` in this process, with the same arguments, working folder and environment as
 * `flaglint`: what a command computes and prints, without a Node start per run. Use `flaglint` where
 * the process itself is under test (the bin file, another user, signals).
 */
export async function runFlaglint(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  const { run } = (await import(pathToFileURL(path.join(REPO_ROOT, "cli/dist/cli.js")).href)) as typeof import("../../cli/src/cli.js");
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: runEnv(options),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { status, stdout, stderr };
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
