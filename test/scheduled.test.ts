// The scheduled job end to end, on a repository with dated commits: the trend, owners from
// CODEOWNERS, one patch per dead flag that `git apply` takes and that leaves a project that parses.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flaglint, project, removeProjects, runFlaglint } from "./helpers/cli.js";
import type { GitProject } from "./helpers/git.js";
import { NOW, scheduledRepo } from "./helpers/scheduled-repo.js";

interface Report {
  history?: Array<{ date: string; commit: string | null; states: Record<string, number> }>;
  flags: Array<{ key: string; owner: string | null; ownerSource: string | null; state: string; references: number }>;
  findings: Array<{ rule: string }>;
  notes?: Array<{ file?: string; line?: number; message: string }>;
}

let repo: GitProject;
let commits: Record<string, string>;
/** One report with the trend, shared by the tests that read it. */
let weekly: Awaited<ReturnType<typeof report>>;
beforeAll(async () => {
  repo = scheduledRepo();
  weekly = await report(["--history-from", "2026-09-03"]);
  const log = repo.git(["log", "--format=%H %cs"]).trim().split("\n");
  commits = Object.fromEntries(log.map((line) => line.split(" ").reverse() as [string, string]));
});
afterAll(removeProjects);

/**
 * `report` in this process: what it computes. The real binary runs where its exit code and stderr
 * are under test (a bad --history, cleanup --patches).
 */
async function report(args: string[], cwd = repo.root): Promise<{ json: Report; stderr: string; status: number | null }> {
  const run = await runFlaglint(["report", "--now", NOW, "--format", "json", ...args], { cwd });
  return { json: JSON.parse(run.stdout) as Report, stderr: run.stderr, status: run.status };
}

/** The nonzero counts of a point, to compare with the hand-computed ones. */
function counts(states: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(states).filter(([, count]) => count > 0));
}

describe("report --history on a dated repository", () => {
  it("counts the states at the last commit on or before each week, empty before the registry", () => {
    const { json, status } = weekly;
    expect(status).toBe(0);
    const before = { ok: 2, permanent: 1, retired: 1 };
    const soon = { "due-soon": 2, ok: 2, permanent: 1, retired: 1 };
    const late = { overdue: 2, ok: 2, permanent: 1, retired: 1 };
    // Deadlines: dark_mode 2026-10-20, new_checkout 2026-10-22 (created + 42), promo_banner
    // 2026-11-16 (dated from git: added 2026-10-05, + 42), beta_search 2027-01-03; warnDays 14.
    const expected: Array<[string, string, Record<string, number>]> = [
      ["2026-09-03", "2026-09-01", {}],
      ["2026-09-10", "2026-09-10", before],
      ["2026-09-17", "2026-09-10", before],
      ["2026-09-24", "2026-09-10", before],
      ["2026-10-01", "2026-09-10", before],
      ["2026-10-08", "2026-10-05", soon],
      ["2026-10-15", "2026-10-05", soon],
      ["2026-10-22", "2026-10-05", { overdue: 1, "due-soon": 1, ok: 2, permanent: 1, retired: 1 }],
      ["2026-10-29", "2026-10-05", late],
      ["2026-11-05", "2026-10-05", { overdue: 2, "due-soon": 1, ok: 1, permanent: 1, retired: 1 }],
      ["2026-11-12", "2026-10-05", { overdue: 2, "due-soon": 1, ok: 1, permanent: 1, retired: 1 }],
      ["2026-11-19", "2026-10-05", { overdue: 3, ok: 1, permanent: 1, retired: 1 }],
      ["2026-11-26", "2026-11-20", { overdue: 3, ok: 1, permanent: 1, retired: 1, unused: 1 }],
    ];
    expect(json.history!.map((point) => [point.date, point.commit, counts(point.states)])).toEqual(
      expected.map(([date, day, states]) => [date, commits[day], states]),
    );
    expect(json.history![0]!.states).toEqual({});
  });

  it("takes twelve weekly points back from today with --history 12w, and leaves the working tree alone", async () => {
    const { json } = await report(["--history", "12w"]);
    expect(json.history!.map((point) => point.date)).toEqual([
      "2026-09-10", "2026-09-17", "2026-09-24", "2026-10-01", "2026-10-08", "2026-10-15",
      "2026-10-22", "2026-10-29", "2026-11-05", "2026-11-12", "2026-11-19", "2026-11-26",
    ]);
    expect(repo.git(["status", "--porcelain"])).toBe("");
  });

  it("says once that a shallow clone has no trend, and still reports", async () => {
    const clone = project({});
    execFileSync("git", ["clone", "--quiet", "--depth", "1", `file://${repo.root}`, clone], { stdio: "ignore" });
    const { json, stderr, status } = await report(["--history", "4w"], clone);
    expect(status).toBe(0);
    expect(json.history).toBeUndefined();
    expect(json.flags).toHaveLength(7);
    const shallow = json.notes!.filter((note) => note.message.includes("shallow clone"));
    expect(shallow).toHaveLength(1);
    expect(stderr.match(/shallow clone/g)).toHaveLength(1);
  });
});

describe("report --history options", () => {
  it("are in --help, and bad values are one line with a hint, exit 2", async () => {
    const help = await runFlaglint(["report", "--help"]);
    expect(help.stdout).toMatch(/--history <weeks>\s+add the trend/);
    expect(help.stdout).toMatch(/--history-from <date>\s+add the trend from this date/);
    const bad = flaglint(["report", "--now", NOW, "--history", "12"], { cwd: repo.root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("flaglint: --history 12: write a number of weeks, like 12w\n");
  });
});

describe("owners from CODEOWNERS", () => {
  it("gives flags without a registry owner the owners of the files that check them", () => {
    const { json, stderr } = weekly;
    const owners = Object.fromEntries(json.flags.map((flag) => [flag.key, [flag.owner, flag.ownerSource]]));
    expect(owners).toEqual({
      new_checkout: ["@shop", "codeowners"],
      dark_mode: ["@web", "registry"],
      kill_switch: ["@platform", "codeowners"],
      legacy_banner: ["@platform", "codeowners"],
      beta_search: ["@platform", "codeowners"],
      promo_banner: ["@growth", "registry"],
      unused_flag: [null, null],
    });
    expect(json.notes).toEqual([
      { file: "CODEOWNERS", line: 4, message: '"nobody" is not an owner (write @user, @org/team or an email address); the line is ignored' },
    ]);
    expect(stderr).toContain('flaglint: CODEOWNERS:4: "nobody" is not an owner');
  });

  it("marks them in markdown and groups by the resulting owner", async () => {
    const run = await runFlaglint(["report", "--now", NOW], { cwd: repo.root });
    expect(run.stdout).toContain("## <code>@shop</code> (from CODEOWNERS) · 1 flag (1 overdue)");
    expect(run.stdout).toContain("## <code>@web</code> · 1 flag (1 overdue)");
  });
});

describe("cleanup --all --patches", () => {
  it("writes one patch per dead flag with a final value, each applies and leaves a project that parses", async () => {
    const out = project({});
    const run = flaglint(["cleanup", "--all", "--patches", out, "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(0);
    expect(repo.git(["status", "--porcelain"])).toBe("");
    expect(fs.readdirSync(out).sort()).toEqual(["index.json", "legacy_banner.patch", "new_checkout.patch"]);

    const index = JSON.parse(fs.readFileSync(path.join(out, "index.json"), "utf8")) as { flags: Array<Record<string, unknown>> };
    expect(index.flags).toEqual([
      expect.objectContaining({ flag: "dark_mode", owner: "@web", patch: null, skipped: expect.stringContaining("no final value") }),
      expect.objectContaining({
        flag: "new_checkout", owner: "@shop", ownerSource: "codeowners", ticket: "SHOP-1", final: true,
        patch: "new_checkout.patch", files: ["src/checkout/cart.ts"], linesRemoved: 3, registryStatus: "archived", refusals: [],
      }),
      expect.objectContaining({ flag: "promo_banner", owner: "@growth", patch: null, skipped: expect.stringContaining("no final value") }),
      expect.objectContaining({ flag: "legacy_banner", owner: "@platform", final: false, patch: "legacy_banner.patch", files: ["src/ui/banner.ts"] }),
    ]);

    for (const [flag, file, after] of [
      ["new_checkout", "src/checkout/cart.ts", 'export function cartTitle(): string {\n  return "New cart";\n}\n'],
      ["legacy_banner", "src/ui/banner.ts", "export function banner(): string | null {\n  return null;\n}\n"],
    ] as const) {
      // Each patch on its own, on a fresh clone: one pull request each.
      const clone = project({});
      execFileSync("git", ["clone", "--quiet", `file://${repo.root}`, clone], { stdio: "ignore" });
      execFileSync("git", ["apply", "--index", path.join(out, `${flag}.patch`)], { cwd: clone });
      expect(fs.readFileSync(path.join(clone, file), "utf8")).toBe(after);
      const { json } = await report([], clone);
      expect(json.findings.filter((finding) => finding.rule === "parse-error")).toEqual([]);
      expect(json.flags.find((entry) => entry.key === flag)).toMatchObject({ state: "archived", references: 0 });
    }
  });

  it("writes nothing with --dry-run", async () => {
    const out = path.join(os.tmpdir(), `flaglint-never-${process.pid}`);
    const run = await runFlaglint(["cleanup", "--all", "--patches", out, "--dry-run", "--now", NOW], { cwd: repo.root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("would write");
    expect(fs.existsSync(out)).toBe(false);
  });
});
