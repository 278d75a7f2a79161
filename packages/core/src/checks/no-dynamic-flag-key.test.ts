import { describe, expect, it } from "vitest";
import { noDynamicFlagKey } from "./no-dynamic-flag-key.js";
import { FILE, REGISTRY_PATH, fileInput, makeReference, makeRegistry } from "./__fixtures__/build.js";

describe("no-dynamic-flag-key", () => {
  const input = fileInput(makeRegistry([]));

  it("reports a key that cannot be resolved, quoting its source text", () => {
    const reference = makeReference(null, { keyText: "`flag_${name}`", line: 8, column: 22 });
    expect(noDynamicFlagKey(reference, input)).toEqual({
      rule: "no-dynamic-flag-key",
      severity: "warn",
      flag: null,
      file: FILE,
      line: 8,
      column: 22,
      endLine: 8,
      endColumn: 36,
      messageId: "dynamicKey",
      data: { keyText: "`flag_${name}`" },
      message:
        "Cannot tell which flag this checks: the key `flag_${name}` is not a literal or a known constant. Use a string literal or a constant so flaglint can check it.",
      registry: REGISTRY_PATH,
    });
  });

  it("keeps a long or multi-line key text short and on one line", () => {
    const keyText = `pick(\n  ${"x".repeat(80)}\n)`;
    const data = noDynamicFlagKey(makeReference(null, { keyText }), input)?.data;
    expect(data?.keyText).toBe(`pick( ${"x".repeat(53)}…`);
  });

  it("accepts a resolved key", () => {
    expect(noDynamicFlagKey(makeReference("new_checkout"), input)).toBeUndefined();
  });
});
