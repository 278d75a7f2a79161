// bench/eslint-parity.mjs compares `flaglint check`'s JSON with ESLint's on a real code base.
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the bench, without types
import { compareFindings } from "../bench/eslint-parity.mjs";

const dir = path.resolve("/repo");
const at = (file: string) => path.join(dir, file);

/** A `flaglint check --format json` document with these findings and references. */
function cliDocument(findings: object[], references: object[]) {
  return { version: 1, findings, references };
}

const stale = { rule: "no-stale-flag", flag: "old", file: "src/a.ts", line: 3, column: 7 };
const ticket = { rule: "require-removal-ticket", flag: "beta", file: "feature-flags.yaml", line: 9, column: 3 };
const unused = { rule: "no-unused-flag", flag: "gone", file: "feature-flags.yaml", line: 20, column: 3 };
const references = [
  { flag: "old", file: "src/a.ts", line: 3, column: 7 },
  { flag: "beta", file: "src/b.ts", line: 5, column: 1 },
];
const eslintResults = (messages: Record<string, object[]>) =>
  Object.entries(messages).map(([file, list]) => ({ filePath: at(file), messages: list }));

describe("the ESLint parity bench", () => {
  it("finds nothing to report when both give the same places, and the ticket rule for the same flags", () => {
    const found = compareFindings(
      cliDocument([stale, ticket, unused], references),
      eslintResults({
        "src/a.ts": [{ ruleId: "flaglint/no-stale-flag", line: 3, column: 7, message: 'Release toggle "old" was due …' }],
        "src/b.ts": [{ ruleId: "flaglint/require-removal-ticket", line: 5, column: 1, message: 'Release toggle "beta" has no removal ticket' }],
        "src/c.ts": [{ ruleId: "no-undef", line: 1, column: 1, message: "not flaglint's" }],
      }),
      dir,
    );
    expect(found).toEqual({ linted: 3, same: 1, onlyCli: [], onlyEslint: [], ticketFlags: 1, ticketOnlyCli: [], ticketOnlyEslint: [], notLinted: 0 });
  });

  it("lists a finding at another column, one on one side only, and a ticket finding ESLint did not give", () => {
    const found = compareFindings(
      cliDocument([stale, ticket, { rule: "no-unknown-flag", flag: "x", file: "src/b.ts", line: 8, column: 2 }], references),
      eslintResults({
        "src/a.ts": [{ ruleId: "flaglint/no-stale-flag", line: 3, column: 8, message: 'Release toggle "old" …' }],
        "src/b.ts": [{ ruleId: "flaglint/no-dynamic-flag-key", line: 9, column: 1, message: "dynamic" }],
      }),
      dir,
    );
    expect(found.same).toBe(0);
    expect(found.onlyCli).toEqual(["no-stale-flag src/a.ts:3:7", "no-unknown-flag src/b.ts:8:2"]);
    expect(found.onlyEslint).toEqual(["no-dynamic-flag-key src/b.ts:9:1", "no-stale-flag src/a.ts:3:8"]);
    expect(found.ticketOnlyCli).toEqual(["beta"]);
  });

  it("leaves out the files ESLint did not lint, and counts the CLI's findings there", () => {
    const found = compareFindings(cliDocument([stale], references), eslintResults({ "src/b.ts": [] }), dir);
    expect(found).toMatchObject({ linted: 1, same: 0, onlyCli: [], onlyEslint: [], notLinted: 1 });
  });
});
