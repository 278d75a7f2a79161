// A text search that lets the CLI skip, without parsing, files that cannot hold anything to report.
import type { DetectConfig } from "../types.js";
import { compileDetect } from "./config.js";

/**
 * `false` only when the file cannot hold a flag check, a removal TODO or a flaglint directive: every
 * check spells out a configured name (a method, function, import, receiver or constant) somewhere.
 */
export function mayNeedAnalysis(text: string, detect: DetectConfig): boolean {
  for (const token of compileDetect(detect).candidateTokens) {
    if (text.includes(token)) return true;
  }
  return false;
}
