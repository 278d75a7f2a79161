// Answers detection's steps in the current thread: parse, analyse, forget the tree. This is the
// part of a run that needs TypeScript; worker threads run it too (worker.ts).
import {
  analyzeSource,
  buildConstantIndex,
  collectExportedConstants,
  getParseError,
  parseSource,
  type ConstantIndex,
  type ExportedConstant,
} from "../detect/index.js";
import type { DetectionStep, DetectionTarget, FileJob, FileOutcome } from "./detection.js";

/** The answer to one step (see DetectionStep). */
export function answerStep(step: DetectionStep): FileOutcome[] | ExportedConstant[] | undefined {
  switch (step.kind) {
    case "analyze":
      return analyzeFiles(step.targets, step.jobs, step.constants, () => step.progress(1));
    case "collect-exports":
      return collectExports(step.sources, step.names);
    case "warm-up":
      return undefined;
  }
}

export function analyzeFiles(
  targets: readonly DetectionTarget[],
  jobs: readonly FileJob[],
  constants: readonly ExportedConstant[],
  onFileDone?: () => void,
): FileOutcome[] {
  const index = constants.length > 0 ? buildConstantIndex(constants) : undefined;
  return jobs.map((job) => {
    const outcome = analyzeFile(job, targets[job.target]!, index);
    onFileDone?.();
    return outcome;
  });
}

function analyzeFile(job: FileJob, target: DetectionTarget, index: ConstantIndex | undefined): FileOutcome {
  const asked = new Set<string>();
  // Nothing else holds the tree: it is garbage once this returns.
  const analysis = analyzeSource(parseSource(job.text, job.file), target.detect, {
    constants: recordingLookups(index, asked),
    registryDir: target.registryDir,
    registryKeys: keySet(target),
  });
  return { index: job.index, analysis, asked: [...asked] };
}

/** Each name the file's keys are looked up by, answered from `index` when there is one. */
function recordingLookups(index: ConstantIndex | undefined, asked: Set<string>): ConstantIndex {
  return {
    resolve(name, member) {
      asked.add(name);
      return index?.resolve(name, member);
    },
  };
}

const keySets = new WeakMap<DetectionTarget, ReadonlySet<string>>();

/** One key set per registry: detection caches its `keyCase` maps per set. */
function keySet(target: DetectionTarget): ReadonlySet<string> {
  let keys = keySets.get(target);
  if (keys === undefined) {
    keys = new Set(target.registryKeys);
    keySets.set(target, keys);
  }
  return keys;
}

/** The exported constants called one of `names`, file by file in the order given. */
export function collectExports(
  sources: ReadonlyArray<{ file: string; text: string }>,
  names: readonly string[],
): ExportedConstant[] {
  const wanted = new Set(names);
  const found: ExportedConstant[] = [];
  for (const { file, text } of sources) {
    for (const constant of exportedConstants(text, file)) {
      if (wanted.has(constant.name)) found.push(constant);
    }
  }
  return found;
}

/** A file whose constants cannot be read (it does not parse, or is too deep to walk) exports none. */
function exportedConstants(text: string, file: string): ExportedConstant[] {
  const sourceFile = parseSource(text, file);
  if (getParseError(sourceFile) !== undefined) return [];
  try {
    return collectExportedConstants(sourceFile);
  } catch {
    return [];
  }
}
