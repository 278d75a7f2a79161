// Parses a source file with the TypeScript compiler and reports the first syntax error.
import ts, { forEachChild } from "../typescript.js";
import type { ParseFailure, Position } from "../types.js";

/** Script kinds by extension, and the parse options: made on the first parse, not when the module loads. */
let settings: { kinds: Readonly<Record<string, ts.ScriptKind>>; options: ts.CreateSourceFileOptions } | undefined;

function parseSettings(): NonNullable<typeof settings> {
  return (settings ??= {
    kinds: {
      ".ts": ts.ScriptKind.TS,
      ".mts": ts.ScriptKind.TS,
      ".cts": ts.ScriptKind.TS,
      ".tsx": ts.ScriptKind.TSX,
      ".js": ts.ScriptKind.JS,
      ".mjs": ts.ScriptKind.JS,
      ".cjs": ts.ScriptKind.JS,
      ".jsx": ts.ScriptKind.JSX,
    },
    options: {
      languageVersion: ts.ScriptTarget.Latest,
      // Flag detection never reads JSDoc; skipping it makes parsing measurably faster.
      // TypeScript 5.0 to 5.2 (within the peer range) have no JSDocParsingMode and parse JSDoc anyway.
      jsDocParsingMode: ts.JSDocParsingMode?.ParseNone,
    },
  });
}

/**
 * Files the parser gave up on (it recurses, so deep nesting overflows the stack). Keyed by the tree
 * itself, not by anything of a registry: the note lives and dies with the tree it describes.
 */
const failedParses = new WeakMap<ts.SourceFile, ParseFailure>();

export function scriptKindOf(fileName: string): ts.ScriptKind {
  const extension = /\.[cm]?[jt]sx?$/i.exec(fileName)?.[0].toLowerCase();
  return (extension && parseSettings().kinds[extension]) || ts.ScriptKind.TS;
}

/** Never throws: a file the parser cannot handle comes back empty, and `getParseError` says why. */
export function parseSource(text: string, fileName: string): ts.SourceFile {
  const kind = scriptKindOf(fileName);
  const { options } = parseSettings();
  try {
    const tree = ts.createSourceFile(fileName, text, options, false, kind);
    setParents(tree);
    return tree;
  } catch (error) {
    const empty = ts.createSourceFile(fileName, "", options, false, kind);
    failedParses.set(empty, failureFromError(error));
    return empty;
  }
}

// Deep enough for any hand-written code, far below where the stack runs out.
const MAX_RECURSION = 500;

/**
 * Points every node of `root`'s tree at its parent, as `createSourceFile(…, setParentNodes)` does,
 * in about half its time: the compiler's version queues each node's children in arrays of its own,
 * this one recurses. A generated file can nest thousands of levels (`a + b + c + …`), so past a safe
 * depth the subtree is done with an explicit stack instead.
 */
export function setParents(root: ts.Node): void {
  let parent = root;
  let depth = 0;
  const bind = (child: ts.Node): undefined => {
    (child as { parent: ts.Node }).parent = parent;
    if (depth >= MAX_RECURSION) {
      setParentsWithStack(child);
      return undefined;
    }
    const above = parent;
    parent = child;
    depth++;
    forEachChild(child, bind);
    depth--;
    parent = above;
    return undefined;
  };
  forEachChild(root, bind);
}

function setParentsWithStack(root: ts.Node): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    forEachChild(parent, (child) => {
      (child as { parent: ts.Node }).parent = parent;
      stack.push(child);
    });
  }
}

/** The first syntax error of the file, 1-based; `undefined` when it parsed cleanly. */
export function getParseError(sourceFile: ts.SourceFile): ParseFailure | undefined {
  const failed = failedParses.get(sourceFile);
  if (failed !== undefined) return failed;
  // The parser keeps its errors on the source file; they are not part of the public type.
  const diagnostics = (sourceFile as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics === undefined || diagnostics.length === 0) return undefined;
  let first = diagnostics[0]!;
  for (const diagnostic of diagnostics) {
    if ((diagnostic.start ?? 0) < (first.start ?? 0)) first = diagnostic;
  }
  return { ...positionOf(sourceFile, first.start ?? 0), message: ts.flattenDiagnosticMessageText(first.messageText, "\n") };
}

/**
 * The 1-based line and column of an offset, as editors and ESLint count them: a byte-order mark
 * is not a column (ESLint strips it before parsing; a file read from disk still has it).
 */
export function positionOf(sourceFile: ts.SourceFile, offset: number): Position {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  const bom = line === 0 && character > 0 && sourceFile.text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  return { line: line + 1, column: character + 1 - bom };
}

const BYTE_ORDER_MARK = 0xfeff;

/** Turns an exception thrown inside the compiler into a failure at the top of the file. */
export function failureFromError(error: unknown): ParseFailure {
  const reason = error instanceof Error ? error.message : String(error);
  const message =
    error instanceof RangeError
      ? `File is nested too deeply to analyse (${reason})`
      : `File could not be analysed: ${reason}`;
  return { line: 1, column: 1, message };
}
