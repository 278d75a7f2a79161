// A whole-project run: walk, pair files with registries, detect, check, summarise.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_POLICY, findRegistry, loadRegistry, RegistryError, type RegistryProblem } from "../registry/index.js";
import {
  analyzeSource,
  buildConstantIndex,
  collectExportedConstants,
  getParseError,
  mayNeedAnalysis,
  parseSource,
  type ConstantIndex,
} from "../detect/index.js";
import { applyDirectives, checkFile, checkRegistry, flagState, parseErrorFinding } from "../checks/index.js";
import { UsageError } from "../clock.js";
import type { DetectConfig, FileAnalysis, Finding, FlagReference, FlagSummary, ParseFailure, ProjectResult, Registry } from "../types.js";
import { walkProject } from "./files.js";
import { changedFilesSince, inferCreatedDates } from "./git.js";

export interface ProjectOptions {
  cwd: string;
  /** Files or folders to check, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** An explicit registry that governs every file (`--registry`). */
  registry?: string;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /** Called after each file, for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
  /**
   * A git ref (`--changed-since`): the result covers only the files changed since the merge base
   * with it. The whole project is still scanned, so no-unused-flag and cross-file keys stay right;
   * see narrowToChange for what is kept.
   */
  changedSince?: string;
  /**
   * Date flags whose entry has no `created` from git history, for the summaries (`report`):
   * `FlagSummary.createdInferred` marks them. Findings never use an inferred date.
   */
  createdFromGit?: boolean;
}

/** How many locations of a flag the summary keeps. */
const SUMMARY_LOCATIONS = 5;

type Located = FlagReference & { file: string };

export function analyzeProject(options: ProjectOptions): ProjectResult {
  const walk = walkProject({ cwd: options.cwd, paths: options.paths });
  if (walk.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${walk.missing.join(", ")} (paths are relative to ${options.cwd})`);
  }
  // Asked before the scan, so a bad ref fails at once.
  const changed = options.changedSince === undefined ? undefined : changedFilesSince(options.cwd, options.changedSince);

  const registries = new RegistrySet(options.cwd, options.registry);
  for (const file of walk.registries) registries.add(file);

  const governed: Array<{ file: string; registry: Registry }> = [];
  for (const file of walk.files) {
    const registry = registries.forFile(file);
    if (registry) governed.push({ file, registry });
  }
  registries.throwProblems();
  if (registries.all().length === 0) {
    throw new UsageError(
      `no feature-flags.yaml found for ${options.paths.join(" ") || "."} or any folder above it ` +
        `(hint: create one with \`flaglint init\`, or pass --registry PATH)`,
    );
  }

  const findings: Finding[] = [];
  const references: Located[] = [];
  const analyses = new Map<string, { analysis: FileAnalysis; registry: Registry }>();
  let parsed = 0;

  governed.forEach(({ file, registry }, index) => {
    const analysis = analyzeFile(file, registry);
    if (analysis) {
      parsed++;
      analyses.set(file, { analysis, registry });
    }
    options.onProgress?.(index + 1, governed.length);
  });

  resolveKeysAcrossFiles(analyses, walk.files);

  for (const [file, { analysis, registry }] of analyses) {
    if (analysis.parseError) {
      findings.push({ ...parseErrorFinding(file, analysis.parseError), registry: registry.path });
      continue;
    }
    for (const reference of analysis.references) references.push({ ...reference, file });
    const fileFindings = checkFile({ file, analysis, registry, now: options.now, ticketAt: "registry" });
    findings.push(...applyDirectives(fileFindings, analysis.directives));
  }

  for (const registry of registries.all()) {
    const own = references.filter((reference) => registries.governs(registry, reference.file));
    findings.push(...checkRegistry({ registry, references: own, now: options.now }));
  }

  findings.sort(byLocation);
  references.sort(byLocation);
  const errors = findings.filter((finding) => finding.severity === "error").length;

  const result: ProjectResult = {
    cwd: options.cwd,
    now: options.now,
    registries: registries.all().map((registry) => registry.path),
    findings,
    references,
    flags: summariseFlags(registries, references, options.now, options.createdFromGit === true),
    summary: {
      files: governed.length,
      parsed,
      references: references.length,
      errors,
      warnings: findings.length - errors,
    },
  };
  return changed ? narrowToChange(result, changed.files, registries) : result;
}

/** Detects flag checks in one file; `undefined` when the pre-filter shows there is nothing to find. */
function analyzeFile(file: string, registry: Registry, constants?: ConstantIndex): FileAnalysis | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return { references: [], notes: [], directives: [], parseError: { line: 1, column: 1, message: `cannot read file: ${(error as Error).message}` } };
  }
  if (!constants && !mayNeedAnalysis(text, registry.detect)) return undefined;
  const sourceFile = parseSource(text, file);
  const parseError = getParseError(sourceFile);
  if (parseError) return { references: [], notes: [], directives: [], parseError };
  return analyzeSource(sourceFile, registry.detect, {
    constants,
    registryDir: registry.dir,
    registryKeys: keysOf(registry),
  });
}

const registryKeys = new WeakMap<Registry, ReadonlySet<string>>();

/** One key set per registry: detection caches its `keyCase` maps per set. */
function keysOf(registry: Registry): ReadonlySet<string> {
  let keys = registryKeys.get(registry);
  if (!keys) {
    keys = new Set(registry.flags.keys());
    registryKeys.set(registry, keys);
  }
  return keys;
}

/**
 * Keys named by a constant that another file exports (`import { Flags } from "@acme/shared"`)
 * stay dynamic after the per-file pass. Only then is the project-wide index built, from the
 * files that export one of the names in question, and only the affected files analysed again.
 */
function resolveKeysAcrossFiles(
  analyses: Map<string, { analysis: FileAnalysis; registry: Registry }>,
  allFiles: readonly string[],
): void {
  const pending = [...analyses].filter(([, { analysis }]) =>
    analysis.references.some((reference) => reference.dynamic && /^[A-Za-z_$][\w$]*/.test(reference.keyText)),
  );
  if (pending.length === 0) return;

  const names = new Set<string>();
  for (const [, { analysis }] of pending) {
    for (const reference of analysis.references) {
      const head = /^[A-Za-z_$][\w$]*/.exec(reference.keyText);
      if (reference.dynamic && head) names.add(head[0]);
    }
  }
  const exported = [];
  for (const file of allFiles) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    if (!text.includes("export") || ![...names].some((name) => text.includes(name))) continue;
    const sourceFile = parseSource(text, file);
    if (!getParseError(sourceFile)) exported.push(...collectExportedConstants(sourceFile));
  }
  if (exported.length === 0) return;

  const constants = buildConstantIndex(exported);
  for (const [file, entry] of pending) {
    const analysis = analyzeFile(file, entry.registry, constants);
    if (analysis) entry.analysis = analysis;
  }
}

function summariseFlags(registries: RegistrySet, references: readonly Located[], now: string, createdFromGit: boolean): FlagSummary[] {
  const summaries: FlagSummary[] = [];
  const known = new Set<string>();

  for (const registry of registries.all()) {
    const own = references.filter((reference) => registries.governs(registry, reference.file));
    const inferred = createdFromGit ? createdDatesFromGit(registry, registries) : undefined;
    for (const flag of registry.flags.values()) {
      known.add(`${registry.path}\0${flag.key}`);
      const checks = own.filter((reference) => reference.flag === flag.key);
      const created = flag.created ?? inferred?.get(flag.key);
      const standing = flagState({ ...flag, created }, registry.policy, now, checks.length);
      summaries.push({
        key: flag.key,
        known: true,
        type: flag.type,
        owner: flag.owner,
        created,
        ...(flag.created === undefined && created !== undefined ? { createdInferred: true } : {}),
        removeBy: standing.deadline,
        ticket: flag.ticket,
        description: flag.description,
        status: flag.status,
        state: standing.state,
        daysLeft: standing.daysLeft,
        references: checks.length,
        locations: locations(checks),
        registry: registry.path,
      });
    }
  }

  const unknown = new Map<string, Located[]>();
  for (const reference of references) {
    if (reference.flag === null) continue;
    const registry = registries.forFile(reference.file);
    if (!registry || known.has(`${registry.path}\0${reference.flag}`)) continue;
    const id = `${registry.path}\0${reference.flag}`;
    unknown.set(id, [...(unknown.get(id) ?? []), reference]);
  }
  for (const [id, checks] of unknown) {
    const registry = id.slice(0, id.indexOf("\0"));
    summaries.push({
      key: checks[0]!.flag!,
      known: false,
      state: "unknown",
      daysLeft: null,
      references: checks.length,
      locations: locations(checks),
      registry,
    });
  }
  return summaries;
}

/** Git's dates for the flags the registry does not date; nested registries' folders are not searched. */
function createdDatesFromGit(registry: Registry, registries: RegistrySet): Map<string, string> {
  const undated = [...registry.flags.values()].filter((flag) => flag.created === undefined).map((flag) => flag.key);
  const nested = registries
    .all()
    .filter((other) => other !== registry && isInside(other.dir, registry.dir))
    .map((other) => other.dir);
  return inferCreatedDates({ registry: registry.path, keys: undated, excludeDirs: nested });
}

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * `--changed-since`: keeps what the change touches. Findings in changed files; a registry's own
 * findings (require-removal-ticket, no-unused-flag) only when the registry file changed, since
 * they sit in it; the references in changed files; the flags those references check, and every
 * flag of a changed registry. The error and warning counts follow; `files` and `parsed` still
 * count the whole scan.
 */
function narrowToChange(result: ProjectResult, changed: ReadonlySet<string>, registries: RegistrySet): ProjectResult {
  const findings = result.findings.filter((finding) => changed.has(finding.file));
  const references = result.references.filter((reference) => changed.has(reference.file));
  const checked = new Set(
    references.map((reference) => `${registries.forFile(reference.file)?.path ?? ""}\0${reference.flag ?? ""}`),
  );
  const flags = result.flags.filter(
    (flag) => (flag.registry !== undefined && changed.has(flag.registry)) || checked.has(`${flag.registry ?? ""}\0${flag.key}`),
  );
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return {
    ...result,
    findings,
    references,
    flags,
    summary: { ...result.summary, references: references.length, errors, warnings: findings.length - errors },
  };
}

export interface ScanOptions {
  cwd: string;
  /** Files or folders to scan, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** What counts as a flag check. */
  detect: DetectConfig;
  /** Absolute folder that `./path` modules in `detect.calls` are relative to. */
  dir: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ScanResult {
  /** Source files walked. */
  files: number;
  references: Located[];
  parseErrors: Array<ParseFailure & { file: string }>;
}

/**
 * Every flag check in the files, found with `detect` and no registry (what `flaglint init` needs
 * to write one): keys are resolved across files as in analyzeProject, nothing is checked.
 */
export function scanFlagChecks(options: ScanOptions): ScanResult {
  const walk = walkProject({ cwd: options.cwd, paths: options.paths });
  if (walk.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${walk.missing.join(", ")} (paths are relative to ${options.cwd})`);
  }
  const registry: Registry = {
    path: path.join(options.dir, "feature-flags.yaml"),
    dir: options.dir,
    detect: options.detect,
    policy: DEFAULT_POLICY,
    flags: new Map(),
  };
  const analyses = new Map<string, { analysis: FileAnalysis; registry: Registry }>();
  walk.files.forEach((file, index) => {
    const analysis = analyzeFile(file, registry);
    if (analysis) analyses.set(file, { analysis, registry });
    options.onProgress?.(index + 1, walk.files.length);
  });
  resolveKeysAcrossFiles(analyses, walk.files);

  const references: Located[] = [];
  const parseErrors: ScanResult["parseErrors"] = [];
  for (const [file, { analysis }] of analyses) {
    if (analysis.parseError) parseErrors.push({ ...analysis.parseError, file });
    for (const reference of analysis.references) references.push({ ...reference, file });
  }
  references.sort(byLocation);
  return { files: walk.files.length, references, parseErrors };
}

function locations(checks: readonly Located[]): FlagSummary["locations"] {
  return checks.slice(0, SUMMARY_LOCATIONS).map(({ file, line, column }) => ({ file, line, column }));
}

function byLocation(a: { file: string; line: number; column: number }, b: typeof a): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** The registries of one run: an explicit one, or the nearest one above each file. */
class RegistrySet {
  private readonly loaded = new Map<string, Registry>();
  private readonly problems: RegistryProblem[] = [];
  private readonly nearest = new Map<string, string | undefined>();
  private readonly explicit?: string;

  constructor(cwd: string, explicit?: string) {
    if (explicit) {
      this.explicit = path.resolve(cwd, explicit);
      if (!fs.existsSync(this.explicit)) throw new UsageError(`--registry ${explicit}: no such file`);
      this.add(this.explicit);
    }
  }

  add(file: string): Registry | undefined {
    if (this.explicit && file !== this.explicit) return undefined;
    const cached = this.loaded.get(file);
    if (cached) return cached;
    try {
      const registry = loadRegistry(file);
      this.loaded.set(file, registry);
      return registry;
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      if (!this.problems.some((problem) => problem.file === file)) this.problems.push(...error.problems);
      return undefined;
    }
  }

  forFile(file: string): Registry | undefined {
    if (this.explicit) return this.loaded.get(this.explicit);
    const dir = path.dirname(file);
    if (!this.nearest.has(dir)) this.nearest.set(dir, findRegistry(dir));
    const registryPath = this.nearest.get(dir);
    return registryPath ? this.add(registryPath) : undefined;
  }

  governs(registry: Registry, file: string): boolean {
    return this.forFile(file) === registry;
  }

  all(): Registry[] {
    return [...this.loaded.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  throwProblems(): void {
    if (this.problems.length > 0) throw new RegistryError(this.problems);
  }
}
