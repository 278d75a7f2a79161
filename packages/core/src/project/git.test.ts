import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../clock.js";
import { changedFilesSince, inferCreatedDates } from "./git.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh repository on branch main, with its own identity and none of this machine's git config. */
function repository(): { root: string; git: (args: string[], date?: string) => string; write: (files: Record<string, string>) => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-git-"));
  roots.push(root);
  const git = (args: string[], date = "2026-01-01T12:00:00Z") =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: os.devNull, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  };
  git(["init", "--quiet", "--initial-branch=main"]);
  git(["config", "user.name", "Test"]);
  git(["config", "user.email", "test@example.com"]);
  git(["config", "commit.gpgsign", "false"]);
  return { root, git, write };
}

function commit(repo: ReturnType<typeof repository>, files: Record<string, string>, date?: string): void {
  repo.write(files);
  repo.git(["add", "--all"]);
  repo.git(["commit", "--quiet", "-m", "change"], date);
}

function relativeNames(files: ReadonlySet<string>, root: string): string[] {
  return [...files].map((file) => path.relative(root, file).split(path.sep).join("/")).sort();
}

describe("changedFilesSince", () => {
  it("lists committed, staged, unstaged and untracked changes since the merge base, not the rest", () => {
    const repo = repository();
    commit(repo, { "a.ts": "a", "b.ts": "b", "c.ts": "c", "d.ts": "d", ".gitignore": "ignored.ts\n" });
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    commit(repo, { "a.ts": "a2" });
    repo.write({ "b.ts": "b2" });
    repo.git(["add", "b.ts"]);
    repo.write({ "c.ts": "c2", "new.ts": "n", "ignored.ts": "i" });

    const changed = changedFilesSince(repo.root, "main");
    expect(relativeNames(changed.files, repo.root)).toEqual(["a.ts", "b.ts", "c.ts", "new.ts"]);
    expect(changed.mergeBase).toMatch(/^[0-9a-f]{40}$/);
  });

  it("measures from the merge base, so what the other branch did since does not count", () => {
    const repo = repository();
    commit(repo, { "shared.ts": "1", "theirs.ts": "1" });
    repo.git(["checkout", "--quiet", "-b", "feature"]);
    commit(repo, { "mine.ts": "1" });
    repo.git(["checkout", "--quiet", "main"]);
    commit(repo, { "theirs.ts": "2" });
    repo.git(["checkout", "--quiet", "feature"]);

    expect(relativeNames(changedFilesSince(repo.root, "main").files, repo.root)).toEqual(["mine.ts"]);
  });

  it("spells paths from the given folder, wherever the repository root is", () => {
    const repo = repository();
    commit(repo, { "pkg/src/a.ts": "a" });
    repo.write({ "pkg/src/a.ts": "a2", "other/b.ts": "b" });
    const cwd = path.join(repo.root, "pkg");

    const files = changedFilesSince(cwd, "HEAD").files;
    expect(files.has(path.join(cwd, "src/a.ts"))).toBe(true);
    expect(files.has(path.join(cwd, "../other/b.ts"))).toBe(true);
  });

  it("names an unknown remote ref with the fetch that brings it", () => {
    const repo = repository();
    commit(repo, { "a.ts": "a" });
    repo.git(["remote", "add", "origin", "https://example.invalid/shop.git"]);
    expect(() => changedFilesSince(repo.root, "origin/main")).toThrow(
      new UsageError("--changed-since origin/main: unknown git ref (hint: fetch it first: git fetch origin main)"),
    );
    expect(() => changedFilesSince(repo.root, "no-such-branch")).toThrow(/^--changed-since no-such-branch: unknown git ref \(hint: /);
  });

  it("refuses a ref that git would read as an option", () => {
    const repo = repository();
    commit(repo, { "a.ts": "a" });
    expect(() => changedFilesSince(repo.root, "--output=x")).toThrow(UsageError);
  });

  it("says so outside a git repository", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-nogit-"));
    roots.push(outside);
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
    try {
      expect(() => changedFilesSince(outside, "main")).toThrow(/^--changed-since main: not inside a git repository \(hint: /);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }
  });
});

describe("inferCreatedDates", () => {
  const registryWith = (...keys: string[]) =>
    `version: 1\nflags:\n${keys.map((key) => `  ${key}:\n    type: release\n`).join("")}`;

  it("dates a key by the first commit that added it to the registry, in UTC", () => {
    const repo = repository();
    // 23:30 at UTC-5 is already the next day in UTC.
    commit(repo, { "feature-flags.yaml": registryWith("alpha") }, "2026-01-05T23:30:00-05:00");
    commit(repo, { "feature-flags.yaml": registryWith("alpha", "beta") }, "2026-02-10T09:00:00Z");
    commit(repo, { "feature-flags.yaml": registryWith("beta", "alpha") }, "2026-03-01T09:00:00Z");

    const dates = inferCreatedDates({ registry: path.join(repo.root, "feature-flags.yaml"), keys: ["alpha", "beta"] });
    expect(Object.fromEntries(dates)).toEqual({ alpha: "2026-01-06", beta: "2026-02-10" });
  });

  it("reads quoted keys of a JSON registry", () => {
    const repo = repository();
    commit(repo, { "feature-flags.json": '{\n  "version": 1,\n  "flags": {\n    "new-nav": { "type": "ops" }\n  }\n}\n' }, "2026-04-02T10:00:00Z");
    const dates = inferCreatedDates({ registry: path.join(repo.root, "feature-flags.json"), keys: ["new-nav"] });
    expect(dates.get("new-nav")).toBe("2026-04-02");
  });

  it("falls back to the first commit that added the quoted key to code, and leaves unknown keys out", () => {
    const repo = repository();
    commit(repo, { "src/a.ts": 'ff.isEnabled("checkout.v2");\n' }, "2026-05-01T10:00:00Z");
    commit(repo, { "src/b.ts": "ff.isEnabled('checkout.v2');\nff.isEnabled(`search`);\n" }, "2026-06-01T10:00:00Z");
    // A key that only resembles the regular expression must not match: "checkoutXv2".
    commit(repo, { "src/c.ts": 'ff.isEnabled("checkoutXv2");\n' }, "2026-04-01T10:00:00Z");

    const dates = inferCreatedDates({
      registry: path.join(repo.root, "feature-flags.yaml"),
      keys: ["checkout.v2", "search", "never_checked"],
    });
    expect(Object.fromEntries(dates)).toEqual({ "checkout.v2": "2026-05-01", search: "2026-06-01" });
  });

  it("does not date a flag by checks in a folder another registry governs", () => {
    const repo = repository();
    commit(repo, { "packages/web/src/a.ts": 'useFlag("dark_mode");\n' }, "2026-01-01T10:00:00Z");
    commit(repo, { "src/a.ts": 'useFlag("dark_mode");\n' }, "2026-07-01T10:00:00Z");

    const dates = inferCreatedDates({
      registry: path.join(repo.root, "feature-flags.yaml"),
      keys: ["dark_mode"],
      excludeDirs: [path.join(repo.root, "packages/web")],
    });
    expect(dates.get("dark_mode")).toBe("2026-07-01");
  });

  it("prefers the registry's date over the code's", () => {
    const repo = repository();
    commit(repo, { "src/a.ts": 'useFlag("alpha");\n' }, "2026-01-01T10:00:00Z");
    commit(repo, { "feature-flags.yaml": registryWith("alpha") }, "2026-02-01T10:00:00Z");
    const dates = inferCreatedDates({ registry: path.join(repo.root, "feature-flags.yaml"), keys: ["alpha"] });
    expect(dates.get("alpha")).toBe("2026-02-01");
  });

  it("is empty outside a git repository", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-nogit-"));
    roots.push(outside);
    fs.writeFileSync(path.join(outside, "a.ts"), 'useFlag("alpha");\n');
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
    try {
      expect(inferCreatedDates({ registry: path.join(outside, "feature-flags.yaml"), keys: ["alpha"] }).size).toBe(0);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }
  });
});
