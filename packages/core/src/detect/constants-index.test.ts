import { describe, expect, it } from "vitest";
import { buildConstantIndex, collectExportedConstants } from "./constants-index.js";
import { parseSource } from "./parse.js";

describe("collectExportedConstants", () => {
  it("collects exported string consts, as const objects and string enums", () => {
    const source = [
      `export const NEW_NAV = "new-nav";`,
      `const PREFIX = "checkout";`,
      `export const Flags = { CHECKOUT: \`\${PREFIX}-v2\`, COUNT: 3, NAV: NEW_NAV } as const;`,
      `export enum Keys { A = "a", B = 2 }`,
      `export let notConst = "x";`,
      `export const notString = 42;`,
      `const local = "local-value";`,
      `enum LocalEnum { C = "c" }`,
      `export { local as EXPORTED_LATER, LocalEnum };`,
    ].join("\n");
    expect(collectExportedConstants(parseSource(source, "/repo/keys.ts"))).toEqual([
      { name: "NEW_NAV", value: "new-nav" },
      { name: "Flags", member: "CHECKOUT", value: "checkout-v2" },
      { name: "Flags", member: "NAV", value: "new-nav" },
      { name: "Keys", member: "A", value: "a" },
      { name: "EXPORTED_LATER", value: "local-value" },
      { name: "LocalEnum", member: "C", value: "c" },
    ]);
  });

  it("ignores objects that are not as const", () => {
    expect(collectExportedConstants(parseSource(`export const Flags = { A: "a" };`, "/repo/keys.ts"))).toEqual([]);
  });
});

describe("buildConstantIndex", () => {
  it("resolves names and members", () => {
    const index = buildConstantIndex([
      { name: "NEW_NAV", value: "new-nav" },
      { name: "Flags", member: "NAV", value: "nav" },
    ]);
    expect(index.resolve("NEW_NAV")).toBe("new-nav");
    expect(index.resolve("Flags", "NAV")).toBe("nav");
    expect(index.resolve("Flags")).toBeUndefined();
    expect(index.resolve("Missing")).toBeUndefined();
  });

  it("resolves an ambiguous name to nothing, and a repeated identical one to its value", () => {
    const index = buildConstantIndex([
      { name: "KEY", value: "one" },
      { name: "KEY", value: "two" },
      { name: "SAME", value: "same" },
      { name: "SAME", value: "same" },
    ]);
    expect(index.resolve("KEY")).toBeUndefined();
    expect(index.resolve("SAME")).toBe("same");
  });
});
