import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discoverProject } from "./discover.js";
import type { HeapBudget } from "./program.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function discover(files: Record<string, string>, options: { heap?: HeapBudget; onProgress?: (done: number, total: number) => void } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-discover-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return discoverProject({ cwd: root, paths: [], dir: root, ...options });
}

describe("discoverProject on a project too large for one program", () => {
  const files = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`src/m${index}.ts`, `export const value${index} = ${index};\n`]));

  it("stops with what to do instead, where V8 would end the process out of memory", () => {
    // A budget any heap exceeds: the first measure, after 16 files, stops the parse.
    expect(() => discover(files, { heap: { budget: 1, used: () => 2 } })).toThrow(
      /^discovery does not fit in memory: 40 files \(0 MB of source\) make one type-checked program, and 16 of them filled 0 MB, half of Node's heap \(hint: give Node more memory, NODE_OPTIONS=--max-old-space-size=1024, or run init on a part of the tree: `flaglint init <folder>` writes <folder>\/feature-flags\.yaml\)$/,
    );
  });

  it("in a monorepo, runs one package at a time, each matcher held where it was found", () => {
    const monorepo = {
      "package.json": '{ "private": true, "workspaces": ["packages/*"] }\n',
      "packages/a/package.json": '{ "name": "a" }\n',
      "packages/a/src/flags.ts": 'export type FlagKey = "new-nav" | "dark-mode";\nexport function isOn(flag: FlagKey): boolean {\n  return flag.length > 0;\n}\n',
      "packages/a/src/app.ts": 'import { isOn } from "./flags";\nexport const nav = isOn("new-nav");\n',
      "packages/b/package.json": '{ "name": "b" }\n',
      "packages/b/src/bits.ts": "export function isOn(bit: number): boolean {\n  return bit > 0;\n}\n",
      "packages/b/src/use.ts": 'import { isOn } from "./bits";\nexport const third = isOn(3);\n',
    };
    // The heap as the count of parsed files (the standard library is one): the whole program
    // parses 5, each package 3.
    const found = discover(monorepo, { heap: { budget: 4, used: (parsed) => parsed } });
    expect(found.calls.map(({ matcher }) => matcher)).toEqual([{ function: "isOn", keyArg: 0, files: ["packages/a/**"] }]);
    expect(found.detect.calls).toEqual([{ function: "isOn", keyArg: 0, files: ["packages/a/**"] }]);
    expect(found.keySets.map(({ name, members }) => [name, members])).toEqual([["FlagKey", ["new-nav", "dark-mode"]]]);
    expect(found.notes[0]).toBe(
      "discovery ran one package at a time (2 packages), as the 4 files do not fit in one program: each matcher holds in the packages it was found in (`files:`), where a name may mean something else elsewhere",
    );
  });

  it("counts progress once over every package, not from zero again in each", () => {
    const monorepo = {
      "packages/a/package.json": '{ "name": "a" }\n',
      "packages/a/src/one.ts": "export const one = 1;\n",
      "packages/a/src/two.ts": "export const two = 2;\n",
      "packages/b/package.json": '{ "name": "b" }\n',
      "packages/b/src/three.ts": "export const three = 3;\n",
      "packages/b/src/four.ts": "export const four = 4;\n",
    };
    const seen: Array<[number, number]> = [];
    discover(monorepo, { heap: { budget: 4, used: (parsed) => parsed }, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map(([, total]) => total))).toEqual(new Set([4]));
    const done = seen.map(([count]) => count);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.some((count) => count >= 2)).toBe(true);
  });

  it("names the package that does not fit on its own", () => {
    const monorepo = {
      "packages/a/package.json": '{ "name": "a" }\n',
      "packages/a/src/one.ts": "export const one = 1;\n",
      "packages/b/package.json": '{ "name": "b" }\n',
      ...Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`packages/b/src/m${index}.ts`, `export const m${index} = ${index};\n`])),
    };
    // Package a parses 2 files (the standard library is one), package b 5.
    expect(() => discover(monorepo, { heap: { budget: 4, used: (parsed) => parsed } })).toThrow(/^discovery does not fit in memory: 4 files of the package packages\/b \(/);
  });

  it("runs as before within the budget", () => {
    expect(discover(files, { heap: { budget: 2, used: () => 1 } }).calls).toEqual([]);
  });
});

describe("discoverProject", () => {
  it("follows wrappers of wrappers of an SDK call, with their context argument", () => {
    const found = discover({
      "src/flags.ts": [
        'import { OpenFeature } from "@openfeature/server-sdk";',
        "const client = OpenFeature.getClient();",
        "export async function isOn(flag: string, user: object) { return client.getBooleanValue(flag, false, user); }",
        "export const useFlagOn = (name: string, who: object) => isOn(name, who);",
      ].join("\n"),
      "src/app.ts": 'import { useFlagOn } from "./flags";\nuseFlagOn("new-nav", {});\n',
    });
    expect(found.calls.map(({ matcher }) => matcher)).toEqual([
      { function: "isOn", keyArg: 0, contextArg: 1 },
      { function: "useFlagOn", keyArg: 0, contextArg: 1 },
    ]);
    expect(found.calls[0]!.why).toBe("isOn: passes its parameter flag to the openfeature SDK (src/flags.ts:3)");
  });

  it("matches a typed method by the receivers the code calls it on", () => {
    const found = discover({
      "src/flags.ts": 'export type FlagKey = "a" | "b";\nexport class FlagService { isEnabled(flag: FlagKey): boolean { return flag === "a"; } }\n',
      "src/app.ts": 'import { FlagService } from "./flags";\nclass App { constructor(private flagService: FlagService) {} run() { return this.flagService.isEnabled("a"); } }\n',
    });
    expect(found.calls.map(({ matcher }) => matcher)).toEqual([{ object: "flagService", method: "isEnabled", keyArg: 0 }]);
    expect(found.keySets.map(({ name, members }) => ({ name, members }))).toEqual([{ name: "FlagKey", members: ["a", "b"] }]);
  });

  it("takes calls on a global the checker cannot type for the one method of that name, declared in a .d.ts or not", () => {
    const found = discover({
      "global.d.ts": "declare const Utils: any;\n",
      "src/utils.ts": [
        'import flagsmith from "flagsmith";',
        "export const Utils = Object.assign({}, { hasFlag(key: string) { return flagsmith.hasFeature(key); } });",
      ].join("\n"),
      "src/page.ts": 'export const page = () => (Utils.hasFlag("new_page") ? "new" : "old");\n',
    });
    expect(found.calls.map(({ matcher }) => matcher)).toEqual([{ object: "Utils", method: "hasFlag", keyArg: 0 }]);
  });

  it("reads the object a key set is derived from (keyof typeof) for keys, never as flag values", () => {
    const found = discover({
      "src/flags.ts": [
        'export const FLAG = { newNav: "newNav", beta: "beta" } as const;',
        "const CATALOG = { [FLAG.newNav]: { parse: (v: unknown) => v === true }, [FLAG.beta]: { parse: (v: unknown) => v === true } };",
        "export type FlagKey = keyof typeof CATALOG;",
        "export function validate(key: FlagKey, value: unknown) { return CATALOG[key].parse(value); }",
        "export const schemaOf = (key: FlagKey) => CATALOG[key];",
      ].join("\n"),
      "src/app.ts": [
        'import { FLAG, validate } from "./flags";',
        "export const on = (stored: Record<string, unknown>) => validate(FLAG.newNav, stored[FLAG.newNav]);",
      ].join("\n"),
    });
    expect(found.keySets.map(({ name }) => name).sort()).toEqual(["FLAG", "FlagKey"]);
    expect(found.objects.map(({ matcher }) => matcher.path)).toEqual([]);
  });

  it("follows a wrapper that passes its parameter to a client another module exports", () => {
    const found = discover({
      "src/server.ts": 'import { PostHog } from "posthog-node";\nexport const serverClient = new PostHog("key");\n',
      "src/flags.ts": [
        'import { serverClient } from "./server";',
        "export async function getFlag(userId: string, flagKey: string) {",
        "  return serverClient.getFeatureFlag(flagKey, userId);",
        "}",
      ].join("\n"),
      "src/page.ts": 'import { getFlag } from "./flags";\nexport const page = async () => ((await getFlag("u1", "new-nav")) ? "new" : "old");\n',
    });
    expect(found.calls.map(({ matcher }) => matcher)).toEqual([
      { function: "getFlag", keyArg: 1, contextArg: 0 },
      { object: "serverClient", method: "getFeatureFlag", keyArg: 0, contextArg: 1 },
    ]);
    expect(found.calls[0]!.why).toBe("getFlag: passes its parameter flagKey to serverClient.getFeatureFlag (src/flags.ts:3)");
  });

  it("takes no key set from the standard library or a generic's instance (keyof Pick<…>)", () => {
    const found = discover({
      "src/license.ts": [
        "export interface LicenseFeatures { sso: boolean; whitelabel: boolean; quotas: boolean }",
        'export function isFeatureEnabled(features: LicenseFeatures, feature: keyof Pick<LicenseFeatures, "sso" | "whitelabel">) {',
        "  return features[feature];",
        "}",
        'export const sso = (features: LicenseFeatures) => isFeatureEnabled(features, "sso");',
      ].join("\n"),
    });
    expect(found.keySets.map(({ name }) => name)).toEqual([]);
  });

  it("leaves a union-typed parameter alone when nothing says it names a flag", () => {
    const found = discover({ "src/button.ts": 'export function size(value: "sm" | "md" | "lg"): number { return value.length; }\nsize("sm");\n' });
    expect([found.calls, found.keySets]).toEqual([[], []]);
  });

  it("goes on past a file that does not parse or nests too deeply, and notes a key set too large to be a list of flags", () => {
    const members = Array.from({ length: 10_000 }, (_, index) => `"k${index}"`).join(" | ");
    const found = discover({
      "src/broken.ts": "export function (\n",
      "src/chain.ts": `export const y = ${Array.from({ length: 50_000 }, (_, index) => `a${index}`).join(" + ")};\n`,
      "src/huge.ts": `export type FlagKey = ${members};\nexport function isFlagOn(flag: FlagKey) { return flag !== "k1"; }\n`,
      "src/ok.ts": 'export type FeatureFlag = "x";\nexport function featureOn(name: FeatureFlag) { return name === "x"; }\nfeatureOn("x");\n',
    });
    expect(found.parseErrors.map(({ file }) => path.basename(file))).toEqual(["broken.ts"]);
    expect(found.notes).toEqual([
      "src/chain.ts: left out of discovery (Maximum call stack size exceeded)",
      "src/huge.ts:1: FlagKey has 10000 members, more than a list of flags: left out",
    ]);
    expect(found.detect.keySets).toEqual([{ name: "FeatureFlag", file: "src/ok.ts" }]);
  });
});
