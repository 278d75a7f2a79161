// Detection over a whole project, written once for every way of running it: a generator that reads
// and pre-filters the files itself and yields a step for the work that needs the TypeScript parser.
// A runner answers each step in this thread (analyzeProject) or on worker threads (analyzeProjectAsync).
import fs from "node:fs";
import type { ExportedConstant } from "../detect/constants-index.js";
import { mayNeedAnalysis } from "../detect/prefilter.js";
import type { DetectConfig, FileAnalysis } from "../types.js";

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
   * Names the file's keys were looked up by in other files' exports (`import { Flags }` asks for
   * `Flags`): the only names the project-wide index of constants needs.
   */
  asked: readonly string[];
}

export type DetectionStep =
  /** Parse and analyse the files; `constants` are the other files' exports known so far. Answer: FileOutcome[]. */
  | {
      kind: "analyze";
      targets: readonly DetectionTarget[];
      jobs: readonly FileJob[];
      constants: readonly ExportedConstant[];
      /** Call with the number of files done, as they finish. */
      progress: (files: number) => void;
    }
  /** The exported constants named `names` in these files. Answer: ExportedConstant[]. */
  | { kind: "collect-exports"; sources: ReadonlyArray<{ file: string; text: string }>; names: readonly string[] }
  /**
   * The files to parse so far add up to `bytes` (yielded from POOL_THRESHOLD on, at every
   * WORK_PER_WORKER): a runner with worker threads starts them now, so they load the parser while
   * the rest is read. Answer: nothing.
   */
  | { kind: "warm-up"; bytes: number };

/**
 * Text to parse per worker thread. Each worker pays its own start-up (the parser's code, V8 warming
 * up to speed over the first few MB) and some 70 MB of memory, so a worker needs megabytes to earn
 * its keep (README, Performance).
 */
export const WORK_PER_WORKER = 4 * 1024 * 1024;
/** Text to parse below which a run stays in one thread. */
export const POOL_THRESHOLD = 2 * WORK_PER_WORKER;

/** Characters of text kept from the first read of the files that may export a constant, so their search reads none twice. */
const KEPT_TEXT_BUDGET = 32 * 1024 * 1024;

/** A file that exports no const, enum or export list cannot take part in cross-file keys (9 files in 10 of the bench tree). */
const MAY_EXPORT_CONSTANT = /export\s+(?:declare\s+)?(?:const|enum)\b|export\s*\{/;

/** Rounds of cross-file resolution: a key resolved through one file's export may name another. */
const MAX_ROUNDS = 4;

export interface DetectionInput {
  /** The files to detect in, each with the index of the target that governs it. */
  files: ReadonlyArray<{ file: string; target: number }>;
  targets: readonly DetectionTarget[];
  /** Every source file of the run, governed or not: where exported constants are looked for. */
  allFiles: readonly string[];
  /** Called with the number of files done so far. */
  progress: (done: number) => void;
  /** Files larger than this are not read (see ProjectOptions.maxFileBytes). */
  maxFileBytes: number;
  /** Called for each file of `files` left unread because it is larger than `maxFileBytes`. */
  tooLarge: (file: string, bytes: number) => void;
}

/** A file over the size limit: generated or vendored code, a bundle, a data dump named `.js`. */
export interface TooLarge {
  bytes: number;
}

/** The analysis of each file of `input.files`, in order; `undefined` where the pre-filter shows there is nothing to find. */
export function* detectFiles(input: DetectionInput): Generator<DetectionStep, Array<FileAnalysis | undefined>, unknown> {
  const exporters = new ExportingFiles();
  const analyses: Array<FileAnalysis | undefined> = new Array(input.files.length).fill(undefined);
  const jobs: FileJob[] = [];
  let done = 0;
  let bytes = 0;
  for (const [index, { file, target }] of input.files.entries()) {
    const text = readSource(file, input.maxFileBytes);
    if (typeof text !== "string") {
      if (text instanceof Error) analyses[index] = unreadable(text);
      else input.tooLarge(file, text.bytes);
      input.progress(++done);
      continue;
    }
    exporters.consider(file, text);
    if (!mayNeedAnalysis(text, input.targets[target]!.detect)) {
      input.progress(++done);
      continue;
    }
    jobs.push({ index, file, text, target });
    const before = Math.floor(bytes / WORK_PER_WORKER);
    bytes += text.length;
    if (bytes >= POOL_THRESHOLD && Math.floor(bytes / WORK_PER_WORKER) > before) yield { kind: "warm-up", bytes };
  }

  const progress = (files: number): void => input.progress((done += files));
  const outcomes = yield* analyze({ kind: "analyze", targets: input.targets, jobs, constants: [], progress });
  const asked: Array<readonly string[]> = [];
  for (const outcome of outcomes) {
    analyses[outcome.index] = outcome.analysis;
    asked[outcome.index] = outcome.asked;
  }
  if (asked.some((names) => names.length > 0)) {
    // The files never read so far (no registry governs them) can export constants too.
    const read = new Set(input.files.map(({ file }) => file));
    for (const file of input.allFiles) {
      if (read.has(file)) continue;
      const text = readSource(file, input.maxFileBytes);
      if (typeof text === "string") exporters.consider(file, text);
    }
    yield* resolveAcrossFiles(input, jobs, analyses, asked, exporters);
  }
  return analyses;
}

/**
 * Keys named by a constant that another file exports (`import { Flags } from "@acme/shared"`) stay
 * dynamic after the first pass, which records the names they were looked up by. Only then are the
 * files that export one of those names (by a tight text search) parsed for their constants, and the
 * files that asked analysed again with them. Most runs ask for nothing and skip all of it.
 */
function* resolveAcrossFiles(
  input: DetectionInput,
  firstJobs: readonly FileJob[],
  analyses: Array<FileAnalysis | undefined>,
  asked: Array<readonly string[]>,
  exporters: ExportingFiles,
): Generator<DetectionStep, void, unknown> {
  const jobOf = new Map(firstJobs.map((job) => [job.index, job]));
  const searched = new Set<string>();
  const exported: ExportedConstant[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = asked.flatMap((names, index) => (names.length > 0 && hasDynamicKey(analyses[index]) ? [index] : []));
    const fresh = new Set(pending.flatMap((index) => asked[index]!).filter((name) => !searched.has(name)));
    if (fresh.size === 0) return;
    for (const name of fresh) searched.add(name);

    const sources = exporters.exporting(fresh);
    if (sources.length === 0) continue;
    const found = yield* collectExports({ kind: "collect-exports", sources, names: [...fresh] });
    if (found.length === 0) continue;
    exported.push(...found);

    const jobs = pending.filter((index) => asked[index]!.some((name) => fresh.has(name))).map((index) => jobOf.get(index)!);
    const outcomes = yield* analyze({ kind: "analyze", targets: input.targets, jobs, constants: exported, progress: () => {} });
    for (const outcome of outcomes) {
      analyses[outcome.index] = outcome.analysis;
      asked[outcome.index] = outcome.asked;
    }
  }
}

function hasDynamicKey(analysis: FileAnalysis | undefined): boolean {
  return analysis !== undefined && analysis.references.some((reference) => reference.dynamic);
}

/**
 * `export const NAME`, `export const A = "a", NAME = …`, `export (const) enum NAME`, `export declare …`,
 * and `export { NAME }` / `export { local as NAME }`: the shapes collectExportedConstants reads.
 */
export function exportPattern(names: Iterable<string>): RegExp {
  const name = String.raw`(?<![\w$])(?:${[...names].map(escapeRegExp).join("|")})(?![\w$])`;
  const declaration = String.raw`export\s+(?:declare\s+)?(?:(?:const\s+)?enum\s+${name}|const\s+(?:[^;]{0,2000}?[\s,])?${name}\s*[:=])`;
  const list = String.raw`export\s*\{[^}]*${name}`;
  return new RegExp(String.raw`(?<![\w$])(?:${declaration}|${list})`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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

// Typed answers to the two steps that have one.
function* analyze(step: Extract<DetectionStep, { kind: "analyze" }>): Generator<DetectionStep, FileOutcome[], unknown> {
  if (step.jobs.length === 0) return [];
  return (yield step) as FileOutcome[];
}

function* collectExports(step: Extract<DetectionStep, { kind: "collect-exports" }>): Generator<DetectionStep, ExportedConstant[], unknown> {
  return (yield step) as ExportedConstant[];
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
  private readonly files: string[] = [];
  private readonly kept = new Map<string, string>();
  private size = 0;

  consider(file: string, text: string): void {
    if (!MAY_EXPORT_CONSTANT.test(text)) return;
    this.files.push(file);
    if (this.size + text.length > KEPT_TEXT_BUDGET) return;
    this.kept.set(file, text);
    this.size += text.length;
  }

  /** The files whose text can export one of `names` as a const or enum (a superset of what parsing finds), sorted. */
  exporting(names: ReadonlySet<string>): Array<{ file: string; text: string }> {
    const pattern = exportPattern(names);
    const listed = [...names];
    const sources: Array<{ file: string; text: string }> = [];
    for (const file of [...this.files].sort()) {
      const text = this.kept.get(file) ?? readText(file);
      // Most files do not even spell the names: a plain search rules them out faster than the pattern.
      if (typeof text !== "string" || !listed.some((name) => text.includes(name))) continue;
      if (pattern.test(text)) sources.push({ file, text });
    }
    return sources;
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
