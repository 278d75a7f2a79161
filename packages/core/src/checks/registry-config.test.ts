import { describe, expect, it } from "vitest";
import { readRegistryDirectives } from "../registry/directives.js";
import type { Finding, Registry } from "../types.js";
import { applyRegistryDirectives, applyRuleSettings, isIgnoredByRegistry, unusedLineDirectives } from "./registry-config.js";

const finding = (rule: Finding["rule"], line: number, severity: Finding["severity"] = "error"): Finding => ({
  rule, severity, line, column: 3, endLine: line, endColumn: 9, flag: "x", file: "/repo/feature-flags.yaml", messageId: "m", data: {}, message: "m",
});

describe("registry configuration", () => {
  it("applies rules: off drops, warn and error set the severity", () => {
    const settled = applyRuleSettings([finding("no-stale-flag", 1), finding("no-unknown-flag", 2), finding("no-dynamic-flag-key", 3, "warn")], {
      "no-stale-flag": "warn",
      "no-unknown-flag": "off",
      "no-dynamic-flag-key": "error",
    });
    expect(settled.map((f) => `${f.rule} ${f.severity}`)).toEqual(["no-stale-flag warn", "no-dynamic-flag-key error"]);
  });

  it("reads # flaglint-disable-next-line comments with ids, a flaglint/ prefix and a reason", () => {
    const text = "flags:\n  # flaglint-disable-next-line no-unused-flag, flaglint/require-removal-ticket -- audit\n  a:\n    type: ops\n  #flaglint-disable-next-line\n  b: {}\n  # not a flaglint-disable-next-line\n";
    expect(readRegistryDirectives(text)).toEqual([
      { kind: "disable-next-line", rules: ["no-unused-flag", "require-removal-ticket"], line: 2 },
      { kind: "disable-next-line", rules: [], line: 5 },
    ]);
  });

  it("silences the finding on the next line only, and names the directives that silenced nothing", () => {
    const directives = readRegistryDirectives("\n# flaglint-disable-next-line no-unused-flag\nentry\n# flaglint-disable-next-line no-unused-flag\n\nentry\n");
    const result = applyRegistryDirectives([finding("no-unused-flag", 3), finding("require-removal-ticket", 3), finding("no-unused-flag", 6)], directives);
    expect(result.findings.map((f) => `${f.rule}:${f.line}`)).toEqual(["require-removal-ticket:3", "no-unused-flag:6"]);
    expect(result.unused.map((d) => d.line)).toEqual([4]);
  });

  it("reports code directives that name flaglint rules and silence nothing, not bare ones", () => {
    const unused = unusedLineDirectives(
      [finding("no-stale-flag", 5)],
      [
        { kind: "disable-next-line", rules: ["no-stale-flag"], line: 4 },
        { kind: "disable-next-line", rules: ["no-unknown-flag"], line: 4 },
        { kind: "disable-line", rules: ["no-stale-flag"], line: 9 },
        { kind: "disable-next-line", rules: [], line: 1 },
        { kind: "disable", rules: ["no-stale-flag"], line: 1 },
      ],
    );
    expect(unused.map((d) => `${d.kind}:${d.line}:${d.rules.join()}`)).toEqual(["disable-next-line:4:no-unknown-flag", "disable-line:9:no-stale-flag"]);
  });

  it("ignores files by gitignore-style globs relative to the registry's folder", () => {
    const registry = { dir: "/repo", ignore: ["src/generated/**", "*.stories.tsx", "!keep.stories.tsx"] } as Registry;
    expect(isIgnoredByRegistry(registry, "/repo/src/generated/a.ts")).toBe(true);
    expect(isIgnoredByRegistry(registry, "/repo/src/ui/Button.stories.tsx")).toBe(true);
    expect(isIgnoredByRegistry(registry, "/repo/src/ui/keep.stories.tsx")).toBe(false);
    expect(isIgnoredByRegistry(registry, "/repo/src/a.ts")).toBe(false);
    expect(isIgnoredByRegistry(registry, "/elsewhere/src/generated/a.ts")).toBe(false);
  });

  it("reads a path that is not written plainly as the folder's file it names", () => {
    const registry = { dir: "/repo", ignore: ["src/generated/**"] } as Registry;
    expect(isIgnoredByRegistry(registry, "/repo/lib/../src/generated/a.ts")).toBe(true);
    expect(isIgnoredByRegistry(registry, "/repo/./src//generated/a.ts")).toBe(true);
    expect(isIgnoredByRegistry(registry, "/repo/../elsewhere/src/generated/a.ts")).toBe(false);
    expect(isIgnoredByRegistry(registry, "/repository/src/generated/a.ts")).toBe(false);
    expect(isIgnoredByRegistry({ ...registry, dir: "/repo/" }, "/repo/src/generated/a.ts")).toBe(true);
  });

  it("reads a folder whose name starts with two dots as the registry folder's own", () => {
    const registry = { dir: "/repo", ignore: ["..generated/**"] } as Registry;
    expect(isIgnoredByRegistry(registry, "/repo/..generated/a.ts")).toBe(true);
    expect(isIgnoredByRegistry({ ...registry, ignore: ["a.ts"] }, "/a.ts")).toBe(false);
  });
});
