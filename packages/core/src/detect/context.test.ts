import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { AnalysisContext } from "./context.js";
import { parseSource } from "./parse.js";
import { mayNeedAnalysis } from "./prefilter.js";

const root = path.resolve("/project");

const detect: DetectConfig = {
  sdks: [],
  calls: [
    { method: "isEnabled", keyArg: 0 },
    { function: "legacyFlag", keyArg: 0, files: ["legacy/**"] },
  ],
  objects: [{ path: "config.featureToggles", keyCase: "camel" }],
  constants: [],
  properties: [],
};

function flagsIn(text: string, file: string, context: AnalysisContext): Array<string | null> {
  return analyzeSource(parseSource(text, file), context.detect, { context }).references.map(({ flag }) => flag);
}

describe("AnalysisContext", () => {
  it("compiles the detect config and its pre-filter search once, for every file of the run", () => {
    const context = new AnalysisContext({ detect, registryDir: root });
    expect(context.compiled).toBe(context.compiled);
    expect(context.search).toBe(context.search);
    expect(mayNeedAnalysis(`flags.isEnabled("x")`, detect, context)).toBe(true);
    expect(mayNeedAnalysis(`export const total = 0;`, detect, context)).toBe(false);
  });

  it("applies a matcher's files: globs relative to the registry's folder, one narrowed config per set left out", () => {
    const context = new AnalysisContext({ detect, registryDir: root });
    const inside = path.join(root, "legacy", "a.ts");
    const outside = path.join(root, "src", "a.ts");
    expect(flagsIn(`legacyFlag("old");\nflags.isEnabled("new");`, inside, context)).toEqual(["old", "new"]);
    expect(flagsIn(`legacyFlag("old");\nflags.isEnabled("new");`, outside, context)).toEqual(["new"]);
    expect(context.configFor(outside)).toBe(context.configFor(path.join(root, "src", "b.ts")));
    expect(context.configFor(inside)).toBe(context.compiled);
  });

  it("keeps a name outside the files: of its first matcher when another matcher of that name applies", () => {
    const twice: DetectConfig = { ...detect, constants: [{ name: "Flags", files: ["legacy/**"] }], keySets: [{ name: "Flags" }] };
    const context = new AnalysisContext({ detect: twice, registryDir: root });
    const text = `export const Flags = { beta: "beta" } as const;\nif (Flags.beta) go();`;
    expect(flagsIn(text, path.join(root, "src", "a.ts"), context)).toEqual(["beta"]);
    expect(context.configFor(path.join(root, "src", "a.ts")).constants.get("Flags")).toBe("keySets[0]");
  });

  it("maps a name in the code's case to the one registry key it spells", () => {
    const context = new AnalysisContext({ detect, registryKeys: ["new_checkout_v2", "dark-mode", "dark_mode"] });
    expect(context.registryKeyFor("newCheckoutV2", "camel")).toBe("new_checkout_v2");
    expect(context.registryKeyFor("darkMode", "camel")).toBe("darkMode");
    expect(context.registryKeyFor("newCheckoutV2", "exact")).toBe("newCheckoutV2");
    expect(flagsIn(`config.featureToggles.newCheckoutV2;`, path.join(root, "a.ts"), context)).toEqual(["new_checkout_v2"]);
  });

  it("gives the same references as a call that brings no context", () => {
    const context = new AnalysisContext({ detect, registryDir: root, registryKeys: ["new_checkout_v2"] });
    const text = `legacyFlag("old");\nconfig.featureToggles.newCheckoutV2;\nflags.isEnabled(KEY);`;
    const file = path.join(root, "src", "a.ts");
    const alone = analyzeSource(parseSource(text, file), detect, { registryDir: root, registryKeys: new Set(["new_checkout_v2"]) });
    expect(analyzeSource(parseSource(text, file), detect, { context })).toEqual(alone);
  });

  it("keeps the matcher of the registry's ignore: globs", () => {
    const context = new AnalysisContext({ detect, registryDir: root, ignore: ["generated/**"] });
    expect(context.ignored).toBe(context.ignored);
    expect(context.ignored.ignores("generated/a.ts")).toBe(true);
    expect(context.ignored.ignores("src/a.ts")).toBe(false);
  });
});
