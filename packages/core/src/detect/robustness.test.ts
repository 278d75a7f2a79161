import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DetectConfig } from "../types.js";
import { analyzeSource } from "./analyze.js";
import { readComments } from "./comments.js";
import { parseSource } from "./parse.js";

const detect: DetectConfig = {
  sdks: [],
  calls: [
    { module: "@acme/feature-flags", import: "client", method: "isEnabled", keyArg: 0, contextArg: 1 },
    { object: "flagResolver", method: "isEnabled", keyArg: 0 },
    { function: "useUiFlag", keyArg: 0 },
  ],
  objects: [{ path: "config.featureToggles", keyCase: "exact" }],
  constants: [{ name: "Flags" }],
  properties: [{ name: "flag" }],
};

// Fragments that exercise every matcher and every place a comment look-alike can hide.
const FRAGMENTS = [
  `import { client } from "@acme/feature-flags";`, `const { isEnabled } = client;`, `client.isEnabled(`,
  `isEnabled(`, `flagResolver.isEnabled(`, `useUiFlag(`, `config.featureToggles.`, `Flags.`, `{ flag: `,
  `"key"`, "`", "${", "}", "(", ")", "[", "]", "{", ",", ";", "\n", " ", "/", "*", "//", "/*", "*/",
  "TODO: remove x toggle by 2026-01-01", "eslint-disable-next-line flaglint/no-stale-flag", "<div>", "</div>",
  "=>", "const a = ", "let ", "function f(client) ", "enum Flags { A = \"a\" }", "as const", "...", "?.",
];
const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(""));

/** A statement and the flags detection must find in it, in order. */
interface Statement {
  code: string;
  flags: string[];
}
const key = fc.string({ minLength: 1, maxLength: 12 });
const literal = (text: string) => JSON.stringify(text);
const statement: fc.Arbitrary<Statement> = fc.oneof(
  key.map((k) => ({ code: `client.isEnabled(${literal(k)}, ctx);`, flags: [k] })),
  key.map((k) => ({ code: `flagResolver?.isEnabled(\n  ${literal(k)},\n);`, flags: [k] })),
  key.map((k) => ({ code: `const { enabled } = useUiFlag(${literal(k)});`, flags: [k] })),
  key.map((k) => ({ code: `register({ flag: ${literal(k)} });`, flags: [k] })),
  key.map((k) => ({ code: `other.isEnabled(${literal(k)});`, flags: [] })),
  key.map((k) => ({ code: `const s = ${literal(`// client.isEnabled("${k}")`)};`, flags: [] })),
  fc.string().map((text) => ({ code: `/* ${text.replace(/\*\//g, "")} */`, flags: [] })),
  fc.string().map((text) => ({ code: `// ${text.replace(/[\r\n\u2028\u2029]/g, "")}`, flags: [] })),
);
const program = fc
  .array(fc.oneof(statement, fc.array(statement, { maxLength: 4 }).map(inFunction)), { maxLength: 12 })
  .map((statements) => ({
    code: [`import { client } from "@acme/feature-flags";`, ...statements.map((s) => s.code)].join("\n"),
    flags: statements.flatMap((s) => s.flags),
  }));

function inFunction(statements: Statement[]): Statement {
  return {
    code: `function f(ctx: unknown) {\n${statements.map((s) => s.code).join("\n")}\n}`,
    flags: statements.flatMap((s) => s.flags),
  };
}

describe("analyzeSource on generated input", () => {
  it("finds every generated check with its key, at the key", () => {
    fc.assert(
      fc.property(program, ({ code, flags }) => {
        const analysis = analyzeSource(parseSource(code, "a.ts"), detect);
        expect(analysis.parseError).toBeUndefined();
        expect(analysis.references.map((reference) => reference.flag)).toEqual(flags);
        for (const reference of analysis.references) {
          expect(code.slice(reference.start, reference.end)).toBe(reference.keyText);
          expect(reference.siteStart).toBeLessThanOrEqual(reference.start);
          expect(reference.siteEnd).toBeGreaterThanOrEqual(reference.end);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it.each(["a.ts", "a.tsx", "a.js"])("never throws on arbitrary text (%s)", (fileName) => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string()), (text) => {
        const analysis = analyzeSource(parseSource(text, fileName), detect);
        expect(Array.isArray(analysis.references)).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it.each(["a.ts", "a.tsx"])("finds notes only in real comments, even in a tree with syntax errors (%s)", (fileName) => {
    fc.assert(
      fc.property(soup, (text) => {
        const sourceFile = parseSource(text, fileName);
        const lineStarts = sourceFile.getLineStarts();
        for (const note of readComments(sourceFile).notes) {
          const start = lineStarts[note.line - 1]! + note.column - 1;
          expect(["//", "/*"]).toContain(text.slice(start, start + 2));
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
