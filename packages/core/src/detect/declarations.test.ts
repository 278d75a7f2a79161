import { describe, expect, it } from "vitest";
import ts from "../typescript.js";
import { declarationOf } from "./declarations.js";
import { memoryIndex } from "./__fixtures__/memory-index.js";
import { parseSource } from "./parse.js";
import { Scopes } from "./scope.js";

/** The declaration the receiver of the last `X.member` read of the source stands for. */
function declarationIn(source: string, index?: Parameters<typeof declarationOf>[2]) {
  const sourceFile = parseSource(source, "/repo/app/page.ts");
  let receiver: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === "member") receiver = node.expression;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return declarationOf(receiver!, new Scopes(), index);
}

describe("declarationOf", () => {
  it.each([
    ["a local const", `const Keys = {};\nKeys.member;`, { file: "/repo/app/page.ts", name: "Keys" }],
    ["an enum", `enum Keys { A = "a" }\nKeys.member;`, { file: "/repo/app/page.ts", name: "Keys" }],
    ["an aliased import", `import { FeatureKeys as Keys } from "./keys";\nKeys.member;`, { file: undefined, name: "FeatureKeys" }],
    ["a namespace member", `import * as flags from "./keys";\nflags.FeatureKeys.member;`, { file: undefined, name: "FeatureKeys" }],
    ["a const alias of an import", `import { FeatureKeys } from "./keys";\nconst K = FeatureKeys;\nK.member;`, { file: undefined, name: "FeatureKeys" }],
    ["a global", `FeatureKeys.member;`, { file: undefined, name: "FeatureKeys" }],
  ])("follows %s", (_, source, expected) => {
    expect(declarationIn(source)).toEqual(expected);
  });

  it.each([
    ["a parameter", `function f(Keys: object) { return Keys.member; }`],
    ["a let", `let Keys = {};\nKeys.member;`],
    ["a property of another object", `config.Keys.member;`],
  ])("gives nothing for %s", (_, source) => {
    expect(declarationIn(source)).toBeUndefined();
  });

  it("follows renaming re-exports and default exports with the index", () => {
    const index = memoryIndex({
      "/repo/flags/keys.ts": `export const FeatureKeys = { A: "a" };\nexport default FeatureKeys;`,
      "/repo/flags/index.ts": `export { FeatureKeys as Keys } from "./keys";`,
    });
    expect(declarationIn(`import { Keys } from "../flags";\nKeys.member;`, index)).toEqual({ file: "/repo/flags/keys.ts", name: "FeatureKeys" });
    expect(declarationIn(`import Anything from "../flags/keys";\nAnything.member;`, index)).toEqual({ file: "/repo/flags/keys.ts", name: "FeatureKeys" });
  });
});
