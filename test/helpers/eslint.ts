// Runs the real `eslint` binaries (ESLint 10 from the workspace, ESLint 9 from test/eslint9) on
// copies of fixture projects, with a flat config that loads the built plugin by file URL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NOW = "2026-11-26";

export const ESLINT_MAJORS = [10, 9] as const;
export type EslintMajor = (typeof ESLINT_MAJORS)[number];

const ESLINT_DIRS: Record<EslintMajor, string> = {
  10: path.join(REPO_ROOT, "node_modules/eslint"),
  9: path.join(REPO_ROOT, "test/eslint9/node_modules/eslint"),
};

/** The built plugin, as a user's config imports it (a fixture copy has no node_modules). */
export const PLUGIN_ENTRY = path.join(REPO_ROOT, "rules/dist/index.js");
const TS_PARSER_ENTRY = createRequire(import.meta.url).resolve("@typescript-eslint/parser");

/** How the config parses the fixture's files. */
export type ParserMode =
  /** ESLint's default parser, espree: .js, .mjs, .cjs. */
  | "espree"
  /** @typescript-eslint/parser for .ts and .tsx, syntax only. */
  | "typescript"
  /** @typescript-eslint/parser with `projectService`: type information from the fixture's tsconfig. */
  | "type-aware";

export interface ConfigOptions {
  mode: ParserMode;
  /** `settings.flaglint`; `now` defaults to NOW. */
  settings?: Record<string, unknown>;
}

/** The text of an eslint.config.mjs, as the README shows it, with absolute imports. */
export function eslintConfig({ mode, settings = { now: NOW } }: ConfigOptions): string {
  const lines = [`import flaglint from ${JSON.stringify(pathToFileURL(PLUGIN_ENTRY).href)};`];
  const configs = ['  { ignores: ["eslint.config.mjs"] },'];
  if (mode !== "espree") {
    lines.push(`import tsParser from ${JSON.stringify(pathToFileURL(TS_PARSER_ENTRY).href)};`);
    const parserOptions = mode === "type-aware" ? ", parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }" : "";
    configs.push(`  { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tsParser${parserOptions} } },`);
  }
  configs.push("  flaglint.configs.recommended,");
  configs.push(`  { settings: { flaglint: ${JSON.stringify(settings)} } },`);
  return [...lines, "", "export default [", ...configs, "];", ""].join("\n");
}

const copies: string[] = [];

/** A copy of fixtures/<name> in a temp folder, with an eslint.config.mjs; returns its path. */
export function fixtureCopy(name: string, config: ConfigOptions): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-eslint-${name}-`));
  copies.push(dir);
  fs.cpSync(path.join(REPO_ROOT, "fixtures", name), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "eslint.config.mjs"), eslintConfig(config));
  return dir;
}

export function removeFixtureCopies(): void {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** One message of ESLint's JSON output. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  messageId?: string;
  suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }>;
}

export interface EslintRun {
  status: number | null;
  stderr: string;
  /** ESLint's JSON results, file paths made relative to `cwd` with `/`. */
  results: Array<{ file: string; messages: EslintMessage[] }>;
}

/** `eslint --format json .` in `cwd` with the given major; FLAGLINT_NOW unset unless `env` sets it. */
export function runEslint(major: EslintMajor, cwd: string, env: Record<string, string> = {}): EslintRun {
  const bin = path.join(ESLINT_DIRS[major], "bin/eslint.js");
  const { FLAGLINT_NOW: _unset, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [bin, "--format", "json", "."], {
    cwd,
    env: { ...inherited, ...env },
    encoding: "utf8",
  });
  const parsed = run.stdout ? (JSON.parse(run.stdout) as Array<{ filePath: string; messages: EslintMessage[] }>) : [];
  return {
    status: run.status,
    stderr: run.stderr,
    results: parsed.map(({ filePath, messages }) => ({ file: relative(cwd, filePath), messages })),
  };
}

/** The ESLint Node API (`ESLint` class) of a major. */
export async function eslintApi(major: EslintMajor): Promise<typeof import("eslint")> {
  return (await import(pathToFileURL(path.join(ESLINT_DIRS[major], "lib/api.js")).href)) as typeof import("eslint");
}

export function relative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join("/");
}

const instances = new Map<string, import("eslint").ESLint>();

/**
 * What `runEslint` gives, through the ESLint class in this process: the same flat config file,
 * plugin and parser, loaded once per test file instead of once per run. The ESLint instance of a
 * folder is kept, as an editor keeps its own.
 */
export async function lintInProcess(major: EslintMajor, cwd: string, env: { FLAGLINT_NOW?: string } = {}): Promise<EslintRun> {
  const key = `${major}\0${cwd}`;
  let eslint = instances.get(key);
  if (eslint === undefined) {
    const { ESLint } = await eslintApi(major);
    eslint = new ESLint({ cwd, overrideConfigFile: path.join(cwd, "eslint.config.mjs") });
    instances.set(key, eslint);
  }
  const saved = process.env.FLAGLINT_NOW;
  if (env.FLAGLINT_NOW === undefined) delete process.env.FLAGLINT_NOW;
  else process.env.FLAGLINT_NOW = env.FLAGLINT_NOW;
  try {
    const results = await eslint.lintFiles(["."]);
    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    return {
      status: errors > 0 ? 1 : 0,
      stderr: "",
      results: results.map(({ filePath, messages }) => ({ file: relative(cwd, filePath), messages: messages })),
    };
  } finally {
    if (saved === undefined) delete process.env.FLAGLINT_NOW;
    else process.env.FLAGLINT_NOW = saved;
  }
}
