// Reads the comments detection cares about: flag-removal TODOs and eslint-disable directives.
// Candidates are found by a text search, then confirmed to be comments by locating them in the tree,
// so a file without such text costs one regex scan and no comment walk.
import ts, { SyntaxKind } from "../typescript.js";
import type { DisableDirective, RemovalNote } from "../types.js";
import { NOTE } from "./removal-note.js";
import { rangeOf } from "./syntax.js";

interface Comment {
  start: number;
  end: number;
  block: boolean;
}

const CANDIDATE = /\b(?:TODO|FIXME|Todo|Fixme|todo|fixme)\b|eslint-(?:disable|enable)/g;

/** Removal notes and flaglint directives of a parsed file. */
export function readComments(sourceFile: ts.SourceFile): { notes: RemovalNote[]; directives: DisableDirective[] } {
  const notes: RemovalNote[] = [];
  const directives: DisableDirective[] = [];
  const text = sourceFile.text;
  const seen = new Set<number>();
  for (const match of text.matchAll(CANDIDATE)) {
    // A removal note says "remove" right after its TODO; skip the comment walk for every other TODO.
    if (match[0].startsWith("eslint") ? false : !/remove/i.test(text.slice(match.index, match.index + 120))) continue;
    const comment = commentAt(sourceFile, match.index);
    if (comment === undefined || seen.has(comment.start)) continue;
    seen.add(comment.start);
    const raw = text.slice(comment.start, comment.end);
    const directive = parseDirective(raw, comment.block);
    if (directive !== undefined) {
      const lineOffset = directive.kind === "disable-next-line" ? comment.end : comment.start;
      directives.push({ ...directive, line: sourceFile.getLineAndCharacterOfPosition(lineOffset).line + 1 });
      continue;
    }
    for (const note of parseRemovalNotes(raw)) {
      notes.push({ ...note, ...rangeOf(sourceFile, comment.start, comment.end) });
    }
  }
  return { notes, directives };
}

// ---------------------------------------------------------------------------------------------
// Removal notes

const TICKET = /^(?:[A-Z][A-Z0-9_]*-\d+|#\d+|https?:\/\/\S+)$/;
const TICKET_IN_TEXT = /\b[A-Z][A-Z0-9_]*-\d+\b|https?:\/\/[^\s)]+|#\d+\b/;

type NoteText = Omit<RemovalNote, "line" | "column" | "endLine" | "endColumn">;

/** Every `TODO: remove <flag> toggle by <date>` in one comment (`raw` includes its delimiters). */
export function parseRemovalNotes(raw: string): NoteText[] {
  const content = commentContent(raw);
  const notes: NoteText[] = [];
  for (const match of content.matchAll(NOTE)) {
    const { flag, date } = match.groups as { flag: string; date: string };
    const marked = match[1] ?? match[2] ?? match[3];
    const rest = content.slice(match.index + match[0].length).split(/\b(?:TODO|FIXME)\b/)[0]!;
    const ticket = marked !== undefined && TICKET.test(marked) ? marked : TICKET_IN_TEXT.exec(rest)?.[0];
    notes.push(ticket === undefined ? { flag, date, text: content } : { flag, date, ticket, text: content });
  }
  return notes;
}

/** A comment's text without `//`, `/* *\/` and leading `*` of block lines, whitespace collapsed. */
function commentContent(raw: string): string {
  const inner = raw.startsWith("//") ? raw.slice(2) : raw.slice(2, raw.endsWith("*/") ? -2 : undefined);
  return inner
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^\s*\*+(?!\/)/, ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Directives, parsed as ESLint parses them

const DIRECTIVE = /^(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s([\s\S]*))?$/;

/** The directive a comment holds, when it names flaglint rules or no rule at all. */
export function parseDirective(raw: string, block: boolean): Omit<DisableDirective, "line"> | undefined {
  const value = block ? raw.slice(2, -2) : raw.slice(2);
  // ESLint: the description after ` -- ` is not part of the directive.
  const directivePart = value.trim().split(/\s-{2,}\s/)[0]!;
  const match = DIRECTIVE.exec(directivePart);
  if (match === null) return undefined;
  const kind = match[1]!.slice("eslint-".length) as DisableDirective["kind"];
  // ESLint honours only the `-line` forms in line comments, and `-line` forms only on one line.
  if (!block && (kind === "disable" || kind === "enable")) return undefined;
  if (block && kind.endsWith("line") && /[\r\n]/.test(raw)) return undefined;
  const listed = (match[2] ?? "")
    .split(",")
    .map((rule) => rule.trim())
    .filter((rule) => rule !== "");
  if (listed.length === 0) return { kind, rules: [] };
  const rules = listed.filter((rule) => rule.startsWith("flaglint/")).map((rule) => rule.slice("flaglint/".length));
  return rules.length === 0 ? undefined : { kind, rules };
}

// ---------------------------------------------------------------------------------------------
// Locating comments

/** Made on first use: no module reads the compiler while it loads (see typescript.ts). */
let commentScanner: ts.Scanner | undefined;

/** The comment that contains `offset`, if any: not a string, template, regex or JSX text that looks like one. */
export function commentAt(sourceFile: ts.SourceFile, offset: number): Comment | undefined {
  let node: ts.Node = sourceFile;
  let scanFrom = 0;
  for (;;) {
    const { child, previousEnd } = childAt(node, offset);
    if (child === undefined) {
      scanFrom = previousEnd;
      break;
    }
    node = child;
  }
  // Inside a single token (a string, template, regex, JSX text) nothing is a comment; scanning it from
  // its start could mistake `//` in a template for one.
  if (isSingleToken(node) && offset >= node.getStart(sourceFile)) return undefined;
  return scanForComment(sourceFile.text, scanFrom, offset);
}

/** The child of `node` whose full range holds `offset`, or the end of the last child before it. */
function childAt(node: ts.Node, offset: number): { child: ts.Node | undefined; previousEnd: number } {
  if (ts.isSourceFile(node)) return statementAt(node, offset);
  let child: ts.Node | undefined;
  let previousEnd = node.pos;
  ts.forEachChild(node, (candidate) => {
    if (candidate.end <= offset) {
      previousEnd = candidate.end;
      return undefined;
    }
    if (candidate.pos <= offset) child = candidate;
    return true;
  });
  return { child, previousEnd };
}

/** Binary search: a file has many statements, and a comment walk must not cost one visit each. */
function statementAt(sourceFile: ts.SourceFile, offset: number): { child: ts.Node | undefined; previousEnd: number } {
  const statements = sourceFile.statements;
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = statements[middle]!;
    if (statement.end <= offset) low = middle + 1;
    else if (statement.pos > offset) high = middle - 1;
    else return { child: statement, previousEnd: statement.pos };
  }
  const eof = sourceFile.endOfFileToken;
  if (eof.pos <= offset && offset < eof.end) return { child: eof, previousEnd: eof.pos };
  return { child: undefined, previousEnd: low > 0 ? statements[low - 1]!.end : 0 };
}

function isSingleToken(node: ts.Node): boolean {
  return node.kind <= SyntaxKind.LastToken && node.kind !== SyntaxKind.EndOfFileToken;
}

/** Scans tokens from a token boundary; only trivia and the node's own punctuation lie between. */
function scanForComment(text: string, from: number, offset: number): Comment | undefined {
  const scanner = (commentScanner ??= ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false));
  scanner.setText(text, from);
  try {
    return nextCommentAt(scanner, offset);
  } finally {
    // The shared scanner must not keep the file's text alive.
    scanner.setText("");
  }
}

function nextCommentAt(scanner: ts.Scanner, offset: number): Comment | undefined {
  for (;;) {
    const token = scanner.scan();
    if (token === SyntaxKind.EndOfFileToken) return undefined;
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (start > offset) return undefined;
    if (end <= offset) continue;
    if (token === SyntaxKind.SingleLineCommentTrivia) return { start, end, block: false };
    if (token === SyntaxKind.MultiLineCommentTrivia) return { start, end, block: true };
    return undefined;
  }
}
