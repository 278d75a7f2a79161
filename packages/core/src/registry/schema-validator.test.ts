import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, run by node, without type declarations.
import { generateValidator, VALIDATOR } from "../../scripts/generate-schema-validator.mjs";
// @ts-expect-error: a plain .mjs script, run by node, without type declarations.
import { generateSchemas, SCHEMAS } from "../../scripts/generate-schemas.mjs";

describe("generated files (run npm run generate after adding a rule or a preset)", () => {
  it("schema-validator.ts is compiled from the current schema", () => {
    expect(readFileSync(VALIDATOR as URL, "utf8")).toBe(generateValidator());
  });

  it.each(["registry", "check", "report"])("the %s schema lists every preset and rule the code has", (name) => {
    const expected = (generateSchemas() as Record<string, string>)[name];
    expect(readFileSync((SCHEMAS as Record<string, URL>)[name]!, "utf8")).toBe(expected);
  });
});
