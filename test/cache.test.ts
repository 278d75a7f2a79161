// `--cache` on check, report and init: a warm run gives what a cold one gives, whatever changed since.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flaglint, project, registry, removeProjects, runFlaglint } from "./helpers/cli.js";

afterEach(removeProjects);

const NOW = "2026-11-26";
const CACHE = "node_modules/.cache/flaglint/flaglint-cache.json";

const REGISTRY = registry(`  fast_search:
    type: experiment
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1
  old_banner:
    type: release
    owner: "@web"
    created: 2025-01-01
    ticket: WEB-1
  never_checked:
    type: ops
    owner: "@ops"
    created: 2026-10-01`);

const check = (flag: string) => `import { client as ff } from "@acme/flags";\nexport const on = () => ff.isEnabled(${JSON.stringify(flag)}, { userId: "u" });\n`;

function tree(): string {
  return project({
    "package.json": "{}\n",
    "feature-flags.yaml": REGISTRY,
    "src/search.ts": check("fast_search"),
    "src/banner.ts": check("old_banner"),
    "src/plain.ts": "export const sum = (a: number, b: number) => a + b;\n",
    "src/keys.ts": 'export const Keys = { search: "fast_search" } as const;\n',
    "src/by-key.ts": `import { client as ff } from "@acme/flags";\nimport { Keys } from "./keys";\nexport const on = () => ff.isEnabled(Keys.search, { userId: "u" });\n`,
  });
}

async function json(root: string, args: readonly string[], command = "check") {
  const run = await runFlaglint([command, "--format", "json", "--now", NOW, ...args], { cwd: root });
  expect(run.status, run.stderr).toBeLessThan(2);
  return { output: run.stdout, stderr: run.stderr, status: run.status };
}

/** `rule flag` of each finding of a JSON result. */
function rulesAndFlags(output: string): string[] {
  return (JSON.parse(output) as { findings: Array<{ rule: string; flag?: string }> }).findings.map((finding) => `${finding.rule} ${finding.flag ?? ""}`.trim());
}

/** Sets a file's text and moves its mtime on, as an editor would (some file systems keep 1 s mtimes). */
function edit(root: string, file: string, text: string): void {
  const full = path.join(root, file);
  const before = fs.statSync(full).mtimeMs;
  fs.writeFileSync(full, text);
  fs.utimesSync(full, new Date(), new Date(before + 5000));
}

describe.each(["metadata", "content"])("check --cache --cache-strategy %s", (strategy) => {
  const cached = ["--cache", "--cache-strategy", strategy];

  it("writes the cache, and a warm run prints what a run without it prints", async () => {
    const root = tree();
    const cold = await json(root, []);
    const first = await json(root, cached);
    expect(fs.existsSync(path.join(root, CACHE))).toBe(true);
    const warm = await json(root, cached);
    expect(first.output).toBe(cold.output);
    expect(warm.output).toBe(cold.output);
    expect(warm.stderr).toBe("");
  });

  it("sees an edited file, a new file and a removed one", async () => {
    const root = tree();
    await json(root, cached);
    edit(root, "src/search.ts", check("fast_serch"));
    fs.writeFileSync(path.join(root, "src/new.ts"), check("never_checked"));
    fs.rmSync(path.join(root, "src/banner.ts"));
    const warm = await json(root, cached);
    expect(warm.output).toBe((await json(root, [])).output);
    const findings = rulesAndFlags(warm.output);
    expect(findings).toContain("no-unknown-flag fast_serch");
    expect(findings).not.toContain("no-unused-flag never_checked");
    expect(findings).toContain("no-unused-flag old_banner");
  });

  it("follows a key into another module that changed (a cross-file key holds while its module's answer does)", async () => {
    const root = tree();
    await json(root, cached);
    edit(root, "src/keys.ts", 'export const Keys = { search: "never_checked" } as const;\n');
    const warm = await json(root, cached);
    expect(warm.output).toBe((await json(root, [])).output);
    expect(warm.output).toContain('"flag": "never_checked"');
    fs.rmSync(path.join(root, "src/keys.ts"));
    const removed = await json(root, cached);
    expect(removed.output).toBe((await json(root, [])).output);
    expect(removed.output).toContain('"rule": "no-dynamic-flag-key"');
  });

  it("follows a key found by name when another module starts exporting that name", async () => {
    const root = tree();
    fs.writeFileSync(
      path.join(root, "src/by-name.ts"),
      `import { client as ff } from "@acme/flags";\nimport { Named } from "@acme/keys";\nexport const on = () => ff.isEnabled(Named.flag, { userId: "u" });\n`,
    );
    fs.writeFileSync(path.join(root, "src/named.ts"), 'export const Named = { flag: "never_checked" } as const;\n');
    const before = await json(root, cached);
    expect(rulesAndFlags(before.output)).not.toContain("no-unused-flag never_checked");
    // Two modules export the name with different values: the key is no longer known for sure.
    fs.writeFileSync(path.join(root, "src/named-too.ts"), 'export const Named = { flag: "old_banner" } as const;\n');
    const warm = await json(root, cached);
    expect(warm.output).toBe((await json(root, [])).output);
    expect(rulesAndFlags(warm.output)).toContain("no-unused-flag never_checked");
  });

  it("writes nothing when nothing changed", async () => {
    const root = tree();
    await json(root, cached);
    const cacheFile = path.join(root, CACHE);
    const written = fs.readFileSync(cacheFile, "utf8");
    const past = new Date("2026-01-01T00:00:00Z");
    fs.utimesSync(cacheFile, past, past);
    await json(root, cached);
    expect(fs.statSync(cacheFile).mtime).toEqual(past);
    expect(fs.readFileSync(cacheFile, "utf8")).toBe(written);
  });

  it("checks registry-level rules every run: a registry edit, a new day", async () => {
    const root = tree();
    await json(root, cached);
    fs.appendFileSync(path.join(root, "feature-flags.yaml"), "  added_later:\n    type: ops\n    owner: \"@ops\"\n    created: 2026-11-01\n");
    const edited = await json(root, cached);
    expect(edited.output).toBe((await json(root, [])).output);
    expect(edited.output).toContain('"flag": "added_later"');
    const later = ["--now", "2027-06-01"];
    expect((await json(root, [...cached, ...later])).output).toBe((await json(root, later)).output);
  });
});

describe("a cache that cannot be used", () => {
  it.each([
    ["truncated", (text: string) => text.slice(0, Math.floor(text.length / 2)), "is damaged"],
    ["foreign", () => JSON.stringify({ some: "other tool" }), "is not a flaglint cache"],
    ["empty", () => "", "is damaged"],
    ["entries of the wrong shape", (text: string) => text.replace(/"references":\[/g, '"references":7,"x":['), ""],
  ])("%s: ignored with at most one line, the result right, the cache written anew", async (_name, damage, note) => {
    const root = tree();
    const cold = await json(root, []);
    await json(root, ["--cache"]);
    const file = path.join(root, CACHE);
    fs.writeFileSync(file, damage(fs.readFileSync(file, "utf8")));
    const run = await json(root, ["--cache"]);
    expect(run.output).toBe(cold.output);
    if (note) {
      expect(run.stderr).toContain(note);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    } else {
      expect(run.stderr).toBe("");
    }
    expect((JSON.parse(fs.readFileSync(file, "utf8")) as { format: string }).format).toBe("flaglint-cache");
  });

  it("a cache of another flaglint version is not used, silently", async () => {
    const root = tree();
    await json(root, ["--cache"]);
    const file = path.join(root, CACHE);
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as { flaglint: string; entries: Record<string, { analysis: { references: unknown[] } | null }> };
    document.flaglint = "0.0.1";
    // A lie the cache would tell if it were used: search.ts checks nothing.
    document.entries["src/search.ts"]!.analysis!.references = [];
    fs.writeFileSync(file, JSON.stringify(document));
    const run = await json(root, ["--cache"]);
    expect(run.stderr).toBe("");
    expect(run.output).toBe((await json(root, [])).output);
  });

  it("--cache-location names a file or a folder; a folder that cannot be written is a note, not a failure", async () => {
    const root = tree();
    const cold = await json(root, []);
    expect((await json(root, ["--cache", "--cache-location", ".flaglintcache"])).output).toBe(cold.output);
    expect(fs.statSync(path.join(root, ".flaglintcache")).isFile()).toBe(true);
    await json(root, ["--cache", "--cache-location", "caches/"]);
    expect(fs.existsSync(path.join(root, "caches/flaglint-cache.json"))).toBe(true);
    fs.writeFileSync(path.join(root, "blocker"), "a file, not a folder\n");
    const blocked = await json(root, ["--cache", "--cache-location", "blocker/cache.json"]);
    expect(blocked.output).toBe(cold.output);
    expect(blocked.stderr).toMatch(/^flaglint: cannot write the cache blocker\/cache\.json: \w+\n$/);
  });

  it("leaves no temporary file behind", async () => {
    const root = tree();
    await json(root, ["--cache"]);
    await json(root, ["--cache"]);
    expect(fs.readdirSync(path.dirname(path.join(root, CACHE)))).toEqual(["flaglint-cache.json"]);
  });
});

describe("report and init --cache", () => {
  it("report: warm equals cold", async () => {
    const root = tree();
    const cold = await json(root, ["--no-git"], "report");
    await json(root, ["--no-git", "--cache"], "report");
    expect((await json(root, ["--no-git", "--cache"], "report")).output).toBe(cold.output);
  });

  it("init --dry-run: warm equals cold", async () => {
    const root = tree();
    fs.rmSync(path.join(root, "feature-flags.yaml"));
    const args = ["init", "--dry-run", "--no-git", "--object", "client.isEnabled"];
    const cold = await runFlaglint(args, { cwd: root });
    await runFlaglint([...args, "--cache"], { cwd: root });
    const warm = await runFlaglint([...args, "--cache"], { cwd: root });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.status).toBe(cold.status);
  });

  it("the real binary reads the cache an earlier run wrote", async () => {
    const root = tree();
    const cold = await runFlaglint(["check", "--now", NOW], { cwd: root });
    await runFlaglint(["check", "--now", NOW, "--cache"], { cwd: root });
    const warm = flaglint(["check", "--now", NOW, "--cache"], { cwd: root });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.status).toBe(cold.status);
  });
});
