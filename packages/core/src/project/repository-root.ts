// Where CI tools look for paths: GitHub annotations, GitLab Code Quality and code scanning name
// files from the repository root, wherever in the repository flaglint runs.
import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * The root of the git work tree that holds `cwd`, spelled from `cwd` (so it compares with the
 * paths a walk finds, symlinks and all); `cwd` itself outside a repository or without git.
 */
export function repositoryRoot(cwd: string): string {
  const result = spawnSync("git", ["rev-parse", "--show-cdup"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  if (result.error || result.status !== 0) return cwd;
  return path.resolve(cwd, result.stdout.trim());
}
