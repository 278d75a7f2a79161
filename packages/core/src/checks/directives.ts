// Inline `eslint-disable…` comments, honoured by the CLI as ESLint honours them.
import type { DisableDirective, Finding } from "../types.js";

/**
 * The findings that no directive silences. A directive with no rules names every rule; otherwise
 * it names rule ids (a `flaglint/` prefix is tolerated). Directives carry lines only, so blocks
 * work at line granularity: `eslint-disable` silences from its own line on, `eslint-enable`
 * from the line after it (a finding on the enable line is taken to precede the comment).
 * A parse-error is never silenced: as in ESLint, a file that does not parse has no directives.
 */
export function applyDirectives(findings: Finding[], directives: readonly DisableDirective[]): Finding[] {
  if (directives.length === 0) return findings;
  const blocks = directives.filter((d) => d.kind === "disable" || d.kind === "enable").sort((a, b) => a.line - b.line);
  return findings.filter(
    (finding) => finding.rule === "parse-error" || !(silencedOnLine(finding, directives) || silencedByBlock(finding, blocks)),
  );
}

function names(directive: DisableDirective, finding: Finding): boolean {
  return (
    directive.rules.length === 0 ||
    directive.rules.some((rule) => rule === finding.rule || rule === `flaglint/${finding.rule}`)
  );
}

function silencedOnLine(finding: Finding, directives: readonly DisableDirective[]): boolean {
  return directives.some(
    (d) =>
      names(d, finding) &&
      ((d.kind === "disable-line" && d.line === finding.line) ||
        (d.kind === "disable-next-line" && d.line + 1 === finding.line)),
  );
}

// Replays the blocks above the finding in order: the last one that names its rule decides.
function silencedByBlock(finding: Finding, blocks: readonly DisableDirective[]): boolean {
  let silenced = false;
  for (const d of blocks) {
    const applies = d.kind === "disable" ? d.line <= finding.line : d.line < finding.line;
    if (!applies) continue;
    if (names(d, finding)) silenced = d.kind === "disable";
  }
  return silenced;
}
