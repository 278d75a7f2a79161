import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectExportedConstants, ExportIndex } from "./constants-index.js";
import { parseSource } from "./parse.js";

const collect = (source: string) => collectExportedConstants(parseSource(source, "/repo/keys.ts"));

describe("collectExportedConstants", () => {
  it("collects exported string consts, the leaves of const objects and string enums", () => {
    const source = [
      `export const NEW_NAV = "new-nav";`,
      `const PREFIX = "checkout";`,
      `export const Flags = { CHECKOUT: \`\${PREFIX}-v2\`, COUNT: 3, NAV: NEW_NAV, nested: { A: "a" } } as const;`,
      `export enum Keys { A = "a", B = 2 }`,
      `export let notConst = "x";`,
      `export const notString = 42;`,
      `const local = "local-value";`,
      `enum LocalEnum { C = "c" }`,
      `export { local as EXPORTED_LATER, LocalEnum };`,
      `export const Plain: Settings = { key: "plain" };`,
    ].join("\n");
    expect(collect(source)).toMatchObject({
      values: [
        { name: "NEW_NAV", path: [], value: "new-nav" },
        { name: "Flags", path: ["CHECKOUT"], value: "checkout-v2" },
        { name: "Flags", path: ["NAV"], value: "new-nav" },
        { name: "Flags", path: ["nested", "A"], value: "a" },
        { name: "Keys", path: ["A"], value: "a" },
        { name: "EXPORTED_LATER", path: [], value: "local-value" },
        { name: "LocalEnum", path: ["C"], value: "c" },
        { name: "Plain", path: ["key"], value: "plain" },
      ],
      links: [],
    });
  });

  it("keeps only literal leaves: no functions, numbers or assigned members", () => {
    const source = [
      `export const Flag = { key: "a", other: "b", count: 1, on: true, run() { return "x"; } };`,
      `Flag.other = "c";`,
    ].join("\n");
    expect(collect(source).values).toEqual([{ name: "Flag", path: ["key"], value: "a" }]);
  });

  it("records what other modules provide as links", () => {
    const source = [
      `import Base from "./base";`,
      `import * as ns from "./ns";`,
      `export default { ...Base, key: "x" };`,
      `export const FROM_NS = ns.Keys.A;`,
      `export { default as Tax } from "./tax";`,
      `export * from "./all";`,
      `export * as grouped from "./grouped";`,
    ].join("\n");
    expect(collect(source)).toEqual({
      values: [{ name: "default", path: ["key"], value: "x" }],
      links: [
        { name: "default", at: [], specifier: "./base", imported: "default", path: [] },
        { name: "FROM_NS", at: [], specifier: "./ns", imported: "Keys", path: ["A"] },
        { name: "Tax", at: [], specifier: "./tax", imported: "default", path: [] },
        { name: "*", at: [], specifier: "./all", imported: "*", path: [] },
        { name: "grouped", at: [], specifier: "./grouped", imported: "*", path: [] },
      ],
      declared: [{ name: "FROM_NS", local: "FROM_NS" }],
    });
  });

  it("lets a later member replace only what an earlier one of its name put at its place", () => {
    const source = [
      `import Base from "./base";`,
      `export const F = { a: "1", ab: "2", nested: { x: "3", y: Base }, a: "4", nested: { x: "5" }, z: "7" };`,
      `export const G = { a: "kept" };`,
      `export const H = { a: "1", [k]: "2", b: "3" };`,
    ].join("\n");
    expect(collect(source)).toEqual({
      values: [
        { name: "F", path: ["ab"], value: "2" },
        { name: "F", path: ["a"], value: "4" },
        { name: "F", path: ["nested", "x"], value: "5" },
        { name: "F", path: ["z"], value: "7" },
        { name: "G", path: ["a"], value: "kept" },
        { name: "H", path: ["b"], value: "3" },
      ],
      links: [],
      declared: [
        { name: "F", local: "F" },
        { name: "G", local: "G" },
        { name: "H", local: "H" },
      ],
    });
  });

  it("lets a spread replace what came before it", () => {
    expect(collect(`import Base from "./base";\nexport const F = { key: "a", ...Base };`)).toMatchObject({
      values: [],
      links: [{ name: "F", at: [], specifier: "./base", imported: "default", path: [] }],
    });
  });
});

describe("ExportIndex", () => {
  const modules: Record<string, string> = {
    "/repo/index.ts": `export * from "./a";\nexport * from "./keys";\n`,
    "/repo/a.ts": `export const Other = { X: "x" } as const;\n`,
    "/repo/keys.ts": `export enum Keys { A = "a", B = "b" }\n`,
  };
  const exports = new Map(Object.entries(modules).map(([file, text]) => [file, collectExportedConstants(parseSource(text, file))]));

  /** An index over `modules` that counts what it is asked; `keys` is edited to say `A = "changed"` once `edit` is called. */
  function counting(options: { remember?: boolean }) {
    const asked: string[] = [];
    let edited = false;
    const index = new ExportIndex(
      {
        exportsOf: (file) => {
          asked.push(file);
          return edited && file === "/repo/keys.ts" ? collectExportedConstants(parseSource(`export enum Keys { A = "changed" }\n`, file)) : exports.get(file);
        },
        resolveModule: (specifier, fromFile) => (specifier === "@acme/keys" ? "/repo/index.ts" : path.posix.join(path.posix.dirname(fromFile), `${specifier}.ts`)),
        filesExporting: () => [],
      },
      options,
    );
    return { index, asked, edit: () => (edited = true) };
  }
  const lookup = (file: string) => ({ name: "Keys", specifier: "@acme/keys", file });

  it("remembers, in a run, what a module exports by a name and path: files that ask the same are answered without reading again", () => {
    const { index, asked, edit } = counting({ remember: true });
    expect(index.resolve(lookup("/repo/app/one.ts"), ["A"])).toBe("a");
    const reads = asked.length;
    expect(reads).toBeGreaterThan(1);
    edit();
    expect(index.resolve(lookup("/repo/app/two.ts"), ["A"])).toBe("a");
    expect(asked).toHaveLength(reads);
    expect(index.resolve(lookup("/repo/app/two.ts"), ["B"])).toBe(undefined);
  });

  it("asks the modules again each time when they may change (a watching ESLint process)", () => {
    const { index, edit } = counting({});
    expect(index.resolve(lookup("/repo/app/one.ts"), ["A"])).toBe("a");
    edit();
    expect(index.resolve(lookup("/repo/app/one.ts"), ["A"])).toBe("changed");
  });
});
