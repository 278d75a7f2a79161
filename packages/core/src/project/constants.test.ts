import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportedNames, ProjectConstants } from "./constants.js";
import { FileCache } from "./file-cache.js";
import { walkProject, type FolderListing } from "./files.js";
import { ModuleResolver } from "./module-resolution.js";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-constants-"));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe("exportedNames", () => {
  it.each([
    ["a const", `export const PRICING = "pricing";`, ["PRICING"]],
    ["a declared const", `export declare const PRICING: "pricing";`, ["PRICING"]],
    ["an enum and a const enum", `export enum A { X = "x" }\nexport const enum B { Y = "y" }`, ["A", "B"]],
    ["an export list with aliases", `export { a, b as C, default as D } from "./x";`, ["a", "C", "D"]],
    ["a name with a dollar sign", `export const $flags = {};`, ["$flags"]],
  ])("finds %s", (_, text, names) => {
    expect([...exportedNames(text)].sort()).toEqual([...names].sort());
  });

  it("ignores functions, lets and mentions", () => {
    expect([...exportedNames(`export function F() {}\nexport let L = 1;\nconst x = PRICING;`)]).toEqual([]);
  });
});

describe("ModuleResolver", () => {
  const root = project({
    "tsconfig.json": `{ // comments are fine\n "compilerOptions": { "baseUrl": ".", "paths": { "@flags/*": ["src/flags/*"], "~": ["src/index.ts"] } } }`,
    "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }),
    "packages/shared/package.json": JSON.stringify({ name: "@acme/shared", main: "dist/index.js" }),
    "packages/shared/src/index.ts": "export const A = 'a';",
    "packages/shared/src/keys.ts": "export const B = 'b';",
    "src/flags/sales.ts": "export default { key: 'sales' };",
    "src/flags/tax/index.tsx": "export default { key: 'tax' };",
    "src/index.ts": "",
    "src/app/page.ts": "",
  });
  const resolver = new ModuleResolver();
  const from = path.join(root, "src/app/page.ts");

  it.each([
    ["a relative path", "../flags/sales", "src/flags/sales.ts"],
    ["a relative path written with .js", "../flags/sales.js", "src/flags/sales.ts"],
    ["a folder's index", "../flags/tax", "src/flags/tax/index.tsx"],
    ["a tsconfig paths pattern", "@flags/sales", "src/flags/sales.ts"],
    ["an exact tsconfig paths entry", "~", "src/index.ts"],
    ["a baseUrl path", "src/flags/sales", "src/flags/sales.ts"],
    ["a workspace package (its src/index when main is built)", "@acme/shared", "packages/shared/src/index.ts"],
    ["a workspace package subpath", "@acme/shared/keys", "packages/shared/src/keys.ts"],
  ])("resolves %s", (_, specifier, file) => {
    expect(resolver.resolve(specifier, from)).toBe(path.join(root, file));
  });

  it.each([
    ["../flags/sales.js", "src/flags/sales.ts"],
    ["../flags/tax", "src/flags/tax/index.tsx"],
    ["@flags/sales", "src/flags/sales.ts"],
    ["@acme/shared", "packages/shared/src/index.ts"],
    ["@acme/shared/keys", "packages/shared/src/keys.ts"],
    ["./missing", undefined],
  ])("resolves %s the same through the listings of a walk", (specifier, file) => {
    const walked = new ModuleResolver({ listings: walkProject({ cwd: root, paths: [] }).listings });
    expect(walked.resolve(specifier, from)).toBe(file === undefined ? undefined : path.join(root, file));
  });

  describe("with a walk's listings", () => {
    const folder = path.join(root, "src/flags");
    const listing = (files: string[], links: string[] = []): Map<string, FolderListing> =>
      new Map([[folder, { files: new Set(files), links: new Set(links) }]]);

    it("takes a walked folder's files from its listing, not the disk", () => {
      // The listing is what a walk read: a file it lists is there, one it does not list is not.
      expect(new ModuleResolver({ listings: listing(["sales.ts", "extra.ts"]) }).resolve("../flags/extra", from)).toBe(path.join(folder, "extra.ts"));
      expect(new ModuleResolver({ listings: listing(["extra.ts"]) }).resolve("../flags/sales", from)).toBeUndefined();
    });

    it("asks the disk about a symbolic link, or a name a listed one matches but for case", () => {
      expect(new ModuleResolver({ listings: listing([], ["sales.ts"]) }).resolve("../flags/sales", from)).toBe(path.join(folder, "sales.ts"));
      // On a file system that ignores case, a listed SALES.ts is sales.ts: the listing cannot say there is none.
      expect(new ModuleResolver({ listings: listing(["SALES.ts"]) }).resolve("../flags/sales", from)).toBe(path.join(folder, "sales.ts"));
    });

    it("asks the disk about a folder the walk did not read", () => {
      expect(new ModuleResolver({ listings: new Map() }).resolve("../flags/sales", from)).toBe(path.join(folder, "sales.ts"));
    });
  });

  it("reads paths from the tsconfig a package's tsconfig extends", () => {
    const monorepo = project({
      "tsconfig.base.json": `{ "compilerOptions": { "paths": { "#keys": ["./shared/keys.ts"] } } }`,
      "apps/web/tsconfig.json": `{ "extends": "../../tsconfig.base.json" }`,
      "shared/keys.ts": "export const A = 'a';",
    });
    expect(new ModuleResolver().resolve("#keys", path.join(monorepo, "apps/web/src/page.ts"))).toBe(path.join(monorepo, "shared/keys.ts"));
  });

  it.each([["an installed package", "react"], ["a missing file", "./missing"]])("leaves %s unresolved", (_, specifier) => {
    expect(resolver.resolve(specifier, from)).toBeUndefined();
  });
});

describe("ProjectConstants", () => {
  it("resolves by module, and by name where the module does not resolve", () => {
    const root = project({
      "flags/sales.ts": `const Flag: Settings = { key: "sales_channels" };\nexport default Flag;`,
      "shared/keys.ts": `export const Keys = { NAV: "new-nav" };`,
    });
    const constants = new ProjectConstants({ files: () => [path.join(root, "flags/sales.ts"), path.join(root, "shared/keys.ts")] });
    const file = path.join(root, "app/page.ts");
    expect(constants.index.resolve({ name: "default", specifier: "../flags/sales", file }, ["key"])).toBe("sales_channels");
    expect(constants.index.resolve({ name: "Keys", specifier: "@unresolved/shared", file }, ["NAV"])).toBe("new-nav");
    expect(constants.index.resolve({ name: "default", specifier: "@unresolved/shared", file }, ["NAV"])).toBeUndefined();
  });

  it("looks a named import up by name when a package's entry is built code", () => {
    const root = project({
      "package.json": JSON.stringify({ workspaces: ["packages/*"] }),
      "packages/shared/package.json": JSON.stringify({ name: "@acme/shared", main: "dist/index.js" }),
      "packages/shared/dist/index.js": `"use strict";\nexports.Keys = { NAV: "new-nav" };\n`,
      "packages/shared/src/keys.ts": `export const Keys = { NAV: "new-nav" } as const;`,
    });
    const constants = new ProjectConstants({ files: () => [path.join(root, "packages/shared/src/keys.ts")] });
    const file = path.join(root, "packages/web/page.ts");
    expect(constants.index.resolve({ name: "Keys", specifier: "@acme/shared", file }, ["NAV"])).toBe("new-nav");
    // A relative path names its module: no guess from elsewhere.
    expect(constants.index.resolve({ name: "Keys", specifier: "../shared/dist/index.js", file }, ["NAV"])).toBeUndefined();
  });

  it("re-reads a module whose mtime changed when watching", () => {
    const root = project({ "flags/sales.ts": `export default { key: "old" };` });
    const constants = new ProjectConstants({ files: () => [], watch: true });
    const external = { name: "default", specifier: "./flags/sales", file: path.join(root, "page.ts") };
    expect(constants.index.resolve(external, ["key"])).toBe("old");
    const file = path.join(root, "flags/sales.ts");
    fs.writeFileSync(file, `export default { key: "new" };`);
    const later = new Date(Date.UTC(2030, 0, 1));
    fs.utimesSync(file, later, later);
    expect(constants.index.resolve(external, ["key"])).toBe("new");
  });

  it("finds a module created after a lookup missed it when watching", () => {
    const root = project({ "page.ts": "" });
    const constants = new ProjectConstants({ files: () => [], watch: true });
    const external = { name: "default", specifier: "./flags/late", file: path.join(root, "page.ts") };
    expect(constants.index.resolve(external, ["key"])).toBeUndefined();
    fs.mkdirSync(path.join(root, "flags"));
    fs.writeFileSync(path.join(root, "flags/late.ts"), `export default { key: "late" };`);
    expect(constants.index.resolve(external, ["key"])).toBe("late");
  });

  it("follows an import to the declaration it stands for", () => {
    const root = project({
      "keys.ts": `export const FeatureKeys = { A: "a" };`,
      "barrel.ts": `export { FeatureKeys as Keys } from "./keys";`,
    });
    const constants = new ProjectConstants({ files: () => [] });
    expect(constants.index.origin({ name: "Keys", specifier: "./barrel", file: path.join(root, "page.ts") })).toEqual({
      file: path.join(root, "keys.ts"),
      name: "FeatureKeys",
    });
  });

  describe("a large generated module", () => {
    /** Over the size from which a module is asked for one name first: types, then the enum. */
    const generated = (values: string) =>
      `${Array.from({ length: 9000 }, (_, index) => `export type Type${index} = { id: string; name?: string | null };`).join("\n")}\n` +
      `export enum FeatureFlagEnum { OrderForms = "${values}" }\nexport const Plans = { Basic: "basic" };\n`;

    it("gives an enum's keys, and any other name's, as reading it whole does", () => {
      const root = project({ "generated/graphql.ts": generated("order_forms") });
      expect(fs.statSync(path.join(root, "generated/graphql.ts")).size).toBeGreaterThan(256 * 1024);
      const constants = new ProjectConstants({ files: () => [] });
      const file = path.join(root, "page.ts");
      expect(constants.index.resolve({ name: "FeatureFlagEnum", specifier: "./generated/graphql", file }, ["OrderForms"])).toBe("order_forms");
      expect(constants.index.resolve({ name: "FeatureFlagEnum", specifier: "./generated/graphql", file }, ["Missing"])).toBeUndefined();
      expect(constants.index.resolve({ name: "Plans", specifier: "./generated/graphql", file }, ["Basic"])).toBe("basic");
      expect(constants.index.origin({ name: "FeatureFlagEnum", specifier: "./generated/graphql", file })).toEqual({
        file: path.join(root, "generated/graphql.ts"),
        name: "FeatureFlagEnum",
      });
    });

    it("reads it by name again once its mtime changes when watching", () => {
      const root = project({ "generated/graphql.ts": generated("order_forms") });
      const constants = new ProjectConstants({ files: () => [], watch: true });
      const external = { name: "FeatureFlagEnum", specifier: "./generated/graphql", file: path.join(root, "page.ts") };
      expect(constants.index.resolve(external, ["OrderForms"])).toBe("order_forms");
      const module = path.join(root, "generated/graphql.ts");
      fs.writeFileSync(module, generated("new_forms"));
      const later = new Date(Date.UTC(2030, 0, 1));
      fs.utimesSync(module, later, later);
      expect(constants.index.resolve(external, ["OrderForms"])).toBe("new_forms");
    });

    it("keeps what it read by name in --cache, and reads it again once the module changes", () => {
      const root = project({ "generated/graphql.ts": generated("order_forms"), "keys.ts": `export const Keys = { A: "a" };` });
      const module = path.join(root, "generated/graphql.ts");
      const options = { location: path.join(root, "cache.json"), strategy: "metadata" as const, version: "1.2.3" };
      const lookup = (): string | undefined => {
        const cache = new FileCache(options, root);
        const constants = new ProjectConstants({ files: () => [], memo: cache.modules(() => undefined) });
        const value = constants.index.resolve({ name: "FeatureFlagEnum", specifier: "./generated/graphql", file: path.join(root, "page.ts") }, ["OrderForms"]);
        expect(constants.index.resolve({ name: "Keys", specifier: "./keys", file: path.join(root, "page.ts") }, ["A"])).toBe("a");
        cache.save();
        return value;
      };
      const mtime = new Date(Date.UTC(2026, 0, 1));
      fs.utimesSync(module, mtime, mtime);
      expect(lookup()).toBe("order_forms");
      const stored = JSON.parse(fs.readFileSync(options.location, "utf8")) as { modules: Record<string, { byName?: Record<string, unknown> }> };
      expect(Object.keys(stored.modules["generated/graphql.ts"]?.byName ?? {})).toEqual(["FeatureFlagEnum"]);
      // A small module is read whole: nothing by name is kept for it.
      expect(stored.modules["keys.ts"]).toMatchObject({ exports: { values: [{ name: "Keys", path: ["A"], value: "a" }] } });
      expect(stored.modules["keys.ts"]?.byName).toBeUndefined();
      // The same size and mtime: by metadata, the module is unchanged, and what the cache holds is used.
      fs.writeFileSync(module, generated("order_FORMS"));
      fs.utimesSync(module, mtime, mtime);
      expect(lookup()).toBe("order_forms");
      fs.writeFileSync(module, generated("new_forms"));
      expect(lookup()).toBe("new_forms");
    });
  });
});
