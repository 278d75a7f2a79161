// The linted file as a TypeScript syntax tree: the one @typescript-eslint/parser already built,
// or, under any other parser, one parsed here from the same text.
import type { ParserServices } from "@typescript-eslint/utils";
import type ts from "typescript";
import { parseSource } from "@flaglint/core";

export interface LintedTree {
  sourceFile: ts.SourceFile;
  /** The program the tree belongs to, when the parser has type information. */
  program: ts.Program | undefined;
}

// A tree made by another copy of TypeScript may number its syntax kinds differently; detection
// would then misread it, so such a tree is not used. Core's own SourceFile kind is the yardstick,
// found at the first lint rather than when the plugin loads: loading it must not load the compiler.
let sourceFileKind: ts.SyntaxKind | undefined;

/**
 * `ast` is ESLint's Program node. Under @typescript-eslint/parser, `esTreeNodeToTSNodeMap` maps it
 * to the ts.SourceFile; otherwise (espree, or a parser whose tree is of another text) parse here.
 */
export function lintedTree(
  ast: object,
  text: string,
  fileName: string,
  services: Partial<ParserServices> | undefined,
): LintedTree {
  const parsed = services?.esTreeNodeToTSNodeMap?.has(ast)
    ? (services.esTreeNodeToTSNodeMap.get(ast as never) as unknown as ts.SourceFile | undefined)
    : undefined;
  sourceFileKind ??= parseSource("", "probe.ts").kind;
  if (parsed !== undefined && parsed.kind === sourceFileKind && parsed.text === text) {
    return { sourceFile: parsed, program: services?.program ?? undefined };
  }
  return { sourceFile: parseSource(text, fileName), program: undefined };
}
