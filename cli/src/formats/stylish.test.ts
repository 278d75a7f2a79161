import { describe, expect, it } from "vitest";
import { finding, options, projectResult } from "./fixture.js";
import { formatStylish, printable } from "./stylish.js";

describe("formatStylish", () => {
  it("groups findings by file with line:col, severity, message and rule, then a summary", () => {
    const result = projectResult();
    const output = formatStylish(result, options());
    const first = result.findings[0]!;
    expect(output).toContain(`  ${first.line}:${first.column}`);
    expect(output).toContain(first.rule);
    expect(output).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(output).not.toContain("\u001b[");
  });

  it("colours only when asked", () => {
    expect(formatStylish(projectResult(), options({ color: true }))).toContain("\u001b[31m");
  });

  it("shows terminal control characters from file names and messages as escapes", () => {
    const result = projectResult();
    const hostile = finding({
      rule: "no-unknown-flag",
      severity: "error",
      flag: "x",
      file: "src/\u001b]0;owned\u0007name.ts",
      range: [1, 1, 1, 2],
      message: "Unknown flag \"\u001b[2Jx\"",
    });
    const output = formatStylish({ ...result, findings: [hostile] }, options());
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(output).toContain("src/\\u{1b}]0;owned\\u{7}name.ts");
    expect(output).toContain('Unknown flag "\\u{1b}[2Jx"');
  });

  it("prints nothing for a clean result", () => {
    const result = projectResult();
    expect(formatStylish({ ...result, findings: [], summary: { ...result.summary, errors: 0, warnings: 0 } }, options())).toBe("");
  });
});

describe("printable", () => {
  it("keeps ordinary text, including non-ASCII", () => {
    expect(printable("dír with space/ünï.ts — ok")).toBe("dír with space/ünï.ts — ok");
  });
});
