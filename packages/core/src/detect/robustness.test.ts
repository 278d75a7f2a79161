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
  objects: [{ path: "config.featureToggles", keyCase: "camel" }],
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

describe("analyzeSource on arbitrary input", () => {
  it.each(["a.ts", "a.tsx", "a.js"])("never throws and keeps every location inside the file (%s)", (fileName) => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string()), (text) => {
        const analysis = analyzeSource(parseSource(text, fileName), detect);
        for (const reference of analysis.references) {
          expect(reference.start).toBeGreaterThanOrEqual(0);
          expect(reference.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(reference.start, reference.end)).toBe(reference.keyText);
          expect(reference.siteStart).toBeLessThanOrEqual(reference.start);
          expect(reference.siteEnd).toBeGreaterThanOrEqual(reference.end);
        }
        for (const note of analysis.notes) expect(note.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it.each(["a.ts", "a.tsx"])("finds only real comments, even in a tree with syntax errors (%s)", (fileName) => {
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
