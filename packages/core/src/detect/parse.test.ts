import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { getParseError, parseSource, scriptKindOf } from "./parse.js";

describe("parseSource", () => {
  it.each([
    ["a.ts", ts.ScriptKind.TS],
    ["a.mts", ts.ScriptKind.TS],
    ["a.cts", ts.ScriptKind.TS],
    ["a.tsx", ts.ScriptKind.TSX],
    ["a.js", ts.ScriptKind.JS],
    ["a.mjs", ts.ScriptKind.JS],
    ["a.cjs", ts.ScriptKind.JS],
    ["a.jsx", ts.ScriptKind.JSX],
    ["A.TSX", ts.ScriptKind.TSX],
  ])("picks the script kind of %s", (fileName, kind) => {
    expect(scriptKindOf(fileName)).toBe(kind);
  });

  it("parses JSX in .tsx and type assertions in .ts", () => {
    expect(getParseError(parseSource(`const a = <div className="x" />;`, "a.tsx"))).toBeUndefined();
    expect(getParseError(parseSource(`const a = <string>b;`, "a.ts"))).toBeUndefined();
  });

  it("sets parent pointers", () => {
    const sourceFile = parseSource(`f(1);`, "a.ts");
    expect(sourceFile.statements[0]?.parent).toBe(sourceFile);
  });
});

describe("getParseError", () => {
  it("reports the first syntax error, 1-based", () => {
    expect(getParseError(parseSource(`const ok = 1;\nconst a = ;\nfoo(`, "a.ts"))).toEqual({
      line: 2,
      column: 11,
      message: "Expression expected.",
    });
  });

  it("is undefined for a file that parses", () => {
    expect(getParseError(parseSource(`export const a = 1;`, "a.ts"))).toBeUndefined();
  });

  it("turns a compiler stack overflow into a parse failure instead of throwing", () => {
    const deep = `x = ${"(".repeat(20_000)}1${")".repeat(20_000)};`;
    const sourceFile = parseSource(deep, "deep.ts");
    expect(getParseError(sourceFile)).toMatchObject({ line: 1, column: 1, message: expect.stringContaining("nested too deeply") });
    const detect: DetectConfig = { sdks: [], calls: [{ function: "check", keyArg: 0 }], objects: [], constants: [], properties: [] };
    expect(analyzeSource(sourceFile, detect).parseError?.message).toContain("nested too deeply");
  });
});
