// `eslint --cache` never serves a stale flaglint finding: the real CLI, run after run in one
// folder, sees a registry edit, a day passing a removal date and a new registry in a package.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eslintConfig, REPO_ROOT, relative, type EslintMajor, type EslintMessage } from "./helpers/eslint.js";
import { IS_ON_REGISTRY_HEAD, temporaryFolders } from "./helpers/temp.js";

const temporaryFolder = temporaryFolders("flaglint-eslint-cache-");

const REGISTRY = `${IS_ON_REGISTRY_HEAD}  old_flag:
    type: release
    owner: "@team"
    created: 2026-01-01
    removeBy: 2026-12-01
    ticket: T-1
`;
const NEW_FLAG = `  new_flag:
    type: release
    owner: "@team"
    created: 2026-11-01
    removeBy: 2027-06-01
    ticket: T-2
`;
const WEB_REGISTRY = `${IS_ON_REGISTRY_HEAD}  web_flag:
    type: ops
    owner: "@web"
    created: 2026-01-01
`;

function project(): string {
  const dir = temporaryFolder();
  fs.writeFileSync(path.join(dir, "feature-flags.yaml"), REGISTRY);
  fs.mkdirSync(path.join(dir, "src"));
  fs.writeFileSync(path.join(dir, "src/a.js"), 'export const a = flags.isOn("old_flag") && flags.isOn("new_flag");\n');
  fs.mkdirSync(path.join(dir, "packages/web"), { recursive: true });
  fs.writeFileSync(path.join(dir, "packages/web/b.js"), 'export const b = flags.isOn("old_flag");\n');
  // No settings.now: the day comes from FLAGLINT_NOW, as it would from the clock.
  fs.writeFileSync(path.join(dir, "eslint.config.mjs"), eslintConfig({ mode: "espree", settings: {} }));
  return dir;
}

/** `eslint --cache` in `cwd`; the findings as `file:line rule`. */
function eslintCached(major: EslintMajor, cwd: string, now: string, strategy: "metadata" | "content"): string[] {
  const bin = path.join(REPO_ROOT, major === 10 ? "node_modules/eslint/bin/eslint.js" : "test/eslint9/node_modules/eslint/bin/eslint.js");
  const args = [bin, "--cache", "--cache-location", ".eslintcache", "--cache-strategy", strategy, "--format", "json", "."];
  const run = spawnSync(process.execPath, args, { cwd, env: { ...process.env, FLAGLINT_NOW: now }, encoding: "utf8" });
  expect(run.status, run.stderr).toBeLessThanOrEqual(1);
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: EslintMessage[] }>;
  return results
    .flatMap(({ filePath, messages }) => messages.map((m) => `${relative(cwd, filePath)}:${m.line} ${m.ruleId}`))
    .sort();
}

/** Both majors and both strategies, in two runs: each spawns ESLint four times. */
const RUNS = [
  { major: 10, strategy: "content" },
  { major: 9, strategy: "metadata" },
] as const;

describe.each(RUNS)("ESLint $major: eslint --cache --cache-strategy $strategy", ({ major, strategy }) => {
  it("lints again when a registry changes, the day passes a removal date or a package gets its own registry", () => {
    const dir = project();
    const lint = (now: string) => eslintCached(major, dir, now, strategy);

    expect(lint("2026-11-26")).toEqual([
      "packages/web/b.js:1 flaglint/flag-expiring-soon",
      "src/a.js:1 flaglint/flag-expiring-soon",
      "src/a.js:1 flaglint/no-unknown-flag",
    ]);
    expect(fs.existsSync(path.join(dir, ".eslintcache"))).toBe(true);

    // The flag is added to the registry: no longer unknown, though src/a.js did not change.
    fs.appendFileSync(path.join(dir, "feature-flags.yaml"), NEW_FLAG);
    expect(lint("2026-11-26")).toEqual(["packages/web/b.js:1 flaglint/flag-expiring-soon", "src/a.js:1 flaglint/flag-expiring-soon"]);

    // The removal date passes: old_flag is stale in both files.
    expect(lint("2026-12-02")).toEqual(["packages/web/b.js:1 flaglint/no-stale-flag", "src/a.js:1 flaglint/no-stale-flag"]);

    // packages/web gets a registry of its own, which lacks old_flag.
    fs.writeFileSync(path.join(dir, "packages/web/feature-flags.yaml"), WEB_REGISTRY);
    expect(lint("2026-12-02")).toEqual(["packages/web/b.js:1 flaglint/no-unknown-flag", "src/a.js:1 flaglint/no-stale-flag"]);
  });
});
