import { createRequire } from "node:module";
import type * as TypeScript from "typescript";
import { describe, expect, it } from "vitest";
import { parseSample } from "./typescript.js";

const compiler = createRequire(import.meta.url)("typescript") as typeof TypeScript;

describe("the code cache's warm-up sample", () => {
  it("parses without a syntax error as TSX and as TS, so the cache keeps the parser's usual paths", () => {
    const trees = parseSample(compiler);
    expect(trees.map((tree) => tree.fileName)).toEqual(["sample.tsx", "sample.ts"]);
    for (const tree of trees) {
      const diagnostics = (tree as unknown as { parseDiagnostics: readonly TypeScript.Diagnostic[] }).parseDiagnostics;
      expect(diagnostics.map((diagnostic) => compiler.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toEqual([]);
      expect(tree.statements.length).toBeGreaterThan(5);
    }
  });
});
