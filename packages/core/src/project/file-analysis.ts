// Answers detection's steps in the current thread: parse, analyse, forget the tree. This is the
// part of a run that needs TypeScript; worker threads run it too (worker.ts).
import { analyzeSource, parseSource, type AnalysisContext } from "../detect/index.js";
import type { ConstantIndex } from "../detect/external-names.js";
import { ProjectConstants } from "./constants.js";
import type { DetectionStep, FileJob, FileOutcome } from "./detection.js";

/** The answer to one step (see DetectionStep). */
export function answerStep(step: DetectionStep): FileOutcome[] | undefined {
  switch (step.kind) {
    case "analyze": {
      // In this thread the index is at hand: keys from other modules resolve in the one pass.
      const constants = new ProjectConstants({ files: step.exporters, readText: step.text });
      return analyzeFiles(step.contexts, step.jobs, () => step.progress(1), constants.index);
    }
    case "resolve": {
      const constants = new ProjectConstants({ files: () => step.exporters, readText: step.text });
      return step.jobs.map((job) => analyzeFile(job, step.contexts[job.target]!, constants.index));
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
): FileOutcome[] {
  return jobs.map((job) => {
    const outcome = analyzeFile(job, contexts[job.target]!, constants);
    onFileDone?.();
    return outcome;
  });
}

function analyzeFile(job: FileJob, context: AnalysisContext, index: ConstantIndex | undefined): FileOutcome {
  const lookups = { keys: false, origins: false };
  // Nothing else holds the tree: it is garbage once this returns.
  const analysis = analyzeSource(parseSource(job.text, job.file), context.detect, {
    constants: index ? recordingLookups(lookups, index) : recordingLookups(lookups),
    context,
  });
  const crossFile =
    index === undefined &&
    (lookups.origins || (lookups.keys && analysis.references.some((reference) => reference.dynamic)));
  return { index: job.index, analysis, crossFile, independent: !lookups.keys && !lookups.origins };
}

/** Answers through `index` (nothing without one), and notes whether the file's keys or constants asked another module anything. */
function recordingLookups(lookups: { keys: boolean; origins: boolean }, index?: ConstantIndex): ConstantIndex {
  return {
    resolve(...args) {
      lookups.keys = true;
      return index?.resolve(...args);
    },
    origin(...args) {
      lookups.origins = true;
      return index?.origin(...args);
    },
  };
}
