import { describe, expect, test } from "vitest";
import { formatProblem, parseRegistry, RegistryError } from "./index.js";

const FILE = "/project/feature-flags.yaml";

function finalOf(value: string, file = FILE): unknown {
  const text = file.endsWith(".json")
    ? `{ "version": 1, "flags": { "a": { "type": "release", "final": ${value} } } }`
    : `version: 1\nflags:\n  a:\n    type: release\n    final: ${value}\n`;
  return parseRegistry(text, file).flags.get("a")!.final;
}

function problemsOf(value: string): string[] {
  try {
    parseRegistry(`version: 1\nflags:\n  a:\n    type: release\n    final: ${value}\n`, FILE);
  } catch (error) {
    return (error as RegistryError).problems.map((problem) => formatProblem(problem, "/project"));
  }
  throw new Error("the registry was accepted");
}

describe("the final field", () => {
  test("reads on and off as the flag's final boolean", () => {
    expect(finalOf("on")).toBe(true);
    expect(finalOf("off")).toBe(false);
    expect(finalOf("true")).toBe(true);
    expect(finalOf('"on"', "/project/feature-flags.json")).toBe(true);
    expect(finalOf("false", "/project/feature-flags.json")).toBe(false);
  });

  test("reads numbers, null and JSON-quoted strings as literals", () => {
    expect(finalOf("3")).toBe(3);
    expect(finalOf("null")).toBeNull();
    expect(finalOf(`'"blue"'`)).toBe("blue");
    expect(finalOf(`"\\"blue\\""`, "/project/feature-flags.json")).toBe("blue");
  });

  test("is absent when the entry does not name one", () => {
    const registry = parseRegistry("version: 1\nflags:\n  a:\n    type: release\n", FILE);
    expect(registry.flags.get("a")!.final).toBeUndefined();
  });

  test("rejects a bare word and a list with the line and a hint", () => {
    expect(problemsOf("blue")).toEqual([
      `feature-flags.yaml:5:12: final "blue" is not a flag value (use on, off, or a JSON literal; a string needs its JSON quotes: final: '"blue"')`,
    ]);
    expect(problemsOf("[1, 2]")[0]).toMatch(/^feature-flags\.yaml:5:5: .*final.*must be on, off, or a JSON literal/);
  });
});
