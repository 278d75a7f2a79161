// `--changed-since REF` and the git-dated `report`, run as a user would, on real repositories.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runFlaglint, project, registry, removeProjects } from "./helpers/cli.js";
import { gitProject, type GitProject } from "./helpers/git.js";

afterAll(removeProjects);

const NOW = "2026-11-26";

const FLAGS = `  fast_search:
    type: release
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1
  no_ticket:
    type: release
    created: 2026-11-20`;

const check = (key: string) => `import { client as ff } from "@acme/flags";\nexport const on = () => ff.isEnabled("${key}", {});\n`;

/** main: a registry with a ticketless, unchecked flag, and a file with an unknown key. */
function shop() {
  return gitProject({
    "feature-flags.yaml": registry(FLAGS),
    "src/old.ts": `${check("fast_search")}export const typo = () => ff.isEnabled("old_typo", {});\n`,
    "src/clean.ts": check("fast_search"),
  });
}

interface Finding {
  rule: string;
  file: string;
  flag: string | null;
}

async function findingsOf(root: string, args: readonly string[]): Promise<{ status: number | null; findings: Finding[]; stderr: string }> {
  const run = await runFlaglint(["check", "--now", NOW, "-f", "json", ...args], { cwd: root });
  return { status: run.status, stderr: run.stderr, findings: run.stdout ? (JSON.parse(run.stdout).findings as Finding[]) : [] };
}

const brief = (findings: readonly Finding[]) => findings.map(({ rule, file, flag }) => `${rule} ${file} ${flag}`);

describe("flaglint check --changed-since", () => {
  it("without it, reports the whole project (the baseline the others narrow)", async () => {
    const repo = shop();
    expect(brief((await findingsOf(repo.root, [])).findings)).toEqual([
      "require-removal-ticket feature-flags.yaml no_ticket",
      "no-unused-flag feature-flags.yaml no_ticket",
      "no-unknown-flag src/old.ts old_typo",
    ]);
  });

  it("reports a file the branch changed and not the files it left alone", async () => {
    const repo = shop();
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    repo.commit({ "src/new.ts": check("new_typo") });

    const run = await findingsOf(repo.root, ["--changed-since", "main"]);
    expect(brief(run.findings)).toEqual(["no-unknown-flag src/new.ts new_typo"]);
    expect(run.status).toBe(1);
  });

  it("exits 0 when only untouched files have problems", async () => {
    const repo = shop();
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    repo.commit({ "src/new.ts": check("fast_search") });
    expect(await findingsOf(repo.root, ["--changed-since", "main"])).toMatchObject({ status: 0, findings: [] });
  });

  it("counts staged, unstaged and untracked changes", async () => {
    const repo = shop();
    repo.write({ "src/staged.ts": check("staged_typo") });
    repo.git(["add", "src/staged.ts"]);
    repo.write({ "src/clean.ts": check("unstaged_typo"), "src/untracked.ts": check("untracked_typo") });

    expect(brief((await findingsOf(repo.root, ["--changed-since", "HEAD"])).findings)).toEqual([
      "no-unknown-flag src/clean.ts unstaged_typo",
      "no-unknown-flag src/staged.ts staged_typo",
      "no-unknown-flag src/untracked.ts untracked_typo",
    ]);
  });

  it("runs the registry's own rules for the entries the change added, with references from every file", async () => {
    const repo = shop();
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    repo.commit({
      "feature-flags.yaml": registry(`${FLAGS}\n  brand_new:\n    type: ops`),
    });

    // fast_search is checked only in files the branch did not touch: still not "unused". no_ticket's
    // findings are the registry's old debt, not this change's.
    expect(brief((await findingsOf(repo.root, ["--changed-since", "main"])).findings)).toEqual([
      "no-unused-flag feature-flags.yaml brand_new",
    ]);
  });

  it("works from a subfolder of the repository", async () => {
    const repo = shop();
    repo.write({ "src/untracked.ts": check("untracked_typo") });
    const run = await findingsOf(path.join(repo.root, "src"), ["--changed-since", "HEAD"]);
    expect(brief(run.findings)).toEqual(["no-unknown-flag untracked.ts untracked_typo"]);
  });

  it("stops with one line and exit 2 for a ref the clone does not have", async () => {
    const repo = shop();
    repo.git(["remote", "add", "origin", "https://example.invalid/shop.git"]);
    const run = await runFlaglint(["check", "--changed-since", "origin/main", "--now", NOW], { cwd: repo.root });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "flaglint: --changed-since origin/main: unknown git ref (hint: fetch it first: git fetch origin main)\n",
    });
  });

  it("stops with one line and exit 2 outside a git repository", async () => {
    const root = project({ "feature-flags.yaml": registry(FLAGS), "src/a.ts": check("fast_search") });
    const run = await runFlaglint(["check", "--changed-since", "main", "--now", NOW], {
      cwd: root,
      env: { GIT_CEILING_DIRECTORIES: path.dirname(root) },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^flaglint: --changed-since main: not inside a git repository \(hint: [^\n]*\)\n$/);
  });
});

describe("flaglint report --changed-since", () => {
  it("lists the flags the changed files check", async () => {
    const repo = shop();
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    repo.commit({ "src/new.ts": `${check("fast_search")}export const t = () => ff.isEnabled("new_typo", {});\n` });

    const run = await runFlaglint(["report", "--changed-since", "main", "--now", NOW, "-f", "json"], { cwd: repo.root });
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.flags.map((flag: { key: string }) => flag.key)).toEqual(["fast_search", "new_typo"]);
    expect(output.references.every((reference: { file: string }) => reference.file === "src/new.ts")).toBe(true);
  });
});

describe("flaglint report dates flags from git history", () => {
  /**
   * from_code is checked since 2026-08-15; the registry lists from_registry since 2026-09-01 and
   * gains from_code only in the working tree, so git can date that one only by its code. Made once:
   * the tests below only read it.
   */
  let repository: GitProject | undefined;
  function dated() {
    repository ??= datedRepository();
    return repository;
  }
  function datedRepository() {
    const repo = gitProject({ "src/a.ts": `${check("from_code")}export const b = () => ff.isEnabled("from_registry", {});\n` }, "2026-08-15T10:00:00Z");
    const written = `  dated:\n    type: permission\n    created: 2026-10-01\n  from_registry:\n    type: release\n    ticket: T-1`;
    repo.commit({ "feature-flags.yaml": registry(written) }, "2026-09-01T10:00:00Z");
    repo.write({ "feature-flags.yaml": registry(`${written}\n  from_code:\n    type: release\n    ticket: T-2`) });
    return repo;
  }

  const flagsOf = (stdout: string) =>
    Object.fromEntries(
      (JSON.parse(stdout).flags as Array<Record<string, unknown>>).map(({ key, created, createdInferred, removeBy, state }) => [
        key,
        { created, createdInferred, removeBy, state },
      ]),
    );

  it("takes a missing created date from the registry's history, else the code's, and marks it inferred", async () => {
    const run = await runFlaglint(["report", "--now", NOW, "-f", "json"], { cwd: dated().root });
    expect(run.status).toBe(0);
    expect(flagsOf(run.stdout)).toEqual({
      dated: { created: "2026-10-01", createdInferred: undefined, removeBy: null, state: "unused" },
      from_registry: { created: "2026-09-01", createdInferred: true, removeBy: "2026-10-13", state: "overdue" },
      from_code: { created: "2026-08-15", createdInferred: true, removeBy: "2026-09-26", state: "overdue" },
    });
  });

  it("shows an inferred date as such in markdown", async () => {
    const run = await runFlaglint(["report", "--now", NOW], { cwd: dated().root });
    expect(run.stdout).toContain("≈2026-09-01");
    expect(run.stdout).toContain("inferred from git history");
  });

  it("leaves dates alone with --no-git", async () => {
    const run = await runFlaglint(["report", "--no-git", "--now", NOW, "-f", "json"], { cwd: dated().root });
    expect(flagsOf(run.stdout).from_registry).toEqual({ created: null, createdInferred: undefined, removeBy: null, state: "ok" });
  });

  it("never lets check judge a flag by an inferred date", async () => {
    const run = await runFlaglint(["check", "--now", NOW, "-f", "json"], { cwd: dated().root });
    const output = JSON.parse(run.stdout);
    expect(output.findings.filter((finding: Finding) => finding.rule === "no-stale-flag")).toEqual([]);
    expect(output.flags.find((flag: { key: string }) => flag.key === "from_registry").created).toBeNull();
  });
});
