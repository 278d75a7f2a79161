import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanupSource, verifiedRewrite } from "./engine.js";
import { FIXTURE_FLAG, findSites } from "./__fixtures__/find-sites.js";
import { parse, firstSyntaxError } from "./syntax.js";
import type { FlagValue } from "./value.js";

// Each folder of __fixtures__ is one before/after pair; case.json says the value the flag is
// fixed to (default on) and the places that must be reported for a person (line + reason).
interface FixtureCase {
  value?: FlagValue;
  manual?: Array<{ line: number; reason: string }>;
}

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__");
const fixtures = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function read(dir: string, prefix: string): { file: string; text: string } {
  const file = fs.readdirSync(path.join(root, dir)).find((name) => name.startsWith(`${prefix}.`));
  if (!file) throw new Error(`${dir} has no ${prefix} file`);
  return { file, text: fs.readFileSync(path.join(root, dir, file), "utf8") };
}

describe("cleanupSource fixtures", () => {
  it("has at least 30 before/after pairs", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of fixtures) {
    it(name, () => {
      const before = read(name, "before");
      const after = read(name, "after");
      const options: FixtureCase = fs.existsSync(path.join(root, name, "case.json"))
        ? JSON.parse(fs.readFileSync(path.join(root, name, "case.json"), "utf8"))
        : {};
      const sites = findSites(before.text, before.file);
      expect(sites.length, "the fixture checks the flag").toBeGreaterThan(0);

      const value = options.value === undefined ? true : options.value;
      const result = cleanupSource(before.text, before.file, sites, value, { flag: FIXTURE_FLAG });

      expect(result.text).toBe(after.text);
      expect(result.changed).toBe(after.text !== before.text);
      expect(result.failed).toBe(false);
      expect(result.manual.map((spot) => ({ line: spot.line, reason: spot.reason }))).toEqual(
        (options.manual ?? []).map((spot) => ({ line: spot.line, reason: expect.stringContaining(spot.reason) })),
      );
      expect(firstSyntaxError(parse(result.text, after.file))).toBeUndefined();
    });
  }
});

describe("cleanupSource edge cases", () => {
  const siteOf = (text: string, call: string) => {
    const start = text.indexOf(call);
    return { siteStart: start, siteEnd: start + call.length };
  };

  it("leaves a file that does not parse alone and says where it breaks", () => {
    const text = `if (isEnabled("new_flow")) {\n  run(\n`;
    const result = cleanupSource(text, "broken.ts", [siteOf(text, `isEnabled("new_flow")`)], true);
    expect(result).toMatchObject({ text, changed: false, failed: true });
    expect(result.manual).toEqual([{ line: 3, column: 1, reason: expect.stringContaining("does not parse") }]);
  });

  it("returns the original text when a rewrite would not parse", () => {
    const result = verifiedRewrite("run();\n", "run(;\n", "file.ts", []);
    expect(result).toMatchObject({ text: "run();\n", changed: false, failed: true });
    expect(result.manual[0]!.reason).toMatch(/rewritten file would not parse \(.+ at 1:5\)/);
  });

  it("reports a site that is not an expression and rewrites the others", () => {
    const text = `function f(on = isEnabled("new_flow")) {\n  return isEnabled("new_flow") ? 1 : 2;\n}\n`;
    const parameter = { siteStart: text.indexOf("(on") + 1, siteEnd: text.indexOf("(on") + 3 };
    const call = siteOf(text, `isEnabled("new_flow") ?`);
    const result = cleanupSource(text, "f.ts", [parameter, { siteStart: call.siteStart, siteEnd: call.siteEnd - 2 }], true);
    expect(result.text).toBe(`function f(on = isEnabled("new_flow")) {\n  return 1;\n}\n`);
    expect(result.manual).toEqual([{ line: 1, column: 12, reason: expect.stringContaining("not an expression") }]);
  });

  it("keeps Windows line endings", () => {
    const text = `export function f() {\r\n  if (isEnabled("new_flow")) {\r\n    a();\r\n  }\r\n  if (!isEnabled("new_flow")) {\r\n    b();\r\n  }\r\n  c();\r\n}\r\n`;
    const result = cleanupSource(text, "f.ts", findSites(text, "f.ts"), true);
    expect(result.text).toBe(`export function f() {\r\n  a();\r\n  c();\r\n}\r\n`);
  });

  it("works in a file that already contains the placeholder prefix", () => {
    const text = `export const __flaglint_0__ = 1;\nexport const x = isEnabled("new_flow") ? __flaglint_0__ : 2;\n`;
    const result = cleanupSource(text, "f.ts", findSites(text, "f.ts"), false);
    expect(result.text).toBe(`export const __flaglint_0__ = 1;\nexport const x = 2;\n`);
  });

  it("treats a site inside another site as part of it", () => {
    const text = `export const x = isEnabled("new_flow", isEnabled("new_flow")) ? "a" : "b";\n`;
    const outer = siteOf(text, `isEnabled("new_flow", isEnabled("new_flow"))`);
    const inner = { siteStart: text.lastIndexOf("isEnabled"), siteEnd: text.lastIndexOf("isEnabled") + 21 };
    const result = cleanupSource(text, "f.ts", [outer, inner], true);
    expect(result.text).toBe(`export const x = "a";\n`);
  });

  it("leaves the TODO note while a place is left for a person", () => {
    const text = `// TODO: remove new_flow toggle by 2026-04-15\nexport const ON = isEnabled("new_flow");\n`;
    const result = cleanupSource(text, "f.ts", findSites(text, "f.ts"), true, { flag: "new_flow" });
    expect(result.text).toBe(text);
    expect(result.manual).toHaveLength(1);
  });

  // Its speed is the benchmark's to measure; here, that a long file comes out whole.
  it("cleans every check of a long file", () => {
    const block = (index: number) =>
      `export function handler${index}(input: number): number {\n  if (isEnabled("new_flow")) {\n    return input * ${index};\n  }\n  return input;\n}\n`;
    const text = Array.from({ length: 400 }, (_, index) => block(index)).join("\n");
    const result = cleanupSource(text, "long.ts", findSites(text, "long.ts"), true);
    expect(result.text).not.toContain("isEnabled");
    expect(result.text.split("\n")).toHaveLength(400 * 4);
  });
});
