// Finds the source files and registries a run covers, honouring .gitignore files.
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { isWithin, relativeTo, staysWithin } from "../paths.js";
import { REGISTRY_FILE_NAMES } from "../registry/index.js";

export const SOURCE_EXTENSIONS: readonly string[] = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Folders that never hold code to lint, whatever .gitignore says. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "coverage"]);

export interface WalkResult {
  /** Absolute paths of source files, sorted. */
  files: string[];
  /** Absolute paths of registry files met on the way, sorted. */
  registries: string[];
  /** Paths the caller named that do not exist. */
  missing: string[];
  /**
   * Every folder walked, with the registry file names it lists (ignored or not, so that the
   * nearest registry is found as findRegistry finds it, without a look at the disk per folder).
   */
  folders: Map<string, string[]>;
  /** Every folder walked, with what its listing says to module resolution (see FolderListing). */
  listings: Map<string, FolderListing>;
}

/**
 * What a folder's listing, read by the walk, holds of the files module resolution asks about:
 * source files and the manifests it reads (ignored or not: they exist), and the symbolic links,
 * which only a look at the disk can follow. Resolution then asks the disk only about folders the
 * walk did not read (ignored ones, those above the scanned tree).
 */
export interface FolderListing {
  files: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

/** The files other than sources that module resolution reads, when a folder has them. */
export const RESOLUTION_MANIFESTS: ReadonlySet<string> = new Set(["tsconfig.json", "jsconfig.json", "package.json", "pnpm-workspace.yaml"]);

export interface WalkOptions {
  cwd: string;
  /** Files or folders, relative to cwd or absolute; empty means cwd. */
  paths: readonly string[];
  /**
   * `--cache`: what an earlier walk of the same folder read, given the state of the .gitignore
   * files above it (see WalkMemo).
   */
  memo?: (root: string, ancestors: string) => WalkMemo | undefined;
}

/**
 * What a walk read of one folder. A folder's entries change only with its own mtime and ctime
 * (a file added, removed or renamed in it; editing a file does not touch its folder), so while
 * those and its .gitignore are the same, the next walk takes this record instead of reading it.
 */
export interface FolderRecord {
  /** The folder's `mtimeMs:ctimeMs:size:ino`, taken before it was read. */
  state: string;
  /** The later of its mtime and ctime: a record made in the same instant as a change is not replayed (WalkMemo). */
  changedAt: number;
  /** Its .gitignore's `mtimeMs:ctimeMs:size:ino`, when it has one. */
  gitignore?: string;
  /** Names of its symbolic links (FolderListing.links), when it has any. */
  links?: readonly string[];
  /**
   * Those of its links named as a source file or a registry and not ignored: whether each is kept
   * depends on its target, which changes without the folder, so a replay asks again (isFileInside).
   */
  linkCandidates?: readonly string[];
  /** Names of the source files kept (not ignored), but for links. */
  sources: readonly string[];
  /** Names of the subfolders walked. */
  subfolders: readonly string[];
  /** Registry file names it lists, ignored or not (WalkResult.folders). */
  registries: readonly string[];
  /** Those of them kept, but for links. */
  keptRegistries: readonly string[];
  /** FolderListing.files. */
  resolvable: readonly string[];
}

/** The records of an earlier walk of one folder, and where this walk leaves its own (FileCache). */
export interface WalkMemo {
  /** The earlier walk's record of `dir`; `replayable` is false when it may have missed a change made as it was taken. */
  earlier(dir: string): { record: FolderRecord; replayable: boolean } | undefined;
  record(dir: string, record: FolderRecord): void;
  /** `dir` holds what its earlier record says (the walk took the record): it is kept as it is. */
  keep(dir: string): void;
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
  /**
   * A path none of whose text this matches cannot be ignored here: every rule that ignores (not
   * `!…`) has a literal part that any path it matches contains. `undefined` when a rule has none
   * (`*`, an escape): then every path is tested.
   */
  mayIgnore: RegExp | undefined;
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith(".d.ts");
}

export function walkProject(options: WalkOptions): WalkResult {
  const files = new Set<string>();
  const registries = new Set<string>();
  const folders = new Map<string, string[]>();
  const listings = new Map<string, FolderListing>();
  const missing: string[] = [];
  const targets = options.paths.length > 0 ? options.paths : ["."];

  for (const target of targets) {
    const absolute = path.resolve(options.cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    if (stat.isFile()) {
      // A file named explicitly is linted even when ignored, as ESLint does with a warning.
      if (isSourceFile(absolute)) files.add(absolute);
      else if (REGISTRY_FILE_NAMES.includes(path.basename(absolute))) registries.add(absolute);
      continue;
    }
    const above = ancestorIgnoreFolders(absolute);
    const memo = options.memo?.(absolute, above.map((dir) => `${dir}:${stateOf(path.join(dir, ".gitignore"))?.state ?? "-"}`).join("|"));
    walkDirectory(absolute, absolute, new IgnoreRules(undefined, above), { files, registries, folders, listings }, memo);
  }

  return { files: [...files].sort(), registries: [...registries].sort(), missing, folders, listings };
}

interface Found {
  files: Set<string>;
  registries: Set<string>;
  folders: Map<string, string[]>;
  listings: Map<string, FolderListing>;
}

function walkDirectory(dir: string, root: string, rules: IgnoreRules, found: Found, memo: WalkMemo | undefined): void {
  const earlier = memo?.earlier(dir);
  if (earlier !== undefined && earlier.replayable) {
    const { record } = earlier;
    const gitignore = record.gitignore === undefined ? undefined : stateOf(path.join(dir, ".gitignore"))?.state;
    if (gitignore === record.gitignore && stateOf(dir)?.state === record.state) {
      replay(dir, root, record, found);
      memo!.keep(dir);
      const below = record.gitignore === undefined ? rules : rules.with(dir);
      for (const name of record.subfolders) walkDirectory(childPath(dir, name), root, below, found, memo);
      return;
    }
  }
  // Taken before the listing: a change made while it is read shows as a new state next time.
  const state = memo === undefined ? undefined : stateOf(dir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing in it can be linted
  }
  const { folders, listings } = found;
  const listedRegistries = entries.map((entry) => entry.name).filter((name) => REGISTRY_FILE_NAMES.includes(name));
  folders.set(dir, listedRegistries);
  const listed = new Set<string>();
  const links = new Set<string>();
  listings.set(dir, { files: listed, links });
  // Most folders have no .gitignore: the listing says so without a failed read per folder.
  const hasRules = entries.some((entry) => entry.name === ".gitignore");
  const active = hasRules ? rules.with(dir) : rules;
  const rulesFile = memo !== undefined && hasRules ? stateOf(path.join(dir, ".gitignore")) : undefined;
  const gitignore = rulesFile?.state;
  // Other rules here than the earlier walk had (or no earlier record to tell): what it kept below
  // may differ, so nothing below is replayed.
  const below = memo !== undefined && (earlier === undefined || earlier.record.gitignore !== gitignore) ? recordingOnly(memo) : memo;
  const sources: string[] = [];
  const subfolders: string[] = [];
  const keptRegistries: string[] = [];
  const linkCandidates: string[] = [];

  for (const entry of entries) {
    const name = entry.name;
    const full = childPath(dir, name);
    if (entry.isDirectory()) {
      if (name.startsWith(".") || SKIPPED_DIRS.has(name) || isIgnored(active.get(), full, true)) continue;
      subfolders.push(name);
      walkDirectory(full, root, active, found, below);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Only a source file or a registry is kept, so only they are followed and tested against the ignore rules.
      const source = isSourceFile(name);
      if (entry.isSymbolicLink()) links.add(name);
      else if (source || RESOLUTION_MANIFESTS.has(name)) listed.add(name);
      if (!source && !REGISTRY_FILE_NAMES.includes(name)) continue;
      if (isIgnored(active.get(), full, false)) continue;
      if (entry.isSymbolicLink()) {
        linkCandidates.push(name);
        keepLink(dir, name, root, found);
        continue;
      }
      keep(full, source, found);
      (source ? sources : keptRegistries).push(name);
    }
    // Symlinked folders are not followed: they loop or lead outside the scanned tree.
  }
  if (memo !== undefined && state !== undefined) {
    memo.record(dir, {
      state: state.state,
      changedAt: Math.max(state.changedAt, rulesFile?.changedAt ?? 0),
      ...(gitignore === undefined ? {} : { gitignore }),
      ...(links.size > 0 ? { links: [...links] } : {}),
      ...(linkCandidates.length > 0 ? { linkCandidates } : {}),
      sources,
      subfolders,
      registries: listedRegistries,
      keptRegistries,
      resolvable: [...listed],
    });
  }
}

/** `dir` is absolute and normal, and a name has no separator: nothing for path.join to do. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** A kept source file or registry. */
function keep(file: string, source: boolean, found: Found): void {
  if (source) found.files.add(file);
  else found.registries.add(file);
}

/** A link named as a source file or a registry (not ignored), kept while its target is a file inside the walked tree. */
function keepLink(dir: string, name: string, root: string, found: Found): void {
  const full = childPath(dir, name);
  if (isFileInside(full, root)) keep(full, isSourceFile(name), found);
}

/** What reading `dir` again would find, from its record: its links' targets are looked at again. */
function replay(dir: string, root: string, record: FolderRecord, found: Found): void {
  for (const name of record.sources) found.files.add(childPath(dir, name));
  for (const name of record.keptRegistries) found.registries.add(childPath(dir, name));
  for (const name of record.linkCandidates ?? []) keepLink(dir, name, root, found);
  found.folders.set(dir, [...record.registries]);
  found.listings.set(dir, new RecordedListing(record.resolvable, record.links));
}

const NO_LINKS: ReadonlySet<string> = new Set();

/** A replayed folder's listing: few are ever asked about, so its sets are made when one is. */
class RecordedListing implements FolderListing {
  private filesSet: ReadonlySet<string> | undefined;
  private linksSet: ReadonlySet<string> | undefined;

  constructor(
    private readonly names: readonly string[],
    private readonly linkNames: readonly string[] | undefined,
  ) {}

  get files(): ReadonlySet<string> {
    return (this.filesSet ??= new Set(this.names));
  }

  get links(): ReadonlySet<string> {
    return (this.linksSet ??= this.linkNames === undefined ? NO_LINKS : new Set(this.linkNames));
  }
}

const recordingOnlyMemos = new WeakSet<WalkMemo>();

/** A memo that records this walk and replays nothing of the earlier one (one such is not wrapped again below it). */
function recordingOnly(memo: WalkMemo): WalkMemo {
  if (recordingOnlyMemos.has(memo)) return memo;
  const only: WalkMemo = { earlier: () => undefined, record: (dir, record) => memo.record(dir, record), keep: (dir) => memo.keep(dir) };
  recordingOnlyMemos.add(only);
  return only;
}

/** A folder's or file's `mtimeMs:ctimeMs:size:ino`, and the later of its two times; undefined when it is not there. */
function stateOf(file: string): { state: string; changedAt: number } | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat === undefined ? undefined : { state: `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}`, changedAt: Math.max(stat.mtimeMs, stat.ctimeMs) };
}

/** The rules in force in a folder: the .gitignore files of its ancestors and its own, read the first time a path is tested. */
class IgnoreRules {
  private scopes: readonly IgnoreScope[] | undefined;

  constructor(
    private readonly parent: IgnoreRules | undefined,
    private readonly dirs: readonly string[],
  ) {}

  /** These and the rules of `dir`'s .gitignore. */
  with(dir: string): IgnoreRules {
    return new IgnoreRules(this, [dir]);
  }

  get(): readonly IgnoreScope[] {
    return (this.scopes ??= [
      ...(this.parent?.get() ?? []),
      ...this.dirs.map(readIgnoreScope).filter((scope): scope is IgnoreScope => scope !== undefined),
    ]);
  }
}

function isFileInside(link: string, root: string): boolean {
  try {
    const target = fs.realpathSync(link);
    const realRoot = fs.realpathSync(root);
    return fs.statSync(target).isFile() && isWithin(target, realRoot);
  } catch {
    return false;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], full: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const relative = relativeTo(scope.base, full);
    if (!relative || !staysWithin(relative)) continue;
    // Most paths match no rule; one search for the rules' literal parts says so faster than the rules.
    if (scope.mayIgnore !== undefined && !scope.mayIgnore.test(relative)) continue;
    if (scope.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function readIgnoreScope(dir: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ".gitignore"), "utf8");
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore().add(text), mayIgnore: literalSearch(text) };
}

function longest(parts: readonly string[]): string {
  return parts.reduce((best, part) => (part.length > best.length ? part : best), "");
}

/**
 * One case-insensitive search for the longest literal part of each ignoring rule of a .gitignore
 * text (`*.log` -> `.log`, `/dist/` -> `dist`, `**​/cache/*.tmp` -> `cache/`): a rule can only
 * match a path that contains it (the `ignore` package matches case-insensitively too). Rules that
 * un-ignore (`!keep`) cannot make a path ignored and need no part. `undefined` when some rule has
 * no literal part, or an escape this does not read.
 */
export function literalSearch(text: string): RegExp | undefined {
  const parts: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const pattern = line.replace(/^\uFEFF/, "").trimEnd();
    if (pattern === "" || pattern.startsWith("#") || pattern.startsWith("!")) continue;
    if (pattern.includes("\\")) return undefined;
    // A bracket is a class of characters, a slash may stand for none (`**/x` matches `x`): only
    // what lies between them must be in the path. Any of those parts would do; the last segment's
    // says most (`frontend/build`: `build`, where every path of the front end has `frontend`).
    const segments = pattern.replace(/\[[^\]]*\]?/g, "*").split("/").filter((segment) => segment !== "");
    const literal = longest((segments[segments.length - 1] ?? "").split(/[*?]+/)) || longest(segments.flatMap((segment) => segment.split(/[*?]+/)));
    if (literal === "") return undefined;
    parts.push(literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  }
  return parts.length === 0 ? /(?!)/ : new RegExp([...new Set(parts)].join("|"), "i");
}

/**
 * The folders above a scanned folder whose .gitignore files still apply to it (running on
 * `packages/app` honours the repository root's .gitignore), from the repository's root down.
 * Outside a git repository only the folder's own .gitignore files count, since there is no root
 * to stop at.
 */
function ancestorIgnoreFolders(dir: string): string[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let repositoryRoot: string | undefined;
  if (fs.existsSync(path.join(dir, ".git"))) return [];
  while (true) {
    chain.push(current);
    if (fs.existsSync(path.join(current, ".git"))) {
      repositoryRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!repositoryRoot) return [];
  return chain.reverse();
}
