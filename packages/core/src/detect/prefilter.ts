// A text search that lets the CLI skip, without parsing, files that cannot hold anything to report.
// It needs no TypeScript: a run whose files all fail it never loads the compiler.
import type { DetectConfig } from "../types.js";
import { compile, type CompiledDetect } from "./config.js";

/**
 * A removal note says "remove" right after its TODO (comments.ts skips every other TODO the same
 * way, within 120 characters); a generous window keeps this a superset of what it reads.
 */
const REMOVAL_NOTE = /(?:TODO|FIXME|Todo|Fixme|todo|fixme)[\s\S]{0,128}?[Rr][Ee][Mm][Oo][Vv][Ee]/;

/** A flaglint directive names flaglint. */
const DIRECTIVE_TOKEN = "flaglint";

export interface Search {
  /** One scan for every single token and the comment texts; `null` when an empty token admits every file. */
  anyOf: RegExp | null;
  /** Token groups whose every member must appear. */
  allOf: ReadonlyArray<readonly string[]>;
}

/**
 * `false` only when the file cannot hold a flag check, a removal TODO or a flaglint directive: every
 * check spells out a configured name (a method, function, import, receiver or constant) somewhere.
 */
export function mayNeedAnalysis(text: string, detect: DetectConfig, context?: { readonly search: Search }): boolean {
  // Without the run's AnalysisContext (context.ts) the search is built for this one call.
  const { anyOf, allOf } = context?.search ?? buildSearch(compile(detect));
  if (anyOf === null || anyOf.test(text)) return true;
  return allOf.some((group) => group.every((token) => text.includes(token)));
}

/** The search of `compiled`: an AnalysisContext builds it once per registry. */
export function buildSearch(compiled: CompiledDetect): Search {
  const tokens = [...compiled.candidateTokens, DIRECTIVE_TOKEN];
  // One regular expression scans a file once however many names there are; a run of
  // `includes` calls scans it once per name.
  const anyOf = tokens.includes("") ? null : new RegExp([...tokens.map(escapeRegExp), REMOVAL_NOTE.source].join("|"));
  return { anyOf, allOf: compiled.candidateTokenGroups };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
