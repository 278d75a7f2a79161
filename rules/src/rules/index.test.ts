import { afterEach, describe, expect, it, vi } from "vitest";
import { rules } from "./index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the rules' create", () => {
  it("clones no default options per file: the rules take none", () => {
    const clone = vi.spyOn(globalThis, "structuredClone");
    // A file of another language: the rule answers with its listener and reports nothing.
    const context = { sourceCode: { ast: { type: "Document" } }, settings: {}, options: [] } as never;
    for (const rule of Object.values(rules)) {
      const listener = rule.create(context) as { Program?: (node: never) => void };
      expect(typeof listener.Program).toBe("function");
      listener.Program!({} as never);
    }
    expect(clone).not.toHaveBeenCalled();
  });
});
