// Keys the way definition-object code bases write them: arrays of keys, import-aware constants,
// component gates (detect.jsx) and keys handed over as a named const (detect.properties).
import { describe, expect, it } from "vitest";
import { formatProblem, parseRegistry, RegistryError } from "../registry/index.js";
import type { DetectConfig, FlagReference } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { parseSource } from "./parse.js";
import { mayNeedAnalysis } from "./prefilter.js";

function references(source: string, detect: Partial<DetectConfig>, fileName = "/repo/src/app.tsx"): FlagReference[] {
  const full: DetectConfig = { sdks: [], calls: [], objects: [], constants: [], properties: [], ...detect };
  const analysis = analyzeSource(parseSource(source, fileName), full, { registryDir: "/repo" });
  expect(analysis.parseError).toBeUndefined();
  // The pre-filter may only skip a file in which detection finds nothing.
  if (analysis.references.length > 0) expect(mayNeedAnalysis(source, full), "the pre-filter skipped a file with references").toBe(true);
  return analysis.references;
}

const row = ({ flag, line, column, kind, matcher }: FlagReference) => [flag, line, column, kind, matcher];

describe("arrays of keys", () => {
  const router = { calls: [{ object: "featureFlagRouter", method: "isFeatureEnabled", keyArg: 0 }] };

  it("gives one reference per element, each at its own place, resolved or dynamic on its own", () => {
    const source = [
      `const SalesChannel = { key: "sales_channels" };`,
      `featureFlagRouter.isFeatureEnabled([SalesChannel.key, "tax", keyOf(x), ...more]);`,
    ].join("\n");
    expect(references(source, router).map(row)).toEqual([
      ["sales_channels", 2, 37, "call", "calls[0]"],
      ["tax", 2, 55, "call", "calls[0]"],
      [null, 2, 62, "call", "calls[0]"],
      [null, 2, 72, "call", "calls[0]"],
    ]);
  });

  it("keeps a single key one reference at the call", () => {
    expect(references(`featureFlagRouter.isFeatureEnabled("tax");`, router).map(row)).toEqual([["tax", 1, 36, "call", "calls[0]"]]);
  });
});

describe("import-aware detect.constants", () => {
  const constants = { constants: [{ name: "FeatureKeys" }] };

  it.each([
    ["the declaration itself", `const FeatureKeys = { A: "a" };\nuse(FeatureKeys.A);`],
    ["an import", `import { FeatureKeys } from "./keys";\nuse(FeatureKeys.A);`],
    ["an aliased import", `import { FeatureKeys as Keys } from "./keys";\nuse(Keys.A);`],
    ["a namespace import", `import * as keys from "./keys";\nuse(keys.FeatureKeys.A);`],
    ["a local const alias", `import { FeatureKeys } from "./keys";\nconst K = FeatureKeys;\nuse(K.A);`],
  ])("follows %s", (_, source) => {
    expect(references(source, constants).map(({ kind, matcher, keyText }) => [kind, matcher, keyText.split(".").pop()])).toEqual([
      ["constant", "constants[0]", "A"],
    ]);
  });

  it.each([
    ["another export imported under the name", `import { Other as FeatureKeys } from "./keys";\nuse(FeatureKeys.A);`],
    ["a parameter of the name", `function f(FeatureKeys: Record<string, string>) { return FeatureKeys.A; }`],
    ["a property of another object", `use(config.FeatureKeys.A);`],
    ["a let of the name", `let FeatureKeys = load();\nuse(FeatureKeys.A);`],
  ])("does not take %s for it", (_, source) => {
    expect(references(source, constants)).toEqual([]);
  });
});

describe("detect.jsx component gates", () => {
  const gate = { jsx: [{ component: "FeatureToggle", prop: "featureFlag" }] };

  it("reads the prop as a literal, an expression and a list, at the key's place", () => {
    const source = [
      `const SalesChannel = { key: "sales_channels" };`,
      `export const A = () => <FeatureToggle featureFlag="tax">x</FeatureToggle>;`,
      `export const B = () => <FeatureToggle featureFlag={SalesChannel.key} />;`,
      `export const C = () => <FeatureToggle featureFlag={["a", keyOf(x)]} />;`,
      `export const D = () => <FeatureToggle other="no" />;`,
      `export const E = () => <Something featureFlag="not-a-gate" />;`,
    ].join("\n");
    expect(references(source, gate).map(row)).toEqual([
      ["tax", 2, 51, "property", "jsx[0]"],
      ["sales_channels", 3, 52, "property", "jsx[0]"],
      ["a", 4, 53, "property", "jsx[0]"],
      [null, 4, 58, "property", "jsx[0]"],
    ]);
  });

  it("follows an import alias and a member of a namespace", () => {
    const source = [
      `import { FeatureToggle as Gate } from "@acme/ui";`,
      `import * as ui from "@acme/ui";`,
      `export const A = () => <><Gate featureFlag="a" /><ui.FeatureToggle featureFlag="b" /></>;`,
    ].join("\n");
    expect(references(source, gate).map(({ flag }) => flag)).toEqual(["a", "b"]);
  });

  it("with module, matches only the component imported from it", () => {
    const narrowed = { jsx: [{ component: "FeatureToggle", prop: "featureFlag", module: "./src/components/feature-toggle" }] };
    const source = [
      `import { FeatureToggle } from "./components/feature-toggle";`,
      `import { FeatureToggle as Other } from "other-ui";`,
      `export const A = () => <><FeatureToggle featureFlag="a" /><Other featureFlag="b" /></>;`,
    ].join("\n");
    expect(references(source, narrowed).map(({ flag }) => flag)).toEqual(["a"]);
  });

  it("with import default, matches a default import whatever its local name", () => {
    const narrowed = { jsx: [{ component: "FeatureToggle", prop: "featureFlag", module: "@acme/feature-toggle", import: "default" }] };
    const source = `import Toggle from "@acme/feature-toggle";\nexport const A = () => <Toggle featureFlag="a" />;`;
    expect(references(source, narrowed).map(({ flag }) => flag)).toEqual(["a"]);
  });
});

describe("detect.properties on a const", () => {
  const properties = { properties: [{ name: "featureFlag" }] };

  it("reads `export const featureFlag = X.key` and a list, not a let or another name", () => {
    const source = [
      `const SalesChannel = { key: "sales_channels" };`,
      `export const featureFlag = SalesChannel.key;`,
      `const featureFlags = ["a"];`,
      `let featureFlag2 = "b";`,
    ].join("\n");
    expect(references(source, properties).map(row)).toEqual([["sales_channels", 2, 28, "property", "properties[0]"]]);
  });
});

describe("detect.jsx in the registry", () => {
  function problems(detect: string): string[] {
    try {
      parseRegistry(`version: 1\ndetect:\n${detect}flags: {}\n`, "/project/feature-flags.yaml");
      return [];
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      return error.problems.map((problem) => formatProblem(problem, "/project"));
    }
  }

  it("accepts a component with its prop, module and import", () => {
    expect(problems(`  jsx:\n    - component: FeatureToggle\n      prop: featureFlag\n      module: "@acme/ui"\n      import: default\n`)).toEqual([]);
    const registry = parseRegistry(`version: 1\ndetect:\n  jsx:\n    - { component: FeatureToggle, prop: featureFlag }\n`, "/p/feature-flags.yaml");
    expect(registry.detect.jsx).toEqual([{ component: "FeatureToggle", prop: "featureFlag" }]);
  });

  it("says what is missing or misspelt, at its line", () => {
    expect(problems(`  jsx:\n    - component: FeatureToggle\n`)).toEqual(['feature-flags.yaml:4:7: missing required field "prop"']);
    expect(problems(`  jsx:\n    - component: FeatureToggle\n      prop: featureFlag\n      modul: x\n`)).toEqual([
      'feature-flags.yaml:6:7: unknown field "modul" (did you mean "module"?)',
    ]);
    expect(problems(`  jsx:\n    - component: FeatureToggle\n      prop: featureFlag\n      import: default\n`)).toEqual([
      'feature-flags.yaml:6:7: "import" needs "module" as well',
    ]);
  });
});
