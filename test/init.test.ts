// `flaglint init`: a starter registry that loads, dated from git, that `flaglint check` then runs on.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DETECT, loadRegistry } from "@flaglint/core";
import { flaglint, runFlaglint, project, removeProjects } from "./helpers/cli.js";
import { gitProject } from "./helpers/git.js";

afterEach(removeProjects);

const SERVER = `import { useFlag } from "./flags";
export const checkout = () => useFlag("new_checkout");
export const any = (name: string) => useFlag(name);
`;

const APP = `import { useFlag } from "./flags";
export const Theme = () => (useFlag("dark_mode") ? "dark" : "light");
`;

/** The project's own hook, which init learns of through --function. */
const HOOK = ["--function", "useFlag"];

/** Checks committed on two dates. */
function shop() {
  const repo = gitProject({ "src/server.ts": SERVER }, "2026-03-01T09:00:00Z");
  repo.commit({ "src/app.tsx": APP }, "2026-05-10T09:00:00Z");
  return repo;
}

const registryFile = (root: string) => path.join(root, "feature-flags.yaml");

describe("flaglint init", () => {
  it("writes every key found, as a release toggle to confirm, dated by the commit that first checked it", async () => {
    const { root } = shop();
    // The real binary: init writes a file, and the process's exit code is what a script sees.
    const run = flaglint(["init", ...HOOK], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Wrote feature-flags.yaml with 2 flags (2 dated from git).");
    expect(run.stdout).toContain("1 check with a key that cannot be read statically left out");

    const text = fs.readFileSync(registryFile(root), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\S+feature-flags\.schema\.json$/);
    const registry = loadRegistry(registryFile(root));
    expect([...registry.flags.values()].map(({ key, type, created, owner, ticket }) => ({ key, type, created, owner, ticket }))).toEqual([
      { key: "dark_mode", type: "release", created: "2026-05-10", owner: undefined, ticket: undefined },
      { key: "new_checkout", type: "release", created: "2026-03-01", owner: undefined, ticket: undefined },
    ]);
    // The matcher that found the checks is written down; the presets stay on beside it.
    expect(registry.detect).toEqual({ ...DEFAULT_DETECT, calls: [{ function: "useFlag", keyArg: 0 }] });
    expect(text).toContain("  dark_mode:  # checked in src/app.tsx:2\n");
  });

  it("gives `flaglint check` a registry it runs on", async () => {
    const { root } = shop();
    await runFlaglint(["init", ...HOOK], { cwd: root });
    const run = await runFlaglint(["check", "--now", "2026-11-26", "-f", "json"], { cwd: root });
    expect(run.status).toBe(1);
    const rules = JSON.parse(run.stdout).findings.map((finding: { rule: string; flag: string }) => `${finding.rule} ${finding.flag}`);
    // Both flags outlived a release toggle's 42 days and have no ticket yet: what the starter asks to fill in.
    expect(rules.sort()).toEqual([
      "no-dynamic-flag-key null",
      "no-stale-flag dark_mode",
      "no-stale-flag new_checkout",
      "require-removal-ticket dark_mode",
      "require-removal-ticket new_checkout",
    ]);
  });

  it("finds what the built-in presets find, and then needs no detect section", async () => {
    const root = project({
      "src/server.ts": `import { OpenFeature } from "@openfeature/server-sdk";
const client = OpenFeature.getClient();
export const checkout = () => client.getBooleanValue("new_checkout", false);
`,
    });
    expect((await runFlaglint(["init"], { cwd: root })).status).toBe(0);
    const registry = loadRegistry(registryFile(root));
    expect([...registry.flags.keys()]).toEqual(["new_checkout"]);
    expect(registry.detect).toEqual(DEFAULT_DETECT);
    expect(fs.readFileSync(registryFile(root), "utf8")).not.toMatch(/^detect:/m);
  });

  it("takes a camelCased LaunchDarkly read for the key it camelCases, not a second flag", async () => {
    const root = project({
      "src/server.ts": `import * as ld from "@launchdarkly/node-server-sdk";
const client = ld.init("sdk-key");
export const beta = (context: ld.LDContext) => client.variation("beta-dashboard", context, false);
`,
      "src/Dashboard.tsx": `import { useFlags } from "launchdarkly-react-client-sdk";
export function Dashboard() {
  const { betaDashboard, newNav } = useFlags();
  return betaDashboard && newNav ? "beta" : "classic";
}
`,
    });
    expect((await runFlaglint(["init", "--no-git"], { cwd: root })).status).toBe(0);
    const text = fs.readFileSync(registryFile(root), "utf8");
    expect([...loadRegistry(registryFile(root)).flags.keys()].sort()).toEqual(["beta-dashboard", "newNav"]);
    expect(text).toContain("  beta-dashboard:  # checked in src/server.ts:3 and 1 more place\n");
  });

  it("leaves created out with --no-git", async () => {
    const { root } = shop();
    const run = await runFlaglint(["init", ...HOOK, "--no-git"], { cwd: root });
    expect(run.stdout).toContain("Wrote feature-flags.yaml with 2 flags.");
    expect([...loadRegistry(registryFile(root)).flags.values()].map((flag) => flag.created)).toEqual([undefined, undefined]);
  });

  it("refuses to replace a registry without --force, and replaces it with --force", async () => {
    const { root } = shop();
    await runFlaglint(["init", ...HOOK], { cwd: root });
    fs.appendFileSync(registryFile(root), "# edited by hand\n");
    const edited = fs.readFileSync(registryFile(root), "utf8");

    const refused = await runFlaglint(["init", ...HOOK], { cwd: root });
    expect(refused).toEqual({
      status: 2,
      stdout: "",
      stderr: "flaglint: feature-flags.yaml already exists (hint: pass --update to merge into it, or --force to replace it)\n",
    });
    expect(fs.readFileSync(registryFile(root), "utf8")).toBe(edited);

    const forced = await runFlaglint(["init", ...HOOK, "--force"], { cwd: root });
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(registryFile(root), "utf8")).not.toContain("# edited by hand");
    // Written through a temporary file and a rename: nothing else is left behind.
    expect(fs.readdirSync(root).sort()).toEqual([".git", "feature-flags.yaml", "src"]);
  });

  it("adds --function and --object matchers and writes them to detect", async () => {
    const root = project({
      "src/a.ts": 'export const a = useUiFlag("ui_banner");\n',
      "src/b.ts": 'export class B { run() { return this.flagResolver.isEnabled("search_v2"); } }\n',
    });
    const run = await runFlaglint(["init", "--function", "useUiFlag", "--object", "flagResolver.isEnabled"], { cwd: root });
    expect(run.status).toBe(0);
    const registry = loadRegistry(registryFile(root));
    expect([...registry.flags.keys()]).toEqual(["search_v2", "ui_banner"]);
    expect(registry.detect.calls).toEqual([
      { function: "useUiFlag", keyArg: 0 },
      { object: "flagResolver", method: "isEnabled", keyArg: 0 },
    ]);
    const check = JSON.parse((await runFlaglint(["check", "--now", "2026-11-26", "-f", "json"], { cwd: root })).stdout);
    expect(check.references.map((reference: { flag: string }) => reference.flag).sort()).toEqual(["search_v2", "ui_banner"]);
    expect(check.findings.filter((finding: { rule: string }) => finding.rule === "no-unknown-flag")).toEqual([]);
  });

  it("copies the detect section of --detect-from, with ./ modules made relative to the new registry", async () => {
    const root = project({
      "legacy/feature-flags.yaml": 'version: 1\ndetect:\n  sdks: []\n  calls:\n    - module: ../src/flags\n      import: client\n      method: isEnabled\n',
      "src/flags.ts": "export const client = { isEnabled: (key: string) => key !== '' };\n",
      "src/a.ts": 'import { client } from "./flags";\nexport const a = client.isEnabled("wrapped_flag");\n',
    });
    expect((await runFlaglint(["init", "--detect-from", "legacy/feature-flags.yaml"], { cwd: root })).status).toBe(0);
    const registry = loadRegistry(registryFile(root));
    expect(registry.detect.sdks).toEqual([]);
    expect(registry.detect.calls).toEqual([{ module: "./src/flags", import: "client", method: "isEnabled", keyArg: 0 }]);
    expect([...registry.flags.keys()]).toEqual(["wrapped_flag"]);
  });

  it("writes the registry into the first path", async () => {
    const root = project({ "packages/web/src/app.tsx": APP, "packages/web/package.json": "{}" });
    const run = await runFlaglint(["init", "packages/web", ...HOOK], { cwd: root });
    expect(run.stdout).toContain("Wrote packages/web/feature-flags.yaml with 1 flag");
    expect([...loadRegistry(path.join(root, "packages/web/feature-flags.yaml")).flags.keys()]).toEqual(["dark_mode"]);
  });

  it("exits 2 with one line for bad usage", async () => {
    const root = project({ "src/app.tsx": APP });
    const notFolder = await runFlaglint(["init", "src/app.tsx"], { cwd: root });
    expect(notFolder.status).toBe(2);
    expect(notFolder.stderr).toMatch(/^flaglint: src\/app\.tsx is not a folder \(hint: [^\n]+\)\n$/);
    const badObject = await runFlaglint(["init", "--object", "isEnabled"], { cwd: root });
    expect(badObject.status).toBe(2);
    expect(badObject.stderr).toBe("flaglint: --object isEnabled: expected the object and its method, like flagResolver.isEnabled\n");
    expect(fs.existsSync(registryFile(root))).toBe(false);
  });

  it("discovers a typed wrapper with no options, and --dry-run prints the summary and the registry without writing", async () => {
    const root = project({
      "src/flags.ts": 'export type FlagKey = "new-nav" | "kill-switch-search";\nexport function isFlagOn(flag: FlagKey): boolean { return flag === "new-nav"; }\n',
      "src/app.ts": 'import { isFlagOn } from "./flags";\nexport const nav = isFlagOn("new-nav") ? "new" : "old";\n',
    });
    const run = await runFlaglint(["init", "--dry-run", "--no-git"], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Found 1 key set, 1 matcher and 1 check site in 2 files.\nWould write feature-flags.yaml with 2 flags.");
    expect(run.stdout).toContain("    - function: isFlagOn  # 1 call in 1 file; isFlagOn: key parameter typed FlagKey (src/flags.ts:1)\n");
    expect(run.stdout).toContain('  kill-switch-search:  # declared in FlagKey (src/flags.ts:1); no check found\n    type: ops  # inferred from "kill switch" in its name; confirm it\n');
    expect(fs.existsSync(registryFile(root))).toBe(false);
  });

  it("--check exits 1 while the registry lacks a flag the code declares or checks, --update adds it and keeps the rest", async () => {
    const root = project({
      "src/flags.ts": 'export type FlagKey = "new-nav" | "search";\nexport function isFlagOn(flag: FlagKey): boolean { return flag === "new-nav"; }\n',
      "src/app.ts": 'import { isFlagOn } from "./flags";\nexport const nav = isFlagOn("new-nav");\n',
      "feature-flags.yaml": "# Ours.\nversion: 1\nflags:\n  new-nav:\n    type: release   # since the redesign\n    ticket: WEB-1\n  old-banner:\n    type: release\n    ticket: WEB-2\n",
    });
    const before = fs.readFileSync(registryFile(root), "utf8");
    const check = await runFlaglint(["init", "--check", "--no-git"], { cwd: root });
    expect(check).toEqual({
      status: 1,
      stdout: "feature-flags.yaml lacks 1 flag the code declares or checks:\n  search  (src/flags.ts:1)\nRun flaglint init --update to add them.\n",
      stderr: "",
    });
    expect(fs.readFileSync(registryFile(root), "utf8")).toBe(before);

    const update = await runFlaglint(["init", "--update", "--no-git"], { cwd: root });
    expect(update.status).toBe(0);
    expect(update.stdout).toContain("Updated feature-flags.yaml: 1 new flag, 2 new matchers, 1 flag no longer found in the code marked (old-banner)");
    const after = fs.readFileSync(registryFile(root), "utf8");
    expect(after.startsWith("# Ours.\nversion: 1\n")).toBe(true);
    expect(after).toContain("    type: release   # since the redesign\n    ticket: WEB-1\n");
    expect(after).toContain("  # flaglint init: no declaration or check of this flag found in the code\n  old-banner:\n");
    expect([...loadRegistry(registryFile(root)).flags.keys()]).toEqual(["new-nav", "old-banner", "search"]);
    expect((await runFlaglint(["init", "--check", "--no-git"], { cwd: root })).status).toBe(0);
  });

  it("--force carries the hand-written flag fields over and says so", async () => {
    const root = project({
      "src/app.ts": 'import { OpenFeature } from "@openfeature/server-sdk";\nexport const a = OpenFeature.getClient().getBooleanValue("new-nav", false);\n',
      "feature-flags.yaml": "version: 1\ndetect:\n  calls:\n    - function: legacyFlag\n      keyArg: 1\nflags:\n  new-nav:\n    type: experiment\n    owner: '@web'\n    ticket: WEB-1\n",
    });
    const run = await runFlaglint(["init", "--force", "--no-git"], { cwd: root });
    expect(run.stdout).toContain("(replaced; hand-written flag fields and matchers kept, comments regenerated)");
    const registry = loadRegistry(registryFile(root));
    expect(registry.flags.get("new-nav")).toMatchObject({ type: "experiment", owner: "@web", ticket: "WEB-1" });
    expect(registry.detect.calls).toEqual([{ function: "legacyFlag", keyArg: 1 }]);
  });

  it("goes on past a file that does not parse, a symlink loop and a file over the size limit, with a line for each", async () => {
    const root = project({
      "src/flags.ts": 'export type FlagKey = "a" | "b";\nexport function isFlagOn(flag: FlagKey) { return flag === "a"; }\nisFlagOn("a");\n',
      "src/broken.ts": "export function (\n",
      "src/generated.js": `export const x = [${"1,".repeat(600_000)}];\n`,
    });
    fs.symlinkSync("..", path.join(root, "src/loop"));
    const run = await runFlaglint(["init", "--no-git", "--max-file-size", "1"], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Wrote feature-flags.yaml with 2 flags.");
    expect(run.stdout).toContain("1 file did not parse and was skipped.");
    expect(run.stderr).toMatch(/^flaglint: skipped src\/generated\.js: 1\.\d MB is over the 1 MB limit/);
  });

  it("stops with exit 2 and touches nothing when the existing registry is invalid", async () => {
    const root = project({ "src/app.tsx": APP, "feature-flags.yaml": "version: 1\nflags:\n  a:\n    type: relase\n" });
    const run = await runFlaglint(["init", "--update"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^feature-flags\.yaml:4:11: unknown type "relase"/);
    expect(fs.readFileSync(registryFile(root), "utf8")).toBe("version: 1\nflags:\n  a:\n    type: relase\n");
  });

  it("is listed in --help with its options", async () => {
    expect((await runFlaglint(["--help"])).stdout).toContain("init [options] [paths...]");
    const help = (await runFlaglint(["init", "--help"])).stdout;
    for (const option of ["--dry-run", "--update", "--check", "--detect-from", "--function", "--object", "--force", "--no-git"]) expect(help).toContain(option);
  });
});
