// `--shard K/N` + `flaglint merge`: the shards of a monorepo, merged, give what one run gives, in every format.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flaglint, project, registry, removeProjects, runFlaglint } from "./helpers/cli.js";

afterEach(removeProjects);

const NOW = "2026-11-26";

const check = (flag: string, pad = 0) =>
  `import { client as ff } from "@acme/flags";\n${"// padding so that files differ in size\n".repeat(pad)}export const on = () => ff.isEnabled(${JSON.stringify(flag)}, { userId: "u" });\n`;

/**
 * Two packages, files of different sizes. `a_last` is checked only in the last file of the tree and
 * `a_first` only in the first: whichever shard leaves either out must not call it unused.
 */
function monorepo(): string {
  return project({
    "package.json": "{}\n",
    "packages/a/feature-flags.yaml": registry(`  a_first:
    type: release
    owner: "@a"
    created: 2026-11-01
    ticket: A-1
  a_last:
    type: release
    owner: "@a"
    created: 2026-11-01
    ticket: A-2
  a_overdue:
    type: release
    owner: "@a"
    created: 2025-01-01
    ticket: A-3
  a_unused:
    type: ops
    owner: "@a"
    created: 2026-10-01
  a_no_ticket:
    type: release
    owner: "@a"
    created: 2026-11-01`),
    "packages/a/src/a1.ts": check("a_first", 3),
    "packages/a/src/a2.ts": check("a_overdue", 40),
    "packages/a/src/a3.ts": check("a_no_ticket", 1),
    "packages/a/src/a4.ts": check("a_typo", 12),
    "packages/a/src/a5.ts": check("a_overdue", 25),
    "packages/a/src/a6.ts": `// eslint-disable-next-line flaglint/no-stale-flag -- silences nothing here\n${check("a_first", 8)}`,
    "packages/b/feature-flags.yaml": `${registry(`  b_used:
    type: ops
    owner: "@b"
    created: 2026-09-01
  # flaglint-disable-next-line no-unused-flag
  b_silenced:
    type: ops
    owner: "@b"
    created: 2026-09-01
  b_unused:
    type: ops
    owner: "@b"
    created: 2026-09-01`)}`,
    "packages/b/src/b1.ts": check("b_used", 30),
    "packages/b/src/b2.ts": 'import { client as ff } from "@acme/flags";\nexport const broken = ff.isEnabled("b_used", (;\n',
    "packages/b/src/b3.ts": check("b_used", 2),
    "packages/a/src/zz.ts": check("a_last", 5),
    "packages/z/feature-flags.yaml": registry(`  z_flag:
    type: ops
    owner: "@z"
    created: 2026-09-01`),
    "packages/z/src/z.ts": check("z_flag", 5),
  });
}

async function cli(args: readonly string[], cwd: string) {
  return runFlaglint([...args], { cwd });
}

/** Runs `command --shard k/n --format json` for each k and returns the result files. */
async function shards(root: string, command: "check" | "report", total: number, extra: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= total; index++) {
    const file = `shard-${index}.json`;
    const run = await cli([command, "--shard", `${index}/${total}`, "--format", "json", "--now", NOW, "-o", file, ...extra], root);
    expect(run.status, run.stderr).toBe(0);
    files.push(file);
  }
  return files;
}

const CHECK_FORMATS = ["stylish", "json", "sarif", "github", "gitlab", "junit"];
const REPORT_FORMATS = ["markdown", "json", "csv", "html"];

describe.each([2, 3])("check and report split into %i shards, then merged", (total) => {
  it("check: every format and the exit code are those of one run", async () => {
    const root = monorepo();
    const results = await shards(root, "check", total);
    for (const format of CHECK_FORMATS) {
      const one = await cli(["check", "--format", format, "--now", NOW], root);
      const merged = await cli(["merge", ...results, "--format", format], root);
      expect(merged.stdout, format).toBe(one.stdout);
      expect(merged.status, format).toBe(one.status);
      expect(merged.stderr, format).toBe(one.stderr);
    }
    // Unused disable directives, of the files and of the registry, reported as one run reports them.
    const strict = ["--report-unused-disable-directives"];
    const one = await cli(["check", "--now", NOW, ...strict], root);
    const merged = await cli(["merge", ...results, ...strict], root);
    expect(one.stderr).toContain("packages/a/src/a6.ts:1: error: unused disable directive");
    expect(merged.stderr).toBe(one.stderr);
    expect(merged.status).toBe(one.status);
    // What the comparison is about: registry-level findings come from the merge, and only real ones.
    const json = JSON.parse((await cli(["merge", ...results, "--format", "json"], root)).stdout) as { findings: Array<{ rule: string; flag: string | null }> };
    const unused = json.findings.filter((finding) => finding.rule === "no-unused-flag").map((finding) => finding.flag);
    expect(unused.sort()).toEqual(["a_unused", "b_unused"]);
    expect(json.findings.some((finding) => finding.rule === "require-removal-ticket" && finding.flag === "a_no_ticket")).toBe(true);
    expect(json.findings.some((finding) => finding.rule === "parse-error")).toBe(true);
  });

  it("check: the shards split the files between them and leave registry-level rules to the merge", async () => {
    const root = monorepo();
    const results = await shards(root, "check", total);
    const documents = results.map((file) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as ShardDocument);
    const one = JSON.parse((await cli(["check", "--format", "json", "--now", NOW], root)).stdout) as ShardDocument;
    expect(documents.map((document) => document.shard.index)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    for (const document of documents) {
      expect(document.shard.total).toBe(total);
      expect(document.summary.files).toBeGreaterThan(0);
      expect(document.findings.filter((finding) => finding.rule === "no-unused-flag")).toEqual([]);
      expect(document.shard.registries.map((entry) => entry.path)).toEqual(one.registries);
      for (const entry of document.shard.registries) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(documents.reduce((sum, document) => sum + document.summary.files, 0)).toBe(one.summary.files);
    // The split cuts package a: a shard checks some of its files and not zz.ts, the only check of a_last.
    const cutsA = (document: ShardDocument) =>
      document.references.some((reference) => reference.file.startsWith("packages/a/")) && !document.references.some((reference) => reference.file.endsWith("zz.ts"));
    expect(documents.some(cutsA)).toBe(true);
    const referenced = documents.flatMap((document) => document.references.map((reference) => `${reference.file}:${reference.line}`));
    expect(referenced.sort()).toEqual(one.references.map((reference) => `${reference.file}:${reference.line}`).sort());
    expect(one).not.toHaveProperty("shard");
  });

  it("check: a suppressions file is applied by the merge as by one run", async () => {
    const root = monorepo();
    expect((await cli(["check", "--now", NOW, "--suppress-rule", "no-unknown-flag"], root)).status).toBe(1);
    const results = await shards(root, "check", total);
    const one = await cli(["check", "--format", "json", "--now", NOW], root);
    const merged = await cli(["merge", ...results, "--format", "json"], root);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.status).toBe(one.status);
    expect(merged.stdout).not.toContain('"rule": "no-unknown-flag"');
  });

  it("report: every format is that of one run", async () => {
    const root = monorepo();
    const results = await shards(root, "report", total, ["--no-git"]);
    for (const format of REPORT_FORMATS) {
      const one = await cli(["report", "--format", format, "--now", NOW, "--no-git"], root);
      const merged = await cli(["merge", ...results, "--format", format], root);
      expect(merged.stdout, format).toBe(one.stdout);
      expect(merged.status, format).toBe(0);
    }
  });
});

interface ShardDocument {
  registries: string[];
  findings: Array<{ rule: string }>;
  references: Array<{ file: string; line: number }>;
  summary: { files: number };
  shard: { index: number; total: number; registries: Array<{ path: string; sha256: string }> };
}

describe("flaglint merge refuses shards that do not belong together (exit 2)", () => {
  it("shards checked against different registries", async () => {
    const root = monorepo();
    const [first] = await shards(root, "check", 2);
    const yaml = path.join(root, "packages/b/feature-flags.yaml");
    fs.appendFileSync(yaml, "  b_new:\n    type: ops\n    owner: \"@b\"\n    created: 2026-11-01\n");
    await cli(["check", "--shard", "2/2", "--format", "json", "--now", NOW, "-o", "late.json"], root);
    const merged = await cli(["merge", first!, "late.json"], root);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain("different registries");
    expect(merged.stdout).toBe("");
  });

  it("a registry changed since the shards ran", async () => {
    const root = monorepo();
    const results = await shards(root, "check", 2);
    fs.appendFileSync(path.join(root, "packages/a/feature-flags.yaml"), "# edited\n");
    const merged = await cli(["merge", ...results], root);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain("packages/a/feature-flags.yaml is not the registry the shards were checked against");
  });

  it("shards of different dates, versions, shard counts or paths, a shard twice, a shard missing", async () => {
    const root = monorepo();
    const results = await shards(root, "check", 2);
    await cli(["check", "--shard", "2/2", "--format", "json", "--now", "2026-11-27", "-o", "tomorrow.json"], root);
    await cli(["check", "--shard", "2/3", "--format", "json", "--now", NOW, "-o", "three.json"], root);
    await cli(["check", "packages", "--shard", "2/2", "--format", "json", "--now", NOW, "-o", "paths.json"], root);
    const edited = JSON.parse(fs.readFileSync(path.join(root, results[1]!), "utf8")) as { shard: { flaglint: string } };
    edited.shard.flaglint = "0.0.1";
    fs.writeFileSync(path.join(root, "old.json"), JSON.stringify(edited));

    const cases: Array<[string[], string]> = [
      [[results[0]!, "tomorrow.json"], "date 2026-11-27 vs 2026-11-26"],
      [[results[0]!, "old.json"], "flaglint 0.0.1 vs"],
      [[results[0]!, "three.json"], "shard count 3 vs 2"],
      [[results[0]!, "paths.json"], "paths packages vs ."],
      [[results[0]!, results[0]!], "are both shard 1/2"],
      [[results[0]!], "shard 2/2 missing"],
    ];
    for (const [files, message] of cases) {
      const merged = await cli(["merge", ...files], root);
      expect(merged.status, message).toBe(2);
      expect(merged.stderr, message).toContain(message);
      expect(merged.stderr.trim().split("\n"), message).toHaveLength(1);
    }
  });

  it("a result without shard, a file that is not JSON, a report format after check", async () => {
    const root = monorepo();
    const results = await shards(root, "check", 2);
    await cli(["check", "--format", "json", "--now", NOW, "-o", "whole.json"], root);
    fs.writeFileSync(path.join(root, "cut.json"), fs.readFileSync(path.join(root, results[0]!), "utf8").slice(0, 40));
    const cases: Array<[string[], string]> = [
      [["whole.json", results[1]!], 'whole.json: a flaglint result without "shard"'],
      [["cut.json", results[1]!], "cut.json: not JSON"],
      [[...results, "--format", "markdown"], "--format markdown is not a format of check"],
    ];
    for (const [args, message] of cases) {
      const merged = await cli(["merge", ...args], root);
      expect(merged.status, message).toBe(2);
      expect(merged.stderr, message).toContain(message);
    }
  });

  it("--shard with a bad value, with --changed-since, with --suppress-all", async () => {
    const root = monorepo();
    expect((await cli(["check", "--shard", "3/2"], root)).status).toBe(2);
    expect((await cli(["check", "--shard", "0/2"], root)).status).toBe(2);
    const changed = await cli(["check", "--shard", "1/2", "--changed-since", "HEAD", "--now", NOW], root);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain("--shard and --changed-since");
    const suppress = await cli(["check", "--shard", "1/2", "--suppress-all", "--now", NOW], root);
    expect(suppress.status).toBe(2);
  });
});

describe("help", () => {
  it("lists merge and --shard with one line each", async () => {
    expect((await runFlaglint(["--help"])).stdout).toMatch(/merge \[options\] <results\.\.\.>\s+combine the JSON results/);
    expect((await runFlaglint(["check", "--help"])).stdout).toContain("--shard <K/N>");
    expect((await runFlaglint(["report", "--help"])).stdout).toContain("--shard <K/N>");
  });
});

describe("the real binary", () => {
  it("merges two shards with --output and exits as check would", async () => {
    const root = monorepo();
    const results = await shards(root, "check", 2);
    const merged = flaglint(["merge", ...results, "-f", "sarif", "-o", "merged.sarif"], { cwd: root });
    const one = await cli(["check", "-f", "sarif", "--now", NOW], root);
    expect(merged.status).toBe(1);
    expect(one.status).toBe(1);
    expect(fs.readFileSync(path.join(root, "merged.sarif"), "utf8")).toBe(one.stdout);
  });
});
