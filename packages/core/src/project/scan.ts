// Every flag check in a tree, found with a detect section and no registry: what init needs.
import type * as TS from "typescript";
import type { DetectConfig, FlagReference, ParseFailure } from "../types.js";
import { DEFAULT_MAX_FILE_BYTES, walkFiles } from "./analyze.js";
import { contextsOf, detectFiles, runDetection, type DetectionTarget } from "./detection.js";
import { answerStep } from "./file-analysis.js";
import type { CacheOptions } from "./file-cache.js";
import { byLocation } from "./flag-summaries.js";

type Located = FlagReference & { file: string };

export interface ScanOptions {
  cwd: string;
  /** Files or folders to scan, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** What counts as a flag check. */
  detect: DetectConfig;
  /** Absolute folder that `./path` modules in `detect.calls` are relative to. */
  dir: string;
  onProgress?: (done: number, total: number) => void;
  /** As ProjectOptions.maxFileBytes. */
  maxFileBytes?: number;
  /** As ProjectOptions.cache. */
  cache?: CacheOptions;
  /** Syntax trees already parsed (discovery's), by absolute path: used for files of the same text. */
  trees?: ReadonlyMap<string, TS.SourceFile>;
}

export interface ScanResult {
  /** Source files walked. */
  files: number;
  references: Located[];
  parseErrors: Array<ParseFailure & { file: string }>;
  /** Files over the size limit, not read. */
  skipped: Array<{ file: string; bytes: number }>;
}

/**
 * Every flag check in the files, found with `detect` and no registry (what `flaglint init` needs
 * to write one): keys are resolved across files as in analyzeProject, nothing is checked.
 */
export function scanFlagChecks(options: ScanOptions): ScanResult {
  const { cache, walk, resolver } = walkFiles(options);
  const target: DetectionTarget = { detect: options.detect, registryDir: options.dir, registryKeys: [] };
  const skipped: ScanResult["skipped"] = [];
  const analyses = runDetection(
    detectFiles({
      files: walk.files.map((file) => ({ file, target: 0 })),
      targets: [target],
      // The run's one context: the detect config is compiled once for every file.
      contexts: contextsOf([target]),
      allFiles: walk.files,
      progress: (done) => options.onProgress?.(done, walk.files.length),
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      tooLarge: (file, bytes) => skipped.push({ file, bytes }),
      ...(cache ? { cache } : {}),
      ...(options.trees ? { trees: options.trees } : {}),
      resolver,
    }),
    answerStep,
  );
  cache?.save();

  const references: Located[] = [];
  const parseErrors: ScanResult["parseErrors"] = [];
  walk.files.forEach((file, index) => {
    const analysis = analyses[index];
    if (analysis?.parseError) parseErrors.push({ ...analysis.parseError, file });
    for (const reference of analysis?.references ?? []) references.push({ ...reference, file });
  });
  references.sort(byLocation);
  return { files: walk.files.length, references, parseErrors, skipped };
}
