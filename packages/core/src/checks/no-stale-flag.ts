// no-stale-flag: a temporary flag past its deadline, or a retired or archived flag, still checked,
// with an editor suggestion that removes the check as `flaglint cleanup <flag> --value on` would.
import { cleanupOneCheck, isBooleanCheck, isKeyAsData } from "../cleanup/single-check.js";
import type { Finding, FlagReference } from "../types.js";
import { createFinding, flagData, relativeDays, siteIn } from "./finding.js";
import { dateStanding } from "./flag-state.js";
import { knownFlag } from "./known-flag.js";
import type { FileCheckInput, LintedText, Rule, Suggestion } from "./rule.js";

/**
 * no-stale-flag: a check of a retired or archived flag, or of a temporary flag past its deadline
 * (from the day after the deadline: the deadline day itself is flag-expiring-soon's "today").
 */
export function noStaleFlag(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry, now } = input;
  const flag = knownFlag(reference, registry);
  if (flag === undefined) return undefined;
  const report = (messageId: string, data: Record<string, string | number>) =>
    createFinding(noStaleFlagRule, {
      messageId,
      data: { ...flagData(flag, registry), ...data },
      site: siteIn(input.file, reference),
      flag: flag.key,
      registry: registry.path,
    });
  if (flag.status !== "active") return report(flag.status, {});
  const standing = dateStanding(flag, registry.policy, now);
  if (standing.state !== "overdue" || standing.deadline === undefined || standing.daysLeft === null) return undefined;
  return report("overdue", {
    deadline: standing.deadline,
    days: -standing.daysLeft,
    when: relativeDays(standing.daysLeft),
  });
}

export const noStaleFlagRule: Rule = {
  id: "no-stale-flag",
  severity: "error",
  description: "Disallow checks of temporary flags past their removal date, and of retired or archived flags.",
  cliOnly: false,
  messages: {
    overdue:
      '{{kind}} toggle "{{flag}}" was due for removal on {{deadline}} ({{when}}); {{owner}}, {{ticket}}. Remove the check.',
    retired: '{{kind}} toggle "{{flag}}" is retired in {{registryName}}; {{owner}}, {{ticket}}. Remove the check.',
    archived:
      '{{kind}} toggle "{{flag}}" is archived in {{registryName}} but still checked here; {{owner}}. Remove the check, or set the flag\'s status back to active.',
  },
  eslintMessages: { removeCheck: 'Treat "{{flag}}" as on and remove the check' },
  reference: noStaleFlag,
  suggest: removeCheckSuggestion,
  suggestRunsCleanup: true,
};

/**
 * A stale flag has shipped (or, retired or archived, is done): "on" is the value it keeps. Only
 * for a check that tests the flag as a boolean — for any other value "on" means nothing — and only
 * when the engine rewrites it without leaving anything for a person.
 */
export function removeCheckSuggestion(
  finding: Finding,
  references: readonly FlagReference[],
  file: LintedText,
): Suggestion | undefined {
  if (finding.flag === null) return undefined;
  const reference = references.find((candidate) => candidate.flag === finding.flag && sameRange(candidate, finding));
  if (reference === undefined || isKeyAsData(reference.kind)) return undefined;
  try {
    if (!isBooleanCheck(file.text, file.fileName, reference, file.sourceFile)) return undefined;
    const edit = cleanupOneCheck(file.text, file.fileName, reference, true, file.sourceFile);
    if (edit === undefined) return undefined;
    return { messageId: "removeCheck", data: { flag: finding.flag }, range: [edit.start, edit.end], text: edit.text };
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
