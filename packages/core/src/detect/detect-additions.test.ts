// The detect additions of the second round: `call` matchers, `files:` scopes and `keySets`.
import { describe, expect, it } from "vitest";
import { RegistryError, formatProblem, parseRegistry } from "../registry/index.js";
import type { DetectConfig } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { globToRegExp } from "./file-scope.js";
import { parseSource } from "./parse.js";

const DIR = "/repo";

function detectWith(partial: Partial<DetectConfig>): DetectConfig {
  return { sdks: [], calls: [], objects: [], constants: [], properties: [], ...partial };
}

function found(source: string, detect: Partial<DetectConfig>, fileName = "/repo/src/app.ts") {
  const analysis = analyzeSource(parseSource(source, fileName), detectWith(detect), { registryDir: DIR });
  expect(analysis.parseError).toBeUndefined();
  return analysis.references.map(({ flag, matcher, line }) => ({ flag, matcher, line }));
}

function problemsOf(text: string): string[] {
  try {
    parseRegistry(text, `${DIR}/feature-flags.yaml`);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as RegistryError).problems.map((problem) => formatProblem(problem, DIR));
  }
  throw new Error("the registry was accepted");
}

describe("calls with call and method: a method on what a call returns", () => {
  const calls = [{ call: "getClient", method: "isOn", keyArg: 0 }];

  it("matches direct, optional, member and awaited calls", () => {
    const source = [
      `getClient().isOn("a");`,
      `getClient()?.isOn("b");`,
      `this.getClient()!.isOn("c");`,
      `(await sdk.getClient()).isOn("d");`,
    ].join("\n");
    expect(found(source, { calls })).toEqual([
      { flag: "a", matcher: "calls[0]", line: 1 },
      { flag: "b", matcher: "calls[0]", line: 2 },
      { flag: "c", matcher: "calls[0]", line: 3 },
      { flag: "d", matcher: "calls[0]", line: 4 },
    ]);
  });

  it("leaves the same method on anything but that call's result alone", () => {
    const source = [`client.isOn("a");`, `getOther().isOn("b");`, `getClient().isOff("c");`, `isOn("d");`].join("\n");
    expect(found(source, { calls })).toEqual([]);
  });
});

describe("files: a matcher scoped to globs relative to the registry", () => {
  it("applies a scoped matcher only inside its globs, unscoped ones everywhere", () => {
    const detect = {
      calls: [
        { object: "gb", method: "isOn", keyArg: 0, files: ["apps/web/**"] },
        { function: "useFlag", keyArg: 0 },
      ],
    };
    const source = `gb.isOn("a"); useFlag("b");`;
    expect(found(source, detect, "/repo/apps/web/src/page.tsx").map(({ flag }) => flag)).toEqual(["a", "b"]);
    expect(found(source, detect, "/repo/apps/api/src/page.ts").map(({ flag }) => flag)).toEqual(["b"]);
    // Outside the registry's folder a scoped matcher never applies.
    expect(found(source, detect, "/elsewhere/apps/web/x.ts").map(({ flag }) => flag)).toEqual(["b"]);
  });

  it("scopes constants, objects and key sets the same way", () => {
    const detect = {
      constants: [{ name: "Flags", files: ["src/**/*.tsx"] }],
      objects: [{ path: "config.features", keyCase: "exact" as const, files: ["src/server/**"] }],
    };
    const source = `const Flags = { A: "a" } as const; use(Flags.A); config.features.b;`;
    expect(found(source, detect, "/repo/src/ui/x.tsx").map(({ flag }) => flag)).toEqual(["a"]);
    expect(found(source, detect, "/repo/src/server/x.ts").map(({ flag }) => flag)).toEqual(["b"]);
  });

  it("reads globs as usual: * in a name, ** across folders, ? one character, {a,b} either", () => {
    const cases: Array<[string, string, boolean]> = [
      ["apps/web/**", "apps/web/a/b.ts", true],
      ["apps/web/**", "apps/webby/a.ts", false],
      ["apps/web/", "apps/web/a.ts", true],
      ["src/*.ts", "src/a.ts", true],
      ["src/*.ts", "src/a/b.ts", false],
      ["**/*.tsx", "x.tsx", true],
      ["**/*.tsx", "a/b/x.tsx", true],
      ["src/**/flags.ts", "src/flags.ts", true],
      ["src/?.ts", "src/ab.ts", false],
      ["{apps,libs}/**", "libs/x.ts", true],
      ["./src/**", "src/x.ts", true],
      ["src/a+b.ts", "src/aab.ts", false],
    ];
    for (const [glob, file, expected] of cases) expect([glob, file, globToRegExp(glob).test(file)]).toEqual([glob, file, expected]);
  });
});

describe("keySets", () => {
  it("counts every use of a member of an enum or const object key set as a check", () => {
    const source = [
      `enum FeatureKeys { NewNav = "new-nav", Search = "search" }`,
      `use(FeatureKeys.NewNav);`,
      `if (flags[FeatureKeys.Search]) go();`,
    ].join("\n");
    expect(found(source, { keySets: [{ name: "FeatureKeys", file: "src/app.ts" }] })).toEqual([
      { flag: "new-nav", matcher: "keySets[0]", line: 2 },
      { flag: "search", matcher: "keySets[0]", line: 3 },
    ]);
  });
});

describe("the registry format", () => {
  it("loads keySets, call matchers and files scopes", () => {
    const text = [
      "version: 1",
      "detect:",
      "  calls:",
      "    - call: getClient",
      "      method: isOn",
      "    - object: gb",
      "      method: isOn",
      '      files: ["apps/web/**"]',
      "  keySets:",
      "    - name: FlagKey",
      "      file: src/types/flags.ts",
      "",
    ].join("\n");
    const { detect } = parseRegistry(text, `${DIR}/feature-flags.yaml`);
    expect(detect.calls).toEqual([
      { call: "getClient", method: "isOn", keyArg: 0 },
      { object: "gb", method: "isOn", keyArg: 0, files: ["apps/web/**"] },
    ]);
    expect(detect.keySets).toEqual([{ name: "FlagKey", file: "src/types/flags.ts" }]);
  });

  it("says what is wrong with a bad call matcher, key set or scope", () => {
    expect(problemsOf("version: 1\ndetect:\n  calls:\n    - call: getClient\n")).toEqual([
      'feature-flags.yaml:4:7: "call" needs "method" as well',
    ]);
    expect(problemsOf("version: 1\ndetect:\n  calls:\n    - call: getClient\n      function: f\n      method: m\n")[0]).toContain(
      'a call matcher needs exactly one of "module", "object", "function" or "call"',
    );
    expect(problemsOf("version: 1\ndetect:\n  keySets:\n    - nme: FlagKey\n")).toEqual([
      'feature-flags.yaml:4:7: missing required field "name"',
      'feature-flags.yaml:4:7: unknown field "nme" (did you mean "name"?)',
    ]);
    expect(problemsOf("version: 1\ndetect:\n  constants:\n    - name: Flags\n      files: apps/**\n")).toEqual([
      'feature-flags.yaml:5:14: "files" must be a list, not a string (write a list, such as [a, b], or one - item per line)',
    ]);
  });
});
