import { afterEach, describe, expect, it, vi } from "vitest";
import { rules } from "./index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the rules' create", () => {
  it("clones no default options per file (the rules take none), and listens to nothing in a file it has nothing to report in", () => {
    const clone = vi.spyOn(globalThis, "structuredClone");
    // A file of another language: nothing to report, so no listener for ESLint to call as it walks.
    const context = { sourceCode: { ast: { type: "Document" } }, settings: {}, options: [] } as never;
    for (const rule of Object.values(rules)) {
      expect(rule.create(context)).toEqual({});
    }
    expect(clone).not.toHaveBeenCalled();
  });
});
