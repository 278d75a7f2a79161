import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, run by node, without type declarations.
import { generateValidator, VALIDATOR } from "../../scripts/generate-schema-validator.mjs";

describe("schema-validator.ts", () => {
  it("is compiled from the current schema (run node packages/core/scripts/generate-schema-validator.mjs)", () => {
    expect(readFileSync(VALIDATOR as URL, "utf8")).toBe(generateValidator());
  });
});
