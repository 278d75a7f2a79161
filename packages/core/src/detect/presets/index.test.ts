import { describe, expect, it } from "vitest";
import { SDK_PRESET_NAMES } from "../../registry/defaults.js";
import { presetsNamed, SDK_PRESETS } from "./index.js";
import type { Evaluation, ValueKind } from "./types.js";

/** Every kind name a preset's data refers to. */
function referencedKinds(kinds: Readonly<Record<string, ValueKind>>, exported: string[]): string[] {
  const names = [...exported];
  const evaluationOrKind = (value: Evaluation | string | undefined) => {
    if (typeof value === "string") names.push(value);
  };
  for (const kind of Object.values(kinds)) {
    evaluationOrKind(kind.call);
    if (kind.construct !== undefined) names.push(kind.construct);
    for (const method of Object.values(kind.methods ?? {})) evaluationOrKind(method);
    names.push(...Object.values(kind.properties ?? {}));
  }
  return names;
}

describe("SDK_PRESETS", () => {
  it("has one preset for each name the registry accepts, in the same order", () => {
    expect(SDK_PRESETS.map((preset) => preset.name)).toEqual([...SDK_PRESET_NAMES]);
  });

  it.each(SDK_PRESETS.map((preset) => [preset.name, preset] as const))("%s names only kinds it defines", (_, preset) => {
    const exported = preset.packages.flatMap((pkg) => [...Object.values(pkg.exports), ...Object.values(pkg.types ?? {})]);
    const global = Object.values(preset.globalTypes ?? {});
    const missing = referencedKinds(preset.kinds, [...exported, ...global]).filter((name) => !(name in preset.kinds));
    expect(missing).toEqual([]);
  });

  it.each(SDK_PRESETS.map((preset) => [preset.name, preset] as const))(
    "%s: every package contains a pre-filter token, so its files are never skipped",
    (_, preset) => {
      const untokened = preset.packages.filter((pkg) => !preset.tokens.some((token) => pkg.module.includes(token)));
      expect(untokened).toEqual([]);
    },
  );

  it("gives every check a key argument and says how the context is known", () => {
    for (const preset of SDK_PRESETS) {
      for (const kind of Object.values(preset.kinds)) {
        const checks = [kind.call, ...Object.values(kind.methods ?? {})].filter(
          (value): value is Evaluation => typeof value === "object",
        );
        for (const check of checks) {
          expect(check.key).toBeGreaterThanOrEqual(0);
          expect(check.context === null || typeof check.context === "boolean" || check.context >= 0).toBe(true);
        }
      }
    }
  });
});

describe("presetsNamed", () => {
  it("keeps the order of detect.sdks and leaves out unknown names and repeats", () => {
    expect(presetsNamed(["split", "nope", "openfeature", "split"]).map((preset) => preset.name)).toEqual([
      "split",
      "openfeature",
    ]);
  });
});
