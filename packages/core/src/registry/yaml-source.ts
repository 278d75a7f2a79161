// Reads a YAML registry with positions, through the `yaml` library's document model.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from "yaml";
import { readPlainFlags, type PlainFlags } from "./plain-flags.js";
import { duplicateKey, positionsIn, type SourceNode, type SourceText, type TextProblem } from "./source.js";

/** How many times aliases may repeat anchored nodes: a registry needs few, an alias bomb needs millions. */
export const MAX_ALIAS_COUNT = 100;

/** Tags of the YAML core schema: anything else (!!set, !!binary, custom tags) has no place in a registry. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq", "timestamp"].map((tag) => `tag:yaml.org,2002:${tag}`));

/** Codes of errors that name the real mistake where the parser reports several at one place. */
const ROOT_CAUSES = new Set(["BAD_SCALAR_START", "MISSING_CHAR", "BAD_INDENT", "TAB_AS_INDENT"]);

export interface YamlReadOptions {
  /** Read a plain `flags:` section without the library (default); off to compare the two. */
  plainFlags?: boolean;
}

export function readYaml(text: string, options: YamlReadOptions = {}): SourceText {
  const { lineOf, position } = positionsIn(text);
  const flags = options.plainFlags === false ? undefined : readPlainFlags(text, lineOf);
  if (flags) {
    // The library reads everything but the flags section's body; offsets after the cut are shifted back.
    const cut = flags.end - flags.start;
    const rest = readDocument(text.slice(0, flags.start) + text.slice(flags.end), (offset) => (offset < flags.start ? offset : offset + cut), lineOf);
    if (graftFlags(rest, flags)) return { ...rest, position };
  }
  return { ...readDocument(text, (offset) => offset, lineOf), position };
}

type DocumentRead = Omit<SourceText, "position">;

/**
 * Puts the flags read by `readPlainFlags` where the library saw an empty `flags:`. False when
 * the library did not see that key where the plain reader did: then the library reads it all.
 */
function graftFlags(rest: DocumentRead, flags: PlainFlags): boolean {
  const entry = rest.root?.entries?.get("flags");
  if (!entry || entry.keyOffset !== flags.keyOffset || !entry.value.empty) return false;
  entry.value = flags.node;
  (rest.value as Record<string, unknown>).flags = flags.value;
  rest.problems.push(...flags.problems);
  return true;
}

/** Reads YAML text with the library; `toOffset` maps offsets in `text` to offsets in the file. */
function readDocument(text: string, toOffset: (offset: number) => number, lineOf: (offset: number) => number): DocumentRead {
  // The core schema keeps an unquoted 2026-03-01 a string, as in JSON; duplicate keys are found below, with positions.
  const doc = parseDocument(text, { schema: "core", uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return { value: undefined, root: undefined, problems: syntaxProblems(doc.errors, text, toOffset) };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: datesAsText });
  } catch (error) {
    // The library refuses to expand an alias bomb (maxAliasCount); anything else is parseRegistry's to report.
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    const problem = { offset: 0, message: "the registry repeats YAML aliases too often", hint: "write the entries out instead of aliasing them" };
    return { value: undefined, root: undefined, problems: [problem] };
  }
  if (doc.contents === null) return { value, root: undefined, problems: [emptyFile()] };
  const tree = new TreeBuilder(doc, toOffset, lineOf);
  const root = tree.build(doc.contents);
  return { value, root, problems: tree.problems };
}

function emptyFile(): TextProblem {
  return { offset: 0, message: "the registry file is empty", hint: 'start with "version: 1"' };
}

/** One error per place: the parser often reports a mistake several times over. */
function syntaxProblems(errors: YAMLError[], text: string, toOffset: (offset: number) => number): TextProblem[] {
  const byOffset = new Map<number, YAMLError>();
  for (const error of errors) {
    const offset = toOffset(Math.min(error.pos[0], text.length));
    const kept = byOffset.get(offset);
    if (!kept || (ROOT_CAUSES.has(error.code) && !ROOT_CAUSES.has(kept.code))) byOffset.set(offset, error);
  }
  return [...byOffset].map(([offset, error]) => {
    const problem: TextProblem = { offset, message: `YAML syntax error: ${firstLine(error.message)}` };
    const hint = SYNTAX_HINTS[error.code];
    if (hint) problem.hint = hint;
    return problem;
  });
}

/** What to do about the parser's errors, by its error code: the mistakes people make in a registry. */
const SYNTAX_HINTS: Partial<Record<YAMLError["code"], string>> = {
  BAD_SCALAR_START: "put the value in quotes",
  TAB_AS_INDENT: "indent with spaces",
  BAD_INDENT: "indent the line like the others at its level, two spaces a level; close any [ or {",
  MISSING_CHAR: "a quote or bracket is not closed, or a key lacks its colon",
  MULTILINE_IMPLICIT_KEY: 'is the ":" after a key missing, or a line indented too far?',
  BLOCK_AS_IMPLICIT_KEY: 'a value cannot hold another "key: value" on the same line: quote it, or move it to its own line',
  UNEXPECTED_TOKEN: "check the indentation and quoting of this line",
};

function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.replace(/\.$/, "");
}

/** `!!timestamp 2026-03-01` reads as a Date; the registry model wants the day as written. */
function datesAsText(_key: unknown, value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** Builds the position tree, and finds what the document model lets through: duplicate keys, odd keys and tags. */
class TreeBuilder {
  readonly problems: TextProblem[] = [];
  /** An alias shares the node of its anchor: positions point at the anchored text, nothing is expanded. */
  private readonly built = new Map<Node, SourceNode>();

  constructor(
    private readonly doc: Document,
    private readonly toOffset: (offset: number) => number,
    private readonly lineOf: (offset: number) => number,
  ) {}

  build(node: unknown): SourceNode {
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      return target ? this.build(target) : { offset: this.offsetOf(node, 0) };
    }
    const known = this.built.get(node as Node);
    if (known) return known;
    const offset = this.offsetOf(node as Node, 0);
    const result: SourceNode = { offset };
    this.built.set(node as Node, result);
    this.checkTag(node as Node, offset);
    if (isMap(node)) {
      result.entries = new Map();
      for (const pair of node.items) this.addEntry(result, pair.key, pair.value, offset);
    } else if (isSeq(node)) {
      result.items = node.items.map((item) => this.build(item));
    } else if (isScalar(node) && node.value === null && node.source === "") {
      result.empty = true;
    }
    return result;
  }

  private addEntry(map: SourceNode, keyNode: unknown, valueNode: unknown, mapOffset: number): void {
    const key = this.keyText(keyNode);
    const keyOffset = keyNode ? this.offsetOf(keyNode as Node, mapOffset) : mapOffset;
    if (key === undefined) {
      this.problems.push({ offset: keyOffset, message: "a key must be a plain name, not a list or map" });
      return;
    }
    const value = valueNode === null ? { offset: keyOffset, empty: true } : this.build(valueNode);
    const first = map.entries!.get(key);
    if (first) this.problems.push(duplicateKey(key, keyOffset, this.lineOf(first.keyOffset)));
    map.entries!.set(key, { keyOffset, value });
  }

  /** The key as `toJS` writes it into a plain object, so positions and values agree. */
  private keyText(keyNode: unknown): string | undefined {
    const node = isAlias(keyNode) ? keyNode.resolve(this.doc) : keyNode;
    if (node === null || node === undefined) return "";
    if (!isScalar(node)) return undefined;
    const value: unknown = node.value;
    if (value === null) return "";
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : undefined;
  }

  /** Where the node starts in the file; `fallback` (already a file offset) for nodes with no place. */
  private offsetOf(node: Node, fallback: number): number {
    const start = node.range?.[0];
    return start === undefined ? fallback : this.toOffset(start);
  }

  private checkTag(node: Node, offset: number): void {
    if (!node.tag || CORE_TAGS.has(node.tag)) return;
    const tag = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
    this.problems.push({ offset, message: `unsupported YAML tag "${tag}"` });
  }
}
