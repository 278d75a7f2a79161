// All reference-level and comment-level rules for one analysed file.
import { RULE_IDS, type FileAnalysis, type Finding, type FlagReference, type Registry } from "../types.js";
import { flagExpiringSoon } from "./flag-expiring-soon.js";
import { siteIn } from "./finding.js";
import { knownFlag } from "./known-flag.js";
import { noDynamicFlagKey } from "./no-dynamic-flag-key.js";
import { noExpiredTodo } from "./no-expired-todo.js";
import { noStaleFlag } from "./no-stale-flag.js";
import { noUnknownFlag } from "./no-unknown-flag.js";
import { parseErrorFinding } from "./parse-error.js";
import { requireFlagContext } from "./require-flag-context.js";
import { requireRemovalTicket } from "./require-removal-ticket.js";

export interface FileCheckInput {
  /** Absolute path of the file. */
  file: string;
  analysis: FileAnalysis;
  /** The registry that governs the file. */
  registry: Registry;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /**
   * Where require-removal-ticket reports: at the registry entry (`"registry"`, the CLI, which
   * runs checkRegistry) or at each reference (`"reference"`, ESLint, which sees one file at a time).
   */
  ticketAt: "registry" | "reference";
}

/**
 * Every finding for one file, ordered by position (then by rule, in RULE_IDS order). A file that
 * did not parse gives its parse-error finding only, as in ESLint. Disable directives are not
 * applied here: ESLint applies its own, and the CLI calls applyDirectives.
 */
export function checkFile(input: FileCheckInput): Finding[] {
  const { analysis } = input;
  if (analysis.parseError) return [parseErrorFinding(input.file, analysis.parseError)];
  const findings = [
    ...analysis.references.flatMap((reference) => checkReference(reference, input)),
    ...analysis.notes.map((note) => noExpiredTodo(note, input)),
  ];
  return findings.filter((finding) => finding !== undefined).sort(byPosition);
}

function checkReference(reference: FlagReference, input: FileCheckInput): Array<Finding | undefined> {
  const flag = knownFlag(reference, input.registry);
  const ticket =
    input.ticketAt === "reference" && flag !== undefined
      ? requireRemovalTicket(flag, siteIn(input.file, reference), input.registry)
      : undefined;
  return [
    noDynamicFlagKey(reference, input),
    noUnknownFlag(reference, input),
    noStaleFlag(reference, input),
    flagExpiringSoon(reference, input),
    ticket,
    requireFlagContext(reference, input),
  ];
}

/** Findings in reading order: by line, column, then rule. */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}
