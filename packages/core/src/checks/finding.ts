// Building findings: where they point, the facts their messages share, and the rendered text.
import { basename } from "node:path";
import type { FlagDefinition, FlagType, Finding, Range, Registry, RuleId } from "../types.js";
import { RULES, renderMessage } from "./rules.js";

/** Where a finding points: a file and a range in it. */
export interface Site extends Range {
  file: string;
}

/** The site of anything detection located in `file` (a reference, a removal note). */
export function siteIn(file: string, range: Range): Site {
  return { file, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

/** The site of a flag's entry in the registry: its key, assumed written unquoted. */
export function entrySite(flag: FlagDefinition, registry: Registry): Site {
  const { line, column } = flag.position;
  return { file: registry.path, line, column, endLine: line, endColumn: column + flag.key.length };
}

export interface FindingParts {
  rule: RuleId;
  messageId: string;
  data: Record<string, string | number>;
  site: Site;
  flag: string | null;
  registry?: string;
  suggestion?: string;
}

/** A finding with the rule's severity and its message rendered from the rule's template. */
export function createFinding(parts: FindingParts): Finding {
  const meta = RULES[parts.rule];
  const template = meta.messages[parts.messageId];
  if (template === undefined) throw new Error(`Rule ${parts.rule} has no message "${parts.messageId}"`);
  const { file, line, column, endLine, endColumn } = parts.site;
  const finding: Finding = {
    rule: parts.rule,
    severity: meta.severity,
    flag: parts.flag,
    file,
    line,
    column,
    endLine,
    endColumn,
    messageId: parts.messageId,
    data: parts.data,
    message: renderMessage(template, parts.data),
  };
  if (parts.suggestion !== undefined) finding.suggestion = parts.suggestion;
  if (parts.registry !== undefined) finding.registry = parts.registry;
  return finding;
}

const KIND_LABELS: Record<FlagType, string> = {
  release: "Release",
  experiment: "Experiment",
  ops: "Ops",
  permission: "Permission",
};

/** The registry file's base name, as messages name it ("feature-flags.yaml"). */
export function registryName(registry: Registry): string {
  return basename(registry.path);
}

/** The message fragments every flag message shares: what the flag is, who owns it, its ticket. */
export function flagData(flag: FlagDefinition, registry: Registry): Record<string, string> {
  return {
    flag: flag.key,
    kind: KIND_LABELS[flag.type],
    owner: ownerText(flag.owner),
    ticket: ticketText(flag.ticket),
    registryName: registryName(registry),
  };
}

export function ownerText(owner: string | undefined): string {
  return owner ? `owner ${owner}` : "no owner";
}

export function ticketText(ticket: string | undefined): string {
  return ticket ? `ticket ${ticket}` : "no removal ticket";
}

/** A day count relative to today: "225 days ago", "1 day ago", "today", "in 1 day", "in 3 days". */
export function relativeDays(daysFromNow: number): string {
  if (daysFromNow === 0) return "today";
  const count = Math.abs(daysFromNow);
  const days = `${count} ${count === 1 ? "day" : "days"}`;
  return daysFromNow < 0 ? `${days} ago` : `in ${days}`;
}
