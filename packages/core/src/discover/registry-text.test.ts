import { describe, expect, it } from "vitest";
import { DEFAULT_DETECT, parseRegistry } from "../registry/index.js";
import { inferFlagType } from "./flag-type.js";
import { renderRegistry } from "./registry-text.js";

const DIR = "/repo";
const FILE = "/repo/feature-flags.yaml";

describe("renderRegistry", () => {
  it("writes a registry that loads, each flag with where it was found and what to confirm", () => {
    const text = renderRegistry({
      schema: "./node_modules/@flaglint/core/schema/feature-flags.schema.json",
      flags: [
        { key: "new_checkout", places: [{ file: "/repo/src/a.ts", line: 3 }, { file: "/repo/src/b.ts", line: 9 }], type: "release", created: "2026-03-01" },
        { key: "kill-payments", places: [], type: "ops", typeReason: '"kill switch" in its name', declaredIn: { name: "FlagKey", file: "/repo/src/flags.ts", line: 2 }, owner: { owner: "@pay", pattern: "/src/" } },
      ],
      dir: DIR,
    });
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/@flaglint/core/schema/feature-flags.schema.json");
    expect(text).toContain("  new_checkout:  # checked in src/a.ts:3 and 1 more place\n    type: release  # inferred: nothing in its name says otherwise; confirm the type");
    expect(text).toContain("    created: 2026-03-01  # inferred from git history\n");
    expect(text).toContain("  kill-payments:  # declared in FlagKey (src/flags.ts:2); no check found\n");
    expect(text).toContain('    type: ops  # inferred from "kill switch" in its name; confirm it\n    owner: "@pay"  # from CODEOWNERS (/src/)\n');

    const registry = parseRegistry(text, FILE);
    expect([...registry.flags.values()].map(({ key, type, created, owner }) => ({ key, type, created, owner }))).toEqual([
      { key: "new_checkout", type: "release", created: "2026-03-01", owner: undefined },
      { key: "kill-payments", type: "ops", created: undefined, owner: "@pay" },
    ]);
    // No detect section: every built-in preset.
    expect(registry.detect).toEqual(DEFAULT_DETECT);
  });

  it("quotes keys YAML would read as something else, and keeps names from code on one comment line", () => {
    const keys = ["yes", "2fa-login", "@scope/flag", "with space", "null", "dots.and-dashes"];
    const text = renderRegistry({
      schema: "s.json",
      flags: keys.map((key) => ({ key, places: [{ file: "/repo/a\nb.ts", line: 1 }], type: "release" as const })),
      dir: DIR,
    });
    expect([...parseRegistry(text, FILE).flags.keys()]).toEqual(keys);
    expect(text).toContain("\n  dots.and-dashes:");
    expect(text).toContain('\n  "yes":');
  });

  it("writes each detect entry with its evidence on its first line", () => {
    const text = renderRegistry({
      schema: "s.json",
      detect: [
        { section: "calls", fields: [["object", "gb"], ["method", "isOn"], ["files", ["apps/web/**"]]], comment: "2 calls in 1 file" },
        { section: "keySets", fields: [["name", "FlagKey"], ["file", "src/flags.ts"]], comment: "3 keys" },
      ],
      flags: [],
      dir: DIR,
    });
    expect(text).toContain(
      ["detect:", "  keySets:", "    - name: FlagKey  # 3 keys", "      file: src/flags.ts", "  calls:", "    - object: gb  # 2 calls in 1 file", "      method: isOn", '      files: ["apps/web/**"]'].join("\n"),
    );
    const { detect } = parseRegistry(text, FILE);
    expect(detect.calls).toEqual([{ object: "gb", method: "isOn", keyArg: 0, files: ["apps/web/**"] }]);
    expect(detect.keySets).toEqual([{ name: "FlagKey", file: "src/flags.ts" }]);
  });
});

describe("inferFlagType", () => {
  it("reads kill switches and circuit breakers as ops, plans and entitlements as permission, the rest as release", () => {
    expect(inferFlagType("kill-switch-payments")).toEqual({ type: "ops", reason: '"kill switch" in its name' });
    expect(inferFlagType("searchCircuitBreaker").type).toBe("ops");
    expect(inferFlagType("PLAN_ENTERPRISE_SSO").type).toBe("permission");
    expect(inferFlagType("exportCsv", "EntitlementFlags")).toEqual({ type: "permission", reason: '"entitlement" in its key set' });
    expect(inferFlagType("audit-log", "CommercialFeature")).toEqual({ type: "permission", reason: "\"commercial\" in its key set" });
    expect(inferFlagType("new-checkout")).toEqual({ type: "release" });
    // Words, not substrings: "planet" is no plan, "skill" no kill switch.
    expect(inferFlagType("planet-view").type).toBe("release");
    expect(inferFlagType("skill-switcher").type).toBe("release");
  });
});
