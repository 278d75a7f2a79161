// What a run on some paths covers. Paths narrow what is reported, not what is known: the whole tree
// of each registry feeds the cross-file index of constants, and a registry's own rules run only when
// its whole tree was scanned.
import fs from "node:fs";
import path from "node:path";
import { isWithin } from "../paths.js";
import type { RunNote } from "../types.js";
import { walkProject, type WalkResult } from "./files.js";
import type { RegistrySet } from "./registries.js";

export interface RunScope {
  /** Source files of the paths and of every tree the run's registries govern: where exported constants are looked for. */
  indexFiles: string[];
  /** Paths of the registries whose tree the paths do not cover whole. */
  partial: Set<string>;
  notes: RunNote[];
}

export interface ScopeInput {
  cwd: string;
  /** As ProjectOptions.paths. */
  paths: readonly string[];
  walk: WalkResult;
  registries: RegistrySet;
  /** Walked source files that no registry governs. */
  ungoverned: readonly string[];
}

export function runScope(input: ScopeInput): RunScope {
  const { cwd, walk, registries } = input;
  const targets = (input.paths.length > 0 ? input.paths : ["."]).map((target) => path.resolve(cwd, target));
  const walkedDirs = targets.filter((target) => fs.statSync(target, { throwIfNoEntry: false })?.isDirectory());
  const scanned = new Set(walk.files);
  const indexFiles = new Set(walk.files);
  const partial = new Set<string>();
  const notes: RunNote[] = [];

  if (walk.files.length === 0) notes.push({ kind: "nothing-to-check", path: input.paths.join(" ") || "." });

  for (const registry of registries.all()) {
    // An explicit registry governs whatever a run from the working folder would scan.
    const root = registries.isExplicit ? cwd : registry.dir;
    if (walkedDirs.some((dir) => isWithin(root, dir))) continue;
    const tree = walkProject({ cwd, paths: [root] });
    registries.learnFolders(tree.folders);
    let whole = true;
    for (const file of tree.files) {
      indexFiles.add(file);
      if (whole && !scanned.has(file) && registries.pathFor(file) === registry.path) whole = false;
    }
    if (!whole) {
      partial.add(registry.path);
      notes.push({ kind: "partial-registry", path: registry.path });
    }
  }

  notes.push(...ungovernedNotes(input.ungoverned, walk.files, walkedDirs.length > 0 ? walkedDirs : [cwd]));
  return { indexFiles: [...indexFiles].sort(), partial, notes };
}

/**
 * Ungoverned files grouped by the highest folder (inside the scanned folders) that holds no governed
 * file: in a monorepo, the package that lacks a registry.
 */
function ungovernedNotes(ungoverned: readonly string[], files: readonly string[], roots: readonly string[]): RunNote[] {
  if (ungoverned.length === 0) return [];
  const left = new Set(ungoverned);
  const holdsGoverned = new Set<string>();
  for (const file of files) {
    if (left.has(file)) continue;
    for (let dir = path.dirname(file); !holdsGoverned.has(dir); dir = path.dirname(dir)) {
      holdsGoverned.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  const groups = new Map<string, number>();
  for (const file of ungoverned) {
    let group = file;
    for (let parent = path.dirname(group); !holdsGoverned.has(parent) && roots.some((root) => isWithin(parent, root)); parent = path.dirname(parent)) {
      group = parent;
      if (path.dirname(parent) === parent) break;
    }
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, count]) => ({ kind: "no-registry", path: group, files: count }));
}

/** Whether a file is inside one of the paths a run named (every file when it named none). */
export function pathsCover(cwd: string, paths: readonly string[]): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const targets = paths.map((target) => path.resolve(cwd, target));
  return (file) => targets.some((target) => isWithin(file, target));
}

