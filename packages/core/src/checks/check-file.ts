// All reference-level and comment-level rules for one analysed file.
import { RULE_IDS, type Finding } from "../types.js";
import { siteIn } from "./finding.js";
import { knownFlag } from "./known-flag.js";
import { parseErrorFinding } from "./parse-error.js";
import type { FileCheckInput } from "./rule.js";
import { RULE_LIST } from "./rules.js";

export type { FileCheckInput } from "./rule.js";

const REFERENCE_RULES = RULE_LIST.filter((rule) => rule.reference !== undefined || rule.flag !== undefined);
const NOTE_RULES = RULE_LIST.filter((rule) => rule.note !== undefined);

/**
 * Every finding for one file, ordered by position (then by rule, in RULE_IDS order). A file that
 * did not parse gives its parse-error finding only, as in ESLint. Disable directives are not
 * applied here: ESLint applies its own, and the CLI calls applyDirectives.
 */
export function checkFile(input: FileCheckInput): Finding[] {
  const { analysis, registry } = input;
  if (analysis.parseError) return [parseErrorFinding(input.file, analysis.parseError)];
  const findings: Array<Finding | undefined> = [];
  for (const reference of analysis.references) {
    for (const rule of REFERENCE_RULES) {
      findings.push(rule.reference?.(reference, input));
      if (rule.flag !== undefined && input.ticketAt === "reference") {
        const flag = knownFlag(reference, registry);
        if (flag !== undefined) findings.push(rule.flag(flag, siteIn(input.file, reference), registry));
      }
    }
  }
  for (const note of analysis.notes) {
    for (const rule of NOTE_RULES) findings.push(rule.note?.(note, input));
  }
  return findings.filter((finding) => finding !== undefined).sort(byPosition);
}

/** Findings in reading order: by line, column, then rule. */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}
