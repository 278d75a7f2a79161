// `flaglint init --update`: new flags and matchers written into an existing registry by editing
// its text in place, so every hand-written field, comment and layout choice stays as it was.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { parseRegistry } from "../registry/parse.js";
import type { CallMatcher, DetectConfig } from "../types.js";
import type { InitPlan } from "./init.js";
import { renderDetectEntry, renderFlag, SECTION_ORDER, type DetectEntry } from "./registry-text.js";

export interface UpdateResult {
  text: string;
  /** Keys of the flags added. */
  added: string[];
  /** Keys of the flags marked as gone from the code. */
  marked: string[];
  matchersAdded: number;
  /** What could not be merged (a section in flow style), one line each. */
  notes: string[];
}

export const GONE_NOTE = "# flaglint init: no declaration or check of this flag found in the code";

interface Edit {
  offset: number;
  text: string;
}

/** Throws RegistryError when the existing registry is invalid: nothing is merged into a broken file. */
export function updateRegistryText(existing: string, file: string, plan: InitPlan): UpdateResult {
  const registry = parseRegistry(existing, file);
  const document = parseDocument(existing);
  const root = document.contents;
  const edits: Edit[] = [];
  const notes: string[] = [];
  if (!isMap(root)) throw new Error("a valid registry is a map");

  const newEntries = plan.entries.filter((entry) => !hasEntry(registry.detect, entry));
  const matchersAdded = newEntries.length;
  if (newEntries.length > 0) addDetectEntries(existing, root, newEntries, edits, notes);

  const added = [...plan.keys].filter((key) => !registry.flags.has(key)).sort();
  if (added.length > 0) {
    const flags = plan.flags.filter((flag) => added.includes(flag.key));
    addFlags(existing, root, flags.map((flag) => renderFlag(flag, registry.dir)), edits, notes);
  }

  const marked: string[] = [];
  const flagsNode = pairOf(root, "flags")?.value;
  for (const flag of registry.flags.values()) {
    if (plan.keys.has(flag.key) || flag.status === "archived") continue;
    const pair = isMap(flagsNode) ? flagsNode.items.find((item) => keyText(item) === flag.key) : undefined;
    const start = (pair?.key as Node | undefined)?.range?.[0];
    if (start === undefined) continue;
    const lineStart = existing.lastIndexOf("\n", start - 1) + 1;
    const previousLine = existing.slice(existing.lastIndexOf("\n", lineStart - 2) + 1, Math.max(lineStart - 1, 0));
    marked.push(flag.key);
    if (previousLine.includes(GONE_NOTE)) continue;
    edits.push({ offset: lineStart, text: `${" ".repeat(start - lineStart)}${GONE_NOTE}\n` });
  }

  let text = existing;
  // From the end backwards; of two edits at one offset the later goes in first, so it ends up after.
  const ordered = edits.map((edit, index) => ({ ...edit, index })).sort((a, b) => b.offset - a.offset || b.index - a.index);
  for (const edit of ordered) text = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset);
  // What --update writes must load: a failure here is a bug in init, never the user's.
  parseRegistry(text, file);
  return { text, added, marked, matchersAdded, notes };
}

function hasEntry(detect: DetectConfig, entry: DetectEntry): boolean {
  const value = (name: string) => entry.fields.find(([field]) => field === name)?.[1];
  switch (entry.section) {
    case "keySets":
      return (detect.keySets ?? []).some((keySet) => keySet.name === value("name"));
    case "objects":
      return detect.objects.some((object) => object.path === value("path"));
    case "constants":
    case "properties":
      return detect[entry.section].some((matcher) => matcher.name === value("name"));
    case "jsx":
      return (detect.jsx ?? []).some((gate) => gate.component === value("component") && gate.prop === value("prop"));
    case "calls": {
      const wanted = callKey(Object.fromEntries(entry.fields) as unknown as CallMatcher);
      return detect.calls.some((call) => callKey(call) === wanted);
    }
  }
}

function callKey(call: CallMatcher): string {
  return JSON.stringify([call.module, call.import, call.object, call.function, call.call, call.method, call.keyArg ?? 0]);
}

function addDetectEntries(text: string, root: YAMLMap, entries: readonly DetectEntry[], edits: Edit[], notes: string[]): void {
  const detectPair = pairOf(root, "detect");
  const detect = detectPair?.value;
  if (detectPair === undefined || detect === null || (isScalar(detect) && detect.value === null)) {
    // No detect section yet: a whole one, before the flags.
    const lines = ["detect:"];
    for (const section of SECTION_ORDER) {
      const own = entries.filter((entry) => entry.section === section);
      if (own.length > 0) lines.push(`  ${section}:`, ...own.flatMap(renderDetectEntry));
    }
    const flags = pairOf(root, "flags");
    if (detectPair !== undefined) {
      edits.push({ offset: lineEnd(text, (detectPair.key as Node).range![1]), text: `${lines.slice(1).join("\n")}\n` });
    } else if (flags !== undefined) {
      const start = lineStartOf(text, (flags.key as Node).range![0]);
      edits.push({ offset: start, text: `${lines.join("\n")}\n\n` });
    } else {
      edits.push({ offset: text.length, text: `${text.endsWith("\n") ? "" : "\n"}${lines.join("\n")}\n` });
    }
    return;
  }
  if (!isMap(detect) || detect.flow === true) {
    notes.push("detect is not written as a block map: add the discovered matchers by hand (flaglint init --dry-run shows them)");
    return;
  }
  const childIndent = detect.items.length > 0 ? columnOf(text, (detect.items[0]!.key as Node).range![0]) : 2;
  // New sections go in after the items added to existing ones: both may land at the end of detect.
  const newSections: Edit[] = [];
  for (const section of SECTION_ORDER) {
    const own = entries.filter((entry) => entry.section === section);
    if (own.length === 0) continue;
    const rendered = own.flatMap(renderDetectEntry);
    const sectionPair = pairOf(detect, section);
    const list = sectionPair?.value;
    if (sectionPair === undefined) {
      const lines = [`${" ".repeat(childIndent)}${section}:`, ...reindent(rendered, 4, childIndent + 2)];
      newSections.push({ offset: endOfBlock(text, detect, childIndent), text: `${lines.join("\n")}\n` });
    } else if (isSeq(list) && list.flow !== true && list.items.length > 0) {
      const dash = dashColumn(text, (list.items[0] as Node).range![0]);
      edits.push({ offset: endOfBlock(text, list, dash), text: `${reindent(rendered, 4, dash).join("\n")}\n` });
    } else if (list === null || (isScalar(list) && list.value === null)) {
      edits.push({ offset: lineEnd(text, (sectionPair.key as Node).range![1]), text: `${reindent(rendered, 4, childIndent + 2).join("\n")}\n` });
    } else {
      notes.push(`detect.${section} is written in flow style: add the discovered entries by hand (flaglint init --dry-run shows them)`);
    }
  }
  edits.push(...newSections);
}

function addFlags(text: string, root: YAMLMap, rendered: string[][], edits: Edit[], notes: string[]): void {
  const pair = pairOf(root, "flags");
  const flags = pair?.value;
  if (pair === undefined) {
    const block = ["flags:", ...rendered.flatMap((lines) => [...lines, ""])];
    edits.push({ offset: text.length, text: `${text.endsWith("\n") ? "" : "\n"}\n${block.join("\n")}` });
    return;
  }
  if (flags === null || (isScalar(flags) && flags.value === null)) {
    edits.push({ offset: lineEnd(text, (pair.key as Node).range![1]), text: `${rendered.flatMap((lines) => [...lines, ""]).join("\n")}` });
    return;
  }
  if (!isMap(flags) || flags.flow === true || flags.items.length === 0) {
    notes.push("flags is written in flow style: add the new flags by hand (flaglint init --dry-run shows them)");
    return;
  }
  const indent = columnOf(text, (flags.items[0]!.key as Node).range![0]);
  const lines = rendered.flatMap((entry) => ["", ...reindent(entry, 2, indent)]);
  const offset = endOfBlock(text, flags, indent);
  edits.push({ offset, text: `${lines.slice(text.slice(0, offset).endsWith("\n\n") ? 1 : 0).join("\n")}\n` });
}

/**
 * Where to add to a block collection whose entries start at `indent`: after its last line and the
 * comment lines indented under it (`# ticket: …` left commented belongs to the last entry).
 */
function endOfBlock(text: string, collection: { items: ReadonlyArray<unknown> }, indent: number): number {
  const items = collection.items;
  const last = items[items.length - 1]!;
  const node = (isPairLike(last) ? (last.value as Node | null) ?? (last.key as Node) : last) as Node;
  let offset = lineEnd(text, node.range![1] > 0 ? node.range![1] - 1 : 0);
  for (;;) {
    if (offset >= text.length) return text.length;
    const end = text.indexOf("\n", offset);
    const line = text.slice(offset, end < 0 ? text.length : end);
    const trimmed = line.trimStart();
    if (!(trimmed.startsWith("#") && line.length - trimmed.length > indent)) return offset;
    offset = end < 0 ? text.length : end + 1;
  }
}

function isPairLike(value: unknown): value is Pair {
  return typeof value === "object" && value !== null && "key" in value && "value" in value;
}

function reindent(lines: readonly string[], from: number, to: number): string[] {
  return lines.map((line) => (line.startsWith(" ".repeat(from)) ? " ".repeat(to) + line.slice(from) : line));
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => keyText(item) === key);
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

/** The offset just past the end of the line that holds `offset`. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The column of the `-` before a sequence item that starts at `offset`, relative to its line. */
function dashColumn(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  const dash = text.lastIndexOf("-", offset);
  return dash >= start ? dash - start : offset - start;
}

