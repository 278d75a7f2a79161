import { describe, expect, it } from "vitest";
import type { FlagType } from "../types.js";
import { requireFlagContext } from "./require-flag-context.js";
import { fileInput, makeFlag, makeReference, makeRegistry } from "./__fixtures__/build.js";

const check = (type: FlagType, context: boolean | null, status: "active" | "retired" = "active") =>
  requireFlagContext(
    makeReference("f", { context }),
    fileInput(makeRegistry([makeFlag("f", { type, status, owner: "@growth" })])),
  );

describe("require-flag-context", () => {
  it("reports an experiment evaluated without a context", () => {
    expect(check("experiment", false)).toMatchObject({
      rule: "require-flag-context",
      severity: "warn",
      flag: "f",
      messageId: "missingContext",
      data: { flag: "f", kind: "Experiment", owner: "owner @growth" },
      message:
        'Experiment toggle "f" is evaluated without a user context; owner @growth. Pass the evaluation context so targeting works.',
    });
  });

  it("reports a permission flag evaluated without a context", () => {
    expect(check("permission", false)?.data.kind).toBe("Permission");
  });

  it("accepts a check with a context, or where the matcher knows no context argument", () => {
    expect(check("experiment", true)).toBeUndefined();
    expect(check("experiment", null)).toBeUndefined();
  });

  it("does not ask release and ops flags for a context", () => {
    expect(check("release", false)).toBeUndefined();
    expect(check("ops", false)).toBeUndefined();
  });

  it("leaves retired flags to no-stale-flag", () => {
    expect(check("experiment", false, "retired")).toBeUndefined();
  });
});
