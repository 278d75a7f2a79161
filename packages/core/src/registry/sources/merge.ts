// Merges pulled flags into the registry text. The service owns what it knows (created, description,
// link, tags, archived); a person owns owner, ticket, removeBy, final and any type already written.
// A YAML registry is edited in place, entry by entry, through the yaml Document's node ranges, so
// comments, blank lines, quoting and order survive; a JSON registry (no comments to keep) is re-written.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { FlagType } from "../../types.js";
import { flagType } from "../build.js";
import { PullError } from "./errors.js";
import type { PulledFlag } from "./types.js";

export interface MergeResult {
  text: string;
  /** Keys new to the registry. */
  added: string[];
  /** Keys whose created, description, link or tags changed. */
  updated: string[];
  /** Keys now `status: archived` because the service archived them. */
  archived: string[];
  /** One line per disagreement left as the registry has it. */
  conflicts: string[];
}

/** Replace `text[start, end)` with `text`. */
interface TextEdit {
  start: number;
  end: number;
  text: string;
}

type Field = "type" | "created" | "description" | "link" | "tags" | "status";
type FieldValue = string | string[];

/** What one pulled flag changes in one entry, before it is written as YAML or JSON. */
interface FlagPlan {
  key: string;
  add: boolean;
  set: Array<[Field, FieldValue]>;
}

/** Fields in the order a new entry lists them. */
const NEW_ENTRY_FIELDS: readonly Field[] = ["type", "created", "description", "link", "tags", "status"];

/**
 * The registry text with `pulled` merged in. `source` names the source in conflict notes. The text
 * must already be a valid registry (parseRegistry); the result is validated by the caller.
 */
export function mergePulledFlags(text: string, registryPath: string, pulled: readonly PulledFlag[], source: string): MergeResult {
  const json = /\.json$/i.test(registryPath);
  const document = json ? undefined : parseDocument(text, { schema: "core", uniqueKeys: false });
  const current = registryFlags(text, document);
  const result: MergeResult = { text, added: [], updated: [], archived: [], conflicts: [] };
  const plans: FlagPlan[] = [];
  const seen = new Set<string>();
  for (const flag of pulled) {
    if (seen.has(flag.key)) {
      result.conflicts.push(`${flag.key}: listed twice by ${source}; kept the first`);
      continue;
    }
    seen.add(flag.key);
    // Own keys only: a flag named "constructor" or "__proto__" is a flag like any other.
    const plan = planFlag(flag, Object.hasOwn(current, flag.key) ? current[flag.key] : undefined, source, result);
    if (plan && plan.set.length > 0) plans.push(plan);
  }
  if (plans.length === 0) return result;
  result.text = document ? applyToYaml(text, document, registryPath, plans) : applyToJson(text, plans);
  return result;
}

function registryFlags(text: string, document: Document | undefined): Record<string, Record<string, unknown>> {
  const value = (document ? document.toJS({ maxAliasCount: 100 }) : JSON.parse(text.replace(/^\uFEFF/, ""))) as { flags?: unknown } | null;
  const flags = value?.flags;
  return typeof flags === "object" && flags !== null ? (flags as Record<string, Record<string, unknown>>) : {};
}

function planFlag(flag: PulledFlag, entry: Record<string, unknown> | undefined, source: string, result: MergeResult): FlagPlan | undefined {
  if (!entry) {
    // A flag the service archived before the registry ever listed it is history nobody asked for.
    if (flag.archived) return undefined;
    const values: Partial<Record<Field, FieldValue>> = { type: flag.type ?? "release", created: flag.created, description: flag.description, link: flag.link, tags: flag.tags };
    result.added.push(flag.key);
    return { key: flag.key, add: true, set: NEW_ENTRY_FIELDS.filter((field) => values[field] !== undefined).map((field) => [field, values[field]!]) };
  }
  const plan: FlagPlan = { key: flag.key, add: false, set: [] };
  const note = (text: string) => result.conflicts.push(`${flag.key}: ${text}`);
  const written = typeof entry.type === "string" ? flagType(entry.type) : undefined;
  if (flag.type && written && flag.type !== written) {
    note(`type is ${written} in the registry but ${describeType(flag.type)} in ${source}; kept ${written}`);
  }
  if (flag.created && entry.created !== flag.created) {
    const removeBy = typeof entry.removeBy === "string" ? entry.removeBy : undefined;
    if (removeBy && removeBy < flag.created) {
      note(`${source} says created ${flag.created}, after its removeBy ${removeBy}; kept created ${typeof entry.created === "string" ? entry.created : "unset"}`);
    } else {
      plan.set.push(["created", flag.created]);
    }
  }
  for (const field of ["description", "link"] as const) {
    if (flag[field] !== undefined && entry[field] !== flag[field]) plan.set.push([field, flag[field]]);
  }
  if (flag.tags && !sameList(entry.tags, flag.tags)) plan.set.push(["tags", flag.tags]);
  if (plan.set.length > 0) result.updated.push(flag.key);
  const status = typeof entry.status === "string" ? entry.status : "active";
  if (flag.archived && status !== "archived") {
    plan.set.push(["status", "archived"]);
    result.archived.push(flag.key);
  } else if (!flag.archived && status === "archived") {
    note(`archived in the registry but live in ${source}; kept archived`);
  }
  return plan;
}

function describeType(type: FlagType): string {
  return type === "release" ? "release (temporary)" : type;
}

function sameList(written: unknown, pulled: readonly string[]): boolean {
  return Array.isArray(written) && written.length === pulled.length && written.every((item, index) => item === pulled[index]);
}

// --- JSON: no comments to keep, so the value is changed and written again. ---

function applyToJson(text: string, plans: readonly FlagPlan[]): string {
  const value = JSON.parse(text.replace(/^\uFEFF/, "")) as { flags?: Record<string, Record<string, unknown>> | null };
  const flags = (value.flags ??= {});
  for (const plan of plans) {
    if (!Object.hasOwn(flags, plan.key)) Object.defineProperty(flags, plan.key, { value: {}, enumerable: true, writable: true, configurable: true });
    const entry = flags[plan.key]!;
    for (const [field, fieldValue] of plan.set) entry[field] = fieldValue;
  }
  const indent = /^[ \t]*\{\s*\n([ \t]+)/.exec(text)?.[1] ?? "  ";
  return `${JSON.stringify(value, null, indent)}\n`;
}

// --- YAML: text edits at the nodes' ranges. ---

function applyToYaml(text: string, document: Document, registryPath: string, plans: readonly FlagPlan[]): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const root = document.contents;
  if (!isMap(root)) throw new PullError(`${registryPath}: the registry is not a map of fields; nothing written`);
  const flagsPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === "flags");
  const flagsMap = flagsPair && isMap(flagsPair.value) ? flagsPair.value : undefined;
  const edits: TextEdit[] = [];
  const additions: FlagPlan[] = [];
  const entries = new Map<string, Pair>();
  for (const item of flagsMap?.items ?? []) {
    if (isScalar(item.key) && !entries.has(String(item.key.value))) entries.set(String(item.key.value), item);
  }

  for (const plan of plans) {
    if (plan.add) {
      additions.push(plan);
      continue;
    }
    const pair = entries.get(plan.key);
    if (!pair || !isMap(pair.value)) {
      throw new PullError(`${registryPath}: the entry of "${plan.key}" is not a plain map of fields (an alias?); write it out to let registry pull update it`);
    }
    edits.push(...entryEdits(text, pair.value, plan, newline));
  }
  if (additions.length > 0) edits.push(...additionEdits(text, registryPath, root, flagsPair, flagsMap, additions, newline));
  return applyInOrder(text, edits);
}

/**
 * Applies non-overlapping edits in one pass (a pull may make one per flag, thousands on a large
 * registry). Edits at the same offset keep the order they were made in.
 */
function applyInOrder(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping registry edits at ${edit.start}`);
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

function entryEdits(text: string, entry: YAMLMap, plan: FlagPlan, newline: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: Array<[Field, FieldValue]> = [];
  for (const [field, value] of plan.set) {
    const pair = entry.items.find((item) => isScalar(item.key) && item.key.value === field);
    if (!pair) {
      missing.push([field, value]);
      continue;
    }
    edits.push(replaceValue(text, pair, value, entry.flow === true));
  }
  if (missing.length === 0) return edits;
  if (entry.flow) {
    const close = text.lastIndexOf("}", entry.range![1] - 1);
    const lastItem = entry.items[entry.items.length - 1];
    const at = lastItem ? endOf(lastItem.value as Node | null) ?? endOf(lastItem.key as Node)! : close;
    const fields = missing.map(([field, value]) => `${field}: ${yamlValue(value, true)}`).join(", ");
    edits.push({ start: at, end: at, text: lastItem ? `, ${fields}` : fields });
    return edits;
  }
  const firstKey = entry.items[0]!.key as Node;
  const indent = text.slice(lineStartOf(text, firstKey.range![0]), firstKey.range![0]);
  const at = lineEndOf(text, lastEnd(text, entry));
  edits.push({ start: at, end: at, text: missing.map(([field, value]) => `${newline}${indent}${field}: ${yamlValue(value, false)}`).join("") });
  return edits;
}

/** The value of `pair` replaced in place; a block list stays a block list. */
function replaceValue(text: string, pair: Pair, value: FieldValue, flow: boolean): TextEdit {
  const node = pair.value as Node | null;
  if (!node?.range) {
    // `field:` with nothing after it: the value goes after the colon.
    const keyEnd = (pair.key as Node).range![1];
    const colon = text.indexOf(":", keyEnd);
    return { start: colon + 1, end: colon + 1, text: ` ${yamlValue(value, flow)}` };
  }
  const start = node.range[0];
  const end = valueEnd(text, node);
  if (Array.isArray(value) && isSeq(node) && !node.flow && value.length > 0) {
    const indent = text.slice(lineStartOf(text, start), start);
    return { start, end, text: value.map((item) => `- ${yamlText(item, false)}`).join(`\n${indent}`) };
  }
  return { start, end, text: yamlValue(value, flow) };
}

/** New entries go after the last flag, at the indentation the file already uses. */
function additionEdits(
  text: string,
  registryPath: string,
  root: YAMLMap,
  flagsPair: Pair | undefined,
  flagsMap: YAMLMap | undefined,
  plans: readonly FlagPlan[],
  newline: string,
): TextEdit[] {
  if (flagsMap?.flow && flagsMap.items.length > 0) throw new PullError(`${registryPath}: "flags" is written in flow style ({ … }); write it as a block to let registry pull add flags`);
  let keyIndent = "  ";
  let fieldIndent = "    ";
  const firstPair = flagsMap?.items[0];
  if (firstPair) {
    const keyStart = (firstPair.key as Node).range![0];
    keyIndent = text.slice(lineStartOf(text, keyStart), keyStart);
    const firstField = isMap(firstPair.value) && !firstPair.value.flow ? (firstPair.value.items[0]?.key as Node | undefined) : undefined;
    fieldIndent = firstField?.range ? text.slice(lineStartOf(text, firstField.range[0]), firstField.range[0]) : `${keyIndent}${keyIndent}`;
  }
  const block = plans
    .map((plan) => [`${keyIndent}${yamlText(plan.key, false)}:`, ...plan.set.map(([field, value]) => `${fieldIndent}${field}: ${yamlValue(value, false)}`)].join(newline))
    .join(newline);

  if (flagsMap && !flagsMap.flow && flagsMap.items.length > 0) {
    const at = lineEndOf(text, lastEnd(text, flagsMap));
    return [{ start: at, end: at, text: `${newline}${block}` }];
  }
  if (flagsPair) {
    // `flags:` with nothing, `null` or `{}` after it: the value goes, the entries follow on the next lines.
    const edits: TextEdit[] = [];
    const value = flagsPair.value as Node | null;
    const keyEnd = (flagsPair.key as Node).range![1];
    const afterColon = text.indexOf(":", keyEnd) + 1;
    if (value?.range && value.range[1] > value.range[0]) edits.push({ start: afterColon, end: valueEnd(text, value), text: "" });
    const at = lineEndOf(text, value?.range ? valueEnd(text, value) : keyEnd);
    edits.push({ start: at, end: at, text: `${newline}${block}` });
    return edits;
  }
  if (root.flow) throw new PullError(`${registryPath}: the registry is written in flow style ({ … }); write it as a block to let registry pull add flags`);
  const trimmed = text.replace(/\s+$/, "");
  return [{ start: trimmed.length, end: text.length, text: `${newline}${newline}flags:${newline}${block}${newline}` }];
}

/** Where the last line of a block node's text ends (before any comment lines that follow it). */
function lastEnd(text: string, node: Node): number {
  let current: Node = node;
  for (;;) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1]!;
      current = (isPair(last) ? ((last.value as Node | null) ?? (last.key as Node)) : (last as Node));
      continue;
    }
    return valueEnd(text, current);
  }
}

function endOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[1];
}

/** The end of a node's own text: a block scalar's range takes in its final line break. */
function valueEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
  return end;
}

function yamlValue(value: FieldValue, flow: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => yamlText(item, true)).join(", ")}]`;
  return yamlText(value, flow);
}

/** Words the core schema reads as something other than a string. */
const NOT_TEXT = /^(?:[-+]?(?:\.?[0-9].*|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;
const PLAIN_BLOCK = /^[A-Za-z0-9_][A-Za-z0-9_./@%+=&?:;()'-]*(?: [A-Za-z0-9_./@%+=&?:;()'-]+)*$/;
const PLAIN_FLOW = /^[A-Za-z0-9_][A-Za-z0-9_./@%+=&;()'-]*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** A string as a YAML scalar: plain where that reads back as the same string, double-quoted otherwise. */
export function yamlText(value: string, flow: boolean): string {
  if (DATE.test(value)) return value;
  const plain = (flow ? PLAIN_FLOW : PLAIN_BLOCK).test(value) && !NOT_TEXT.test(value) && !/:(?: |$)/.test(value) && !/ #/.test(value);
  return plain ? value : JSON.stringify(value);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Where the line holding `offset` ends, before its "\n" or "\r\n". */
function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === "\r" ? newline - 1 : newline;
}
