import { parseForESLint } from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { lintedTree } from "./source-file.js";

const text = 'import { client } from "@acme/flags";\nclient.isEnabled("new_nav");\n';

describe("lintedTree", () => {
  it("reuses the ts.SourceFile that @typescript-eslint/parser built: no second parse", () => {
    const { ast, services } = parseForESLint(text, { filePath: "/project/src/a.ts" });
    const tree = lintedTree(ast, text, "/project/src/a.ts", services);
    expect(tree.sourceFile).toBe(services.esTreeNodeToTSNodeMap.get(ast));
    expect(tree.program).toBeUndefined();
  });

  it("parses the text itself under a parser without TypeScript services (espree)", () => {
    const tree = lintedTree({ type: "Program" }, text, "/project/src/a.js", {});
    expect(tree.sourceFile.text).toBe(text);
    expect(tree.sourceFile.fileName).toBe("/project/src/a.js");
    expect(tree.sourceFile.statements).toHaveLength(2);
  });

  it("parses the text itself when the parser's tree is of other text (a processor's block, a .vue file)", () => {
    const { ast, services } = parseForESLint("export {};\n", { filePath: "/project/src/a.ts" });
    const tree = lintedTree(ast, text, "/project/src/a.ts", services);
    expect(tree.sourceFile).not.toBe(services.esTreeNodeToTSNodeMap.get(ast));
    expect(tree.sourceFile.text).toBe(text);
  });
});
