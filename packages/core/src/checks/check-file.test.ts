import { describe, expect, it } from "vitest";
import { checkFile } from "./check-file.js";
import { FILE, fileInput, makeAnalysis, makeFlag, makeNote, makeReference, makeRegistry } from "./__fixtures__/build.js";

const registry = makeRegistry([
  makeFlag("stale", { removeBy: "2026-04-15", ticket: undefined }),
  makeFlag("soon", { removeBy: "2026-11-30" }),
  makeFlag("fine", { removeBy: "2027-06-01" }),
  makeFlag("exp", { type: "experiment", removeBy: "2027-06-01" }),
]);

describe("checkFile", () => {
  it("runs every reference and comment rule, ordered by position then rule", () => {
    const analysis = makeAnalysis({
      references: [
        makeReference("soon", { line: 20, column: 5 }),
        makeReference("exp", { line: 9, column: 3, context: false }),
        makeReference("stale", { line: 9, column: 3 }),
        makeReference("fine", { line: 2, column: 1 }),
        makeReference("stael", { line: 30, column: 1 }),
        makeReference(null, { line: 31, column: 1, keyText: "key" }),
      ],
      notes: [makeNote("soon", "2026-11-01", { line: 1 })],
    });
    const findings = checkFile(fileInput(registry, analysis));
    expect(findings.map(({ line, column, rule, flag }) => ({ line, column, rule, flag }))).toEqual([
      { line: 1, column: 1, rule: "no-expired-todo", flag: "soon" },
      { line: 9, column: 3, rule: "no-stale-flag", flag: "stale" },
      { line: 9, column: 3, rule: "require-flag-context", flag: "exp" },
      { line: 20, column: 5, rule: "flag-expiring-soon", flag: "soon" },
      { line: 30, column: 1, rule: "no-unknown-flag", flag: "stael" },
      { line: 31, column: 1, rule: "no-dynamic-flag-key", flag: null },
    ]);
    expect(findings.every((finding) => finding.file === FILE)).toBe(true);
    expect(findings.find((finding) => finding.rule === "no-unknown-flag")?.suggestion).toBe("stale");
  });

  it("reports require-removal-ticket at each reference when asked to (ESLint)", () => {
    const analysis = makeAnalysis({ references: [makeReference("stale", { line: 4 }), makeReference("fine")] });
    const findings = checkFile({ ...fileInput(registry, analysis), ticketAt: "reference" });
    expect(findings.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: "no-stale-flag", line: 4 },
      { rule: "require-removal-ticket", line: 4 },
    ]);
  });

  it("leaves require-removal-ticket to the registry check by default (CLI)", () => {
    const analysis = makeAnalysis({ references: [makeReference("stale")] });
    expect(checkFile(fileInput(registry, analysis)).map((finding) => finding.rule)).toEqual(["no-stale-flag"]);
  });

  it("gives only the parse error for a file that does not parse", () => {
    const analysis = makeAnalysis({
      references: [makeReference("stale")],
      notes: [makeNote("soon", "2020-01-01")],
      parseError: { line: 7, column: 12, message: "')' expected." },
    });
    const findings = checkFile(fileInput(registry, analysis));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "parse-error", line: 7, column: 12, message: "Parsing error: ')' expected." });
  });

  it("finds nothing in a clean file", () => {
    const analysis = makeAnalysis({ references: [makeReference("fine")], notes: [makeNote("fine", "2027-01-01")] });
    expect(checkFile(fileInput(registry, analysis))).toEqual([]);
  });
});
