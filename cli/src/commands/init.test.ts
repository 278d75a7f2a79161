import { describe, expect, it } from "vitest";
import { DEFAULT_DETECT, parseRegistry, type FlagReference } from "@flaglint/core";
import { renderRegistry } from "./init.js";

const DIR = "/repo";

function place(file: string, line: number): FlagReference & { file: string } {
  return {
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    flag: "x",
    dynamic: false,
    kind: "call",
    matcher: "sdk:openfeature",
    context: null,
    keyText: '"x"',
    start: 0,
    end: 3,
    siteStart: 0,
    siteEnd: 3,
  };
}

describe("renderRegistry", () => {
  it("writes a registry that loads, every flag a release toggle to confirm, dated when git knew", () => {
    const text = renderRegistry({
      schema: "./node_modules/@flaglint/core/schema/feature-flags.schema.json",
      flags: [
        { key: "new_checkout", places: [place("/repo/src/a.ts", 3), place("/repo/src/b.ts", 9)], created: "2026-03-01" },
        { key: "search", places: [place("/repo/src/c.ts", 1)] },
      ],
      dir: DIR,
    });
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/@flaglint/core/schema/feature-flags.schema.json");
    expect(text).toContain("  new_checkout:  # checked in src/a.ts:3 and 1 more place\n    type: release  # confirm the type");
    expect(text).toContain("    created: 2026-03-01  # inferred from git history\n");
    expect(text).toContain('    # owner: "@team"\n');

    const registry = parseRegistry(text, "/repo/feature-flags.yaml");
    expect([...registry.flags.values()].map(({ key, type, created, owner }) => ({ key, type, created, owner }))).toEqual([
      { key: "new_checkout", type: "release", created: "2026-03-01", owner: undefined },
      { key: "search", type: "release", created: undefined, owner: undefined },
    ]);
    // No detect section: every built-in preset, which is what found the checks.
    expect(registry.detect).toEqual(DEFAULT_DETECT);
  });

  it("quotes keys YAML would read as something else", () => {
    const keys = ["yes", "2fa-login", "@scope/flag", "with space", "null", "dots.and-dashes"];
    const text = renderRegistry({
      schema: "s.json",
      flags: keys.map((key) => ({ key, places: [place("/repo/a.ts", 1)] })),
      dir: DIR,
    });
    expect([...parseRegistry(text, "/repo/feature-flags.yaml").flags.keys()]).toEqual(keys);
    expect(text).toContain("\n  dots.and-dashes:");
    expect(text).toContain('\n  "yes":');
  });

  it("writes the detect section that found the checks, defaults left out", () => {
    const detect = {
      sdks: ["launchdarkly"],
      calls: [
        { function: "useFlag", keyArg: 0 },
        { object: "flagResolver", method: "isEnabled", keyArg: 0 },
        { module: "@acme/flags", import: "client", method: "isEnabled", keyArg: 1, contextArg: 2 },
      ],
      objects: [{ path: "config.featureToggles", keyCase: "camel" as const }],
      constants: [{ name: "Flags" }],
      properties: [],
    };
    const text = renderRegistry({ schema: "s.json", detect, flags: [], dir: DIR });
    expect(text).toContain(
      [
        "detect:",
        "  sdks: [launchdarkly]",
        "  calls:",
        "    - function: useFlag",
        "    - object: flagResolver",
        "      method: isEnabled",
        '    - module: "@acme/flags"',
        "      import: client",
        "      method: isEnabled",
        "      keyArg: 1",
        "      contextArg: 2",
        "  objects:",
        "    - path: config.featureToggles",
        "      keyCase: camel",
        "  constants:",
        "    - name: Flags",
      ].join("\n"),
    );
    expect(parseRegistry(text, "/repo/feature-flags.yaml").detect).toEqual(detect);
  });

  it("still loads with no flags found", () => {
    const text = renderRegistry({ schema: "s.json", flags: [], dir: DIR });
    expect(parseRegistry(text, "/repo/feature-flags.yaml").flags.size).toBe(0);
  });
});
