// The hooks of .pre-commit-hooks.yaml: the exact command pre-commit runs, on fixtures.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAGLINT_BIN, REPO_ROOT, removeProjects } from "./helpers/cli.js";
import { gitProject } from "./helpers/git.js";

afterAll(removeProjects);

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  files?: string;
  args?: string[];
}

const HOOKS = parse(fs.readFileSync(path.join(REPO_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];

function hook(id: string): Hook {
  const found = HOOKS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no hook ${id}`);
  return found;
}

/** What pre-commit runs for a hook with pass_filenames false: the entry and its args, in the repository's root. */
function runHook(id: string, root: string) {
  const { entry, args = [] } = hook(id);
  const command = [entry, ...args].join(" ");
  return spawnSync("bash", ["-c", command], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", FLAGLINT_NOW: "2026-11-26", PRE_COMMIT: "1" },
    encoding: "utf8",
  });
}

/** The demo shop in a git repository, with flaglint installed as a dev dependency would be. */
function demoRepository() {
  const repository = gitProject({ ".gitignore": "node_modules/\n" });
  fs.cpSync(path.join(REPO_ROOT, "fixtures/demo"), repository.root, { recursive: true });
  fs.mkdirSync(path.join(repository.root, "node_modules/.bin"), { recursive: true });
  fs.symlinkSync(FLAGLINT_BIN, path.join(repository.root, "node_modules/.bin/flaglint"));
  repository.commit({});
  return repository;
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares flaglint and flaglint-changed, run once per commit on code and registry files", () => {
    expect(HOOKS.map((candidate) => candidate.id)).toEqual(["flaglint", "flaglint-changed"]);
    for (const candidate of HOOKS) {
      expect(candidate.pass_filenames).toBe(false);
      const files = new RegExp(candidate.files!);
      for (const file of ["src/a.ts", "src/b.tsx", "lib/c.mjs", "feature-flags.yaml", "packages/web/feature-flags.json"]) {
        expect(files.test(file), file).toBe(true);
      }
      for (const file of ["README.md", "src/a.ts.snap", "my-feature-flags.yaml"]) expect(files.test(file), file).toBe(false);
    }
  });

  /** One demo repository: the first hook leaves it as it was, the last one edits it. */
  let repository: ReturnType<typeof demoRepository>;
  beforeAll(() => {
    repository = demoRepository();
  });

  it("flaglint: fails the commit on the demo's findings, with the project's own flaglint", () => {
    const run = runHook("flaglint", repository.root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("no-stale-flag");
    expect(run.stdout).toContain("src/legacy/broken.ts");
  });

  it("flaglint-changed: reports only what differs from HEAD, and passes when that is clean", () => {
    expect(repository.git(["status", "--porcelain"])).toBe("");
    expect(runHook("flaglint-changed", repository.root).status).toBe(0);

    fs.appendFileSync(path.join(repository.root, "src/services/payments.ts"), "\n// touched\n");
    repository.git(["add", "src/services/payments.ts"]);
    const run = runHook("flaglint-changed", repository.root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("src/services/payments.ts");
    expect(run.stdout).not.toContain("src/legacy/broken.ts");
  });
});
