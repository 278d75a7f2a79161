import { describe, expect, it } from "vitest";
import { finding, hostileResult, options, projectResult } from "./fixture.js";
import { escapeData, escapeProperty, formatGithub } from "./github.js";

describe("formatGithub", () => {
  it("matches the snapshot", () => {
    expect(formatGithub(projectResult(), options())).toMatchSnapshot();
  });

  it("writes one workflow command per finding, ::error or ::warning by severity", () => {
    const lines = formatGithub(projectResult(), options()).trimEnd().split("\n");
    expect(lines).toHaveLength(projectResult().findings.length);
    expect(lines[0]).toBe(
      "::error file=src/pay.ts,line=12,col=7,endLine=12,endColumn=25,title=flaglint/no-stale-flag::" +
        'Release toggle "new_payment_flow" was due for removal on 2026-04-15 (225 days ago); owner @payments, ticket PAY-1234. Remove the check.',
    );
    expect(lines[2]).toMatch(/^::warning file=src\/checkout\/page\.tsx,line=3,col=14,endLine=3,endColumn=27,title=flaglint\/flag-expiring-soon::/);
  });

  it("leaves out columns on an annotation that spans lines, as GitHub requires", () => {
    const lines = formatGithub(projectResult(), options()).split("\n");
    expect(lines[3]).toMatch(/^::error file=src\/home\/banner\.tsx,line=18,endLine=19,title=flaglint\/no-expired-todo::/);
  });

  it("writes nothing when there is nothing to report", () => {
    expect(formatGithub({ ...projectResult(), findings: [] }, options())).toBe("");
  });

  it("escapes data and properties as the workflow-command format requires", () => {
    expect(escapeData("100%\r\ndone")).toBe("100%25%0D%0Adone");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    const result = { ...projectResult(), findings: [finding({ rule: "parse-error", severity: "error", flag: null, file: "src/a,b:c.ts", range: [1, 1, 1, 2], message: "50% off\nnext" })] };
    expect(formatGithub(result, options())).toBe("::error file=src/a%2Cb%3Ac.ts,line=1,col=1,endLine=1,endColumn=2,title=flaglint/parse-error::50%25 off%0Anext\n");
  });

  it("keeps every hostile annotation on one line", () => {
    const hostile = hostileResult();
    const lines = formatGithub(hostile, options()).trimEnd().split("\n");
    expect(lines).toHaveLength(hostile.findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,/);
    expect(lines[1]).toContain("file=src/new%0Aline%2Cx%3Ay.ts,");
  });
});
