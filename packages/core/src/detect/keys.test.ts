import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource, type AnalyzeOptions } from "./analyze.js";
import { buildConstantIndex } from "./constants-index.js";
import { parseSource } from "./parse.js";

// Keys are resolved through the one public entry point: a `check("…")` function matcher.
const detect: DetectConfig = {
  sdks: [],
  calls: [{ function: "check", keyArg: 0 }],
  objects: [],
  constants: [],
  properties: [],
};

function keyOf(source: string, options: AnalyzeOptions = {}) {
  const [reference] = analyzeSource(parseSource(source, "/repo/a.ts"), detect, options).references;
  return reference === undefined ? undefined : { flag: reference.flag, dynamic: reference.dynamic, keyText: reference.keyText };
}

describe("static keys", () => {
  it.each([
    ["a string literal", `check("new-nav");`],
    ["a no-substitution template", "check(`new-nav`);"],
    ["a same-file const", `const NAV = "new-nav";\ncheck(NAV);`],
    ["a const declared after use", `function f() { return check(NAV); }\nconst NAV = "new-nav";`],
    ["a const of a const", `const A = "new-nav";\nconst B = A;\ncheck(B);`],
    ["an as const object property", `const Flags = { NEW_NAV: "new-nav" } as const;\ncheck(Flags.NEW_NAV);`],
    ["an as const object element", `const Flags = { NEW_NAV: "new-nav" } as const;\ncheck(Flags["NEW_NAV"]);`],
    ["a nested as const object", `const Flags = { nav: { NEW: "new-nav" } } as const satisfies object;\ncheck(Flags.nav.NEW);`],
    ["an Object.freeze object", `const Flags = Object.freeze({ NEW_NAV: "new-nav" });\ncheck(Flags.NEW_NAV);`],
    ["a destructured as const member", `const Flags = { NEW_NAV: "new-nav" } as const;\nconst { NEW_NAV } = Flags;\ncheck(NEW_NAV);`],
    ["a string enum member", `enum Flags { NewNav = "new-nav" }\ncheck(Flags.NewNav);`],
    ["a template of consts", "const P = \"new\";\ncheck(`${P}-nav`);"],
    ["a concatenation of consts", `const P = "new";\ncheck(P + "-nav");`],
    ["a key with a cast", `check("new-nav" as const);`],
  ])("resolves %s", (_, source) => {
    expect(keyOf(source)?.flag).toBe("new-nav");
  });

  it("resolves imported names and members through the constant index", () => {
    const constants = buildConstantIndex([
      { name: "NEW_NAV", value: "new-nav" },
      { name: "Flags", member: "CHECKOUT", value: "checkout" },
    ]);
    const source = [
      `import { NEW_NAV as NAV, Flags } from "@acme/shared";`,
      `import * as shared from "@acme/shared";`,
      `check(NAV);`,
      `check(Flags.CHECKOUT);`,
      `check(shared.Flags.CHECKOUT);`,
      `check(shared.NEW_NAV);`,
    ].join("\n");
    const found = analyzeSource(parseSource(source, "/repo/a.ts"), detect, { constants }).references;
    expect(found.map((reference) => reference.flag)).toEqual(["new-nav", "checkout", "checkout", "new-nav"]);
  });

  it("asks the fallback only for a key the syntax cannot resolve", () => {
    const asked: string[] = [];
    const resolveKey = (expression: { getText(): string }) => {
      asked.push(expression.getText());
      return "from-types";
    };
    const source = `check("literal");\nfunction f(key: "typed") { check(key); }`;
    const found = analyzeSource(parseSource(source, "/repo/a.ts"), detect, { resolveKey }).references;
    expect(found.map((reference) => reference.flag)).toEqual(["literal", "from-types"]);
    expect(asked).toEqual(["key"]);
  });
});

describe("dynamic keys", () => {
  it.each([
    ["a template with an unknown substitution", "function f(id: string) { check(`flag-${id}`); }", "`flag-${id}`"],
    ["a parameter", "function f(key: string) { check(key); }", "key"],
    ["a function call", "check(keyFor(user));", "keyFor(user)"],
    ["a let", `let key = "a";\nkey = "b";\ncheck(key);`, "key"],
    ["a plain (mutable) object property", `const Flags = { A: "a" };\ncheck(Flags.A);`, "Flags.A"],
    ["a numeric enum member", "enum Flags { A }\ncheck(Flags.A);", "Flags.A"],
    ["an imported name without an index", `import { A } from "./keys";\ncheck(A);`, "A"],
    ["a member overridden by a spread", `const Flags = { A: "a", ...other } as const;\ncheck(Flags.A);`, "Flags.A"],
  ])("reports %s with its source text", (_, source, keyText) => {
    expect(keyOf(source)).toEqual({ flag: null, dynamic: true, keyText });
  });

  it("does not resolve a const that a parameter shadows", () => {
    expect(keyOf(`const KEY = "outer";\nfunction f(KEY: string) { check(KEY); }`)?.dynamic).toBe(true);
  });

  it("does not loop on consts that refer to each other", () => {
    expect(keyOf(`const A = B;\nconst B = A;\ncheck(A);`)?.dynamic).toBe(true);
  });
});
