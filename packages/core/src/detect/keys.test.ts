import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource, type AnalyzeOptions } from "./analyze.js";
import { memoryIndex } from "./__fixtures__/memory-index.js";
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
    ["a plain object property", `const Flags = { NEW_NAV: "new-nav" };\ncheck(Flags.NEW_NAV);`],
    ["a typed object property", `const Flag: FlagSettings = { key: "new-nav", default_val: false };\ncheck(Flag.key);`],
    ["a satisfies object property", `const Flag = { key: "new-nav" } satisfies FlagSettings;\ncheck(Flag.key);`],
    ["a nested plain object", `const Flags = { nav: { NEW: "new-nav" } };\ncheck(Flags.nav.NEW);`],
    ["a member of a spread object", `const Base = { NEW: "new-nav" };\nconst Flags = { ...Base, OTHER: "x" };\ncheck(Flags.NEW);`],
    ["a member written after a spread", `const Flags = { ...other, NEW: "new-nav" };\ncheck(Flags.NEW);`],
    ["a const of an object member", `const Flag = { key: "new-nav" };\nconst KEY = Flag.key;\ncheck(KEY);`],
    ["an object member that is another const", `const KEY = "new-nav";\nconst Flags = { NAV: KEY };\ncheck(Flags.NAV);`],
    ["a template of object members", "const Flag = { prefix: \"new\" };\ncheck(`${Flag.prefix}-nav`);"],
    ["a member the file only reads", `const Flag = { key: "new-nav" };\nconsole.log(Flag.key, Flag["key"]);\ncheck(Flag.key);`],
  ])("resolves %s", (_, source) => {
    expect(keyOf(source)?.flag).toBe("new-nav");
  });

  it("resolves imported names and members through the constant index", () => {
    // Not a module that resolves: found by the names it exports.
    const constants = memoryIndex({
      "/elsewhere/shared.ts": `export const NEW_NAV = "new-nav";\nexport const Flags = { CHECKOUT: "checkout" } as const;`,
    });
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
    ["a plain object property the file assigns", `const Flags = { A: "a" };\nFlags.A = "b";\ncheck(Flags.A);`, "Flags.A"],
    ["a plain object the file hands to Object.assign", `const Flags = { A: "a" };\nObject.assign(Flags, x);\ncheck(Flags.A);`, "Flags.A"],
    ["a nested member the file assigns", `const Flags = { nav: { A: "a" } };\nFlags.nav.A = "b";\ncheck(Flags.nav.A);`, "Flags.nav.A"],
    ["a member of a let object", `let Flags = { A: "a" };\ncheck(Flags.A);`, "Flags.A"],
    ["a getter", `const Flags = { get A() { return "a"; } };\ncheck(Flags.A);`, "Flags.A"],
    ["a member a computed name may override", `const Flags = { A: "a", [k]: "b" };\ncheck(Flags.A);`, "Flags.A"],
    ["a default import without an index", `import Flag from "./flag";\ncheck(Flag.key);`, "Flag.key"],
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

describe("keys other modules export", () => {
  const files = {
    "/repo/flags/sales-channels.ts": [
      `import type { FlagSettings } from "../types";`,
      `const SalesChannelFeatureFlag: FlagSettings = { key: "sales_channels", default_val: false, env_key: "X" };`,
      `export default SalesChannelFeatureFlag;`,
    ].join("\n"),
    "/repo/flags/tax.ts": `export default { key: "tax_inclusive_pricing", description: "…" };`,
    "/repo/flags/index.ts": [
      `export { default as SalesChannelFeatureFlag } from "./sales-channels";`,
      `export { default as TaxFlag } from "./tax";`,
      `export * from "./keys";`,
      `export * as nested from "./keys";`,
    ].join("\n"),
    "/repo/flags/keys.ts": [
      `import Tax from "./tax";`,
      `export const Keys = { nav: { NEW: "new-nav" }, TAX: Tax.key };`,
      `const Base = { BASE: "base" } as const;`,
      `export const Extended = { ...Base, MORE: "more" } as const;`,
      `export const TAX_KEY = Tax.key;`,
      `export const Mutated = { A: "a" };`,
      `Mutated.A = "b";`,
    ].join("\n"),
    "/repo/packages/@acme/flags/index.ts": `export { Keys as FeatureKeys } from "../../../flags/keys";`,
  };
  const constants = memoryIndex(files);
  const keysOf = (source: string) =>
    analyzeSource(parseSource(source, "/repo/app/page.ts"), detect, { constants }).references.map((reference) => reference.flag);

  it.each([
    ["a default export of a typed const object", `import Flag from "../flags/sales-channels";\ncheck(Flag.key);`, "sales_channels"],
    ["a default export of an object literal", `import Tax from "../flags/tax";\ncheck(Tax.key);`, "tax_inclusive_pricing"],
    ["a default export re-exported by name", `import { SalesChannelFeatureFlag } from "../flags";\ncheck(SalesChannelFeatureFlag.key);`, "sales_channels"],
    ["an aliased import", `import { TaxFlag as T } from "../flags";\ncheck(T.key);`, "tax_inclusive_pricing"],
    ["a nested member through export *", `import { Keys } from "../flags";\ncheck(Keys.nav.NEW);`, "new-nav"],
    ["a member that is another module's key", `import { Keys } from "../flags/keys";\ncheck(Keys.TAX);`, "tax_inclusive_pricing"],
    ["a const of another module's key", `import { TAX_KEY } from "../flags/keys";\ncheck(TAX_KEY);`, "tax_inclusive_pricing"],
    ["a spread object", `import { Extended } from "../flags/keys";\ncheck(Extended.BASE);`, "base"],
    ["a namespace import", `import * as flags from "../flags";\ncheck(flags.SalesChannelFeatureFlag.key);`, "sales_channels"],
    ["a namespace re-export", `import { nested } from "../flags";\ncheck(nested.Keys.nav.NEW);`, "new-nav"],
    ["a workspace package through an aliased re-export", `import { FeatureKeys } from "@acme/flags";\ncheck(FeatureKeys.nav.NEW);`, "new-nav"],
    ["a local const of an imported member", `import Flag from "../flags/sales-channels";\nconst KEY = Flag.key;\ncheck(KEY);`, "sales_channels"],
    ["a template of imported parts", "import { Keys } from \"../flags/keys\";\ncheck(`${Keys.nav.NEW}-v2`);", "new-nav-v2"],
  ])("resolves %s", (_, source, key) => {
    expect(keysOf(source)).toEqual([key]);
  });

  it.each([
    ["a member the module assigns", `import { Mutated } from "../flags/keys";\ncheck(Mutated.A);`],
    ["a member the module does not have", `import Flag from "../flags/sales-channels";\ncheck(Flag.missing);`],
    ["a non-string member", `import Flag from "../flags/sales-channels";\ncheck(Flag.default_val);`],
    ["a default export of a module that does not resolve", `import Flag from "../flags/gone";\ncheck(Flag.key);`],
    // `Keys` is exported by ../flags/keys, but nothing here imports it: a global of that name is no export.
    ["a global name another module exports", `check(Keys.nav.NEW);`],
  ])("leaves dynamic %s", (_, source) => {
    expect(keysOf(source)).toEqual([null]);
  });
});

describe("plain objects in a deeply nested file", () => {
  it("finds the writes without running out of stack", () => {
    const deep = Array.from({ length: 20_000 }, () => "y").join(" + ");
    expect(keyOf(`const Flag = { key: "new-nav" };\nconst y = ${deep};\ncheck(Flag.key);`)?.flag).toBe("new-nav");
    expect(keyOf(`const Flag = { key: "new-nav" };\nconst y = ${deep};\nFlag.key = z;\ncheck(Flag.key);`)?.flag).toBeNull();
  });
});
