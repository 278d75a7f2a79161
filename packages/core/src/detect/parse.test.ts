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

  it.each([
    ["a.tsx", VARIED_SOURCE],
    // Deeper than setParents recurses: the rest of the tree is done with a stack.
    ["deep.ts", `const sum = ${Array.from({ length: 3_000 }, (_, i) => `n${i}`).join(" + ")};`],
  ])("points every node of %s at the parent the compiler's own setParentNodes gives", (fileName, text) => {
    const ours = parentsOf(parseSource(text, fileName));
    const compilers = parentsOf(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName)));
    expect(ours.length).toBeGreaterThan(fileName === "deep.ts" ? 6_000 : 150);
    expect(ours).toEqual(compilers);
  });
});

const VARIED_SOURCE = `import React, { useState } from "react";
@sealed
export class Gate<T extends string> extends Base implements Check {
  #secret = 1;
  constructor(private readonly flags: Record<T, boolean>) { super(); }
  get on(): boolean { return this.flags["a" as T] ?? false; }
  static async *each(list: T[]) { for await (const item of list) yield item; }
}
enum Kind { A = 1, B = A << 1 }
namespace Inner { export const x = \`a\${1 + 2}b\`; }
export default function View({ flag = "x", ...rest }: { flag?: string }) {
  const [on, setOn] = useState<boolean>(() => isEnabled(flag!) satisfies boolean);
  label: for (let i = 0, j = 2; i < j; i++) { if (i) continue label; else break; }
  try { throw new Error(\`\${on}\`); } catch ({ message }) { void message; } finally { setOn(!on); }
  switch (typeof rest) { case "object": return <div {...rest} data-a={on ? 1 : 2}><Inner.Item key="k" />text{on && <>yes</>}</div>; default: return null; }
}
`;

/** Each node, in a walk of the tree, with the node its `parent` points at, as kinds and positions. */
function parentsOf(sourceFile: ts.SourceFile): string[] {
  const rows: string[] = [];
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    ts.forEachChild(node, (child) => {
      const parent = child.parent as ts.Node | undefined;
      rows.push(`${child.kind}@${child.pos}-${child.end} < ${parent === undefined ? "none" : `${parent.kind}@${parent.pos}-${parent.end}`}`);
      stack.push(child);
    });
  }
  return rows;
}

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
