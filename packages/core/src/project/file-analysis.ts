// Answers detection's steps in the current thread: parse, analyse, forget the tree. This is the
// part of a run that needs TypeScript; worker threads run it too (worker.ts).
import { analyzeSource, parseSource, type AnalysisContext } from "../detect/index.js";
import type ts from "../typescript.js";
import type { ConstantIndex, ExternalName, Lookup } from "../detect/external-names.js";
import { ProjectConstants } from "./constants.js";
import type { DetectionStep, FileJob, FileOutcome } from "./detection.js";

/** The answer to one step (see DetectionStep). */
export function answerStep(step: DetectionStep): FileOutcome[] | boolean[] | undefined {
  switch (step.kind) {
    case "analyze": {
      // In this thread the index is at hand: keys from other modules resolve in the one pass.
      const constants = new ProjectConstants({ files: step.exporters, readText: step.text, memo: step.modules, resolver: step.resolver });
      return analyzeFiles(step.contexts, step.jobs, () => step.progress(1), constants.index, step.trees);
    }
    case "resolve": {
      const constants = new ProjectConstants({ files: () => step.exporters, readText: step.text, memo: step.modules, resolver: step.resolver });
      return step.jobs.map((job) => analyzeFile(job, step.contexts[job.target]!, constants.index, step.trees));
    }
    case "recheck": {
      const constants = new ProjectConstants({ files: () => step.exporters, readText: step.text, memo: step.modules, resolver: step.resolver });
      return step.checks.map(({ file, lookups }) => lookupsHold(file, lookups, constants.index));
    }
    case "warm-up":
      return undefined;
  }
}

/** Without `constants` (a worker thread), each outcome says whether it waits on other modules. */
export function analyzeFiles(
  contexts: readonly AnalysisContext[],
  jobs: readonly FileJob[],
  onFileDone?: () => void,
  constants?: ConstantIndex,
  trees?: ReadonlyMap<string, ts.SourceFile>,
): FileOutcome[] {
  return jobs.map((job) => {
    const outcome = analyzeFile(job, contexts[job.target]!, constants, trees);
    onFileDone?.();
    return outcome;
  });
}

function analyzeFile(job: FileJob, context: AnalysisContext, index: ConstantIndex | undefined, trees?: ReadonlyMap<string, ts.SourceFile>): FileOutcome {
  const lookups: Lookup[] = [];
  const asked = { keys: false, origins: false, elsewhere: false };
  // A tree parsed already from the same text serves; otherwise nothing else holds the tree, and it is garbage once this returns.
  const parsed = trees?.get(job.file);
  const tree = parsed !== undefined && parsed.text === job.text ? parsed : parseSource(job.text, job.file);
  const analysis = analyzeSource(tree, context.detect, {
    constants: recordingLookups(job.file, asked, lookups, index),
    context,
  });
  const crossFile =
    index === undefined && (asked.origins || (asked.keys && analysis.references.some((reference) => reference.dynamic)));
  const independent = !asked.keys && !asked.origins;
  // With the index at hand, the answers are the ones the analysis used: replayed, they say whether it still holds.
  const replayable = !independent && index !== undefined && !asked.elsewhere;
  return { index: job.index, analysis, crossFile, independent, ...(replayable ? { lookups } : {}) };
}

/**
 * Answers through `index` (nothing without one), noting whether the file's keys or constants asked
 * another module anything, and what was asked and answered.
 */
function recordingLookups(
  file: string,
  asked: { keys: boolean; origins: boolean; elsewhere: boolean },
  lookups: Lookup[],
  index?: ConstantIndex,
): ConstantIndex {
  return {
    resolve(external, path) {
      asked.keys = true;
      if (external.file !== file) asked.elsewhere = true;
      const value = index?.resolve(external, path);
      lookups.push({ kind: "resolve", ...question(external), path: [...path], ...(value === undefined ? {} : { value }) });
      return value;
    },
    origin(external) {
      asked.origins = true;
      if (external.file !== file) asked.elsewhere = true;
      const declaration = index?.origin(external);
      lookups.push({ kind: "origin", ...question(external), ...(declaration === undefined ? {} : { declaration }) });
      return declaration;
    },
  };
}

function question(external: ExternalName): { name: string; specifier?: string } {
  return external.specifier === undefined ? { name: external.name } : { name: external.name, specifier: external.specifier };
}

/** Whether each file's lookups get the same answers from `index` now: its cached analysis still holds. */
export function lookupsHold(file: string, lookups: readonly Lookup[], index: ConstantIndex): boolean {
  return lookups.every((lookup) => {
    const external: ExternalName = { name: lookup.name, file, ...(lookup.specifier === undefined ? {} : { specifier: lookup.specifier }) };
    if (lookup.kind === "resolve") return index.resolve(external, lookup.path) === lookup.value;
    const declaration = index.origin(external);
    return declaration?.file === lookup.declaration?.file && declaration?.name === lookup.declaration?.name;
  });
}
