// `cleanupProject`: every check of one flag in a project, rewritten together or not at all.
import fs from "node:fs";
import path from "node:path";
import { nearestKey } from "../checks/nearest-key.js";
import { UsageError } from "../clock.js";
import { AnalysisContext, analyzeSource, parseSource } from "../detect/index.js";
import { analyzeProject } from "../project/analyze.js";
import { loadRegistry, NearestRegistry } from "../registry/index.js";
import { isWithin } from "../paths.js";
import { pathsCover } from "../project/scope.js";
import type { FlagReference, ProjectResult, Registry } from "../types.js";
import { cleanupSource, type ManualSpot } from "./engine.js";
import { removeGates } from "./gates.js";
import { archiveFlagInRegistry, flagFunctions, type ArchivedStatus } from "./registry.js";
import { isKeyAsData } from "./single-check.js";
import type { FlagValue } from "./value.js";

/** What cleanup reads and writes; tests pass one that fails on purpose. */
export interface CleanupFileSystem {
  readFile(file: string): string;
  /** Replaces a file's content atomically: a temporary file in the same folder, then a rename. */
  writeFile(file: string, content: string): void;
  /** Throws when the file cannot be rewritten. */
  checkWritable(file: string): void;
  realPath(file: string): string;
}

export interface CleanupOptions {
  cwd: string;
  /** Files or folders, relative to cwd; empty means cwd. */
  paths: readonly string[];
  flag: string;
  value: FlagValue;
  /** An explicit registry that governs every file (`--registry`). */
  registry?: string;
  /** Compute everything, write nothing. */
  dryRun: boolean;
  /** Today, `YYYY-MM-DD`: the scan is `check`'s, with its findings of that day. */
  now: string;
  fileSystem?: CleanupFileSystem;
  /**
   * A scan of the same files already made (with no size limit), to reuse: `cleanup --all` cleans
   * up many flags from one scan.
   */
  analysis?: ProjectResult;
}

/** A file's text before and after. Paths are absolute. */
export interface FileChange {
  file: string;
  before: string;
  after: string;
}

export interface CleanupSpot extends ManualSpot {
  file: string;
}

export interface RegistryChange extends FileChange {
  status: ArchivedStatus;
}

export interface CleanupResult {
  flag: string;
  value: FlagValue;
  /** How many checks of the flag detection found. */
  references: number;
  /** Source files the cleanup rewrites (or would, with dryRun). */
  files: FileChange[];
  /** Places left for a person, with why. */
  manual: CleanupSpot[];
  /** The registry entry marked archived (retired while checks are left in code). */
  registry: RegistryChange[];
  /** Whether the changes were written. */
  written: boolean;
  /** Why nothing was written although there were changes: a file that could not be rewritten. */
  blocked?: string;
}

export function cleanupProject(options: CleanupOptions): CleanupResult {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  // No size limit: a file left unread could still check the flag, and the entry would be archived wrongly.
  const analysis =
    options.analysis ??
    analyzeProject({
      cwd: options.cwd,
      paths: options.paths,
      registry: options.registry,
      now: options.now,
      maxFileBytes: Infinity,
    });
  const registries = analysis.registries.map((file) => loadRegistry(file));
  const listing = registries.filter((registry) => registry.flags.has(options.flag));
  if (listing.length === 0) throw unknownFlag(options.flag, registries);

  const explicit = options.registry ? path.resolve(options.cwd, options.registry) : undefined;
  const governing = governingRegistry(explicit, listing);
  const governed = (file: string): boolean => governing(file) !== undefined;
  const contextOf = runContexts();
  const bySite = new Map<string, FlagReference[]>();
  const gatesByFile = new Map<string, Array<FlagReference & { file: string }>>();
  const manual: CleanupSpot[] = [];
  let references = 0;
  let leftInCode = false;

  const realFile = realPaths(fileSystem);
  for (const reference of onceEach(analysis.references, realFile)) {
    if (!governed(reference.file)) continue;
    if (reference.flag === null) {
      manual.push(spot(reference, `the key \`${reference.keyText}\` is computed at run time: this check might be ${options.flag}`));
    } else if (reference.flag === options.flag) {
      references++;
      if (reference.matcher.startsWith("jsx[")) {
        gatesByFile.set(reference.file, [...(gatesByFile.get(reference.file) ?? []), reference]);
      } else if (isKeyAsData(reference.kind)) {
        leftInCode = true;
        manual.push(spot(reference, `the flag's key is used as data here (\`${reference.keyText}\`), not its value: remove it by hand`));
      } else {
        bySite.set(reference.file, [...(bySite.get(reference.file) ?? []), reference]);
      }
    }
  }

  const failures: string[] = [];
  for (const finding of onceEach(analysis.findings, realFile)) {
    if (finding.rule !== "parse-error" || !governed(finding.file)) continue;
    if (finding.messageId === "cannotRead") {
      // Nobody can tell whether it checks the flag: the flag is not gone from the code for sure.
      leftInCode = true;
      manual.push({ file: finding.file, line: 1, column: 1, reason: `the file cannot be read (${String(finding.data.problem)}): it may check ${options.flag}` });
      continue;
    }
    // A file that does not parse may check the flag in a way nobody can see: do not guess.
    if (!readOrEmpty(fileSystem, finding.file).includes(options.flag)) continue;
    leftInCode = true;
    failures.push(finding.file);
    manual.push({ file: finding.file, line: finding.line, column: finding.column, reason: `the file does not parse (${finding.message}) and mentions ${options.flag}` });
  }

  const files: FileChange[] = [];
  for (const [file, gates] of gatesByFile) {
    // A file with other checks of the flag too is rewritten by the engine; its gates wait for a person.
    if (bySite.has(file)) {
      leftInCode = true;
      const keep = options.value ? "keep its children and remove the element" : "remove the element with its children";
      for (const gate of gates) manual.push(spot(gate, `a component gate (\`${gate.keyText}\`) in a file with other checks of the flag: ${keep} by hand`));
      continue;
    }
    const before = fileSystem.readFile(file);
    const result = removeGates(before, file, gates, options.value);
    for (const place of result.manual) manual.push({ file, ...place });
    if (result.failed) failures.push(file);
    if (result.failed || result.manual.length > 0) leftInCode = true;
    else if (result.changed) files.push({ file, before, after: result.text });
  }
  for (const [file, sites] of bySite) {
    const before = fileSystem.readFile(file);
    const result = cleanupSource(before, file, sites, options.value, { flag: options.flag });
    for (const place of result.manual) manual.push({ file, ...place });
    if (result.failed) failures.push(file);
    if (result.failed || stillChecks(result.text, file, contextOf(governing(file)!), options.flag)) leftInCode = true;
    else if (result.changed) files.push({ file, before, after: result.text });
  }

  // Paths that cover part of a registry's tree: the checks outside them keep the entry as it is.
  const elsewhere = checksOutside(options, analysis, listing, governing, realFile);
  manual.push(...elsewhere);

  // A function that stands for the flag (`flag({ key })` of the Flags SDK) outlives its calls.
  for (const entry of listing) manual.push(...flagFunctionSpots(entry, fileSystem, options.flag));

  const status: ArchivedStatus = leftInCode ? "retired" : "archived";
  const registry: RegistryChange[] = [];
  for (const entry of listing) {
    if (elsewhere.some((place) => governing(place.file) === entry)) continue;
    const before = fileSystem.readFile(entry.path);
    const after = archiveFlagInRegistry(before, entry.path, options.flag, status);
    if (after !== before) registry.push({ file: entry.path, before, after, status });
  }

  manual.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const result: CleanupResult = { flag: options.flag, value: options.value, references, files, manual, registry, written: false };
  if (failures.length > 0) {
    result.blocked = `${failures.map((file) => relative(options.cwd, file)).join(", ")} could not be rewritten, so no file was changed`;
    return result;
  }
  const changes = [...files, ...registry];
  if (options.dryRun || changes.length === 0) return result;

  const outside = changes.find((change) => !isInside(fileSystem, change.file, roots(options, explicit)));
  if (outside) {
    result.blocked = `${relative(options.cwd, outside.file)} is outside the folders being cleaned up, so no file was changed`;
    return result;
  }
  writeAll(changes, fileSystem, options.cwd);
  result.written = true;
  return result;
}

/**
 * The checks of the flag in the trees of the listing registries that the paths left out: a run on
 * `src/z` must not archive an entry that `src/y` still checks. Only registries the run saw in part
 * are scanned again, in full.
 */
function checksOutside(
  options: CleanupOptions,
  analysis: ProjectResult,
  listing: readonly Registry[],
  governing: (file: string) => Registry | undefined,
  realFile: (file: string) => string,
): CleanupSpot[] {
  const partial = new Set((analysis.scope ?? []).filter((note) => note.kind === "partial-registry").map((note) => note.path));
  const roots = listing.filter((registry) => partial.has(registry.path)).map((registry) => (options.registry ? options.cwd : registry.dir));
  if (roots.length === 0) return [];
  // No paths means the working folder, which may be part of the registry's tree.
  const inside = pathsCover(options.cwd, options.paths.length > 0 ? options.paths : ["."]);
  const whole = analyzeProject({
    cwd: options.cwd,
    paths: roots,
    registry: options.registry,
    now: options.now,
    maxFileBytes: Infinity,
  });
  return onceEach(whole.references, realFile)
    .filter((reference) => reference.flag === options.flag && !inside(reference.file) && governing(reference.file) !== undefined)
    .map((reference) => ({
      file: reference.file,
      line: reference.line,
      column: reference.column,
      reason: `still checks ${options.flag} outside the paths cleaned up: its registry entry stays until this goes too`,
    }));
}

/** A file's real path (symlinks resolved), or the path itself when it has none. */
function realPaths(fileSystem: CleanupFileSystem): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let real = known.get(file);
    if (real === undefined) {
      try {
        real = fileSystem.realPath(file);
      } catch {
        real = file;
      }
      known.set(file, real);
    }
    return real;
  };
}

/**
 * A file that a symlink inside the project points to is walked under both names: its checks are
 * taken once, under one name (its real one when that was walked), so it is rewritten once; the
 * write goes through the link (see linkTarget), which stays a link.
 */
function onceEach<T extends { file: string }>(items: readonly T[], realFile: (file: string) => string): T[] {
  const nameOf = new Map<string, string>();
  for (const { file } of items) {
    const real = realFile(file);
    if (!nameOf.has(real) || file === real) nameOf.set(real, file);
  }
  return items.filter(({ file }) => nameOf.get(realFile(file)) === file);
}

/** The registry that governs a file, when it lists the flag (another registry's same key is another flag). */
function governingRegistry(explicit: string | undefined, listing: readonly Registry[]): (file: string) => Registry | undefined {
  if (explicit) return () => listing[0];
  const byPath = new Map(listing.map((registry) => [registry.path, registry]));
  const nearest = new NearestRegistry();
  return (file) => {
    const registry = nearest.forFile(file);
    return registry === undefined ? undefined : byPath.get(registry);
  };
}

/** The run's AnalysisContext of each registry, made the first time a rewritten file asks for it. */
function runContexts(): (registry: Registry) => AnalysisContext {
  const contexts = new Map<Registry, AnalysisContext>();
  return (registry) => {
    let context = contexts.get(registry);
    if (context === undefined) contexts.set(registry, (context = AnalysisContext.of(registry)));
    return context;
  };
}

/** Whether detection still finds a check of the flag in the rewritten text. */
function stillChecks(text: string, file: string, context: AnalysisContext, flag: string): boolean {
  const analysis = analyzeSource(parseSource(text, file), context.detect, { context });
  return analysis.references.some((reference) => reference.flag === flag);
}

/** Where a person removes what a `key` matcher names: the function's declaration, and the matcher itself. */
function flagFunctionSpots(entry: Registry, fileSystem: CleanupFileSystem, flag: string): CleanupSpot[] {
  const registryText = readOrEmpty(fileSystem, entry.path);
  return flagFunctions(registryText, flag).map(({ name, line, column }) => ({
    file: entry.path,
    line,
    column,
    reason: `${name}() stands for ${flag} (this matcher): remove its declaration once nothing uses it, then this matcher`,
  }));
}

function unknownFlag(flag: string, registries: readonly Registry[]): UsageError {
  const keys = registries.flatMap((registry) => [...registry.flags.keys()]);
  const near = nearestKey(flag, keys);
  const where = registries.map((registry) => path.basename(registry.path)).join(", ") || "the registry";
  return new UsageError(`unknown flag "${flag}": ${where} does not list it` + (near ? ` (did you mean "${near}"?)` : ""));
}

/**
 * Writes every change or none: the files are checked for write access first, and if a write
 * still fails, the files already written get their old text back.
 */
function writeAll(changes: readonly FileChange[], fileSystem: CleanupFileSystem, cwd: string): void {
  for (const change of changes) {
    try {
      fileSystem.checkWritable(change.file);
    } catch (error) {
      throw new UsageError(`cannot write ${relative(cwd, change.file)}: ${reasonOf(error)}; no file was changed`);
    }
  }
  const written: FileChange[] = [];
  for (const change of changes) {
    try {
      fileSystem.writeFile(change.file, change.after);
      written.push(change);
    } catch (error) {
      const unrestored = restore(written, fileSystem);
      const note = unrestored.length === 0 ? "the files already written were restored" : `could not restore ${unrestored.map((file) => relative(cwd, file)).join(", ")}`;
      throw new UsageError(`cannot write ${relative(cwd, change.file)}: ${reasonOf(error)}; ${note}, no file was changed`);
    }
  }
}

function restore(written: readonly FileChange[], fileSystem: CleanupFileSystem): string[] {
  const failed: string[] = [];
  for (const change of [...written].reverse()) {
    try {
      fileSystem.writeFile(change.file, change.before);
    } catch {
      failed.push(change.file);
    }
  }
  return failed;
}

/**
 * The folders cleanup may write in: the working folder and the folders named (a file named
 * counts for its folder), and an explicit registry file. A symlink that leads out of them is
 * not followed for writing.
 */
function roots(options: CleanupOptions, explicit: string | undefined): string[] {
  const named = options.paths.map((target) => path.resolve(options.cwd, target));
  const folders = named.map((target) => (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : path.dirname(target)));
  return [options.cwd, ...folders, ...(explicit ? [explicit] : [])];
}

function isInside(fileSystem: CleanupFileSystem, file: string, folders: readonly string[]): boolean {
  let real: string;
  try {
    real = fileSystem.realPath(file);
  } catch {
    return false;
  }
  return folders.some((folder) => {
    let root: string;
    try {
      root = fileSystem.realPath(folder);
    } catch {
      return false;
    }
    return isWithin(real, root);
  });
}

function spot(reference: FlagReference & { file: string }, reason: string): CleanupSpot {
  return { file: reference.file, line: reference.line, column: reference.column, reason };
}

function readOrEmpty(fileSystem: CleanupFileSystem, file: string): string {
  try {
    return fileSystem.readFile(file);
  } catch {
    return "";
  }
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join("/");
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export const nodeFileSystem: CleanupFileSystem = {
  readFile: (file) => fs.readFileSync(file, "utf8"),
  writeFile(file, content) {
    const target = linkTarget(file);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.flaglint-${process.pid}.tmp`);
    try {
      const mode = fs.statSync(target, { throwIfNoEntry: false })?.mode;
      fs.writeFileSync(temporary, content, { flag: "wx" });
      if (mode !== undefined) fs.chmodSync(temporary, mode & 0o7777);
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  },
  checkWritable(file) {
    const target = linkTarget(file);
    // The rename needs the folder; a read-only file is a "do not touch" even though a rename could replace it.
    fs.accessSync(target, fs.constants.W_OK);
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
  },
  realPath: (file) => fs.realpathSync(file),
};

/** Through a symlink, the file it points to: a rename onto the link itself would replace it with a copy. */
function linkTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
