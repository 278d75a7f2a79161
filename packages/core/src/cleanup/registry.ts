// Marks a flag's registry entry `status: archived` by editing only the text of that entry:
// the rest of the file (comments, blank lines, quoting, alignment) stays byte for byte.
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { UsageError } from "../clock.js";
import { applyEdits, type TextEdit } from "./edits.js";
import { lineEndOf, lineStartOf } from "./text.js";

export type ArchivedStatus = "archived" | "retired";

/**
 * Returns the registry text with `status: archived` (or `retired`) on the flag's entry: the
 * existing `status` value replaced, or a `status` line added after the entry's last field.
 * YAML and JSON registries alike; the entry is found through yaml's Document API.
 */
export function archiveFlagInRegistry(registryText: string, registryPath: string, key: string, status: ArchivedStatus = "archived"): string {
  const json = registryPath.endsWith(".json");
  const entry = findEntry(registryText, registryPath, key);
  const quoted = json ? JSON.stringify(status) : status;
  const current = entry.items.find((pair) => isScalar(pair.key) && pair.key.value === "status");
  let edit: TextEdit;
  if (current && isScalar(current.value) && current.value.range) {
    if (current.value.value === status) return registryText;
    edit = { start: current.value.range[0], end: current.value.range[1], text: quoted };
  } else if (current) {
    throw new UsageError(`${registryPath}: the status of "${key}" is not a plain value; set it to ${status} by hand`);
  } else {
    edit = entry.flow ? addToFlowMap(registryText, entry, json, quoted) : addToBlockMap(registryText, entry, quoted);
  }
  const result = applyEdits(registryText, [edit]);
  verify(result, registryPath, key, status);
  return result;
}

/** A call matcher whose `key` is the flag: a function that stands for it (`function: newCheckout, key: new-checkout`). */
export interface FlagFunction {
  name: string;
  /** 1-based, of the matcher in the registry. */
  line: number;
  column: number;
}

/** The `detect.calls` entries with `key: <flag>` and a `function`, where the registry text has them. */
export function flagFunctions(registryText: string, key: string): FlagFunction[] {
  const calls = parseDocument(registryText).getIn(["detect", "calls"], true);
  if (!isSeq(calls)) return [];
  const found: FlagFunction[] = [];
  for (const item of calls.items) {
    if (!isMap(item) || item.get("key") !== key) continue;
    const name = item.get("function");
    const start = rangeOf(item)?.[0];
    if (typeof name !== "string" || start === undefined) continue;
    const before = registryText.slice(0, start);
    found.push({ name, line: before.split("\n").length, column: start - before.lastIndexOf("\n") });
  }
  return found;
}

function findEntry(text: string, registryPath: string, key: string): YAMLMap {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new UsageError(`${registryPath}: cannot parse: ${document.errors[0]!.message.split("\n")[0]}`);
  const entry = document.getIn(["flags", key], true);
  if (!isMap(entry) || !entry.range) throw new UsageError(`${registryPath}: no entry for flag "${key}" under flags`);
  return entry;
}

/** `status: archived` on its own line, at the indentation of the entry's fields. */
function addToBlockMap(text: string, entry: YAMLMap, quoted: string): TextEdit {
  const items = entry.items;
  const fieldStart = rangeOf(items[0]!.key)![0];
  const last = items[items.length - 1]!;
  const lastNode = rangeOf(last.value) ? last.value : last.key;
  const indent = text.slice(lineStartOf(text, fieldStart), fieldStart);
  // A block scalar's range ends after its last line break; the line to follow is the one before.
  const lastEnd = rangeOf(lastNode)![1];
  const at = lineEndOf(text, text[lastEnd - 1] === "\n" ? lastEnd - 1 : lastEnd);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  return { start: at, end: at, text: `${newline}${indent}status: ${quoted}` };
}

/** `{ type: ops }` -> `{ type: ops, status: archived }`, a JSON object likewise. */
function addToFlowMap(text: string, entry: YAMLMap, json: boolean, quoted: string): TextEdit {
  const field = `${json ? '"status"' : "status"}: ${quoted}`;
  const close = text.lastIndexOf("}", entry.range![1] - 1);
  const items = entry.items;
  if (items.length === 0) return { start: close, end: close, text: field };
  const last = items[items.length - 1]!;
  const lastEnd = (rangeOf(last.value) ?? rangeOf(last.key)!)[1];
  const body = text.slice(entry.range![0], close);
  if (!body.includes("\n")) return { start: lastEnd, end: lastEnd, text: `, ${field}` };
  const keyStart = rangeOf(last.key)![0];
  const indent = text.slice(lineStartOf(text, keyStart), keyStart);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  return { start: lastEnd, end: lastEnd, text: `,${newline}${indent}${field}` };
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null)?.range ?? undefined;
}

function verify(text: string, registryPath: string, key: string, status: ArchivedStatus): void {
  const document = parseDocument(text);
  if (document.errors.length > 0 || document.getIn(["flags", key, "status"]) !== status) {
    throw new Error(`${registryPath}: marking "${key}" as ${status} did not give a valid registry`);
  }
}
