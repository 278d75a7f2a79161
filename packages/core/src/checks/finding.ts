// Building findings: where they point, the facts their messages share, and the rendered text.
import { basename } from "node:path";
import type { FlagDefinition, FlagType, Finding, Registry } from "../types.js";
import { type KeyIndex, keyIndex, nearestKey } from "./nearest-key.js";
import type { RuleMeta } from "./rule.js";
import type { Site } from "./site.js";

export { entrySite, siteIn, type Site } from "./site.js";

export interface FindingParts {
  messageId: string;
  data: Record<string, string | number>;
  site: Site;
  flag: string | null;
  registry?: string;
  suggestion?: string;
}

/** A finding of `meta`'s rule, at its severity, with its message rendered from the rule's template. */
export function createFinding(meta: RuleMeta, parts: FindingParts): Finding {
  const template = meta.messages[parts.messageId];
  if (template === undefined) throw new Error(`Rule ${meta.id} has no message "${parts.messageId}"`);
  const { file, line, column, endLine, endColumn } = parts.site;
  const finding: Finding = {
    rule: meta.id,
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

/** Fill `{{name}}` placeholders from `data`, leaving unknown ones as written (as ESLint does). */
export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{([^{}]+)\}\}/g, (placeholder, name: string) => {
    const key = name.trim();
    return Object.hasOwn(data, key) ? String(data[key]) : placeholder;
  });
}

/**
 * The message data of a key the registry does not list: the key, the registry's name and, when one
 * is close, the nearest registry key (`suggestion`), which picks the rule's "Did you mean" message.
 */
export function unknownKeyData(key: string, registry: Registry): { data: Record<string, string>; suggestion?: string } {
  const data: Record<string, string> = { flag: key, registryName: registryName(registry) };
  const suggestion = nearestRegistryKey(key, registry);
  if (suggestion === undefined) return { data };
  data.suggestion = suggestion;
  return { data, suggestion };
}

/**
 * The nearest key of a registry, worked out once per key and registry: a misspelt key is often
 * checked in many places, and each search compares it with every key of the registry. A registry
 * read again (its file changed) is a new object, with answers of its own.
 */
const nearestByRegistry = new WeakMap<Registry, { index: KeyIndex; known: Map<string, string | undefined> }>();

function nearestRegistryKey(key: string, registry: Registry): string | undefined {
  let answers = nearestByRegistry.get(registry);
  if (answers === undefined) {
    answers = { index: keyIndex(registry.flags.keys()), known: new Map() };
    nearestByRegistry.set(registry, answers);
  }
  const { index, known } = answers;
  if (!known.has(key)) known.set(ownCopy(key), nearestKey(key, index));
  return known.get(key);
}

/**
 * `text` in a string of its own. A key read from a syntax tree is, in V8, a slice that keeps the
 * whole text of its file alive; kept as a map's key for a long-lived ESLint process, each misspelt
 * key typed in an editor (one per keystroke) would keep a copy of the file it was typed in.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
