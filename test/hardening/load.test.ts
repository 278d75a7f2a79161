// Size: a repository of 50,000 files checked in bounded memory, a registry of 10,000 flags.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FLAGLINT_BIN, project, registry, removeProjects, runFlaglint } from "../helpers/cli.js";

afterAll(removeProjects);

const FILES = 50_000;
/** One file in CHECK_EVERY checks a flag: a realistic share, and enough references to count. */
const CHECK_EVERY = 50;
const MEGABYTE_KB = 1024;
const RSS_LIMIT_KB = 300 * MEGABYTE_KB;

/**
 * 50,000 tiny files in 500 folders; 1,000 of them check one of ten flags. Each file is a hard link
 * to one of eleven written ones (a plain module, or a check of flag_0 … flag_9): the walker, the
 * pre-filter and the index still open, read and hold 50,000 paths, and a link is one syscall where
 * a write is three, which takes the setup from seconds to under one.
 */
function largeRepository(): string {
  const flags = Array.from({ length: 10 }, (_, index) =>
    [`  flag_${index}:`, "    type: release", '    owner: "@team"', "    created: 2026-11-20", `    ticket: T-${index}`].join("\n"),
  ).join("\n");
  const originals = {
    "plain.ts": "export const value = 0;\n",
    ...Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [
        `check${index}.ts`,
        `import { client as ff } from "@acme/flags";\nexport const on = (ctx: object) => ff.isEnabled("flag_${index}", ctx);\n`,
      ]),
    ),
  };
  const root = project({ "feature-flags.yaml": registry(flags), ...originals });
  for (let folder = 0; folder < FILES / 100; folder++) fs.mkdirSync(path.join(root, `src/m${folder}`), { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const original = i % CHECK_EVERY === 0 ? `check${(i / CHECK_EVERY) % 10}.ts` : "plain.ts";
    fs.linkSync(path.join(root, original), path.join(root, `src/m${Math.floor(i / 100)}/f${i}.ts`));
  }
  // The links keep the contents; the originals leave, so the project holds exactly FILES sources.
  for (const original of Object.keys(originals)) fs.rmSync(path.join(root, original));
  return root;
}

/**
 * Runs the CLI and measures its peak resident memory, in kilobytes: with GNU time where there is
 * one, else from inside Node (process.resourceUsage, read as the process exits).
 */
function checkWithPeakMemory(root: string): { status: number | null; stdout: string; peakKb: number } {
  const args = [FLAGLINT_BIN, "check", "--now", "2026-11-26", "-f", "json"];
  const env = { ...process.env, NO_COLOR: "1", FLAGLINT_NOW: "", CI: "1" };
  if (fs.existsSync("/usr/bin/time")) {
    const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: run.status, stdout: run.stdout, peakKb: Number(run.stderr.trim().split("\n").at(-1)) };
  }
  const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-rss-")), "peak.mjs");
  fs.writeFileSync(
    wrapper,
    `process.on("exit", () => process.stderr.write(\`\\n\${process.resourceUsage().maxRSS}\\n\`));\n` +
      `process.argv.splice(1, 1);\nawait import(${JSON.stringify(new URL(`file://${FLAGLINT_BIN}`).href)});\n`,
  );
  const run = spawnSync(process.execPath, [wrapper, ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(path.dirname(wrapper), { recursive: true, force: true });
  return { status: run.status, stdout: run.stdout, peakKb: Number(run.stderr.trim().split("\n").at(-1)) };
}

describe("a large repository", () => {
  it(
    "check on 50,000 small files finds every reference with a peak RSS under 300 MB",
    () => {
      const root = largeRepository();
      const run = checkWithPeakMemory(root);

      expect(run.status).toBe(0);
      const output = JSON.parse(run.stdout) as { references: Array<{ flag: string }>; summary: { files: number; references: number } };
      expect(output.summary).toMatchObject({ files: FILES, references: FILES / CHECK_EVERY });
      for (let index = 0; index < 10; index++) {
        expect(output.references.filter((reference) => reference.flag === `flag_${index}`)).toHaveLength(FILES / CHECK_EVERY / 10);
      }
      expect(run.peakKb).toBeGreaterThan(10 * MEGABYTE_KB);
      expect(run.peakKb).toBeLessThan(RSS_LIMIT_KB);
    },
    120_000,
  );

  it("a registry of 10,000 flags loads, and each reference is judged by its own entry", async () => {
    const entries: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      // Every 1,000th flag is long overdue; the rest are fresh.
      const created = i % 1_000 === 7 ? "2025-01-01" : "2026-11-20";
      entries.push(`  flag_${i}:`, "    type: release", `    owner: "@team-${i % 40}"`, `    created: ${created}`, `    ticket: T-${i}`);
    }
    const checks = ["flag_0", "flag_7", "flag_4242", "flag_9007", "flag_9999", "flag_10000", "flag_4424"];
    const source = `import { client as ff } from "@acme/flags";\n${checks.map((key, index) => `export const c${index} = ff.isEnabled("${key}", {});`).join("\n")}\n`;
    const root = project({ "feature-flags.yaml": registry(entries.join("\n")), "src/checks.ts": source });

    // The JSON lists 10,000 flags: past a pipe buffer, so it goes to a file. In this process: the
    // subprocess above already proves check's own start, exit and memory.
    const run = await runFlaglint(["check", "--now", "2026-11-26", "-f", "json", "-o", "result.json"], { cwd: root });
    expect(run.stderr).toBe("");
    const output = JSON.parse(fs.readFileSync(path.join(root, "result.json"), "utf8")) as {
      findings: Array<{ rule: string; flag: string; file: string; line: number; suggestion?: string }>;
      references: Array<{ flag: string; line: number }>;
      flags: Array<{ key: string; owner: string; references: number; state: string }>;
    };
    expect(output.references.map(({ flag, line }) => `${line} ${flag}`)).toEqual(checks.map((key, index) => `${index + 2} ${key}`));
    const inCode = output.findings.filter((finding) => finding.file === "src/checks.ts");
    expect(inCode.map(({ rule, flag, line }) => `${line} ${rule} ${flag}`)).toEqual([
      "3 no-stale-flag flag_7",
      "5 no-stale-flag flag_9007",
      "7 no-unknown-flag flag_10000",
    ]);
    expect(inCode.at(-1)!.suggestion).toBe("flag_1000");
    expect(output.flags).toHaveLength(10_001);
    const byKey = new Map(output.flags.map((flag) => [flag.key, flag]));
    expect(byKey.get("flag_4242")).toMatchObject({ owner: "@team-2", references: 1, state: "ok" });
    expect(byKey.get("flag_4424")).toMatchObject({ owner: "@team-24", references: 1, state: "ok" });
    expect(byKey.get("flag_9007")).toMatchObject({ owner: "@team-7", references: 1, state: "overdue" });
    expect(byKey.get("flag_5000")).toMatchObject({ references: 0, state: "unused" });
    expect(output.findings.filter((finding) => finding.rule === "no-unused-flag")).toHaveLength(10_000 - 6);
  });
});
