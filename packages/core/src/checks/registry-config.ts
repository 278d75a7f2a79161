// What a registry configures about its own checks, shared by the CLI and the ESLint plugin:
// `rules:` (off | warn | error per rule id), `ignore:` (globs of files it does not check), and
// `# flaglint-disable-next-line <id>` comments that silence a registry-level finding on the next line.
import type { AnalysisContext } from "../detect/context.js";
import { ignoreMatcher } from "../detect/globs.js";
import { relativeTo, staysWithin } from "../paths.js";
import type { DisableDirective, Finding, Registry, RuleSettings } from "../types.js";

/** Findings as the registry's `rules:` settle them: `off` drops a rule's findings, `warn`/`error` set their severity. */
export function applyRuleSettings(findings: Finding[], rules: RuleSettings | undefined): Finding[] {
  if (rules === undefined) return findings;
  const settled: Finding[] = [];
  for (const finding of findings) {
    const setting = rules[finding.rule];
    if (setting === "off") continue;
    settled.push(setting === undefined ? finding : { ...finding, severity: setting });
  }
  return settled;
}

/**
 * Whether the registry's `ignore:` globs (gitignore syntax, relative to its folder) leave this file
 * (absolute path) out. `context`, the run's AnalysisContext of this registry, keeps the matcher;
 * without it the matcher is made for this one call.
 */
export function isIgnoredByRegistry(registry: Registry, file: string, context?: AnalysisContext): boolean {
  if (!registry.ignore || registry.ignore.length === 0) return false;
  const relative = relativeTo(registry.dir, file);
  if (relative === "" || !staysWithin(relative)) return false;
  return (context?.ignored ?? ignoreMatcher(registry.ignore)).ignores(relative);
}

/** Registry-level findings less the ones a registry directive silences, and the directives that silenced nothing. */
export function applyRegistryDirectives(findings: Finding[], directives: readonly DisableDirective[]): { findings: Finding[]; unused: DisableDirective[] } {
  if (directives.length === 0) return { findings, unused: [] };
  const used = new Set<DisableDirective>();
  const kept = findings.filter((finding) => {
    const directive = directives.find((d) => d.line + 1 === finding.line && names(d, finding.rule));
    if (directive) used.add(directive);
    return directive === undefined;
  });
  return { findings: kept, unused: directives.filter((directive) => !used.has(directive)) };
}

/**
 * The ESLint plugin reports require-removal-ticket at each check of the flag, not at its entry: a
 * registry directive above the entry silences those reports too, so both front ends agree.
 */
export function applyEntryDirectives(findings: Finding[], registry: Registry): Finding[] {
  const directives = registry.directives ?? [];
  if (directives.length === 0) return findings;
  return findings.filter((finding) => {
    if (finding.rule !== "require-removal-ticket" || finding.flag === null) return true;
    const entry = registry.flags.get(finding.flag);
    return entry === undefined || !directives.some((d) => d.line + 1 === entry.position.line && names(d, finding.rule));
  });
}

/**
 * `eslint-disable-line` / `eslint-disable-next-line` comments in code that name flaglint rules and
 * silenced none of `findings` (the file's findings before directives). Directives naming no rule
 * may be meant for other plugins, and blocks span too much to judge: neither is reported.
 */
export function unusedLineDirectives(findings: readonly Finding[], directives: readonly DisableDirective[]): DisableDirective[] {
  return directives.filter((directive) => {
    if (directive.rules.length === 0 || (directive.kind !== "disable-line" && directive.kind !== "disable-next-line")) return false;
    const line = directive.kind === "disable-line" ? directive.line : directive.line + 1;
    return !findings.some((finding) => finding.line === line && names(directive, finding.rule));
  });
}

function names(directive: DisableDirective, rule: string): boolean {
  return directive.rules.length === 0 || directive.rules.some((name) => name === rule || name === `flaglint/${rule}`);
}
