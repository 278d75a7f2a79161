import { describe, expect, it } from "vitest";
import { noUnknownFlag } from "./no-unknown-flag.js";
import { FILE, REGISTRY_PATH, fileInput, makeFlag, makeReference, makeRegistry } from "./__fixtures__/build.js";

describe("no-unknown-flag", () => {
  const registry = makeRegistry([makeFlag("new_checkout")]);

  it("reports a misspelt key with the nearest key", () => {
    const finding = noUnknownFlag(makeReference("new_chekout", { line: 4, column: 20 }), fileInput(registry));
    expect(finding).toEqual({
      rule: "no-unknown-flag",
      severity: "error",
      flag: "new_chekout",
      file: FILE,
      line: 4,
      column: 20,
      endLine: 4,
      endColumn: 33,
      messageId: "unknownFlagSuggestion",
      data: { flag: "new_chekout", registryName: "feature-flags.yaml", suggestion: "new_checkout" },
      message: 'Unknown flag "new_chekout": not in feature-flags.yaml. Did you mean "new_checkout"?',
      suggestion: "new_checkout",
      registry: REGISTRY_PATH,
    });
  });

  it("reports a key with no near match without a suggestion", () => {
    const finding = noUnknownFlag(makeReference("search_v2"), fileInput(registry));
    expect(finding?.messageId).toBe("unknownFlag");
    expect(finding?.data).toEqual({ flag: "search_v2", registryName: "feature-flags.yaml" });
    expect(finding?.message).toBe('Unknown flag "search_v2": not in feature-flags.yaml. Add it there, or fix the key.');
    expect(finding).not.toHaveProperty("suggestion");
  });

  it("accepts a registry key, whatever its status", () => {
    const retired = makeRegistry([makeFlag("new_checkout", { status: "archived" })]);
    expect(noUnknownFlag(makeReference("new_checkout"), fileInput(retired))).toBeUndefined();
  });

  it("leaves dynamic keys to no-dynamic-flag-key", () => {
    expect(noUnknownFlag(makeReference(null, { keyText: "name" }), fileInput(registry))).toBeUndefined();
  });
});
