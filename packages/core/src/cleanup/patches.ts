// `cleanup --all --patches DIR`: one patch per dead flag, for a scheduled job to open one pull
// request each. The same engine as `cleanup`, run dry: nothing in the project is written.
import path from "node:path";
import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { UsageError } from "../clock.js";
import { analyzeProject } from "../project/analyze.js";
import { withCodeOwners } from "../project/codeowners.js";
import { repositoryRoot } from "../project/git.js";
import { loadRegistry } from "../registry/index.js";
import type { FlagState, FlagSummary } from "../types.js";
import { cleanupProject, type CleanupFileSystem, type FileChange } from "./project.js";
import type { FlagValue } from "./value.js";

export interface PatchOptions {
  cwd: string;
  /** Files or folders, relative to cwd; empty means cwd. */
  paths: readonly string[];
  registry?: string;
  /** Today, `YYYY-MM-DD`: which flags are overdue depends on it. */
  now: string;
  /** Patch paths are relative to it (default: the repository root above cwd), as `git apply` wants them. */
  root?: string;
  fileSystem?: CleanupFileSystem;
}

/** A place the patch leaves alone, with why. */
export interface PatchRefusal {
  /** Relative to the root, with "/". */
  file: string;
  line: number;
  reason: string;
}

export interface FlagPatchEntry {
  flag: string;
  state: FlagState | "unknown";
  owner: string | null;
  ownerSource: "registry" | "codeowners" | null;
  ticket: string | null;
  /** The registry's `final` value the checks were replaced with; `null` when skipped for want of one. */
  final: FlagValue | undefined;
  /** The patch file's name inside DIR; `null` when no patch was written. */
  patch: string | null;
  /** Source files the patch rewrites, relative to the root. */
  files: string[];
  linesRemoved: number;
  linesAdded: number;
  /** What the patch does to the registry entry: archived, or retired when checks are left for a person. */
  registryStatus: "archived" | "retired" | null;
  refusals: PatchRefusal[];
  /** Why there is no patch: no final value, a file that could not be rewritten, a patch that did not verify. */
  skipped?: string;
}

export interface PatchSet {
  now: string;
  /** Absolute. */
  root: string;
  /** Patch file name -> its text. */
  patches: Map<string, string>;
  /** Every retired or overdue flag, in report order: first by state, then by key. */
  flags: FlagPatchEntry[];
}

const DEAD_STATES: ReadonlySet<string> = new Set(["overdue", "retired"]);

/** The patches for every retired or overdue flag that has a `final` value; nothing is written. */
export function cleanupPatches(options: PatchOptions): PatchSet {
  const root = options.root ?? repositoryRoot(options.cwd);
  // No size limit, as cleanup reads; dated as the report dates them, so a flag the report calls overdue gets its patch.
  const scan = analyzeProject({ cwd: options.cwd, paths: options.paths, registry: options.registry, now: options.now, maxFileBytes: Infinity, createdFromGit: true });
  const analysis = withCodeOwners(scan, root);
  const finals = finalValues(analysis.registries);
  const dead = analysis.flags
    .filter((flag) => flag.known && DEAD_STATES.has(flag.state))
    .sort((a, b) => (a.state === b.state ? compare(a.key, b.key) : a.state === "overdue" ? -1 : 1));

  const patches = new Map<string, string>();
  const flags: FlagPatchEntry[] = [];
  const seen = new Set<string>();
  for (const flag of dead) {
    // One entry per key: cleanupProject handles every registry that lists it.
    if (seen.has(flag.key)) continue;
    seen.add(flag.key);
    const value = finals.get(`${flag.registry ?? ""}\0${flag.key}`);
    const entry = emptyEntry(flag, value);
    flags.push(entry);
    if (value === undefined) {
      entry.skipped = `no final value in the registry (add final: on, off or a JSON literal to its entry)`;
      continue;
    }
    let result: ReturnType<typeof cleanupProject>;
    try {
      result = cleanupProject({ ...options, flag: flag.key, value, dryRun: true, analysis: scan });
    } catch (error) {
      // One flag's trouble (a registry entry too odd to edit) must not cost the other patches.
      if (!(error instanceof UsageError)) throw error;
      entry.skipped = error.message;
      continue;
    }
    entry.refusals = result.manual.map((spot) => ({ file: relative(root, spot.file), line: spot.line, reason: spot.reason }));
    if (result.blocked) {
      entry.skipped = result.blocked;
      continue;
    }
    const changes: FileChange[] = [...result.files, ...result.registry];
    if (changes.length === 0) {
      entry.skipped = "nothing to change";
      continue;
    }
    const built = buildPatch(changes, root);
    if (typeof built === "string" && built.startsWith("!")) {
      entry.skipped = built.slice(1);
      continue;
    }
    const name = patchName(flag.key, patches);
    patches.set(name, built);
    entry.patch = name;
    entry.files = result.files.map((change) => relative(root, change.file));
    entry.registryStatus = result.registry[0]?.status ?? null;
    const counts = countLines(built, new Set(result.registry.map((change) => relative(root, change.file))));
    entry.linesRemoved = counts.removed;
    entry.linesAdded = counts.added;
  }
  return { now: options.now, root, patches, flags };
}

function emptyEntry(flag: FlagSummary, value: FlagValue | undefined): FlagPatchEntry {
  const owner = flag.owner?.trim() ? flag.owner : null;
  return {
    flag: flag.key,
    state: flag.state,
    owner,
    ownerSource: owner === null ? null : (flag.ownerSource ?? "registry"),
    ticket: flag.ticket ?? null,
    final: value,
    patch: null,
    files: [],
    linesRemoved: 0,
    linesAdded: 0,
    registryStatus: null,
    refusals: [],
  };
}

/** Each registry's `final` values, by registry path and key. */
function finalValues(registries: readonly string[]): Map<string, FlagValue> {
  const values = new Map<string, FlagValue>();
  for (const file of registries) {
    for (const flag of loadRegistry(file).flags.values()) {
      if (flag.final !== undefined) values.set(`${file}\0${flag.key}`, flag.final);
    }
  }
  return values;
}

/**
 * A git-style patch of the changes, paths relative to the root. Each file's diff is applied back
 * to its old text and must give the new text exactly; otherwise `"!<reason>"`.
 */
function buildPatch(changes: readonly FileChange[], root: string): string {
  let text = "";
  for (const change of changes) {
    const file = relative(root, change.file);
    if (file.startsWith("../")) return `!${file} is outside the repository`;
    if (/[\s"\\]/.test(file)) return `!${JSON.stringify(file)}: a path with spaces, quotes or backslashes is not written into a patch`;
    const diff = createTwoFilesPatch(`a/${file}`, `b/${file}`, change.before, change.after, undefined, undefined, {
      headerOptions: FILE_HEADERS_ONLY,
    });
    if (applyPatch(change.before, diff) !== change.after) return `!the patch for ${file} does not reproduce the cleaned-up file`;
    text += `diff --git a/${file} b/${file}\n${diff}`;
  }
  return text;
}

/** Lines removed and added in source files (the registry's one-line status change is not counted). */
function countLines(patch: string, registries: ReadonlySet<string>): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  let counting = false;
  for (const line of patch.split("\n")) {
    if (line.startsWith("diff --git a/")) {
      counting = !registries.has(line.slice("diff --git a/".length, line.indexOf(" b/")));
    } else if (!counting || line.startsWith("---") || line.startsWith("+++")) {
      continue;
    } else if (line.startsWith("-")) removed++;
    else if (line.startsWith("+")) added++;
  }
  return { removed, added };
}

/** `<flag>.patch`, with characters a file name cannot hold replaced, unique within the set. */
function patchName(flag: string, taken: ReadonlyMap<string, string>): string {
  const base = flag.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
  let name = `${base}.patch`;
  for (let count = 2; taken.has(name) || name === "index.json"; count++) name = `${base}-${count}.patch`;
  return name;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
