// A fast reader for the one part of a registry that grows: a `flags:` section written in plain
// block style (a key per flag, a `field: scalar` per line). The `yaml` library reads about 2 MB/s,
// too slow for 10,000 flags; this reads the common shape in one pass and gives up, so that the
// library reads the whole file, at anything else: flow style, anchors, tags, multi-line or escaped
// scalars, numbers, booleans, nulls, tabs. One-line lists of plain words (`tags: [a, b]`) it reads. What it accepts it reads exactly as the library would
// (plain-flags.test.ts compares the two on generated registries).
import { duplicateKey, type SourceEntry, type SourceNode, type TextProblem } from "./source.js";

export interface PlainFlags {
  /** Offsets of the section's body: from the line after `flags:` to the next top-level line. */
  start: number;
  end: number;
  /** Offset of the `flags` key. */
  keyOffset: number;
  value: Record<string, unknown>;
  node: SourceNode;
  /** Duplicate keys. */
  problems: TextProblem[];
}

const FLAGS_LINE = /^flags:[ ]*(?:#.*)?$/;
const TOP_LEVEL_FLAGS = /^(?:flags|"flags"|'flags')[ ]*:/;
/** A line that cannot be read here: a tab, a carriage return, a control or other break character. */
const UNUSUAL = /[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** The first character of a top-level key that ends the section; any other unindented line is left to the library. */
const TOP_LEVEL_KEY = /^[A-Za-z_$"']/;
const KEY_ONLY = /^( +)([A-Za-z_][\w./-]*|"[^"\\]*")[ ]*:[ ]*(?:#.*)?$/;
const FIELD = /^( +)([A-Za-z_][\w-]*):[ ]+(\S.*)$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"[ ]*(?:#.*)?$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'[ ]*(?:#.*)?$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Plain scalars the core schema reads as something other than a string. */
const NOT_TEXT = /^(?:[-+.~0-9]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
/** Characters a plain scalar cannot start with (YAML indicators). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

interface Line {
  offset: number;
  text: string;
}

/** The `flags:` section if it is all plain block style, else `undefined`. */
export function readPlainFlags(text: string, lineOf: (offset: number) => number): PlainFlags | undefined {
  const section = findSection(text);
  if (!section) return undefined;
  const reader = new SectionReader(lineOf);
  for (const line of section.lines) {
    if (!reader.read(line)) return undefined;
  }
  const node = reader.finish();
  if (!node) return undefined;
  return { start: section.start, end: section.end, keyOffset: section.keyOffset, value: reader.value, node, problems: reader.problems };
}

function findSection(text: string): { keyOffset: number; start: number; end: number; lines: Line[] } | undefined {
  let section: { keyOffset: number; start: number; end: number; lines: Line[] } | undefined;
  let inSection = false;
  for (let offset = 0; offset < text.length; ) {
    const newline = text.indexOf("\n", offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    const topLevel = line !== "" && line[0] !== " " && line[0] !== "#";
    if (topLevel && TOP_LEVEL_FLAGS.test(line)) {
      // A second flags key, or one written otherwise, is left to the library.
      if (section || !FLAGS_LINE.test(line)) return undefined;
      section = { keyOffset: offset, start: Math.min(lineEnd + 1, text.length), end: text.length, lines: [] };
      inSection = true;
    } else if (inSection && topLevel) {
      if (!TOP_LEVEL_KEY.test(line)) return undefined;
      section!.end = offset;
      inSection = false;
    } else if (inSection) {
      if (UNUSUAL.test(line)) return undefined;
      section!.lines.push({ offset, text: line });
    }
    offset = lineEnd + 1;
  }
  return section;
}

/** Reads the section line by line; `read` is false at the first line outside the plain shape. */
class SectionReader {
  readonly value: Record<string, unknown> = {};
  readonly problems: TextProblem[] = [];
  private readonly flags = new Map<string, SourceEntry>();
  private firstKeyOffset = -1;
  private flagIndent = -1;
  private fieldIndent = -1;
  private flag: { key: string; keyOffset: number; value: Record<string, unknown> | null; node: SourceNode } | undefined;

  constructor(private readonly lineOf: (offset: number) => number) {}

  read(line: Line): boolean {
    const content = line.text.trimStart();
    if (content === "" || content.startsWith("#")) return true;
    const indent = line.text.length - content.length;
    if (this.flagIndent === -1) this.flagIndent = indent;
    if (indent === this.flagIndent) return this.readFlagKey(line);
    if (!this.flag || indent < this.flagIndent) return false;
    if (this.fieldIndent === -1) this.fieldIndent = indent;
    return indent === this.fieldIndent && this.readField(line);
  }

  /** The flags map, or `undefined` for a section with no flag in it (the library says what that means). */
  finish(): SourceNode | undefined {
    this.endFlag();
    return this.firstKeyOffset === -1 ? undefined : { offset: this.firstKeyOffset, entries: this.flags };
  }

  private readFlagKey(line: Line): boolean {
    const match = KEY_ONLY.exec(line.text);
    if (!match) return false;
    const key = keyText(match[2]!);
    if (key === undefined) return false;
    this.endFlag();
    const keyOffset = line.offset + match[1]!.length;
    if (this.firstKeyOffset === -1) this.firstKeyOffset = keyOffset;
    this.flag = { key, keyOffset, value: null, node: { offset: keyOffset, empty: true } };
    this.fieldIndent = -1;
    return true;
  }

  private readField(line: Line): boolean {
    const match = FIELD.exec(line.text);
    if (!match) return false;
    const field = keyText(match[2]!);
    const valueOffset = line.offset + line.text.length - match[3]!.length;
    const list = match[3]!.startsWith("[") ? flowList(match[3]!, valueOffset) : undefined;
    const scalar = list ? list.value : scalarText(match[3]!);
    if (field === undefined || scalar === undefined) return false;
    const flag = this.flag!;
    const keyOffset = line.offset + match[1]!.length;
    if (!flag.value) {
      flag.value = {};
      flag.node = { offset: keyOffset, entries: new Map() };
    }
    this.add(flag.node.entries!, flag.value, field, keyOffset, list ? list.node : { offset: valueOffset }, scalar);
    return true;
  }

  private endFlag(): void {
    if (!this.flag) return;
    const { key, keyOffset, node, value } = this.flag;
    this.add(this.flags, this.value, key, keyOffset, node, value);
    this.flag = undefined;
  }

  private add(entries: Map<string, SourceEntry>, object: Record<string, unknown>, key: string, keyOffset: number, node: SourceNode, value: unknown): void {
    const first = entries.get(key);
    if (first) this.problems.push(duplicateKey(key, keyOffset, this.lineOf(first.keyOffset)));
    entries.set(key, { keyOffset, value: node });
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

const FLOW_LIST = /^\[([^[\]{}#"']*)\][ ]*(?:#.*)?$/;

/**
 * A one-line list of plain words, `[web, checkout]` (how `tags` are written), with each item's
 * offset; `undefined` for anything else (quotes, nesting, comments inside, colons).
 */
function flowList(written: string, offset: number): { value: string[]; node: SourceNode } | undefined {
  const match = FLOW_LIST.exec(written);
  if (!match) return undefined;
  const inner = match[1]!;
  if (inner.trim() === "") return { value: [], node: { offset, items: [] } };
  const value: string[] = [];
  const items: SourceNode[] = [];
  let at = 1;
  for (const piece of inner.split(",")) {
    const item = piece.trim();
    const text = item.includes(":") ? undefined : scalarText(item);
    if (text === undefined || text !== item) return undefined;
    value.push(text);
    items.push({ offset: offset + at + piece.indexOf(item) });
    at += piece.length + 1;
  }
  return { value, node: { offset, items } };
}

/** A key as written, if it reads as that same string. */
function keyText(written: string): string | undefined {
  if (written.startsWith('"')) return written.slice(1, -1);
  return NOT_TEXT.test(written) ? undefined : written;
}

/** A scalar value (with any trailing comment) that reads as a string, if it is one of the plain shapes. */
function scalarText(written: string): string | undefined {
  if (written.startsWith('"')) return DOUBLE_QUOTED.exec(written)?.[1];
  if (written.startsWith("'")) return SINGLE_QUOTED.exec(written)?.[1]?.replace(/''/g, "'");
  const comment = written.search(/ #/);
  const plain = (comment === -1 ? written : written.slice(0, comment)).trimEnd();
  if (plain === "" || INDICATOR.test(plain) || /: |:$/.test(plain)) return undefined;
  if (DATE.test(plain)) return plain;
  return NOT_TEXT.test(plain) ? undefined : plain;
}
