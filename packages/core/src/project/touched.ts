// `--changed-since`: which registry flags a change touched, so that a pull request is charged with
// the registry-level findings of its own flags and not with the registry's old debt.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { ChangedFiles } from "./git.js";
import type { Registry } from "../types.js";

/** What the change did to one file: lines added (numbered in the new file) and the text of lines removed. */
export interface FileDiff {
  added: Set<number>;
  removed: string[];
  /** The file is new since the merge base: every line counts as added. */
  isNew: boolean;
}

export interface TouchedInput {
  cwd: string;
  changed: ChangedFiles;
  registries: readonly Registry[];
  /** The flags each changed source file checks now, by the path of the registry that governs it. */
  checkedInChanges: ReadonlyArray<{ registry: string; flag: string }>;
  /** The registry governing a file, for the removed lines of changed source files. */
  registryOf: (file: string) => string | undefined;
}

/**
 * `registry\0flag` for each flag the change touched: its entry was added or edited, a changed file
 * checks it, or a changed file removed a line that named it (the change may have left it unused).
 */
export function touchedFlags(input: TouchedInput): Set<string> {
  const touched = new Set(input.checkedInChanges.map(({ registry, flag }) => `${registry}\0${flag}`));
  const diffs = diffSince(input.cwd, input.changed.mergeBase);
  for (const registry of input.registries) {
    if (!input.changed.files.has(registry.path)) continue;
    const diff = diffs.get(registry.path);
    const entries = [...registry.flags.values()].sort((a, b) => a.position.line - b.position.line);
    entries.forEach((flag, index) => {
      const first = flag.position.line;
      const last = (entries[index + 1]?.position.line ?? Infinity) - 1;
      const edited = diff === undefined || diff.isNew || [...diff.added].some((line) => line >= first && line <= last);
      if (edited) touched.add(`${registry.path}\0${flag.key}`);
    });
  }
  const byPath = new Map(input.registries.map((registry) => [registry.path, registry]));
  for (const [file, diff] of diffs) {
    if (diff.removed.length === 0 || byPath.has(file)) continue;
    const registryPath = input.registryOf(file);
    const registry = registryPath === undefined ? undefined : byPath.get(registryPath);
    if (!registry) continue;
    const removed = diff.removed.join("\n");
    for (const key of registry.flags.keys()) if (names(removed, key)) touched.add(`${registry.path}\0${key}`);
  }
  return touched;
}

/** Whether the text names the key as a whole word: flag `a` is not named by every line with an "a" in it. */
function names(text: string, key: string): boolean {
  if (!text.includes(key)) return false;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w$-])${escaped}(?![\\w$-])`).test(text);
}

/** `git diff -U0` from the merge base to the working tree, by absolute path (spelled from `cwd`). Untracked files are absent. */
export function diffSince(cwd: string, mergeBase: string): Map<string, FileDiff> {
  const top = spawnSync("git", ["rev-parse", "--show-cdup"], { cwd, encoding: "utf8" });
  const root = path.resolve(cwd, top.stdout?.trim() ?? "");
  const result = spawnSync("git", ["-c", "core.quotePath=false", "diff", "-U0", "--no-ext-diff", "--no-color", "--no-renames", mergeBase], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return result.status === 0 ? parseDiff(result.stdout, root) : new Map<string, FileDiff>();
}

/** The files of a unified diff with no context lines. */
export function parseDiff(text: string, root: string): Map<string, FileDiff> {
  const diffs = new Map<string, FileDiff>();
  let current: FileDiff | undefined;
  let inHeader = false;
  let oldPath: string | undefined;
  let line = 0;
  for (const row of text.split("\n")) {
    if (row.startsWith("diff --git ")) {
      current = undefined;
      inHeader = true;
      continue;
    }
    if (inHeader) {
      if (row.startsWith("--- ")) oldPath = row.slice(4);
      else if (row.startsWith("+++ ")) {
        const name = row.slice(4) === "/dev/null" ? oldPath?.replace(/^a\//, "") : row.slice(4).replace(/^b\//, "");
        if (name === undefined) continue;
        current = { added: new Set(), removed: [], isNew: oldPath === "/dev/null" };
        diffs.set(path.resolve(root, unquote(name)), current);
        continue;
      } else if (row.startsWith("@@")) inHeader = false;
      else continue;
    }
    if (!current) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (row.startsWith("+")) current.added.add(line++);
    else if (row.startsWith("-")) current.removed.push(row.slice(1));
  }
  return diffs;
}

function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/\\(.)/g, "$1") : name;
}
