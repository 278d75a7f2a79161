// The registry text as read, before validation: its plain value, plus where each part of it is written.
import { LineCounter } from "yaml";
import type { Position } from "../types.js";

/** Where one value is written. Maps and lists keep their children, so a problem can name any node. */
export interface SourceNode {
  /** 0-based offset of the value's first character. */
  offset: number;
  /** A YAML `key:` with nothing after it: problems about the value point at the key. */
  empty?: boolean;
  /** A map's entries, in file order. */
  entries?: Map<string, SourceEntry>;
  /** A list's items. */
  items?: SourceNode[];
}

export interface SourceEntry {
  keyOffset: number;
  value: SourceNode;
}

/** A problem found while reading, already placed. */
export interface TextProblem {
  offset: number;
  message: string;
  hint?: string;
}

export interface SourceText {
  /** What `JSON.parse` would give (YAML: the document as plain JavaScript, dates as `YYYY-MM-DD` text). */
  value: unknown;
  /** `undefined` when the text could not be read at all (see `problems`). */
  root: SourceNode | undefined;
  /** Syntax errors (then nothing else is known), duplicate keys and the like. */
  problems: TextProblem[];
  /** 1-based line and column of a 0-based offset. */
  position: (offset: number) => Position;
}

/** A path into the value: map keys and list indexes (as ajv's instancePath, decoded). */
export type ValuePath = readonly string[];

/** Which end of a map entry a problem is about: its key (unknown field) or its value (wrong type). */
export type Anchor = "key" | "value";

/**
 * Offset of the node at `path`. For a path that does not exist (a missing field), the offset of
 * the nearest node above it that does.
 */
export function offsetOf(root: SourceNode | undefined, path: ValuePath, anchor: Anchor): number {
  if (!root) return 0;
  let node = root;
  let entry: SourceEntry | undefined;
  for (const segment of path) {
    const next = node.entries?.get(segment) ?? itemEntry(node, segment);
    if (!next) break;
    entry = next;
    node = next.value;
  }
  if (!entry) return node.offset;
  return anchor === "key" || node.empty ? entry.keyOffset : node.offset;
}

function itemEntry(list: SourceNode, segment: string): SourceEntry | undefined {
  const item = list.items?.[Number(segment)];
  return item && { keyOffset: item.offset, value: item };
}

/** Decodes ajv's instancePath (a JSON Pointer) into its segments. */
export function pathFromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export interface TextPositions {
  /** The 1-based line of an offset. */
  lineOf: (offset: number) => number;
  /** The 1-based line and column of an offset, as an editor shows them: a byte-order mark is not a column. */
  position: (offset: number) => Position;
}

/** Offsets of `text` to lines and columns; lines end at "\n" (parseRegistry has turned a lone "\r" into one). */
export function positionsIn(text: string): TextPositions {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  return {
    lineOf: (offset) => lines.linePos(offset).line,
    position(offset) {
      const { line, col } = lines.linePos(offset);
      return { line, column: line === 1 && offset > 0 ? col - bom : col };
    },
  };
}

export function duplicateKey(key: string, offset: number, firstLine: number): TextProblem {
  return { offset, message: `duplicate key ${JSON.stringify(key)}`, hint: `first written on line ${firstLine}` };
}
