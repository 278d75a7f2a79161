import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { AnalysisContext } from "./context.js";
import { mayNeedAnalysis } from "./prefilter.js";
import { SDK_PRESETS } from "./presets/index.js";

const detect: DetectConfig = {
  sdks: [],
  calls: [
    { module: "@acme/feature-flags", import: "client", method: "isEnabled", keyArg: 0 },
    { module: "@acme/feature-flags", import: "default", keyArg: 0 },
    { function: "useUiFlag", keyArg: 0 },
  ],
  objects: [{ path: "config.featureToggles", keyCase: "camel" }],
  constants: [{ name: "FeatureFlagsKeysEnum" }],
  properties: [{ name: "flagNames" }],
};

describe("mayNeedAnalysis", () => {
  it.each([
    ["a method call on the configured import", `import { client as ff } from "@acme/feature-flags";\nff.isEnabled("x")`],
    ["a default import called directly", `import check from "@acme/feature-flags"; check("x")`],
    ["a function", `useUiFlag("x")`],
    ["an object path", `const { featureToggles } = config`],
    ["a constant", `FeatureFlagsKeysEnum.X`],
    ["a constant's member, optional or asserted", `FeatureFlagsKeysEnum?.X; FeatureFlagsKeysEnum!\n  .Y`],
    ["a constant indexed", `FeatureFlagsKeysEnum["X"]`],
    ["a constant imported under another name", `import { FeatureFlagsKeysEnum as Keys } from "./keys";`],
    ["a constant aliased", `const Keys = FeatureFlagsKeysEnum;`],
    ["a constant of a namespace aliased, at the end", `const Keys = keys.FeatureFlagsKeysEnum`],
    ["a constant destructured", `const { X } = FeatureFlagsKeysEnum;`],
    ["a property", `{ flagNames: ["a"] }`],
    ["a removal note", `// TODO: remove x toggle by 2026-01-01`],
    ["a flaglint directive", `// eslint-disable-next-line flaglint/no-stale-flag`],
  ])("keeps a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, detect)).toBe(true);
  });

  it.each([
    ["as a type", `function f(key: FeatureFlagsKeysEnum, all: FeatureFlagsKeysEnum[]): void {}`],
    ["in an import of its type", `import type { FeatureFlagsKeysEnum } from "./keys";`],
  ])("skips a file that names a constant only %s", (_, text) => {
    expect(mayNeedAnalysis(text, detect)).toBe(false);
  });

  it("skips a file that can hold nothing to report", () => {
    expect(mayNeedAnalysis(`export const add = (a: number, b: number) => a + b;`, detect)).toBe(false);
  });

  it("skips a method of the same name when the configured package is not imported", () => {
    expect(mayNeedAnalysis(`if (logger.isEnabled("debug")) logger.debug("x");`, detect)).toBe(false);
  });

  it("skips a TODO that is not a removal note", () => {
    expect(mayNeedAnalysis(`// TODO: handle the empty cart\nexport const total = 0;`, detect)).toBe(false);
  });

  it.each([
    ["says remove with no date", `// TODO: remove this hack once the API is fixed\nexport const total = 0;`],
    ["names a flag with no date", `// TODO remove x toggle\nexport const total = 0;`],
    ["has its date in another comment", `// TODO: remove x toggle\n// by 2026-01-01\nexport const total = 0;`],
  ])("skips a TODO that %s, which the comment reader does not read as a note", (_, text) => {
    expect(mayNeedAnalysis(text, detect)).toBe(false);
  });

  it("keeps a removal note whose date is on a block comment's next line", () => {
    expect(mayNeedAnalysis(`/**\n * TODO(PAY-1): remove x toggle\n * by 2026-01-01\n */\nexport const total = 0;`, detect)).toBe(true);
  });

  it("keeps a method of a ./path module without its name, which an import may not spell", () => {
    const relative: DetectConfig = { ...detect, calls: [{ module: "./src/flags/index.ts", method: "isOn", keyArg: 0 }] };
    expect(mayNeedAnalysis(`import flags from "..";\nflags.isOn("x")`, relative)).toBe(true);
  });

  it("keeps a package's method when the file imports a subpath or the package's index", () => {
    const indexed: DetectConfig = { ...detect, calls: [{ module: "@acme/flags/index.js", method: "isOn", keyArg: 0 }] };
    expect(mayNeedAnalysis(`import { flags } from "@acme/flags";\nflags.isOn("x")`, indexed)).toBe(true);
  });
});

describe("mayNeedAnalysis with SDK presets", () => {
  const presets: DetectConfig = { sdks: ["launchdarkly", "split"], calls: [], objects: [], constants: [], properties: [] };

  it.each([
    ["an import of a hook that hands out flags", `import { useFlags } from "launchdarkly-react-client-sdk";\nconst { newNav } = useFlags();`],
    ["a require of a scoped package and a check", `const { SplitFactory } = require("@splitsoftware/splitio");\nclient.getTreatment("u", "x");`],
    ["a type-only import and a check on a value of that type", `import type { LDClient } from "@launchdarkly/node-server-sdk";\nthis.ld.variation("x", user, false);`],
  ])("keeps a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, presets)).toBe(true);
  });

  it.each([
    ["only makes a client", `import { init } from "@launchdarkly/node-server-sdk";\nexport const client = init(process.env.SDK_KEY!);`],
    ["only imports a type", `import type { LDFlagSet } from "launchdarkly-js-client-sdk";\nexport type Flags = LDFlagSet;`],
    ["only loads the package", `import "launchdarkly-js-client-sdk";`],
  ])("skips a file that imports an SDK but %s", (_, text) => {
    expect(mayNeedAnalysis(text, presets)).toBe(false);
  });

  it("skips a file that calls a method of the same name on its own object", () => {
    expect(mayNeedAnalysis(`settings.variation("x"); client.getTreatment("y");`, presets)).toBe(false);
  });

  it("skips a file whose relative import has an SDK's name in a folder", () => {
    expect(mayNeedAnalysis(`import { config } from "../launchdarkly-settings";`, presets)).toBe(false);
  });

  it("skips a file that only names an SDK in a string", () => {
    expect(mayNeedAnalysis(`const provider = { name: "launchdarkly", label: 'launchdarkly-js' };`, presets)).toBe(false);
  });

  it.each([
    ["a dynamic import", `const sdk = await import( "launchdarkly-js-client-sdk" );`],
    ["a require over two lines", `const { init } = require(\n  "@launchdarkly/node-server-sdk"\n);`],
    ["a re-export", `export { useFlags } from "launchdarkly-react-client-sdk";`],
  ])("keeps %s of an SDK package with a check", (_, text) => {
    expect(mayNeedAnalysis(`${text}\nclient.variation("x", user, false);`, presets)).toBe(true);
  });

  it("skips a file that only imports an SDK detect.sdks does not name", () => {
    expect(mayNeedAnalysis(`import { useFeatureIsOn } from "@growthbook/growthbook-react";`, presets)).toBe(false);
  });
});

describe("mayNeedAnalysis spells names whole", () => {
  const named: DetectConfig = {
    sdks: [],
    calls: [{ function: "useFlag", keyArg: 0 }, { object: "flagResolver", method: "isEnabled", keyArg: 0 }],
    objects: [{ path: "uiConfig.flags", keyCase: "exact" }],
    constants: [],
    properties: [{ name: "flag" }],
  };

  it.each([
    ["the function", `useFlag("x")`],
    ["the function through an alias", `import { useFlag as check } from "./flags";`],
    ["the function bound to another name", `const check = useFlag;\ncheck("x");`],
    ["the function called with type arguments", `const on = useFlag<Key>("x");`],
    ["the function as a member of a namespace", `import * as hooks from "./hooks";\nhooks.useFlag("x");`],
    ["the receiver and its method", `this.flagResolver?.isEnabled("x", ctx)`],
    ["the method on the next line", `this.flagResolver\n  .isEnabled("x")`],
    ["the method indexed", `flagResolver["isEnabled"]("x")`],
    ["the method destructured", `const { isEnabled } = this.flagResolver;`],
    ["the method destructured under another name", `const { isEnabled: on, getVariant } = flagResolver;`],
    ["the method destructured in a parameter", `function f({ flagResolver: { isEnabled } }: Config) {}`],
    ["the method destructured, then called with type arguments", `const { isEnabled } = this.flagResolver;\nif (isEnabled<Key>("x")) go();`],
    ["every name of the object path", `const { flags } = uiConfig;`],
    ["the object path read through a quoted name", `uiConfig?.["flags"].newNav`],
    ["the object path destructured, nested", `const { uiConfig: { flags: { newNav } } } = useUiConfig();`],
    ["the property given a value", `{ path: "/x", flag: "newNav" }`],
    ["the property quoted", `{ "flag": "newNav" }`],
    ["the property quoted as a computed name", `{ ["flag"]: "newNav" }`],
    ["the property as a shorthand", `const routes = [{ path, flag }];`],
    ["the property as a JSX attribute", `<Gate flag="newNav" />`],
    ["the property's module-level const", `export const flag = Flags.newNav;`],
    ["the property after a comment", `const route = {\n  // the gate\n  flag: "newNav",\n};`],
    ["the property after a block comment", `const route = { /* gate */ flag: "newNav" };`],
    ["the property in a list of objects", `const routes = [{ flag: "a" }, { path, flag }];`],
    ["the property quoted on its own line", `const route = {\n  'flag': 'newNav'\n};`],
  ])("keeps a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, named)).toBe(true);
  });

  it.each([
    ["a longer function name", `useFlags(); useFlagValue("x");`],
    ["the method on another receiver", `logger.isEnabled("debug")`],
    ["only the path's last name", `const { flags } = plan; plan.flags.map(render);`],
    ["the path's names inside longer names", `const { featureFlags } = uiConfigStore;`],
    ["the receiver and its method inside longer names", `this.flagResolverFactory.isEnabledFor("x")`],
    ["a stand-in receiver whose method is a function", `const config = { flagResolver: { isEnabled: (_name: string) => false } };`],
    ["the object path's names apart, its last in prose", `const { uiConfig } = useUiConfig();\nconst help = <p>All feature flags are listed</p>;`],
    ["the function's module mocked with a stand-in", `vi.mock("hooks/useFlag", () => ({\n  useFlag: () => true,\n}));`],
    ["the function's name in prose", `// renders once useFlag resolves`],
    ["a stand-in receiver that defines the method", `const flagResolver = new (class {\n  isEnabled(name: string): boolean {\n    return name === "x";\n  }\n})();`],
    ["a stand-in receiver whose method is a mock", `const flagResolver = {\n  isEnabled: vi.fn().mockReturnValue(true),\n};`],
    ["the property's name as a plain variable", `if (flag) toggle(flag.name);`],
    ["the property's name inside longer names", `const featureFlag = flags.find(isFlagged);`],
    ["the property's name as a string", `const kinds = ["flag", 'segment']; render({ type: 'flag' });`],
    ["the property given no key", `const done = { tour: false, flag: true, sdk: null };\nconst actions = {\n  flag: { atPage: false },\n};`],
    ["the property's name as a switch case", `switch (kind) {\n  case 'flag':\n    return 1;\n}`],
    ["the property's name in a conditional", `const noun = count === 1 ? 'flag' : 'flags';`],
    ["the property's name as a parameter", `const set = (flag: boolean) => {}; list.map((flag, index) => index);`],
    ["the property's name in prose", `const help = <p>Before you delete a feature flag, make sure it is off</p>;`],
    ["the property's name in a template", "const key = `${storageKey}-flag:${name}`;"],
    ["the property's name assigned in code", `function f() {\n  const flag = load();\n  flag = next(flag);\n}`],
  ])("skips a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, named)).toBe(false);
  });
});

describe("mayNeedAnalysis finds every SDK preset's packages", () => {
  /** A method of the preset's values that checks a flag: `client.isEnabled`. */
  const checkMethod = (preset: (typeof SDK_PRESETS)[number]): string =>
    Object.values(preset.kinds).flatMap((kind) => Object.entries(kind.methods ?? {}).filter(([, value]) => typeof value === "object").map(([method]) => method))[0] ?? "none";

  it.each(SDK_PRESETS.flatMap((preset) => preset.packages.map((pkg) => [preset.name, pkg.module, checkMethod(preset)] as const)))(
    "%s: an import of %s and a call of %s",
    (name, module, method) => {
      const only: DetectConfig = { sdks: [name], calls: [], objects: [], constants: [], properties: [] };
      expect(mayNeedAnalysis(`import * as sdk from "${module}";\nclient.${method}("x");`, only)).toBe(true);
      expect(mayNeedAnalysis(`const sdk = require('${module}/client');\nclient.${method}("x");`, only)).toBe(true);
    },
  );

  it.each(SDK_PRESETS.map((preset) => [preset.name, preset.packages[0]!.module] as const))("%s: skips an import of %s with no check", (name, module) => {
    const only: DetectConfig = { sdks: [name], calls: [], objects: [], constants: [], properties: [] };
    expect(mayNeedAnalysis(`import * as sdk from "${module}";\nlog.close();`, only)).toBe(false);
  });
});

describe("mayNeedAnalysis with a file, under matchers scoped by files:", () => {
  // As `flaglint init` writes them for a common name: the matcher holds only in the folder it was found in.
  const scoped: DetectConfig = {
    sdks: [],
    calls: [{ function: "useIsFeatureEnabled", keyArg: 0 }],
    objects: [{ path: "state", keyCase: "exact", files: ["src/previews/*"] }],
    constants: [],
    properties: [
      { name: "flag", files: ["src/previews/*"] },
      { name: "featureFlag", files: ["src/routes/*"] },
    ],
  };
  const context = new AnalysisContext({ detect: scoped, registryDir: "/repo" });

  it("searches a file for the names of the matchers that apply to it", () => {
    expect(mayNeedAnalysis("const open = state.compactTimeline;", scoped, context, "/repo/src/previews/Modal.tsx")).toBe(true);
    expect(mayNeedAnalysis('const entry = { flag: "searchBar" };', scoped, context, "/repo/src/previews/Modal.tsx")).toBe(true);
    expect(mayNeedAnalysis('const route = { featureFlag: "v4" };', scoped, context, "/repo/src/routes/index.ts")).toBe(true);
  });

  it("skips a file that spells only the names of matchers its path is outside of", () => {
    expect(mayNeedAnalysis("const open = state.loading;", scoped, context, "/repo/src/pages/Home.tsx")).toBe(false);
    expect(mayNeedAnalysis('const entry = { flag: "x" };', scoped, context, "/repo/src/routes/index.ts")).toBe(false);
    expect(mayNeedAnalysis('const route = { featureFlag: "v4" };', scoped, context, "/repo/src/previews/Modal.tsx")).toBe(false);
  });

  it("keeps what applies everywhere: unscoped matchers, removal notes and directives", () => {
    expect(mayNeedAnalysis('useIsFeatureEnabled("v4")', scoped, context, "/repo/src/pages/Home.tsx")).toBe(true);
    expect(mayNeedAnalysis("// TODO: remove x toggle by 2026-01-01\nstate.loading", scoped, context, "/repo/src/pages/Home.tsx")).toBe(true);
    expect(mayNeedAnalysis("// eslint-disable-next-line flaglint/no-stale-flag", scoped, context, "/repo/src/pages/Home.tsx")).toBe(true);
  });

  it("without a file, searches for every matcher's names, as before", () => {
    expect(mayNeedAnalysis("const open = state.loading;", scoped, context)).toBe(true);
  });

  it("keeps a name two matchers share wherever either applies", () => {
    const shared: DetectConfig = { ...scoped, properties: [{ name: "flag", files: ["src/previews/*"] }, { name: "flag" }] };
    const both = new AnalysisContext({ detect: shared, registryDir: "/repo" });
    expect(mayNeedAnalysis('const entry = { flag: "x" };', shared, both, "/repo/src/routes/index.ts")).toBe(true);
  });
});

describe("mayNeedAnalysis, an object path of one name", () => {
  const single: DetectConfig = { sdks: [], calls: [], objects: [{ path: "features", keyCase: "exact" }], constants: [], properties: [] };

  it.each([
    ["a member read", "if (team.features.beta) show();"],
    ["an optional member read", 'const on = features?.["beta"];'],
    ["an index", 'const on = features["beta"];'],
    ["a member read on the next line", "const on = features\n  .beta;"],
    ["a destructuring of it", "const { beta } = features;"],
    ["a destructuring of a member", "const { beta } = props.features;"],
    ["an alias", "const f = features;\nf.beta;"],
    ["a cast", "(features as Flags).beta"],
    ["a read in parentheses", "(features!).beta"],
    ["a quoted member of its holder", 'const on = config["features"].beta;'],
    ["a nested destructuring", "const { features: { beta } } = useConfig();"],
    ["a destructuring under another name", "const { features: f } = useConfig();"],
  ])("keeps a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, single)).toBe(true);
  });

  it.each([
    ["the word in JSX text", "const page = <p>All features included</p>;"],
    ["the name as a property of a type", "interface Plan { features: string[] }"],
    ["the name passed on", "render(features);"],
    ["the name in a string", 'const tab = "features";'],
  ])("skips a file with %s", (_, text) => {
    expect(mayNeedAnalysis(text, single)).toBe(false);
  });

  it("keeps a call segment's name as the call spells it", () => {
    const called: DetectConfig = { ...single, objects: [{ path: "getFeatureFlags()", keyCase: "exact" }] };
    expect(mayNeedAnalysis("const on = getFeatureFlags().beta;", called)).toBe(true);
  });
});
