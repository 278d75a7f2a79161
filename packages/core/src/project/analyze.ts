// A whole-project run: walk, pair files with registries, detect, check, summarise.
import { availableParallelism } from "node:os";
import {
  applyDirectives,
  applyRegistryDirectives,
  applyRuleSettings,
  checkFile,
  checkRegistry,
  isIgnoredByRegistry,
  parseErrorFinding,
  unusedLineDirectives,
} from "../checks/index.js";
import { UsageError } from "../clock.js";
import { AnalysisContext } from "../detect/context.js";
import type { FileAnalysis, Finding, FlagReference, FlagSummary, ProjectResult, Registry, Shard, ShardInfo, UnusedDirective } from "../types.js";
import {
  detectFiles,
  runDetection,
  runDetectionAsync,
  WORK_PER_WORKER,
  type DetectionInput,
  type DetectionStep,
  type DetectionTarget,
} from "./detection.js";
import { answerStep } from "./file-analysis.js";
import { FileCache, type CacheOptions } from "./file-cache.js";
import { walkProject, type WalkResult } from "./files.js";
import { changedFilesSince, type ChangedFiles } from "./git.js";
import { ModuleResolver } from "./module-resolution.js";
import { WorkerPool } from "./pool.js";
import { RegistrySet } from "./registries.js";
import { runScope, type RunScope } from "./scope.js";
import { checkShardsAgree, fileSize, registryHash, shardFiles, type ShardResult } from "./shards.js";
import { narrowToChange } from "./change.js";
import { byLocation, summariseFlags } from "./flag-summaries.js";

export interface ProjectOptions {
  cwd: string;
  /** Files or folders to check, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** An explicit registry that governs every file (`--registry`). */
  registry?: string;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /** Called as files are done, for a progress indicator. */
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
  /**
   * Files larger than this many bytes are not read (default DEFAULT_MAX_FILE_BYTES): minified
   * bundles, generated code, data named `.js`. They are listed in `ProjectResult.skipped`.
   */
  maxFileBytes?: number;
  /**
   * `--shard K/N`: check only this shard's files (see shardFiles). Registry-level rules wait for
   * the merge (mergeShardResults); the result carries what the merge needs (`ProjectResult.shard`).
   */
  shard?: Shard & Pick<ShardInfo, "flaglint" | "command">;
  /** `--cache`: reuse what unchanged files yielded last time (see FileCache). */
  cache?: CacheOptions;
}

/** 5 MB: hand-written code is far smaller; what is larger is bundled or generated, not where flags are checked by hand. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface AsyncProjectOptions extends ProjectOptions {
  /**
   * Worker threads to parse on. `"auto"` (the default) starts them once the files to parse add up
   * to POOL_THRESHOLD of text, one per WORK_PER_WORKER, on a machine with three CPUs or more; `0`
   * parses in this thread; a number starts that many whatever the size. The result is the same.
   */
  workers?: number | "auto";
}

type Located = FlagReference & { file: string };

/** One pass over the project, parsing in this thread. */
export function analyzeProject(options: ProjectOptions): ProjectResult {
  const run = startRun(options);
  const analyses = runDetection(detectFiles(run.detection), answerStep);
  run.detection.cache?.save();
  return finishRun(run, analyses, options);
}

/**
 * The same result as analyzeProject; on a large project the files are parsed on worker threads
 * while this one reads (see AsyncProjectOptions.workers).
 */
export async function analyzeProjectAsync(options: AsyncProjectOptions): Promise<ProjectResult> {
  const run = startRun(options);
  const runner = new ThreadedRunner(options.workers ?? "auto");
  try {
    const analyses = await runDetectionAsync(detectFiles(run.detection), runner.answer);
    run.detection.cache?.save();
    return finishRun(run, analyses, options);
  } finally {
    await runner.close();
  }
}

interface Run {
  changed: ChangedFiles | undefined;
  registries: RegistrySet;
  governed: Array<{ file: string; registry: Registry }>;
  detection: DetectionInput;
  /** Files over the size limit, filled in as detection reads. */
  skipped: Array<{ file: string; bytes: number }>;
  scope: RunScope;
}

/** Everything before detection: the files, the registries that govern them, the changed files. */
function startRun(options: ProjectOptions): Run {
  if (options.shard && options.changedSince !== undefined) throw new UsageError("--shard and --changed-since: give one of them");
  const { cache, walk, resolver } = walkFiles(options);
  // Asked before the scan, so a bad ref fails at once.
  const changed = options.changedSince === undefined ? undefined : changedFilesSince(options.cwd, options.changedSince);

  const registries = new RegistrySet(options.cwd, options.registry, walk.folders, cache?.registries());
  for (const file of walk.registries) registries.add(file);

  const targets = new DetectionTargets();
  const governed: Array<{ file: string; registry: Registry }> = [];
  const ungoverned: string[] = [];
  for (const file of walk.files) {
    const registry = registries.forFile(file);
    if (!registry) ungoverned.push(file);
    // The registry's `ignore:` globs: files it governs but does not check.
    else if (!isIgnoredByRegistry(registry, file, targets.contextOf(registry))) governed.push({ file, registry });
  }
  registries.throwProblems();
  // A path with no source file has nothing to check: a note says so, not an error.
  if (registries.all().length === 0 && walk.files.length > 0) {
    throw new UsageError(
      `no feature-flags.yaml found for ${options.paths.join(" ") || "."} or any folder above it ` +
        `(hint: create one with \`flaglint init\`, or pass --registry PATH)`,
    );
  }
  const scope = runScope({ cwd: options.cwd, paths: options.paths, walk, registries, ungoverned });
  if (options.shard) {
    const mine = shardFiles(governed, options.shard, fileSize);
    governed.length = 0;
    governed.push(...mine);
  }
  const skipped: Run["skipped"] = [];
  const detection: DetectionInput = {
    files: governed.map(({ file, registry }) => ({ file, target: targets.of(registry) })),
    targets: targets.list,
    contexts: targets.contexts,
    allFiles: scope.indexFiles,
    progress: (done: number) => options.onProgress?.(done, governed.length),
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    tooLarge: (file, bytes) => skipped.push({ file, bytes }),
    ...(cache ? { cache } : {}),
    resolver,
  };
  return { changed, registries, governed, detection, skipped, scope };
}

/** Findings, references and summaries from the files' analyses. */
function finishRun(run: Run, analyses: ReadonlyArray<FileAnalysis | undefined>, options: ProjectOptions): ProjectResult {
  const { registries, governed } = run;
  const findings: Finding[] = [];
  const references: Located[] = [];
  const unusedDirectives: UnusedDirective[] = [];
  let parsed = 0;

  governed.forEach(({ file, registry }, index) => {
    const analysis = analyses[index];
    if (analysis === undefined) return;
    parsed++;
    if (analysis.parseError) {
      findings.push(...applyRuleSettings([{ ...parseErrorFinding(file, analysis.parseError), registry: registry.path }], registry.rules));
      return;
    }
    for (const reference of analysis.references) references.push({ ...reference, file });
    const fileFindings = applyRuleSettings(checkFile({ file, analysis, registry, now: options.now, ticketAt: "registry" }), registry.rules);
    findings.push(...applyDirectives(fileFindings, analysis.directives));
    for (const { line, rules } of unusedLineDirectives(fileFindings, analysis.directives)) unusedDirectives.push({ file, line, rules });
  });

  // A shard sees part of the references: its registries' own rules wait for the merge.
  const deferred = options.shard ? new Set(registries.all().map((registry) => registry.path)) : run.scope.partial;
  checkRegistries(registries, references, deferred, options.now, findings, unusedDirectives);
  unusedDirectives.sort((a, b) => byLocation({ ...a, column: 0 }, { ...b, column: 0 }));

  findings.sort(byLocation);
  references.sort(byLocation);
  const errors = findings.filter((finding) => finding.severity === "error").length;

  const result: ProjectResult = {
    cwd: options.cwd,
    now: options.now,
    registries: registries.all().map((registry) => registry.path),
    findings,
    references,
    flags: coveredFlags(summariseFlags(registries, references, options.now, options.createdFromGit === true), deferred),
    summary: {
      files: governed.length,
      parsed,
      references: references.length,
      errors,
      warnings: findings.length - errors,
    },
    ...(run.skipped.length > 0 ? { skipped: run.skipped } : {}),
    ...(run.scope.notes.length > 0 ? { scope: run.scope.notes } : {}),
    ...(unusedDirectives.length > 0 ? { unusedDirectives } : {}),
    ...(options.shard ? { shard: shardInfo(options, registries, run.scope.partial, unusedDirectives) } : {}),
  };
  return run.changed ? narrowToChange(result, run.changed, registries, options.cwd) : result;
}

/** The registry-level rules of each registry not in `skip`, over the references of the files it governs. */
function checkRegistries(
  registries: RegistrySet,
  references: readonly Located[],
  skip: ReadonlySet<string>,
  now: string,
  findings: Finding[],
  unusedDirectives: UnusedDirective[],
): void {
  for (const registry of registries.all()) {
    if (skip.has(registry.path)) continue;
    const own = references.filter((reference) => registries.governs(registry, reference.file));
    const settled = applyRuleSettings(checkRegistry({ registry, references: own, now }), registry.rules);
    const silenced = applyRegistryDirectives(settled, registry.directives ?? []);
    findings.push(...silenced.findings);
    for (const { line, rules } of silenced.unused) unusedDirectives.push({ file: registry.path, line, rules });
  }
}

/** A registry whose tree was scanned in part lists only the flags checked in what was scanned: "unused" would be a guess. */
function coveredFlags(flags: FlagSummary[], partial: ReadonlySet<string>): FlagSummary[] {
  if (partial.size === 0) return flags;
  return flags.filter((flag) => flag.registry === undefined || !partial.has(flag.registry) || flag.references > 0);
}

function shardInfo(options: ProjectOptions, registries: RegistrySet, partial: ReadonlySet<string>, unusedDirectives: UnusedDirective[]): ShardInfo {
  return {
    ...options.shard!,
    registries: registries.all().map((registry) => ({ path: registry.path, sha256: registryHash(registry.path) })),
    partial: [...partial].sort(),
    explicit: registries.isExplicit,
    createdFromGit: options.createdFromGit === true,
    paths: [...options.paths],
    unusedDirectives,
  };
}

/**
 * The shards of one run (`--shard K/N` results, see readShardResult) -> the result one run on the
 * whole tree gives: the shards' findings and references, and the registry-level rules and flag
 * standings computed again over all the references, against the registries on disk (checked to be
 * the ones the shards ran with). Throws a UsageError when the shards do not belong together.
 */
export function mergeShardResults(shards: readonly ShardResult[], options: { cwd: string }): ProjectResult {
  checkShardsAgree(shards);
  const ordered = [...shards].sort((a, b) => a.shard.index - b.shard.index);
  const info = ordered[0]!.shard;
  const registries = new RegistrySet(options.cwd, info.explicit ? info.registries[0]?.path : undefined);
  for (const { path: file } of info.registries) registries.add(file);
  registries.throwProblems();

  const now = ordered[0]!.result.now;
  // Each shard's lists are in order and no file is in two shards: a stable sort keeps one run's order.
  const findings = ordered.flatMap(({ result }) => result.findings);
  const references = ordered.flatMap(({ result }) => result.references as Located[]);
  const unusedDirectives: UnusedDirective[] = ordered.flatMap(({ shard }) => shard.unusedDirectives);
  const partial = new Set(info.partial);
  checkRegistries(registries, references, partial, now, findings, unusedDirectives);
  findings.sort(byLocation);
  references.sort(byLocation);
  unusedDirectives.sort((a, b) => byLocation({ ...a, column: 0 }, { ...b, column: 0 }));
  const skipped = ordered.flatMap(({ result }) => result.skipped ?? []);
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const sum = (count: (summary: ProjectResult["summary"]) => number) => ordered.reduce((total, { result }) => total + count(result.summary), 0);
  return {
    cwd: options.cwd,
    now,
    registries: registries.all().map((registry) => registry.path),
    findings,
    references,
    flags: coveredFlags(summariseFlags(registries, references, now, info.createdFromGit), partial),
    summary: {
      files: sum((summary) => summary.files),
      parsed: sum((summary) => summary.parsed),
      references: references.length,
      errors,
      warnings: findings.length - errors,
    },
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(unusedDirectives.length > 0 ? { unusedDirectives } : {}),
  };
}

/**
 * The start of every run over files: its cache (`--cache`), the files under the paths (with a
 * cache, folders unchanged since its last walk are not read again) and the module resolver that
 * asks the walked folders' listings before the disk.
 */
export function walkFiles(options: { cwd: string; paths: readonly string[]; cache?: CacheOptions | undefined }): {
  cache: FileCache | undefined;
  walk: WalkResult;
  resolver: ModuleResolver;
} {
  const cache = options.cache ? new FileCache(options.cache, options.cwd) : undefined;
  const memo = cache === undefined ? undefined : (root: string, ancestors: string) => cache.walkMemo(root, ancestors);
  const walk = walkProject({ cwd: options.cwd, paths: options.paths, ...(memo ? { memo } : {}) });
  if (walk.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${walk.missing.join(", ")} (paths are relative to ${options.cwd})`);
  }
  return { cache, walk, resolver: new ModuleResolver({ listings: walk.listings }) };
}

/** One DetectionTarget per registry, numbered in the order met, and the run's AnalysisContext of each. */
class DetectionTargets {
  readonly list: DetectionTarget[] = [];
  /** By the numbers of `list`. */
  readonly contexts: AnalysisContext[] = [];
  private readonly numbers = new Map<Registry, number>();
  private readonly contextsByRegistry = new Map<Registry, AnalysisContext>();

  /** What this run derives from the registry, made the first time it is asked for. */
  contextOf(registry: Registry): AnalysisContext {
    let context = this.contextsByRegistry.get(registry);
    if (context === undefined) {
      context = AnalysisContext.of(registry);
      this.contextsByRegistry.set(registry, context);
    }
    return context;
  }

  of(registry: Registry): number {
    let number = this.numbers.get(registry);
    if (number === undefined) {
      number = this.list.length;
      this.list.push({ detect: registry.detect, registryDir: registry.dir, registryKeys: [...registry.flags.keys()] });
      this.contexts.push(this.contextOf(registry));
      this.numbers.set(registry, number);
    }
    return number;
  }
}

/** Most worker threads a run starts: each holds its own copy of the parser (about 70 MB). */
const MAX_WORKERS = 8;

/**
 * Worker threads "auto" may start: one CPU is left to this thread (reading, then waiting) and to
 * V8's own background threads, which keep about a third of a second CPU busy in a one-thread run.
 * On 2 CPUs that leaves one, and a single worker is no faster than this thread: measured on the
 * bench tree and on every file of it parsed (35 MB), two workers were slower than none.
 */
function workersAllowed(): number {
  return Math.min(availableParallelism() - 1, MAX_WORKERS);
}

/** Answers detection's steps on worker threads when that pays (see AsyncProjectOptions.workers), else in this thread. */
class ThreadedRunner {
  private pool: WorkerPool | undefined;

  constructor(private readonly workers: number | "auto") {}

  readonly answer = async (step: DetectionStep): Promise<unknown> => {
    if (step.kind === "warm-up") {
      if (this.workers === "auto") this.startWorkers(Math.floor(step.bytes / WORK_PER_WORKER));
      return undefined;
    }
    if (typeof this.workers === "number" && this.workers > 0) this.startWorkers(this.workers);
    // The cross-file index is built lazily from the files it meets: it lives in this thread.
    if (this.pool === undefined || step.kind !== "analyze") return answerStep(step);
    return this.pool.analyze(step);
  };

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private startWorkers(wanted: number): void {
    const size = this.workers === "auto" ? Math.min(wanted, workersAllowed()) : wanted;
    // One worker only moves the work: "auto" wants two at least.
    if (this.workers === "auto" && size < 2) return;
    this.pool ??= new WorkerPool();
    this.pool.grow(size);
  }
}
