import { describe, expect, it } from "vitest";
import type { CallMatcher, DetectConfig, FlagReference } from "../types.js";
import { analyzeSource, type AnalyzeOptions } from "./analyze.js";
import { parseSource } from "./parse.js";
import { mayNeedAnalysis } from "./prefilter.js";

const FLAGS_MODULE = "@acme/feature-flags";
const clientCheck: CallMatcher = { module: FLAGS_MODULE, import: "client", method: "isEnabled", keyArg: 0, contextArg: 1 };

function detectWith(partial: Partial<DetectConfig>): DetectConfig {
  return { sdks: [], calls: [], objects: [], constants: [], properties: [], ...partial };
}

function references(
  source: string,
  detect: Partial<DetectConfig> = { calls: [clientCheck] },
  options: AnalyzeOptions = {},
  fileName = "/repo/src/app.ts",
): FlagReference[] {
  const full = detectWith(detect);
  const analysis = analyzeSource(parseSource(source, fileName), full, options);
  expect(analysis.parseError).toBeUndefined();
  // The pre-filter may only skip a file in which detection finds nothing.
  if (analysis.references.length > 0) expect(mayNeedAnalysis(source, full), "the pre-filter skipped a file with references").toBe(true);
  return analysis.references;
}

function flags(source: string, detect?: Partial<DetectConfig>, options?: AnalyzeOptions, fileName?: string) {
  return references(source, detect, options, fileName).map((reference) => reference.flag);
}

describe("detect.calls with module, import and method", () => {
  it("matches an aliased named import and reports every field", () => {
    const source = [
      `import { client as ff } from "@acme/feature-flags";`,
      `if (ff.isEnabled("new_nav", ctx)) go();`,
    ].join("\n");
    const [reference] = references(source);
    const callStart = source.indexOf("ff.isEnabled");
    const keyStart = source.indexOf(`"new_nav"`);
    expect(reference).toEqual({
      flag: "new_nav",
      dynamic: false,
      kind: "call",
      matcher: "calls[0]",
      context: true,
      keyText: `"new_nav"`,
      start: keyStart,
      end: keyStart + 9,
      siteStart: callStart,
      siteEnd: source.indexOf(")) go") + 1,
      line: 2,
      column: 18,
      endLine: 2,
      endColumn: 27,
    } satisfies FlagReference);
  });

  it("says whether the context argument was passed", () => {
    const source = `import { client } from "@acme/feature-flags";\nclient.isEnabled("a");\nclient.isEnabled("b", user);\nclient.isEnabled("c", undefined);`;
    expect(references(source).map(({ flag, context }) => [flag, context])).toEqual([
      ["a", false],
      ["b", true],
      ["c", false],
    ]);
  });

  it("reports context as null when the matcher knows no context argument", () => {
    const source = `import { client } from "@acme/feature-flags";\nclient.isEnabled("a", user);`;
    const matcher: CallMatcher = { module: FLAGS_MODULE, import: "client", method: "isEnabled", keyArg: 0 };
    expect(references(source, { calls: [matcher] })[0]?.context).toBeNull();
  });

  it("follows a namespace import", () => {
    expect(flags(`import * as flags from "@acme/feature-flags";\nflags.client.isEnabled("x");`)).toEqual(["x"]);
  });

  it("follows element access and optional chaining", () => {
    const source = `import { client as ff } from "@acme/feature-flags";\nff?.isEnabled?.("a");\nff["isEnabled"]("b");\n(ff as any).isEnabled!("c");`;
    expect(flags(source)).toEqual(["a", "b", "c"]);
  });

  it("follows re-assignment and destructuring into a const", () => {
    const source = [
      `import { client } from "@acme/feature-flags";`,
      `const c = client;`,
      `c.isEnabled("a");`,
      `const { isEnabled } = client;`,
      `isEnabled("b");`,
      `function later() { check("c"); }`,
      `const { isEnabled: check } = c;`,
      `const bound = client.isEnabled;`,
      `bound("d");`,
    ].join("\n");
    expect(flags(source)).toEqual(["a", "b", "c", "d"]);
  });

  it("follows require in its usual shapes", () => {
    const source = [
      `const { client } = require("@acme/feature-flags");`,
      `const ff = require("@acme/feature-flags").client;`,
      `const lib = require("@acme/feature-flags");`,
      `client.isEnabled("a");`,
      `ff.isEnabled("b");`,
      `lib.client.isEnabled("c");`,
      `require("@acme/feature-flags").client.isEnabled("d");`,
    ].join("\n");
    expect(flags(source, undefined, {}, "/repo/src/app.cjs")).toEqual(["a", "b", "c", "d"]);
  });

  it("follows import-equals and dynamic import", () => {
    const source = [
      `import lib = require("@acme/feature-flags");`,
      `lib.client.isEnabled("a");`,
      `async function f() {`,
      `  const { client } = await import("@acme/feature-flags");`,
      `  client.isEnabled("b");`,
      `}`,
    ].join("\n");
    expect(flags(source)).toEqual(["a", "b"]);
  });

  it("ignores look-alikes that are not the configured import", () => {
    const source = [
      `import { client as other } from "@acme/other-sdk";`,
      `const client = { isEnabled: (key: string) => true };`,
      `client.isEnabled("local-object");`,
      `other.isEnabled("other-module");`,
      `function isEnabled(x: string) { return true; }`,
      `isEnabled("unrelated-function");`,
    ].join("\n");
    expect(flags(source)).toEqual([]);
  });

  it("ignores a parameter that shadows the import", () => {
    const source = [
      `import { client } from "@acme/feature-flags";`,
      `client.isEnabled("real");`,
      `function f(client: { isEnabled(k: string): boolean }) { return client.isEnabled("shadowed"); }`,
      `const g = ({ client }: any) => client.isEnabled("shadowed-too");`,
      `function h() { let client = makeClient(); return client.isEnabled("shadowed-by-let"); }`,
    ].join("\n");
    expect(flags(source)).toEqual(["real"]);
  });

  it("does not match a different export or method of the configured module", () => {
    const source = `import { client, admin } from "@acme/feature-flags";\nadmin.isEnabled("a");\nclient.variation("b");\nclient.isEnabled("c");`;
    expect(flags(source)).toEqual(["c"]);
  });
});

describe("detect.calls with module and import only", () => {
  const isOn: CallMatcher = { module: FLAGS_MODULE, import: "isOn", keyArg: 0 };

  it("matches the import called directly, through its alias", () => {
    const source = `import { isOn as check } from "@acme/feature-flags";\ncheck("a");\nisOn("not-imported");`;
    expect(flags(source, { calls: [isOn] })).toEqual(["a"]);
  });

  it("matches a default import", () => {
    const matcher: CallMatcher = { module: FLAGS_MODULE, import: "default", keyArg: 0 };
    const source = `import whatever from "@acme/feature-flags";\nwhatever("a");`;
    expect(flags(source, { calls: [matcher] })).toEqual(["a"]);
  });

  it("matches a default import with a method, and a required module as its default", () => {
    const matcher: CallMatcher = { module: FLAGS_MODULE, import: "default", method: "on", keyArg: 0 };
    const source = `import flags from "@acme/feature-flags";\nflags.on("a");\nconst lib = require("@acme/feature-flags");\nlib.on("b");`;
    expect(flags(source, { calls: [matcher] })).toEqual(["a", "b"]);
  });

  it("matches a namespace import with import: *", () => {
    const matcher: CallMatcher = { module: FLAGS_MODULE, import: "*", method: "isOn", keyArg: 0 };
    const source = `import * as ff from "@acme/feature-flags";\nff.isOn("a");\nimport { isOn } from "@acme/feature-flags";\nisOn("b");`;
    expect(flags(source, { calls: [matcher] })).toEqual(["a", "b"]);
  });
});

describe("module specifiers", () => {
  const local: CallMatcher = { module: "./src/flags", import: "isOn", keyArg: 0 };

  it("resolves ./path against the registry directory and the import against the importing file", () => {
    const source = [
      `import { isOn } from "../flags/index.js";`,
      `import { isOn as other } from "./flags";`,
      `isOn("a");`,
      `other("b");`,
    ].join("\n");
    const options = { registryDir: "/repo" };
    expect(flags(source, { calls: [local] }, options, "/repo/src/pages/home.ts")).toEqual(["a"]);
  });

  it("matches a package subpath exactly", () => {
    const matcher: CallMatcher = { module: "@acme/feature-flags/react", import: "useFlag", keyArg: 0 };
    const source = `import { useFlag } from "@acme/feature-flags/react";\nimport { useFlag as root } from "@acme/feature-flags";\nuseFlag("a");\nroot("b");`;
    expect(flags(source, { calls: [matcher] })).toEqual(["a"]);
  });
});

describe("detect.calls with object and method", () => {
  const resolver: CallMatcher = { object: "flagResolver", method: "isEnabled", keyArg: 0 };

  it("matches a receiver by its trailing name", () => {
    const source = [
      `flagResolver.isEnabled("a");`,
      `class S { run() { return this.flagResolver.isEnabled("b"); } }`,
      `cfg.flagResolver?.isEnabled("c");`,
      `const r = this.flagResolver;`,
      `r.isEnabled("d");`,
      `other.isEnabled("no");`,
      `flagResolver.isDisabled("no");`,
    ].join("\n");
    expect(flags(source, { calls: [resolver] })).toEqual(["a", "b", "c", "d"]);
  });

  it("tells destructured parameters apart when following a const alias", () => {
    const source = `function f({ other }, { flagResolver }) { const o = other; o.isEnabled("no"); const r = flagResolver; r.isEnabled("yes"); }`;
    expect(flags(source, { calls: [resolver] })).toEqual(["yes"]);
  });
});

describe("detect.calls with function", () => {
  const useUiFlag: CallMatcher = { function: "useUiFlag", keyArg: 0 };

  it("matches a plain function by name and calls it a hook", () => {
    const source = `import { useUiFlag } from "./hooks";\nconst on = useUiFlag("a");\nuseOtherFlag("no");`;
    const found = references(source, { calls: [useUiFlag] });
    expect(found.map(({ flag, kind }) => [flag, kind])).toEqual([["a", "hook"]]);
  });

  it("keeps the reference at the key when the result is destructured", () => {
    const source = `const { enabled } = useUiFlag("a");`;
    const [reference] = references(source, { calls: [useUiFlag] });
    expect(reference).toMatchObject({ flag: "a", column: 31, siteStart: source.indexOf("useUiFlag"), siteEnd: source.length - 1 });
  });
});

describe("detect.calls with a fixed key", () => {
  const newCheckout: CallMatcher = { function: "newCheckout", keyArg: 0, key: "new-checkout" };

  it("makes each call a check of the key, at the function's name", () => {
    const source = `import { newCheckout } from "@/flags";\nif (!(await newCheckout())) stop();\nconst both = await Promise.all([flags.newCheckout(), newCheckoutLabel()]);`;
    const found = references(source, { calls: [newCheckout] });
    expect(found.map(({ flag, kind, line, column, keyText, dynamic }) => ({ flag, kind, line, column, keyText, dynamic }))).toEqual([
      { flag: "new-checkout", kind: "call", line: 2, column: 13, keyText: "newCheckout", dynamic: false },
      { flag: "new-checkout", kind: "call", line: 3, column: 39, keyText: "newCheckout", dynamic: false },
    ]);
    // Cleanup rewrites the whole call.
    expect(source.slice(found[0]!.siteStart, found[0]!.siteEnd)).toBe("newCheckout()");
  });

  it("reads no key from the arguments, and a context from contextArg", () => {
    const scoped: CallMatcher = { ...newCheckout, contextArg: 0 };
    const found = references(`await newCheckout(request, "other-key");\nawait newCheckout();`, { calls: [scoped] });
    expect(found.map(({ flag, context }) => [flag, context])).toEqual([
      ["new-checkout", true],
      ["new-checkout", false],
    ]);
  });

  it("leaves the name alone where it is not called", () => {
    expect(references(`export const newCheckout = flag({ key: "new-checkout" });\nconst f = newCheckout;`, { calls: [newCheckout] })).toEqual([]);
  });
});

describe("references", () => {
  it("sit at the key when the call spans several lines", () => {
    const source = `import { client } from "@acme/feature-flags";\nclient.isEnabled(\n  ctx.user,\n  "late-key",\n);`;
    const matcher: CallMatcher = { ...clientCheck, keyArg: 1, contextArg: 0 };
    expect(references(source, { calls: [matcher] })[0]).toMatchObject({ flag: "late-key", line: 4, column: 3, endColumn: 13, context: true });
  });

  it("are one per site however many matchers agree", () => {
    const source = `import { client } from "@acme/feature-flags";\nclient.isEnabled("a");`;
    const calls = [clientCheck, { object: "client", method: "isEnabled", keyArg: 0 }, { module: FLAGS_MODULE, keyArg: 0, method: "isEnabled" }];
    expect(references(source, { calls, constants: [{ name: "client" }] }).map((r) => r.matcher)).toEqual(["calls[0]"]);
  });

  it("are dynamic when the key is hidden behind a spread", () => {
    const source = `import { client } from "@acme/feature-flags";\nclient.isEnabled(...args);`;
    expect(references(source)[0]).toMatchObject({ flag: null, dynamic: true, keyText: "...args" });
  });

  it("are not made for a call without its key argument", () => {
    expect(references(`import { client } from "@acme/feature-flags";\nclient.isEnabled();`)).toEqual([]);
  });
});

describe("detect.objects", () => {
  const featureToggles = { path: "config.featureToggles", keyCase: "exact" as const };

  it("reads what a call returns where the path names the call: getFlags()", () => {
    const source = [
      `import { getFlags, getLimits } from "./flags";`,
      `export async function run(team: string) {`,
      `  if (getFlags(team).newNav) a();`,
      `  if ((await api.getFlags(team))?.darkMode) b();`,
      `  const { betaBanner, exportCsv: csv } = await getFlags(team);`,
      `  const flags = await getFlags(team);`,
      `  if (flags.search) c(betaBanner, csv);`,
      `  if (getLimits(team).newNav) d();`,
      `  const { seats } = getLimits(team);`,
      `}`,
    ].join("\n");
    const found = references(source, { objects: [{ path: "getFlags()", keyCase: "exact" }] });
    expect(found.map(({ flag, line, kind }) => [flag, line, kind])).toEqual([
      ["newNav", 3, "member"],
      ["darkMode", 4, "member"],
      ["betaBanner", 5, "member"],
      ["exportCsv", 5, "member"],
      ["search", 7, "member"],
    ]);
  });

  it("matches member reads under the path by trailing names", () => {
    const source = [
      `if (config.featureToggles.newNav) a();`,
      `if (this.config?.featureToggles?.["new-nav"]) b();`,
      `if (app.config.featureToggles!.other) c();`,
      `config.featureToggles.written = true;`,
      `settings.featureToggles.notUnderPath;`,
    ].join("\n");
    const found = references(source, { objects: [featureToggles] });
    expect(found.map(({ flag, kind, matcher }) => [flag, kind, matcher])).toEqual([
      ["newNav", "member", "objects[0]"],
      ["new-nav", "member", "objects[0]"],
      ["other", "member", "objects[0]"],
    ]);
    expect(found[0]).toMatchObject({ keyText: "newNav", column: 27, siteStart: 4, siteEnd: 32, context: null });
  });

  it("follows destructuring and const aliases of the path", () => {
    const source = [
      `const { featureToggles } = config;`,
      `featureToggles.a;`,
      `const toggles = config.featureToggles;`,
      `toggles.b;`,
      `const { c, d: renamed } = config.featureToggles;`,
    ].join("\n");
    const found = references(source, { objects: [featureToggles] });
    expect(found.map(({ flag }) => flag)).toEqual(["a", "b", "c", "d"]);
    const renamed = found[3]!;
    expect(source.slice(renamed.siteStart, renamed.siteEnd)).toBe("renamed");
    expect(renamed.keyText).toBe("d");
  });

  it("matches nested destructuring of a call result", () => {
    const source = `const { uiConfig: { flags: { NEW_NAV, [KEY]: other } } } = useUiConfig();\nconst KEY = "key-from-const";`;
    const found = references(source, { objects: [{ path: "uiConfig.flags", keyCase: "exact" }] });
    expect(found.map(({ flag, keyText }) => [flag, keyText])).toEqual([
      ["NEW_NAV", "NEW_NAV"],
      ["key-from-const", "KEY"],
    ]);
  });

  it("maps a name in the code's case to the registry key", () => {
    const source = `config.featureToggles.newCheckoutV2;\nconfig.featureToggles["new_checkout_v2"];\nconfig.featureToggles.notListed;`;
    const registryKeys = new Set(["new_checkout_v2"]);
    const found = flags(source, { objects: [{ path: "config.featureToggles", keyCase: "camel" }] }, { registryKeys });
    expect(found).toEqual(["new_checkout_v2", "new_checkout_v2", "notListed"]);
  });

  it("reads the flag of a property chain on a service, not the property read off its value", () => {
    const source = `if (this.featureFlagService.flags.enable_ai.value) a();\nconst { flags } = featureFlagService;\nflags.enable_ai?.value;`;
    const found = references(source, { objects: [{ path: "featureFlagService.flags", keyCase: "exact" }] });
    expect(found.map(({ flag, keyText, line }) => [flag, keyText, line])).toEqual([
      ["enable_ai", "enable_ai", 1],
      ["enable_ai", "enable_ai", 3],
    ]);
  });

  it("reports a computed member as dynamic", () => {
    const found = references(`function f(name: string) { return config.featureToggles[name]; }`, { objects: [featureToggles] });
    expect(found[0]).toMatchObject({ flag: null, dynamic: true, keyText: "name" });
  });
});

describe("detect.constants", () => {
  it("counts every use of a member as a reference of its value", () => {
    const source = [
      `import { FeatureFlagsKeysEnum } from "./keys";`,
      `const list = [FeatureFlagsKeysEnum.IS_V2_ENABLED];`,
      `use(FeatureFlagsKeysEnum["OTHER"]);`,
      `type T = FeatureFlagsKeysEnum.OTHER;`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "FeatureFlagsKeysEnum" }] });
    expect(found.map(({ keyText, kind, matcher }) => [keyText, kind, matcher])).toEqual([
      ["FeatureFlagsKeysEnum.IS_V2_ENABLED", "constant", "constants[0]"],
      [`FeatureFlagsKeysEnum["OTHER"]`, "constant", "constants[0]"],
    ]);
  });

  it("resolves a member of an enum declared in the file", () => {
    const source = `enum FeatureFlagsKeysEnum { IS_V2_ENABLED = "is-v2-enabled" }\nuse(FeatureFlagsKeysEnum.IS_V2_ENABLED);`;
    expect(references(source, { constants: [{ name: "FeatureFlagsKeysEnum" }] }).map(({ flag, kind }) => [flag, kind])).toEqual([["is-v2-enabled", "constant"]]);
  });

  it("calls a key compared with another key a mention: no flag's value is read", () => {
    const source = [
      `import { Flags } from "./keys";`,
      `export const isNav = (key: string) => key === Flags.NEW_NAV || (Flags.BETA) !== key;`,
      `switch (k) { case Flags["OTHER"]: break; }`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "Flags" }] });
    expect(found.map(({ keyText, kind }) => [keyText, kind])).toEqual([
      ["Flags.NEW_NAV", "mention"],
      ["Flags.BETA", "mention"],
      [`Flags["OTHER"]`, "mention"],
    ]);
  });

  it("calls a key compared with the name of a record a list of flags is searched for a check, and other comparisons in a lookup mentions", () => {
    const source = [
      `import { Keys } from "./keys";`,
      `export const jsonBody = featureFlags?.find((flag) => flag.name === Keys.JSON_BODY)?.active;`,
      `export const chat = props.flags.some(function (f) { return f.active && (Keys.CHAT) === f.key; });`,
      `export const pro = plans.find((plan) => plan.name === Keys.PLAN);`,
      `export const other = featureFlags.find((flag) => current.name === Keys.OTHER);`,
      `export const byNumber = featureFlags.find((flag) => flag.count === Keys.COUNT);`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "Keys" }] });
    expect(found.map(({ keyText, kind }) => [keyText, kind])).toEqual([
      ["Keys.JSON_BODY", "constant"],
      ["Keys.CHAT", "constant"],
      ["Keys.PLAN", "mention"],
      ["Keys.OTHER", "mention"],
      ["Keys.COUNT", "mention"],
    ]);
  });

  it("calls a member listed in a table of the file that declares it a mention, and a read in its functions a check", () => {
    const source = [
      `export enum Flags { A = "a", B = "b" }`,
      `export const LOCKED: Flags[] = [Flags.A, Flags.B as Flags];`,
      `export const LABELS = { first: Flags.A };`,
      `export function isLocked(stored: Record<string, boolean>) { return [stored[Flags.B]]; }`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "Flags" }] });
    expect(found.map(({ flag, line, kind }) => [flag, line, kind])).toEqual([
      ["a", 2, "mention"],
      ["b", 2, "mention"],
      ["a", 3, "mention"],
      ["b", 4, "constant"],
    ]);
  });

  it("is dynamic when the constant's value is not known here", () => {
    const source = `import { Keys } from "./keys";\nuse(Keys.NEW_NAV);`;
    expect(references(source, { constants: [{ name: "Keys" }] })[0]).toMatchObject({ flag: null, dynamic: true });
  });

  it("calls a member that indexes a table the file declares per flag a mention, and an index of other objects a check", () => {
    const source = [
      `import { Flags } from "./keys";`,
      `const Catalog = { [Flags.NEW_NAV]: z.boolean(), [Flags.BETA]: z.string() };`,
      `const Other = { NEW_NAV: 1 };`,
      `export const parse = (stored: Record<string, unknown>) => Catalog[(Flags.NEW_NAV)].safeParse(stored[Flags.NEW_NAV] ?? Other[Flags.BETA]);`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "Flags" }] });
    expect(found.filter(({ line }) => line === 4).map(({ keyText, kind }) => [keyText, kind])).toEqual([
      ["Flags.NEW_NAV", "mention"],
      ["Flags.NEW_NAV", "constant"],
      ["Flags.BETA", "constant"],
    ]);
  });

  it("calls a member that names a member being declared a mention (a schema or defaults per flag)", () => {
    const source = [
      `const Flags = { NEW_NAV: "new-nav", BETA: "beta" } as const;`,
      `export const schema = { [Flags.NEW_NAV]: z.boolean(), [Flags.BETA]: z.boolean() };`,
      `class Defaults { [Flags.BETA] = false; }`,
      `export const on = (stored: Record<string, boolean>) => stored[Flags.NEW_NAV];`,
    ].join("\n");
    const found = references(source, { constants: [{ name: "Flags" }] });
    expect(found.map(({ flag, line, kind }) => [flag, line, kind])).toEqual([
      ["new-nav", 2, "mention"],
      ["beta", 2, "mention"],
      ["beta", 3, "mention"],
      ["new-nav", 4, "constant"],
    ]);
  });

  it("leaves a member passed to a configured call to the call", () => {
    const source = `import { client } from "@acme/feature-flags";\nimport { Keys } from "./keys";\nclient.isEnabled(Keys.NEW_NAV);`;
    const found = references(source, { calls: [clientCheck], constants: [{ name: "Keys" }] });
    expect(found.map(({ kind }) => kind)).toEqual(["call"]);
  });
});

describe("detect.properties", () => {
  it("reads flag keys passed as data, one reference per array element, none for an empty value", () => {
    const source = [
      `const NAV = "new-nav";`,
      `const routes = [`,
      `  { path: "/impact", flag: "impactViews" },`,
      `  { path: "/nav", flagNames: [NAV, "b"] },`,
      `  { flag: true },`,
      `  { path: "/plain", flag: "" },`,
      `  { flagNames: ["", "c"] },`,
      `];`,
    ].join("\n");
    const found = references(source, { properties: [{ name: "flag" }, { name: "flagNames" }] });
    expect(found.map(({ flag, kind, matcher }) => [flag, kind, matcher])).toEqual([
      ["impactViews", "property", "properties[0]"],
      ["new-nav", "property", "properties[1]"],
      ["b", "property", "properties[1]"],
      // An empty value names no flag (`commercialFeature: ""` on a page that needs none).
      ["c", "property", "properties[1]"],
    ]);
  });

  it("reads shorthand properties, JSX props, and reports unknown values as dynamic", () => {
    const source = `function Page({ name }: { name: string }) {\n  const flag = "shorthand";\n  register({ flag });\n  return <Gate flag="jsx-prop">{name}<Gate flag={name} /></Gate>;\n}`;
    const found = references(source, { properties: [{ name: "flag" }] }, {}, "/repo/src/page.tsx");
    expect(found.map(({ flag, dynamic }) => [flag, dynamic])).toEqual([
      ["shorthand", false],
      ["jsx-prop", false],
      [null, true],
    ]);
  });
});

describe("analyzeSource", () => {
  it("returns only the parse error for a file that does not parse", () => {
    const sourceFile = parseSource(`import { client } from "@acme/feature-flags";\nclient.isEnabled("a"\n// TODO: remove a toggle by 2026-01-01`, "/repo/a.ts");
    const analysis = analyzeSource(sourceFile, detectWith({ calls: [clientCheck] }));
    expect(analysis.references).toEqual([]);
    expect(analysis.notes).toEqual([]);
    expect(analysis.parseError).toMatchObject({ line: 3 });
  });

  it("walks a very deep expression without overflowing", () => {
    const deep = `import { client } from "@acme/feature-flags";\nconst s = ${Array.from({ length: 20_000 }, () => `"a"`).join(" + ")} + client.isEnabled("x");`;
    expect(flags(deep)).toEqual(["x"]);
  });

  it("finds references in a tree built without parent pointers", async () => {
    const ts = (await import("typescript")).default;
    const source = `import { client } from "@acme/feature-flags";\nfunction f() { client.isEnabled(KEY); }\nconst KEY = "k";`;
    const sourceFile = ts.createSourceFile("/repo/a.ts", source, ts.ScriptTarget.Latest, false);
    expect(analyzeSource(sourceFile, detectWith({ calls: [clientCheck] })).references.map((r) => r.flag)).toEqual(["k"]);
  });
});
