import { describe, expect, it } from "vitest";
import type { Finding, ProjectResult } from "../types.js";
import { applySuppressions, parseSuppressions, pruneSuppressions, serializeSuppressions, suppressFindings } from "./suppressions.js";

const finding = (file: string, rule: Finding["rule"], line: number, severity: Finding["severity"] = "error"): Finding => ({
  rule, severity, file: `/repo/${file}`, line, column: 1, endLine: line, endColumn: 2, flag: "x", messageId: "m", data: {}, message: "m",
});

const result = (findings: Finding[]): ProjectResult => ({
  cwd: "/repo", now: "2026-11-26", registries: [], findings, references: [], flags: [],
  summary: { files: 1, parsed: 1, references: 0, errors: findings.filter((f) => f.severity === "error").length, warnings: findings.filter((f) => f.severity === "warn").length },
});

describe("bulk suppressions", () => {
  const base = { base: "/repo" };

  it("counts error findings per file and rule, never warnings, and writes them sorted", () => {
    const run = result([finding("src/b.ts", "no-stale-flag", 3), finding("src/a.ts", "no-unknown-flag", 1), finding("src/a.ts", "no-unknown-flag", 9), finding("src/a.ts", "no-dynamic-flag-key", 2, "warn")]);
    const text = serializeSuppressions(suppressFindings({}, run, base));
    expect(text).toBe('{\n  "src/a.ts": {\n    "no-unknown-flag": {\n      "count": 2\n    }\n  },\n  "src/b.ts": {\n    "no-stale-flag": {\n      "count": 1\n    }\n  }\n}\n');
    expect(parseSuppressions(text, "s.json")).toEqual({ "src/a.ts": { "no-unknown-flag": { count: 2 } }, "src/b.ts": { "no-stale-flag": { count: 1 } } });
  });

  it("drops findings within the count, keeps all of a rule in a file past it, and recounts the summary", () => {
    const suppressions = { "src/a.ts": { "no-unknown-flag": { count: 1 } }, "src/b.ts": { "no-stale-flag": { count: 2 } } };
    const applied = applySuppressions(result([finding("src/a.ts", "no-unknown-flag", 1), finding("src/a.ts", "no-unknown-flag", 5), finding("src/b.ts", "no-stale-flag", 3)]), suppressions, base);
    expect(applied.result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["/repo/src/a.ts:1", "/repo/src/a.ts:5"]);
    expect(applied.result.summary.errors).toBe(2);
    expect(applied.suppressed).toBe(1);
    expect(applied.unused).toEqual([{ file: "src/b.ts", rule: "no-stale-flag", count: 2, found: 1 }]);
  });

  it("neither reports nor prunes what the run did not cover", () => {
    const suppressions = { "src/a.ts": { "no-unknown-flag": { count: 1 } }, "src/b.ts": { "no-stale-flag": { count: 2 } } };
    const covers = (file: string) => file.endsWith("a.ts");
    const empty = result([]);
    expect(applySuppressions(empty, suppressions, { ...base, covers }).unused.map((u) => u.file)).toEqual(["src/a.ts"]);
    expect(pruneSuppressions(suppressions, empty, { ...base, covers })).toEqual({ "src/b.ts": { "no-stale-flag": { count: 2 } } });
  });

  it("rejects a file of the wrong shape with a hint", () => {
    expect(() => parseSuppressions("[]", "s.json")).toThrow(/^s\.json: the file is not \{ "<file>"/);
    expect(() => parseSuppressions('{ "a.ts": { "r": { "count": -1 } } }', "s.json")).toThrow(/"a\.ts" > "r" is not/);
    expect(() => parseSuppressions("{", "s.json")).toThrow(/^s\.json: not valid JSON .*\(hint: regenerate it with flaglint check --suppress-all\)$/);
  });
});
