import { describe, expect, it } from "vitest";
import { invalidRegistryFinding } from "./invalid-registry.js";
import { parseErrorFinding } from "./parse-error.js";
import { FILE, REGISTRY_PATH } from "./__fixtures__/build.js";

describe("invalidRegistryFinding", () => {
  it("reports a problem with its hint at its place in the registry", () => {
    const finding = invalidRegistryFinding({
      file: REGISTRY_PATH,
      line: 12,
      column: 11,
      message: 'unknown type "relase"',
      hint: 'did you mean "release"?',
    });
    expect(finding).toEqual({
      rule: "invalid-registry",
      severity: "error",
      flag: null,
      file: REGISTRY_PATH,
      line: 12,
      column: 11,
      endLine: 12,
      endColumn: 11,
      messageId: "invalidRegistryHint",
      data: { problem: 'unknown type "relase"', hint: 'did you mean "release"?' },
      message: 'unknown type "relase" (did you mean "release"?)',
      registry: REGISTRY_PATH,
    });
  });

  it("reports a problem without a hint, keeping a given end", () => {
    const finding = invalidRegistryFinding({
      file: REGISTRY_PATH,
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 22,
      message: "impossible date 2026-02-30",
    });
    expect(finding).toMatchObject({ messageId: "invalidRegistry", message: "impossible date 2026-02-30", endColumn: 22 });
  });
});

describe("parseErrorFinding", () => {
  it("reports the first syntax error at its position, as ESLint words it", () => {
    expect(parseErrorFinding(FILE, { line: 7, column: 12, message: "')' expected." })).toEqual({
      rule: "parse-error",
      severity: "error",
      flag: null,
      file: FILE,
      line: 7,
      column: 12,
      endLine: 7,
      endColumn: 12,
      messageId: "parseError",
      data: { problem: "')' expected." },
      message: "Parsing error: ')' expected.",
    });
  });
});
