import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, fitComment } from "./comment-limit.js";
import { options, projectResult } from "./fixture.js";
import { REPORT_FORMATS } from "./index.js";

describe("fitComment", () => {
  it("leaves a report that fits alone", () => {
    expect(fitComment("# Report\n\n| a |\n")).toBe("# Report\n\n| a |\n");
  });

  it("cuts a longer report at a line and says how much was left out, within the limit", () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `| flag_${index} | overdue | @team |`);
    const markdown = ["# Flags", "", "| key | state | owner |", "| --- | --- | --- |", ...rows, ""].join("\n");
    const fitted = fitComment(markdown);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const body = fitted.slice(0, fitted.indexOf("\n\n> **Cut short:**"));
    expect(markdown.startsWith(body)).toBe(true);
    const left = markdown.split("\n").length - body.split("\n").length;
    expect(fitted).toMatch(new RegExp(`> \\*\\*Cut short:\\*\\* ${left} more lines of this report did not fit in a 65,536-character comment\\.`));
  });

  it("is what report --format markdown writes", () => {
    const huge = projectResult();
    huge.flags = Array.from({ length: 3000 }, (_, index) => ({ ...huge.flags[0]!, key: `flag_number_${index}_with_a_long_name` }));
    const text = REPORT_FORMATS.markdown!(huge, options());
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text).toContain("**Cut short:**");
  });
});
