// What a CI job reads, run as a CI job runs it on real repositories: a broken registry in every
// format, paths from the repository root, bulk suppressions, and the GitLab, JUnit and CSV formats.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flaglint, registry, removeProjects } from "../helpers/cli.js";
import { gitProject } from "../helpers/git.js";
import { cli } from "./in-process.js";

afterEach(removeProjects);

const NOW = "2026-11-26";
const IMPORT = 'import { client } from "@acme/flags";\n';
const check = (key: string) => `client.isEnabled("${key}")`;

/** A monorepo: packages/web has a registry with a typo in a type on line 10. */
function brokenMonorepo() {
  return gitProject({
    "packages/web/feature-flags.yaml": registry("  a:\n    type: relase"),
    "packages/web/src/a.ts": `${IMPORT}export const a = ${check("a")};\n`,
  });
}

describe("a broken registry", () => {
  const web = (root: string) => path.join(root, "packages/web");

  it("is an invalid-registry finding in report's JSON too, with exit 2; the markdown report says it on stderr only", async () => {
    const root = web(brokenMonorepo().root);
    const json = await cli(["report", "--now", NOW, "--no-git", "-f", "json"], { cwd: root });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).findings).toEqual([
      expect.objectContaining({ rule: "invalid-registry", severity: "error", file: "feature-flags.yaml", line: 10, column: 11 }),
    ]);
    expect(json.stderr).toBe('feature-flags.yaml:10:11: unknown type "relase" (did you mean "release"?)\n');
    const markdown = await cli(["report", "--now", NOW, "--no-git"], { cwd: root });
    expect(markdown.status).toBe(2);
    expect(markdown.stdout).toBe("");
    expect(markdown.stderr).toBe('feature-flags.yaml:10:11: unknown type "relase" (did you mean "release"?)\n');
  });

  it("is an invalid-registry finding in JSON, with exit 2", async () => {
    const run = flaglint(["check", "--now", NOW, "-f", "json"], { cwd: web(brokenMonorepo().root) });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).findings).toEqual([
      expect.objectContaining({ rule: "invalid-registry", severity: "error", file: "feature-flags.yaml", line: 10, column: 11 }),
    ]);
    expect(run.stderr).toBe('feature-flags.yaml:10:11: unknown type "relase" (did you mean "release"?)\n');
  });

  it("is a SARIF result and a tool notification at the registry line, from the repository root", async () => {
    const run = await cli(["check", "--now", NOW, "-f", "sarif"], { cwd: web(brokenMonorepo().root) });
    expect(run.status).toBe(2);
    const sarif = JSON.parse(run.stdout);
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe("packages/web/feature-flags.yaml");
    expect(sarif.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: "error", locations: [{ physicalLocation: { region: { startLine: 10 } } }] }],
    });
  });

  it("is an ::error annotation on the registry line", async () => {
    const run = await cli(["check", "--now", NOW, "-f", "github"], { cwd: web(brokenMonorepo().root) });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error file=packages\/web\/feature-flags\.yaml,line=10,col=11,[^\n]*title=flaglint\/invalid-registry::unknown type/);
  });
});

describe("paths in CI formats", () => {
  function monorepo() {
    return gitProject({
      "packages/web/feature-flags.yaml": registry("  a:\n    type: ops"),
      "packages/web/src/a.ts": `${IMPORT}export const a = ${check("a")} && ${check("typo")};\n`,
    });
  }

  it("are from the repository root in github, gitlab and SARIF, from wherever the command runs", async () => {
    const root = monorepo().root;
    const cwd = path.join(root, "packages/web");
    const github = await cli(["check", "--now", NOW, "-f", "github"], { cwd });
    expect(github.stdout).toMatch(/^::error file=packages\/web\/src\/a\.ts,line=2,/);
    const gitlab = JSON.parse((await cli(["check", "--now", NOW, "-f", "gitlab"], { cwd })).stdout);
    expect(gitlab.map((issue: { location: { path: string } }) => issue.location.path)).toEqual(["packages/web/src/a.ts"]);
    const sarif = JSON.parse((await cli(["check", "--now", NOW, "-f", "sarif"], { cwd })).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "packages/web/src/a.ts", uriBaseId: "%SRCROOT%" });
    // People read stylish and JSON where they run the command.
    expect(JSON.parse((await cli(["check", "--now", NOW, "-f", "json"], { cwd })).stdout).findings[0].file).toBe("src/a.ts");
  });

  it("fall back to the working folder outside a git repository", async () => {
    const root = monorepo().root;
    fs.rmSync(path.join(root, ".git"), { recursive: true });
    const run = flaglint(["check", "--now", NOW, "-f", "github"], {
      cwd: path.join(root, "packages/web"),
      env: { GIT_CEILING_DIRECTORIES: path.dirname(root) },
    });
    expect(run.stdout).toMatch(/^::error file=src\/a\.ts,line=2,/);
  });
});

describe("bulk suppressions (ESLint's convention)", () => {
  /** Two unknown keys in old.ts, a warning in warn.ts. */
  function legacy() {
    return gitProject({
      "feature-flags.yaml": registry("  known:\n    type: ops"),
      "src/old.ts": `${IMPORT}export const a = ${check("typo_one")};\nexport const b = ${check("typo_two")};\nexport const k = ${check("known")};\n`,
      "src/warn.ts": `${IMPORT}export const w = (key: string) => client.isEnabled(key);\n`,
    });
  }
  const SUPPRESSIONS = "flaglint-suppressions.json";
  const read = (root: string) => JSON.parse(fs.readFileSync(path.join(root, SUPPRESSIONS), "utf8"));

  it("--suppress-all writes the error counts per file and rule, and the gate passes on them", async () => {
    const repo = legacy();
    expect((await cli(["check", "--now", NOW], { cwd: repo.root })).status).toBe(1);
    const suppress = await cli(["check", "--now", NOW, "--suppress-all"], { cwd: repo.root });
    expect(suppress.status).toBe(0);
    // Warnings are not suppressed, as in ESLint: they do not fail the gate.
    expect(read(repo.root)).toEqual({ "src/old.ts": { "no-unknown-flag": { count: 2 } } });
    const again = await cli(["check", "--now", NOW, "-f", "json"], { cwd: repo.root });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(["no-dynamic-flag-key"]);
  });

  it("holds when lines move, and fails on a finding beyond the count, showing every one of that rule in that file", async () => {
    const repo = legacy();
    await cli(["check", "--now", NOW, "--suppress-all"], { cwd: repo.root });
    repo.write({ "src/old.ts": `${IMPORT}\n\n// moved down\nexport const a = ${check("typo_one")};\nexport const b = ${check("typo_two")};\n` });
    expect((await cli(["check", "--now", NOW, "--quiet"], { cwd: repo.root })).status).toBe(0);

    repo.write({ "src/old.ts": `${IMPORT}export const a = ${check("typo_one")};\nexport const b = ${check("typo_two")};\nexport const c = ${check("typo_new")};\n` });
    const run = await cli(["check", "--now", NOW, "-f", "json", "--quiet"], { cwd: repo.root });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((finding: { flag: string }) => finding.flag)).toEqual(["typo_one", "typo_two", "typo_new"]);
  });

  it("reports suppressions no finding uses any more, exits 2 until pruned, and --prune-suppressions lowers them", async () => {
    const repo = legacy();
    await cli(["check", "--now", NOW, "--suppress-all"], { cwd: repo.root });
    repo.write({ "src/old.ts": `${IMPORT}export const a = ${check("typo_one")};\n` });
    const stale = await cli(["check", "--now", NOW, "--quiet"], { cwd: repo.root });
    expect(stale.status).toBe(2);
    expect(stale.stderr).toBe(
      "flaglint: flaglint-suppressions.json: src/old.ts allows 2 no-unknown-flag, 1 found\n" +
        "flaglint: 1 suppression is no longer needed (hint: flaglint check --prune-suppressions).\n",
    );
    expect((await cli(["check", "--now", NOW, "--quiet", "--pass-on-unpruned-suppressions"], { cwd: repo.root })).status).toBe(0);

    expect((await cli(["check", "--now", NOW, "--quiet", "--prune-suppressions"], { cwd: repo.root })).status).toBe(0);
    expect(read(repo.root)).toEqual({ "src/old.ts": { "no-unknown-flag": { count: 1 } } });
  });

  it("--suppress-rule suppresses that rule only, and a partial run leaves other files' suppressions alone", async () => {
    const repo = legacy();
    repo.write({ "src/stale.ts": `${IMPORT}export const s = ${check("known")};\n` });
    repo.write({ "feature-flags.yaml": registry("  known:\n    type: release\n    created: 2026-01-01\n    ticket: T-1") });
    expect((await cli(["check", "--now", NOW, "--suppress-rule", "no-stale-flag"], { cwd: repo.root })).status).toBe(1);
    expect(read(repo.root)).toEqual({ "src/old.ts": { "no-stale-flag": { count: 1 } }, "src/stale.ts": { "no-stale-flag": { count: 1 } } });

    const partial = await cli(["check", "src/stale.ts", "--now", NOW], { cwd: repo.root });
    expect(partial.status).toBe(0);
    expect(partial.stderr).not.toContain("no longer needed");
  });

  it("run from a subfolder, reports no suppression of a file outside it as unused", async () => {
    const repo = legacy();
    await cli(["check", "--now", NOW, "--suppress-all"], { cwd: repo.root });
    repo.write({ "lib/clean.ts": "export const x = 1;\n" });
    const run = await cli(["check", "--now", NOW, "--suppressions-location", "../flaglint-suppressions.json"], { cwd: path.join(repo.root, "lib") });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("no longer needed");
  });

  it("stops with one line for a malformed suppressions file", async () => {
    const repo = legacy();
    repo.write({ [SUPPRESSIONS]: '{ "src/old.ts": { "no-unknown-flag": { "count": "two" } } }' });
    const run = await cli(["check", "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^flaglint: flaglint-suppressions\.json: "src\/old\.ts" > "no-unknown-flag" is not [^\n]*\(hint: [^\n]*\)\n$/);
  });
});

describe("GitLab, JUnit and CSV from the CLI", () => {
  function shop() {
    return gitProject({
      "feature-flags.yaml": registry('  old:\n    type: release\n    owner: "@web"\n    created: 2026-01-01\n    ticket: T-1'),
      "src/a.ts": `${IMPORT}export const a = ${check("old")};\n`,
    });
  }

  it("check --format gitlab writes Code Quality issues", async () => {
    const run = await cli(["check", "--now", NOW, "-f", "gitlab"], { cwd: shop().root });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ check_name: "flaglint/no-stale-flag", severity: "major", location: { path: "src/a.ts", lines: { begin: 2, end: 2 } } })]);
  });

  it("check --format junit writes one failing test case per finding", async () => {
    const root = shop().root;
    const run = await cli(["check", "--now", NOW, "-f", "junit", "-o", "reports/junit.xml"], { cwd: root });
    expect(run.status).toBe(1);
    const xml = fs.readFileSync(path.join(root, "reports/junit.xml"), "utf8");
    expect(xml).toContain('<testsuites name="flaglint" tests="1" failures="1" errors="0" time="0">');
    expect(xml).toContain('<testcase name="flaglint/no-stale-flag old (2:35)" classname="src/a.ts" time="0">');
  });

  it("report --format csv writes one row per flag", async () => {
    const run = await cli(["report", "--now", NOW, "--no-git", "-f", "csv"], { cwd: shop().root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "key,state,days_left,type,owner,created,remove_by,ticket,references,registry,description\r\n" +
        "old,overdue,-287,release,@web,2026-01-01,2026-02-12,T-1,1,feature-flags.yaml,\r\n",
    );
  });
});
