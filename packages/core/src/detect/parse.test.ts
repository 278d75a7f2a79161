import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { getParseError, parseSource, positionOf, scriptKindOf } from "./parse.js";

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

describe("positionOf", () => {
  const CHECK = 'import { check } from "@acme/flags";\ncheck("new_nav");\n';
  const detect: DetectConfig = { sdks: [], calls: [{ module: "@acme/flags", import: "check", keyArg: 0 }], objects: [], constants: [], properties: [] };
  const keyAt = (text: string) => {
    const [reference] = analyzeSource(parseSource(text, "a.ts"), detect).references;
    return reference && `${reference.line}:${reference.column}-${reference.endLine}:${reference.endColumn}`;
  };

  it("does not count a UTF-8 byte-order mark as a column, on line 1 or in a parse error there", () => {
    expect(keyAt('\uFEFFimport { check } from "@acme/flags"; check("new_nav");')).toBe("1:44-1:53");
    expect(keyAt('import { check } from "@acme/flags"; check("new_nav");')).toBe("1:44-1:53");
    expect(keyAt(`\uFEFF${CHECK}`)).toBe("2:7-2:16");
    expect(getParseError(parseSource("\uFEFFconst a = ;", "a.ts"))).toMatchObject({ line: 1, column: 11 });
    expect(positionOf(parseSource("\uFEFFx", "a.ts"), 0)).toEqual({ line: 1, column: 1 });
  });

  it("counts CRLF and a lone CR as one line break each", () => {
    expect(keyAt(CHECK.replace(/\n/g, "\r\n"))).toBe("2:7-2:16");
    expect(keyAt(`// one\r// two\r\n// three\n${CHECK.replace(/\n/g, "\r")}`)).toBe("5:7-5:16");
  });
});
