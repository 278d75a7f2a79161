// Detection over a whole project, written once for every way of running it: a generator that reads
// and pre-filters the files itself and yields a step for the work that needs the TypeScript parser.
// A runner answers each step in this thread (analyzeProject) or on worker threads (analyzeProjectAsync).
import fs from "node:fs";
import { AnalysisContext } from "../detect/context.js";
import { mayNeedAnalysis } from "../detect/prefilter.js";
import type { DetectConfig, FileAnalysis } from "../types.js";
import type * as TS from "typescript";
import type { Lookup } from "../detect/external-names.js";
import type { CachedYield, FileCache, ModuleMemo } from "./file-cache.js";
import type { ModuleResolver } from "./module-resolution.js";

/** What a thread needs of a registry to detect in the files it governs: plain data, to post to workers. */
export interface DetectionTarget {
  detect: DetectConfig;
  /** Absolute directory of the registry: `./path` modules in `detect.calls` are relative to it. */
  registryDir: string;
  registryKeys: readonly string[];
}

export interface FileJob {
  /** Position in the run's list of files, so results arriving in any order go back in place. */
  index: number;
  file: string;
  text: string;
  /** Index of the file's DetectionTarget. */
  target: number;
}

export interface FileOutcome {
  index: number;
  analysis: FileAnalysis;
  /**
   * Whether the analysis waits on other modules: a key left dynamic that another module may
   * export (`import { Flags }` then `Flags.X`), or a `detect.constants` name seen through an import.
   */
  crossFile: boolean;
  /** The analysis asked no other module anything: it depends on the file's text alone, and may be cached. */
  independent: boolean;
  /**
   * What the analysis asked other modules, with the answers, when it was made with the index at
   * hand: it may be cached with them, and holds while they stay the same.
   */
  lookups?: Lookup[];
}

export type DetectionStep =
  /**
   * Parse and analyse the files. A runner in this thread resolves keys across files at once with
   * the index over `exporters` (see "resolve"); worker threads cannot share it, so they note which
   * files wait on other modules (FileOutcome.crossFile) for a "resolve" step. Answer: FileOutcome[].
   */
  | {
      kind: "analyze";
      targets: readonly DetectionTarget[];
      /** The run's AnalysisContext of each target, by the same index (not posted: workers make their own). */
      contexts: readonly AnalysisContext[];
      jobs: readonly FileJob[];
      /** Call with the number of files done, as they finish. */
      progress: (files: number) => void;
      /** The files that may export a key by name; the ungoverned ones are read the first time this is called. */
      exporters: () => readonly string[];
      /** A file's text, from memory when it was kept. */
      text: (file: string) => string | undefined;
      /** `--cache`: what modules export, kept while they are unchanged. */
      modules: ModuleMemo | undefined;
      /** Trees parsed already (DetectionInput.trees); not posted to worker threads. */
      trees?: ReadonlyMap<string, TS.SourceFile>;
      /** DetectionInput.resolver; not posted to worker threads. */
      resolver?: ModuleResolver;
    }
  /**
   * Analyse the files again with the cross-file index of keys over `exporters` (the files that may
   * export a key by name, with the texts kept of them). Answered in the main thread: the index is
   * built lazily, parsing only the modules the keys lead to. Answer: FileOutcome[].
   */
  | {
      kind: "resolve";
      targets: readonly DetectionTarget[];
      contexts: readonly AnalysisContext[];
      jobs: readonly FileJob[];
      exporters: readonly string[];
      text: (file: string) => string | undefined;
      modules: ModuleMemo | undefined;
      trees?: ReadonlyMap<string, TS.SourceFile>;
      resolver?: ModuleResolver;
    }
  /**
   * Whether the cached analyses of these files still hold: each asked other modules the questions
   * of its `lookups`; asked again with the index over `exporters`, do they get the same answers?
   * Answered in the main thread, parsing only modules that changed. Answer: boolean[], in order.
   */
  | {
      kind: "recheck";
      checks: ReadonlyArray<{ file: string; lookups: readonly Lookup[] }>;
      exporters: readonly string[];
      text: (file: string) => string | undefined;
      modules: ModuleMemo | undefined;
      resolver?: ModuleResolver;
    }
  /**
   * The files to parse so far add up to `bytes` (yielded from POOL_THRESHOLD on, at every
   * WORK_PER_WORKER): a runner with worker threads starts them now, so they load the parser while
   * the rest is read. Answer: nothing.
   */
  | { kind: "warm-up"; bytes: number };

/**
 * Text to parse per worker thread. Each worker pays its own start-up (the parser's code, V8 warming
 * up to speed over the first few MB) and some 70 MB of memory, so a worker needs megabytes to earn
 * its keep (docs/performance.md, Worker threads).
 */
export const WORK_PER_WORKER = 4 * 1024 * 1024;
/** Text to parse below which a run stays in one thread. */
export const POOL_THRESHOLD = 2 * WORK_PER_WORKER;

/** A file that exports no const, enum or export list exports no key by name (9 files in 10 of the bench tree). */
export const MAY_EXPORT_CONSTANT = /export\s+(?:declare\s+)?(?:const|enum)\b|export\s*\{/;

/** Characters of text kept from the first read of the files that may export a constant, so their search reads none twice. */
const KEPT_TEXT_BUDGET = 32 * 1024 * 1024;

export interface DetectionInput {
  /** The files to detect in, each with the index of the target that governs it. */
  files: ReadonlyArray<{ file: string; target: number }>;
  targets: readonly DetectionTarget[];
  /** The run's AnalysisContext of each target, by the same index; made from `targets` when absent. */
  contexts?: readonly AnalysisContext[];
  /** Every source file of the run, governed or not: where exported constants are looked for. */
  allFiles: readonly string[];
  /** Called with the number of files done so far. */
  progress: (done: number) => void;
  /** Files larger than this are not read (see ProjectOptions.maxFileBytes). */
  maxFileBytes: number;
  /** Called for each file of `files` left unread because it is larger than `maxFileBytes`. */
  tooLarge: (file: string, bytes: number) => void;
  /** `--cache`: what files yielded last time, and where this run's yields are kept. */
  cache?: FileCache;
  /** Syntax trees parsed already (by discovery), by absolute path: a file of the same text is not parsed again. */
  trees?: ReadonlyMap<string, TS.SourceFile>;
  /** Resolves the import specifiers keys come through, for every step of the run (see ModuleResolverOptions.listings). */
  resolver?: ModuleResolver;
}

/** A file over the size limit: generated or vendored code, a bundle, a data dump named `.js`. */
export interface TooLarge {
  bytes: number;
}

/** The analysis of each file of `input.files`, in order; `undefined` where the pre-filter shows there is nothing to find. */
export function* detectFiles(input: DetectionInput): Generator<DetectionStep, Array<FileAnalysis | undefined>, unknown> {
  const exporters = new ExportingFiles();
  const analyses = new Array<FileAnalysis | undefined>(input.files.length).fill(undefined);
  const jobs: FileJob[] = [];
  let done = 0;
  let bytes = 0;
  const cache = input.cache;
  const contexts = input.contexts ?? contextsOf(input.targets);
  /** The cache keys of the files being analysed, to keep their yields. */
  const keys = new Map<number, { key: string; mayExport: boolean }>();
  const reuse = (index: number, cached: CachedYield): void => {
    analyses[index] = cached.analysis ?? undefined;
    input.progress(++done);
  };
  /** Cached analyses that asked other modules: they hold if the answers are the same now. */
  const rechecks: Array<{ index: number; file: string; target: number; key: string; cached: CachedYield; lookups: readonly Lookup[] }> = [];
  const hit = (index: number, file: string, target: number, key: string, cached: CachedYield): void => {
    if (cached.mayExport) exporters.known(file);
    if (cached.lookups === undefined) reuse(index, cached);
    else rechecks.push({ index, file, target, key, cached, lookups: cached.lookups });
  };
  const queue = (index: number, file: string, target: number, text: string, key: string | undefined, mayExport: boolean): void => {
    if (key !== undefined) keys.set(index, { key, mayExport });
    jobs.push({ index, file, text, target });
  };
  for (const [index, { file, target }] of input.files.entries()) {
    let key = cache?.strategy === "metadata" ? cache.metadataKey(file) : undefined;
    const metadataHit = key === undefined ? undefined : cache!.get(file, key, input.targets[target]!);
    if (metadataHit) {
      hit(index, file, target, key!, metadataHit);
      continue;
    }
    const text = readSource(file, input.maxFileBytes);
    if (typeof text !== "string") {
      if (text instanceof Error) analyses[index] = unreadable(text);
      else input.tooLarge(file, text.bytes);
      input.progress(++done);
      continue;
    }
    if (cache?.strategy === "content") {
      key = cache.contentKey(text);
      const contentHit = cache.get(file, key, input.targets[target]!);
      if (contentHit) {
        hit(index, file, target, key, contentHit);
        continue;
      }
    }
    const mayExport = exporters.consider(file, text);
    if (!mayNeedAnalysis(text, input.targets[target]!.detect, contexts[target], file)) {
      if (key !== undefined) cache!.set(file, key, input.targets[target]!, { analysis: null, mayExport });
      input.progress(++done);
      continue;
    }
    queue(index, file, target, text, key, mayExport);
    const before = Math.floor(bytes / WORK_PER_WORKER);
    bytes += text.length;
    if (bytes >= POOL_THRESHOLD && Math.floor(bytes / WORK_PER_WORKER) > before) yield { kind: "warm-up", bytes };
  }

  const progress = (files: number): void => input.progress((done += files));
  let allRead = false;
  const exporting = (): readonly string[] => {
    if (!allRead) {
      allRead = true;
      // The files never read so far (no registry governs them) can export constants too.
      const read = new Set(input.files.map(({ file }) => file));
      for (const file of input.allFiles) {
        if (read.has(file)) continue;
        const text = readSource(file, input.maxFileBytes);
        if (typeof text === "string") exporters.consider(file, text);
      }
    }
    return exporters.files;
  };
  const text = (file: string): string | undefined => exporters.text(file);
  const modules = cache?.modules((file) => exporters.text(file));
  const resolver = input.resolver ? { resolver: input.resolver } : {};
  if (rechecks.length > 0) {
    const holds = (yield { kind: "recheck", checks: rechecks, exporters: exporting(), text, modules, ...resolver }) as boolean[];
    rechecks.forEach((recheck, position) => {
      if (holds[position] === true) {
        reuse(recheck.index, recheck.cached);
        return;
      }
      // Another module changed what this file's keys are: analysed again, from its text.
      cache!.forget(recheck.file);
      const text = readSource(recheck.file, input.maxFileBytes);
      if (typeof text !== "string") {
        if (text instanceof Error) analyses[recheck.index] = unreadable(text);
        else input.tooLarge(recheck.file, text.bytes);
        input.progress(++done);
        return;
      }
      queue(recheck.index, recheck.file, recheck.target, text, recheck.key, recheck.cached.mayExport);
    });
  }
  const trees = input.trees ? { trees: input.trees } : {};
  const outcomes = yield* analyze({ kind: "analyze", targets: input.targets, contexts, jobs, progress, exporters: exporting, text, modules, ...trees, ...resolver });
  const waiting: FileJob[] = [];
  const jobOf = new Map(jobs.map((job) => [job.index, job]));
  for (const outcome of outcomes) {
    analyses[outcome.index] = outcome.analysis;
    if (outcome.crossFile) waiting.push(jobOf.get(outcome.index)!);
    if (!outcome.crossFile) keep(outcome);
  }
  if (waiting.length > 0) {
    waiting.sort((a, b) => a.index - b.index);
    const resolved = yield* analyze({ kind: "resolve", targets: input.targets, contexts, jobs: waiting, exporters: exporting(), text, modules, ...trees, ...resolver });
    for (const outcome of resolved) {
      analyses[outcome.index] = outcome.analysis;
      keep(outcome);
    }
  }
  return analyses;

  /** Caches a yield that depends on the file's text alone, or on it and the answers of its lookups. */
  function keep(outcome: FileOutcome): void {
    const cached = keys.get(outcome.index);
    if (cached === undefined || outcome.analysis.parseError?.unreadable) return;
    if (!outcome.independent && outcome.lookups === undefined) return;
    const job = jobOf.get(outcome.index)!;
    const value: CachedYield = { analysis: outcome.analysis, mayExport: cached.mayExport, ...(outcome.lookups ? { lookups: outcome.lookups } : {}) };
    cache!.set(job.file, cached.key, input.targets[job.target]!, value);
  }
}

/** One AnalysisContext per target, by the same index: what a run derives from each registry. */
export function contextsOf(targets: readonly DetectionTarget[]): AnalysisContext[] {
  return targets.map((target) => new AnalysisContext(target));
}

function unreadable(error: Error): FileAnalysis {
  return { references: [], notes: [], directives: [], parseError: { line: 1, column: 1, message: readFailure(error), unreadable: true } };
}

/** Why a file could not be read, in a few words (the path is already on the finding). */
function readFailure(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "it was removed while flaglint ran";
  if (code === "EISDIR") return "it is a directory";
  return code ?? error.message.split("\n", 1)[0]!;
}

// A typed answer to the steps that have one.
function* analyze(step: Extract<DetectionStep, { kind: "analyze" | "resolve" }>): Generator<DetectionStep, FileOutcome[], unknown> {
  if (step.jobs.length === 0) return [];
  return (yield step) as FileOutcome[];
}

/** The file's text, or the error that kept it from being read. */
function readText(file: string): string | Error {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    return error as Error;
  }
}

/** The file's text; the error that kept it from being read; or its size, unread, when it is over `maxBytes`. */
export function readSource(file: string, maxBytes: number): string | Error | TooLarge {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, "r");
    // Measured on the open file: what is read is the file that was measured, not one put in its place.
    const bytes = fs.fstatSync(descriptor).size;
    if (bytes > maxBytes) return { bytes };
    return fs.readFileSync(descriptor, "utf8");
  } catch (error) {
    return error as Error;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** The files that may export a constant, met while reading; their texts kept up to a budget. */
class ExportingFiles {
  readonly files: string[] = [];
  private readonly kept = new Map<string, string>();
  private size = 0;

  /** Whether the file may export a constant. */
  consider(file: string, text: string): boolean {
    if (!MAY_EXPORT_CONSTANT.test(text)) return false;
    this.files.push(file);
    if (this.size + text.length > KEPT_TEXT_BUDGET) return true;
    this.kept.set(file, text);
    this.size += text.length;
    return true;
  }

  /** A file known to may export a constant (from the cache), its text not read. */
  known(file: string): void {
    this.files.push(file);
  }

  /** The file's text, from memory when it was kept. */
  text(file: string): string | undefined {
    const kept = this.kept.get(file);
    if (kept !== undefined) return kept;
    const text = readText(file);
    return typeof text === "string" ? text : undefined;
  }
}

/** Drives detection with a runner that answers each step at once (in this thread). */
export function runDetection<T>(generator: Generator<DetectionStep, T, unknown>, answer: (step: DetectionStep) => unknown): T {
  let next = generator.next();
  while (!next.done) next = generator.next(answer(next.value));
  return next.value;
}

/** Drives detection with a runner that may answer later (worker threads). */
export async function runDetectionAsync<T>(
  generator: Generator<DetectionStep, T, unknown>,
  answer: (step: DetectionStep) => unknown,
): Promise<T> {
  let next = generator.next();
  while (!next.done) next = generator.next(await answer(next.value));
  return next.value;
}
