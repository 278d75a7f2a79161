import { describe, expect, it } from "vitest";
import { noUnusedFlag } from "./no-unused-flag.js";
import { NOW, REGISTRY_PATH, makeFlag, makeRegistry } from "./__fixtures__/build.js";

describe("no-unused-flag", () => {
  const check = (flag: ReturnType<typeof makeFlag>, references: number) =>
    noUnusedFlag(flag, references, { registry: makeRegistry([flag]), references: [], now: NOW });

  it("reports an active flag nobody checks, at its registry entry", () => {
    const flag = makeFlag("new_checkout", { position: { line: 14, column: 3 } });
    expect(check(flag, 0)).toEqual({
      rule: "no-unused-flag",
      severity: "warn",
      flag: "new_checkout",
      file: REGISTRY_PATH,
      line: 14,
      column: 3,
      endLine: 14,
      endColumn: 15,
      messageId: "unusedFlag",
      data: {
        flag: "new_checkout",
        kind: "Release",
        owner: "owner @payments",
        ticket: "ticket PAY-1234",
        registryName: "feature-flags.yaml",
      },
      message:
        'Release toggle "new_checkout" is not checked anywhere in the code; owner @payments. Remove its entry from feature-flags.yaml, or mark it archived.',
      registry: REGISTRY_PATH,
    });
  });

  it("reports permanent flags too", () => {
    expect(check(makeFlag("kill", { type: "ops" }), 0)?.data.kind).toBe("Ops");
  });

  it("accepts a flag with references", () => {
    expect(check(makeFlag("a"), 1)).toBeUndefined();
  });

  it("accepts archived and retired entries", () => {
    expect(check(makeFlag("a", { status: "archived" }), 0)).toBeUndefined();
    expect(check(makeFlag("a", { status: "retired" }), 0)).toBeUndefined();
  });
});
