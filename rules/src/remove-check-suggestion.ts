// The editor suggestion of no-stale-flag: treat the flag as on and remove the check, with the same
// engine as `flaglint cleanup <flag> --value on`, applied to that one check.
import { cleanupOneCheck, isBooleanCheck, type Finding, type FlagReference, type TextEdit } from "@flaglint/core";
import type { PreparedSuggestion } from "./nearest-key-suggestion.js";

/** The linted file, as the cleanup engine reads it. */
export interface LintedText {
  text: string;
  /** The name its script kind comes from (`.tsx` parses JSX). */
  fileName: string;
}

/**
 * A stale flag has shipped (or, retired or archived, is done): "on" is the value it keeps. Only
 * for a check that tests the flag as a boolean — for any other value "on" means nothing — and only
 * when the engine rewrites it without leaving anything for a person.
 */
export function removeCheckSuggestion(
  finding: Finding,
  references: readonly FlagReference[],
  file: LintedText,
): PreparedSuggestion | undefined {
  if (finding.flag === null) return undefined;
  const reference = references.find((candidate) => candidate.flag === finding.flag && sameRange(candidate, finding));
  // A key used as data (an enum member, a `{ flag: "x" }` property) is not the flag's value.
  if (reference === undefined || reference.kind === "constant" || reference.kind === "property") return undefined;
  const edit = booleanCheckRemoval(file, reference);
  if (edit === undefined) return undefined;
  return { messageId: "removeCheck", data: { flag: finding.flag }, range: [edit.start, edit.end], text: edit.text };
}

function booleanCheckRemoval(file: LintedText, reference: FlagReference): TextEdit | undefined {
  try {
    if (!isBooleanCheck(file.text, file.fileName, reference)) return undefined;
    return cleanupOneCheck(file.text, file.fileName, reference, true);
  } catch {
    // This runs while ESLint reports: a bug in the engine costs the suggestion, not the lint.
    return undefined;
  }
}

/** Findings carry the key's range; the reference with that range holds the check's site. */
function sameRange(reference: FlagReference, finding: Finding): boolean {
  return (
    reference.line === finding.line &&
    reference.column === finding.column &&
    reference.endLine === finding.endLine &&
    reference.endColumn === finding.endColumn
  );
}
