// `report --history`: the flags' states week by week, from the registry and code as git has them.
// Each point's tree is read with `git ls-tree` and `git cat-file --batch` into a temporary folder
// outside the project; the working tree and the index are never touched.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { flagState } from "../checks/index.js";
import { addDays, daysBetween, isCalendarDate, UsageError } from "../clock.js";
import { loadRegistry, RegistryError } from "../registry/index.js";
import type { FlagState, HistoryPoint, ProjectNote, ProjectResult } from "../types.js";
import { analyzeProject } from "./analyze.js";
import { isSourceFile } from "./files.js";
import { firstParentCommits, gitTopLevel, inferCreatedDates, isShallowRepository, readBlobs, treeFiles, type TreeFile } from "./git.js";

/** Every state a point counts, in the order the report lists them. */
export const HISTORY_STATES: ReadonlyArray<FlagState | "unknown"> = ["overdue", "due-soon", "unknown", "retired", "unused", "ok", "permanent", "archived"];

/** At most ten years of weekly points. */
const MAX_POINTS = 520;

/** `--history 12w` -> 12 weekly dates ending on `now`; `--history-from D` -> D, D+7, … up to `now`. Oldest first. */
export function historyDates(now: string, spec: { weeks?: number; from?: string }): string[] {
  if (spec.from !== undefined) {
    if (!isCalendarDate(spec.from)) throw new UsageError(`--history-from ${spec.from}: not a date (hint: write YYYY-MM-DD, like 2026-09-01)`);
    const days = daysBetween(spec.from, now);
    if (days < 0) throw new UsageError(`--history-from ${spec.from} is after today (${now})`);
    const count = Math.floor(days / 7) + 1;
    if (count > MAX_POINTS) throw new UsageError(`--history-from ${spec.from}: more than ${MAX_POINTS} weeks back`);
    return Array.from({ length: count }, (_, index) => addDays(spec.from!, index * 7));
  }
  const weeks = spec.weeks ?? 12;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_POINTS) throw new UsageError(`--history: between 1w and ${MAX_POINTS}w`);
  return Array.from({ length: weeks }, (_, index) => addDays(now, (index - weeks + 1) * 7));
}

export interface HistoryOptions {
  cwd: string;
  paths: readonly string[];
  registry?: string;
  /** The points' dates, oldest first (historyDates). */
  dates: readonly string[];
  /** Date flags without `created` from git, as `report` does (default true). */
  createdFromGit?: boolean;
}

export interface HistoryResult {
  /** Absent when git history cannot be read (not a repository, a shallow clone): `notes` says why. */
  points?: HistoryPoint[];
  notes: ProjectNote[];
}

/** The flags' states at the last first-parent commit on or before each date, with that date as today. */
export function flagHistory(options: HistoryOptions): HistoryResult {
  const top = gitTopLevel(options.cwd);
  if (top === undefined) return { notes: [{ message: "no trend: not inside a git repository (the report is shown without --history)" }] };
  if (isShallowRepository(top)) {
    return {
      notes: [{ message: "no trend: this is a shallow clone, its history is cut short (hint: git fetch --unshallow, or fetch-depth: 0 in actions/checkout)" }],
    };
  }
  const commits = firstParentCommits(top);
  const inside = (file: string) => path.relative(top, realPath(file)).split(path.sep).join("/");
  const prefix = inside(options.cwd);
  if (prefix === ".." || prefix.startsWith("../")) return { notes: [{ message: "no trend: the folder is outside the git repository" }] };
  const registry = options.registry === undefined ? undefined : path.resolve(options.cwd, options.registry);
  const versionedRegistry = registry !== undefined && !inside(registry).startsWith("../") ? inside(registry) : undefined;

  // Only the folders scanned are copied, with the registries and .gitignore files around them.
  const targets = (options.paths.length > 0 ? options.paths : ["."]).map((target) => path.posix.join(prefix, target.split(path.sep).join("/")).replace(/^\.$/, ""));
  const tree = new MirrorTree(fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-history-")));
  const notes: ProjectNote[] = [];
  const inferred = options.createdFromGit === false ? undefined : new CreatedDates();
  try {
    const points: HistoryPoint[] = [];
    // Weeks without a commit share the previous week's scan: only the date, and so the states, differ.
    let last: { commit: string; result: ProjectResult | undefined } | undefined;
    for (const date of options.dates) {
      const commit = lastCommitOn(commits, date);
      if (commit === undefined) {
        points.push({ date, commit: null, states: {} });
        continue;
      }
      if (last?.commit !== commit) {
        tree.sync(top, commit, (file) => wanted(file, targets, versionedRegistry));
        const cwd = path.join(tree.root, prefix);
        const explicit = versionedRegistry === undefined ? registry : path.join(tree.root, versionedRegistry);
        last = { commit, result: analyzeAt({ cwd, paths: options.paths, registry: explicit, now: date }, commit, notes) };
      }
      const states: HistoryPoint["states"] = {};
      if (last.result) {
        for (const state of HISTORY_STATES) states[state] = 0;
        for (const state of flagStates(last.result, date, inferred, tree.root, top)) states[state]! += 1;
      }
      points.push({ date, commit, states });
    }
    return { points, notes };
  } finally {
    fs.rmSync(tree.root, { recursive: true, force: true });
  }
}

/** A run on the tree as it was; `undefined` when there was no registry yet (or it did not load, noted). */
function analyzeAt(options: Parameters<typeof analyzeProject>[0], commit: string, notes: ProjectNote[]): ProjectResult | undefined {
  try {
    return analyzeProject(options);
  } catch (error) {
    if (error instanceof RegistryError) {
      notes.push({ message: `no trend point for ${options.now}: the registry at commit ${commit.slice(0, 12)} does not load (${error.problems[0]?.message ?? "invalid"})` });
      return undefined;
    }
    // No registry yet, or the folders named did not exist then: nothing to count.
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

/**
 * Each flag's state on `now` by the same rule as the report (flagState), with an undated flag
 * dated from git as the report dates it. The registries are read from the mirror as it is.
 */
function flagStates(result: ProjectResult, now: string, inferred: CreatedDates | undefined, mirror: string, top: string): Array<FlagState | "unknown"> {
  const registries = new Map<string, ReturnType<typeof loadRegistry>>();
  return result.flags.map((summary) => {
    if (!summary.known || summary.registry === undefined) return summary.state;
    let registry = registries.get(summary.registry);
    if (!registry) registries.set(summary.registry, (registry = loadRegistry(summary.registry)));
    const definition = registry.flags.get(summary.key);
    if (!definition) return summary.state;
    // The mirror's registry stands for the one in the repository, where git knows the dates.
    const guessed = definition.created === undefined ? inferred?.of(path.join(top, path.relative(mirror, summary.registry)), summary.key) : undefined;
    const created = definition.created ?? (guessed !== undefined && guessed <= now ? guessed : undefined);
    return flagState({ ...definition, created }, registry.policy, now, summary.references).state;
  });
}

/** Git's first-appearance dates of flags, per registry file, asked once. */
class CreatedDates {
  private readonly byRegistry = new Map<string, Map<string, string>>();

  of(registry: string, key: string): string | undefined {
    let dates = this.byRegistry.get(registry);
    if (dates === undefined) {
      dates = inferCreatedDates({ registry, keys: this.keysEverIn(registry) });
      this.byRegistry.set(registry, dates);
    }
    if (!dates.has(key)) {
      // A key gone from the registry since: asked on its own, once (an empty string marks "git cannot date it").
      dates.set(key, inferCreatedDates({ registry, keys: [key] }).get(key) ?? "");
    }
    return dates.get(key) || undefined;
  }

  /** Every key the registry lists at HEAD and at the points: reading it at HEAD is enough for the keys still there. */
  private keysEverIn(registry: string): string[] {
    try {
      return [...loadRegistry(registry).flags.keys()];
    } catch {
      return [];
    }
  }
}

/** The last commit (first-parent line) made on or before the end of `date`, UTC. */
function lastCommitOn(commits: readonly { commit: string; time: number }[], date: string): string | undefined {
  const end = Date.parse(`${addDays(date, 1)}T00:00:00Z`) / 1000;
  return commits.find((entry) => entry.time < end)?.commit;
}

/** What a run reads: source files in the folders scanned, registries, .gitignore files, and an explicit registry. */
function wanted(file: string, targets: readonly string[], registry: string | undefined): boolean {
  const name = file.slice(file.lastIndexOf("/") + 1);
  if (/^feature-flags\.(ya?ml|json)$/.test(name) || name === ".gitignore" || file === registry) return true;
  return isSourceFile(file) && targets.some((target) => target === "" || file === target || file.startsWith(`${target}/`));
}

/** A temporary copy of the files of one commit after another: only what changed is read and written. */
class MirrorTree {
  private readonly present = new Map<string, string>();

  constructor(readonly root: string) {}

  sync(top: string, commit: string, keep: (file: string) => boolean): void {
    const files = treeFiles(top, commit).filter((file) => keep(file.path) && safePath(file.path));
    const next = new Map(files.map((file): [string, string] => [file.path, file.oid]));
    for (const file of this.present.keys()) {
      if (!next.has(file)) {
        fs.rmSync(path.join(this.root, file), { force: true });
        this.present.delete(file);
      }
    }
    const changed: TreeFile[] = files.filter((file) => this.present.get(file.path) !== file.oid);
    const blobs = readBlobs(top, [...new Set(changed.map((file) => file.oid))]);
    for (const file of changed) {
      const content = blobs.get(file.oid);
      if (content === undefined) continue;
      const target = path.join(this.root, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
      this.present.set(file.path, file.oid);
    }
  }
}

/** A tree path that stays inside the mirror. */
function safePath(file: string): boolean {
  return !file.split("/").some((part) => part === ".." || part === "" || part === ".git");
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
