// Line-level text helpers: where a statement's lines start and end, what goes with it when it
// is removed, and how a block's body moves out one level.
import ts from "../typescript.js";
import type { TextEdit } from "./edits.js";

export function lineStartOf(text: string, position: number): number {
  return text.lastIndexOf("\n", position - 1) + 1;
}

/** The offset of the line break ending `position`'s line (before a `\r\n`), or the text's end. */
export function lineEndOf(text: string, position: number): number {
  const newline = text.indexOf("\n", position);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === "\r" ? newline - 1 : newline;
}

/** The start of the line after `position`'s line, or the text's end. */
export function nextLineStart(text: string, position: number): number {
  const newline = text.indexOf("\n", position);
  return newline === -1 ? text.length : newline + 1;
}

export function isBlank(text: string, start: number, end: number): boolean {
  return /^[ \t]*$/.test(text.slice(start, end));
}

function isBlankLine(text: string, lineStart: number): boolean {
  return isBlank(text, lineStart, lineEndOf(text, lineStart));
}

/** The whitespace that opens `position`'s line. */
export function indentOf(text: string, position: number): string {
  const start = lineStartOf(text, position);
  return /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))![0];
}

function newlines(text: string): number {
  return text.split("\n").length - 1;
}

/**
 * Where a statement's removal starts: the comments directly above it go with it (no blank line
 * between), a comment that ends the previous statement's line does not. The first statement of
 * a file keeps its comments: they are the file's header.
 */
export function attachedStart(sourceFile: ts.SourceFile, node: ts.Node): number {
  const text = sourceFile.text;
  let start = node.getStart(sourceFile);
  if (node.parent && ts.isSourceFile(node.parent) && node.parent.statements[0] === node) return start;
  const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    if (newlines(text.slice(comment.end, start)) > 1) break;
    if (!text.slice(node.pos, comment.pos).includes("\n") && node.pos > 0) break;
    start = comment.pos;
  }
  return start;
}

/** Where a statement's removal ends: after the comments that follow it on its last line. */
export function attachedEnd(sourceFile: ts.SourceFile, node: ts.Node): number {
  let end = node.end;
  for (const comment of ts.getTrailingCommentRanges(sourceFile.text, node.end) ?? []) end = comment.end;
  return end;
}

/**
 * The range that removes `start..end` cleanly: whole lines when the code stands alone on its
 * lines (so no blank husk is left, and no two blank lines meet), else the code and the spaces
 * after it.
 */
export function removalRange(text: string, start: number, end: number): { start: number; end: number } {
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  if (!isBlank(text, lineStart, start) || !isBlank(text, end, lineEnd)) {
    let after = end;
    while (text[after] === " " || text[after] === "\t") after++;
    if (after < lineEnd) return { start, end: after };
    // Last on its line: take the spaces before it instead, so no trailing blank is left.
    let before = start;
    while (before > lineStart && (text[before - 1] === " " || text[before - 1] === "\t")) before--;
    return { start: before, end: lineEnd };
  }
  let from = lineStart;
  let to = nextLineStart(text, end);
  const previousLine = from > 0 ? lineStartOf(text, from - 1) : -1;
  const previousBlank = previousLine >= 0 && isBlankLine(text, previousLine);
  const previousOpens = previousLine < 0 || /[{([]\s*$/.test(text.slice(previousLine, from));
  const nextBlank = to < text.length && isBlankLine(text, to);
  const nextCloses = to >= text.length || /^\s*[})\]]/.test(text.slice(to, lineEndOf(text, to)));
  if ((previousBlank || previousOpens) && nextBlank) to = nextLineStart(text, to);
  else if (previousBlank && nextCloses) from = previousLine;
  return { start: from, end: to };
}

/** The edit that removes a statement with its own comments. */
export function removeStatementEdit(sourceFile: ts.SourceFile, node: ts.Node): TextEdit {
  const range = removalRange(sourceFile.text, attachedStart(sourceFile, node), attachedEnd(sourceFile, node));
  return { ...range, text: "" };
}

/**
 * Ranges whose line breaks belong to a string: template literals spanning lines (and strings
 * continued with a backslash). JSX text is not one: JSX drops the indentation of its lines.
 */
function protectedRanges(sourceFile: ts.SourceFile, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: ts.Node): void => {
    if (node.end <= start || node.pos >= end) return;
    if (
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isStringLiteral(node)
    ) {
      ranges.push([node.getStart(sourceFile), node.end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return ranges;
}

/**
 * Edits that move the lines starting inside `start..end` left by `width` columns of whitespace
 * (or right, when `width` is negative), leaving alone lines that start inside a string.
 */
export function reindentEdits(sourceFile: ts.SourceFile, start: number, end: number, width: number): TextEdit[] {
  if (width === 0) return [];
  const text = sourceFile.text;
  const guarded = protectedRanges(sourceFile, start, end);
  const edits: TextEdit[] = [];
  let newline = text.indexOf("\n", start);
  while (newline !== -1 && newline < end) {
    const lineStart = newline + 1;
    newline = text.indexOf("\n", lineStart);
    if (guarded.some(([from, to]) => from < lineStart && lineStart < to)) continue;
    const lineEnd = lineEndOf(text, lineStart);
    if (isBlank(text, lineStart, lineEnd)) continue;
    if (width < 0) {
      edits.push({ start: lineStart, end: lineStart, text: " ".repeat(-width) });
      continue;
    }
    let cut = lineStart;
    while (cut - lineStart < width && (text[cut] === " " || text[cut] === "\t")) cut++;
    if (cut > lineStart) edits.push({ start: lineStart, end: cut, text: "" });
  }
  return edits;
}
