// Throwaway git repositories for the CLI's git features: fixed identity, fixed dates, no machine config.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { project } from "./cli.js";

export interface GitProject {
  root: string;
  /** Runs git in the repository; commits made through it carry `date` (default 2026-01-01). */
  git(args: readonly string[], date?: string): string;
  /** Writes files (relative paths) without staging them. */
  write(files: Record<string, string>): void;
  /** Writes, stages everything and commits, dated `date` (an ISO date-time). */
  commit(files: Record<string, string>, date?: string): void;
}

/** A repository on branch `main` holding `files` in one first commit. */
export function gitProject(files: Record<string, string>, date = "2026-01-01T12:00:00Z"): GitProject {
  const root = project({});
  const git = (args: readonly string[], when = date) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: os.devNull,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
      },
    });
  const write = (more: Record<string, string>) => {
    for (const [name, text] of Object.entries(more)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  };
  const commit = (more: Record<string, string>, when = date) => {
    write(more);
    git(["add", "--all"]);
    git(["commit", "--quiet", "--allow-empty", "-m", "change"], when);
  };
  // No template (sample hooks and the like: nothing a test reads), and the identity written in one go:
  // one git start per repository instead of four, for the many repositories the suite makes.
  git(["init", "--quiet", "--initial-branch=main", "--template="]);
  fs.appendFileSync(path.join(root, ".git/config"), "[user]\n\tname = Test\n\temail = test@example.com\n[commit]\n\tgpgsign = false\n");
  commit(files);
  return { root, git, write, commit };
}
