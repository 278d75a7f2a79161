// Bulk suppressions, ESLint's convention (eslint-suppressions.json): a baseline of the error findings
// a repository already has, counted per file and rule, so that a gate can be adopted before the old
// debt is paid. Counts, not lines: the baseline holds while code moves; a count exceeded reports
// every finding of that rule in that file, as ESLint does.
import path from "node:path";
import { UsageError } from "../clock.js";
import type { Finding, ProjectResult } from "../types.js";
import { isRecord } from "../json-shape.js";
export { pathsCover } from "../project/scope.js";

export const SUPPRESSIONS_FILE = "flaglint-suppressions.json";

/** `{ "src/a.ts": { "no-stale-flag": { "count": 2 } } }`, paths relative to the file's folder, with "/". */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** A suppression that no finding uses any more (fewer findings than its count, or none). */
export interface UnusedSuppression {
  file: string;
  rule: string;
  /** Findings the baseline allows. */
  count: number;
  /** Findings there are now. */
  found: number;
}

export interface SuppressionRun {
  /** The findings left once the baseline is applied; the summary counts follow. */
  result: ProjectResult;
  /** Suppressed findings. */
  suppressed: number;
  /** Suppressions the run covered that allow more than there is (see `covers`). */
  unused: UnusedSuppression[];
}

/** Reads a suppressions file's text; a malformed one is a one-line UsageError with a hint. */
export function parseSuppressions(text: string, file: string): Suppressions {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}) (hint: regenerate it with flaglint check --suppress-all)`);
  }
  const bad = (where: string) =>
    new UsageError(`${file}: ${where} is not { "<file>": { "<rule>": { "count": <n> } } } (hint: regenerate it with flaglint check --suppress-all)`);
  if (!isRecord(data)) throw bad("the file");
  const suppressions: Suppressions = {};
  for (const [name, rules] of Object.entries(data)) {
    if (!isRecord(rules)) throw bad(`"${name}"`);
    for (const [rule, entry] of Object.entries(rules)) {
      if (!isRecord(entry) || !Number.isInteger(entry.count) || (entry.count as number) < 0) throw bad(`"${name}" > "${rule}"`);
      (suppressions[name] ??= {})[rule] = { count: entry.count as number };
    }
  }
  return suppressions;
}

/** The file's text: sorted by file and rule, so that it diffs well. */
export function serializeSuppressions(suppressions: Suppressions): string {
  const sorted: Suppressions = {};
  for (const name of Object.keys(suppressions).sort()) {
    const rules = suppressions[name]!;
    const kept = Object.keys(rules)
      .sort()
      .filter((rule) => rules[rule]!.count > 0);
    if (kept.length === 0) continue;
    sorted[name] = Object.fromEntries(kept.map((rule) => [rule, { count: rules[rule]!.count }]));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export interface SuppressionOptions {
  /** Absolute folder the suppressions file is in: its paths are relative to it. */
  base: string;
  /**
   * Whether the run looked at a file (absolute path) in full: suppressions of files it did not
   * cover are neither unused nor pruned. Default: every file.
   */
  covers?: (file: string) => boolean;
}

/** Applies a baseline to a run: error findings within their file's count for the rule are dropped. */
export function applySuppressions(result: ProjectResult, suppressions: Suppressions, options: SuppressionOptions): SuppressionRun {
  const groups = errorGroups(result.findings, options.base);
  const dropped = new Set<Finding>();
  for (const [name, rules] of groups) {
    for (const [rule, findings] of rules) {
      const allowed = suppressions[name]?.[rule]?.count ?? 0;
      if (findings.length <= allowed) for (const finding of findings) dropped.add(finding);
    }
  }
  const covers = options.covers ?? (() => true);
  const unused: UnusedSuppression[] = [];
  for (const [name, rules] of Object.entries(suppressions)) {
    if (!covers(path.resolve(options.base, name))) continue;
    for (const [rule, { count }] of Object.entries(rules)) {
      const found = groups.get(name)?.get(rule)?.length ?? 0;
      if (found < count) unused.push({ file: name, rule, count, found });
    }
  }
  const findings = result.findings.filter((finding) => !dropped.has(finding));
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return {
    result: { ...result, findings, summary: { ...result.summary, errors, warnings: findings.length - errors } },
    suppressed: dropped.size,
    unused: unused.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : 1)),
  };
}

/**
 * `--suppress-all` / `--suppress-rule`: the baseline with the run's error findings (of `rules`,
 * or all) counted in, as many as there are now; files and rules without findings keep theirs.
 */
export function suppressFindings(existing: Suppressions, result: ProjectResult, options: SuppressionOptions & { rules?: readonly string[] }): Suppressions {
  const next = clone(existing);
  for (const [name, rules] of errorGroups(result.findings, options.base)) {
    for (const [rule, findings] of rules) {
      if (options.rules && !options.rules.includes(rule)) continue;
      (next[name] ??= {})[rule] = { count: findings.length };
    }
  }
  return next;
}

/** `--prune-suppressions`: counts lowered to what the run still finds, in the files it covered. */
export function pruneSuppressions(existing: Suppressions, result: ProjectResult, options: SuppressionOptions): Suppressions {
  const groups = errorGroups(result.findings, options.base);
  const covers = options.covers ?? (() => true);
  const next = clone(existing);
  for (const [name, rules] of Object.entries(next)) {
    if (!covers(path.resolve(options.base, name))) continue;
    for (const [rule, entry] of Object.entries(rules)) {
      entry.count = Math.min(entry.count, groups.get(name)?.get(rule)?.length ?? 0);
      if (entry.count === 0) delete rules[rule];
    }
    if (Object.keys(rules).length === 0) delete next[name];
  }
  return next;
}

/** Error findings by file (relative to `base`) and rule; warnings are never suppressed, as in ESLint. */
function errorGroups(findings: readonly Finding[], base: string): Map<string, Map<string, Finding[]>> {
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings) {
    if (finding.severity !== "error" || finding.rule === "invalid-registry") continue;
    const name = path.relative(base, finding.file).split(path.sep).join("/");
    const rules = groups.get(name) ?? new Map<string, Finding[]>();
    groups.set(name, rules);
    rules.set(finding.rule, [...(rules.get(finding.rule) ?? []), finding]);
  }
  return groups;
}

function clone(suppressions: Suppressions): Suppressions {
  return Object.fromEntries(
    Object.entries(suppressions).map(([name, rules]) => [name, Object.fromEntries(Object.entries(rules).map(([rule, { count }]) => [rule, { count }]))]),
  );
}

