// Per-repository settings in the registry: `rules`, `ignore` and `# flaglint-disable-next-line`,
// in the CLI and in the ESLint plugin alike, and disable directives that silence nothing.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { flaglint, registry, removeProjects } from "../helpers/cli.js";
import { eslintApi, fixtureCopy, removeFixtureCopies } from "../helpers/eslint.js";
import { gitProject } from "../helpers/git.js";
import { cli } from "./in-process.js";

afterEach(removeProjects);
afterAll(removeFixtureCopies);

const NOW = "2026-11-26";
const IMPORT = 'import { client } from "@acme/flags";\n';

/** A stale check, an unknown key, a dynamic key, a generated file, and an unused flag. */
function tuned(config: string, flags = "") {
  return gitProject({
    "feature-flags.yaml": registry(`  old:\n    type: release\n    created: 2026-01-01\n    ticket: T-1${flags}`).replace("flags:\n", `${config}flags:\n`),
    "src/a.ts": `${IMPORT}export const a = client.isEnabled("old");\nexport const t = client.isEnabled("typo");\nexport const d = (k: string) => client.isEnabled(k);\n`,
    "src/generated/g.ts": `${IMPORT}export const g = client.isEnabled("generated_typo");\n`,
  });
}

async function rules(root: string, args: readonly string[] = []): Promise<string[]> {
  const run = await cli(["check", "--now", NOW, "-f", "json", ...args], { cwd: root });
  return JSON.parse(run.stdout).findings.map((finding: { rule: string; severity: string; file: string }) => `${finding.severity} ${finding.rule} ${finding.file}`);
}

describe("registry rules and ignore in the CLI", () => {
  it("checks everything by default", async () => {
    expect(await rules(tuned("").root)).toEqual([
      "error no-stale-flag src/a.ts",
      "error no-unknown-flag src/a.ts",
      "warn no-dynamic-flag-key src/a.ts",
      "error no-unknown-flag src/generated/g.ts",
    ]);
  });

  it("turns rules off, down to warn or up to error, and leaves ignored files unchecked", async () => {
    const repo = tuned('rules:\n  no-stale-flag: warn\n  no-unknown-flag: "off"\n  no-dynamic-flag-key: error\nignore:\n  - "src/generated/**"\n');
    expect(await rules(repo.root)).toEqual(["warn no-stale-flag src/a.ts", "error no-dynamic-flag-key src/a.ts"]);
  });

  it("rejects an unknown rule or setting with the line and a hint", async () => {
    const run = flaglint(["check", "--now", NOW], { cwd: tuned("rules:\n  no-stale-flags: warn\n  no-unknown-flag: warning\n").root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'feature-flags.yaml:9:3: unknown field "no-stale-flags" (did you mean "no-stale-flag"?)\n' +
        'feature-flags.yaml:10:20: unknown no-unknown-flag "warning" (one of: off, warn, error)\n',
    );
  });
});

describe("# flaglint-disable-next-line in the registry", () => {
  const unused = "\n  # flaglint-disable-next-line no-unused-flag -- kept for the 2027 audit\n  legacy:\n    type: ops";

  it("silences the registry-level finding on the next line", async () => {
    const root = tuned("", `${unused}\n  also_unused:\n    type: ops`).root;
    const findings = (await rules(root)).filter((line) => line.includes("feature-flags.yaml"));
    expect(findings).toEqual(["warn no-unused-flag feature-flags.yaml"]);
    const run = await cli(["check", "--now", NOW, "-f", "json"], { cwd: root });
    expect(JSON.parse(run.stdout).findings.find((f: { rule: string }) => f.rule === "no-unused-flag").flag).toBe("also_unused");
  });

  it("reports a directive that silences nothing: a warning by default, an error when asked", async () => {
    const root = tuned("", "\n  # flaglint-disable-next-line require-removal-ticket\n  legacy:\n    type: ops").root;
    const warned = await cli(["check", "--now", NOW], { cwd: root });
    expect(warned.stderr).toContain("feature-flags.yaml:13: warning: unused disable directive (no problem from require-removal-ticket was silenced)\n");
    const failed = await cli(["check", "--now", NOW, "--report-unused-disable-directives", "-f", "json"], { cwd: root });
    expect(failed.stderr).toContain("feature-flags.yaml:13: error: unused disable directive");
    expect((await cli(["check", "--now", NOW, "--report-unused-disable-directives-severity", "off"], { cwd: root })).stderr).not.toContain("unused disable directive");
  });

  it("reports an eslint-disable-next-line in code that names a flaglint rule and silences nothing", async () => {
    const repo = tuned("");
    repo.write({ "src/b.ts": `${IMPORT}// eslint-disable-next-line flaglint/no-stale-flag\nexport const fine = 1;\n` });
    const run = await cli(["check", "--now", NOW, "--report-unused-disable-directives-severity", "error", "src/b.ts"], { cwd: repo.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("src/b.ts:2: error: unused disable directive (no problem from no-stale-flag was silenced)\n");
  });
});

describe("registry rules and ignore in the ESLint plugin", () => {
  it("turns off what the registry turns off, honours its directives, and skips what it ignores", async () => {
    const { ESLint } = await eslintApi(10);
    const dir = fixtureCopy("eslint-js", { mode: "espree" });
    const lint = async () => {
      const results = await new ESLint({ cwd: dir }).lintFiles(["src/app.js"]);
      return results[0]!.messages.map((message) => message.ruleId);
    };
    expect(await lint()).toContain("flaglint/no-stale-flag");
    const file = path.join(dir, "feature-flags.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("flags:\n", "rules:\n  no-stale-flag: \"off\"\nflags:\n"));
    const later = new Date(fs.statSync(file).mtimeMs + 10_000);
    fs.utimesSync(file, later, later);
    const off = await lint();
    expect(off).not.toContain("flaglint/no-stale-flag");
    expect(off).toContain("flaglint/no-unknown-flag");

    expect(off).toContain("flaglint/require-removal-ticket");
    // fast_checkout has no ticket: a directive above its entry silences ESLint's reports at its checks too.
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("  fast_checkout:", "  # flaglint-disable-next-line require-removal-ticket\n  fast_checkout:"));
    const silencedAt = new Date(fs.statSync(file).mtimeMs + 15_000);
    fs.utimesSync(file, silencedAt, silencedAt);
    expect(await lint()).not.toContain("flaglint/require-removal-ticket");

    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("flags:\n", "ignore:\n  - src/app.js\nflags:\n"));
    const evenLater = new Date(fs.statSync(file).mtimeMs + 20_000);
    fs.utimesSync(file, evenLater, evenLater);
    expect(await lint()).toEqual([]);
  });
});
