// `flaglint explain`: the answer for one file, as text for a person or JSON for a script.
import type { FileExplanation } from "@flaglint/core";
import { relativePath } from "./paths.js";

export function formatExplanationText(explanation: FileExplanation, options: { cwd: string }): string {
  const relative = (file: string) => relativePath(file, options.cwd);
  const lines = [relative(explanation.file)];
  if (explanation.registry !== undefined) lines.push(`  registry: ${relative(explanation.registry)}`);
  if (explanation.unchecked !== undefined) {
    lines.push(`  not checked: ${explanation.unchecked}`);
    return `${lines.join("\n")}\n`;
  }
  lines.push("  what counts as a flag check here:");
  for (const matcher of explanation.matchers) lines.push(`    ${matcher.id}  ${matcher.description}`);
  if (explanation.matchers.length === 0) lines.push("    nothing: the registry's detect section configures no check");
  lines.push(explanation.parsed ? "  pre-filter: passed, the file was parsed" : "  pre-filter: the text names no configured check, so check never parses it");
  lines.push(`  checks found: ${explanation.references.length}`);
  for (const reference of explanation.references) {
    const key = reference.flag === null ? `dynamic key ${reference.keyText}` : reference.flag;
    lines.push(`    ${reference.line}:${reference.column}  ${key}  (${reference.kind}, ${reference.matcher})`);
  }
  if (explanation.lookAlikes.length > 0) {
    lines.push("  look-alikes not counted:");
    for (const lookAlike of explanation.lookAlikes) lines.push(`    ${lookAlike.line}:${lookAlike.column}  ${lookAlike.callee}()  ${lookAlike.reason}`);
  }
  if (explanation.findings.length > 0) {
    lines.push("  findings:");
    for (const finding of explanation.findings) lines.push(`    ${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${finding.rule}`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatExplanationJson(explanation: FileExplanation, options: { cwd: string }): string {
  const relative = (file: string) => relativePath(file, options.cwd);
  const json = {
    file: relative(explanation.file),
    registry: explanation.registry === undefined ? null : relative(explanation.registry),
    unchecked: explanation.unchecked ?? null,
    matchers: explanation.matchers,
    parsed: explanation.parsed,
    references: explanation.references.map(({ flag, line, column, kind, matcher, dynamic, context }) => ({ flag, line, column, kind, matcher, dynamic, context })),
    lookAlikes: explanation.lookAlikes,
    findings: explanation.findings.map(({ rule, severity, flag, line, column, message }) => ({ rule, severity, flag, line, column, message })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
