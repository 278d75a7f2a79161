import { describe, expect, it } from "vitest";
import type { Finding, RuleId } from "../types.js";
import { applyDirectives } from "./directives.js";
import { directive } from "./__fixtures__/build.js";

function finding(line: number, rule: RuleId = "no-stale-flag"): Finding {
  return {
    rule,
    severity: "error",
    flag: "f",
    file: "/repo/src/a.ts",
    line,
    column: 1,
    endLine: line,
    endColumn: 4,
    messageId: "m",
    data: {},
    message: "m",
  };
}

const lines = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.rule}`);

describe("applyDirectives", () => {
  const findings = [finding(4), finding(5), finding(5, "flag-expiring-soon"), finding(6), finding(9)];

  it("keeps everything without directives", () => {
    expect(applyDirectives(findings, [])).toEqual(findings);
  });

  it("eslint-disable-next-line silences the next line, for the named rule", () => {
    const kept = applyDirectives(findings, [directive("disable-next-line", 4, ["no-stale-flag"])]);
    expect(lines(kept)).toEqual(["4:no-stale-flag", "5:flag-expiring-soon", "6:no-stale-flag", "9:no-stale-flag"]);
  });

  it("eslint-disable-line silences its own line, every rule when none is named", () => {
    const kept = applyDirectives(findings, [directive("disable-line", 5)]);
    expect(lines(kept)).toEqual(["4:no-stale-flag", "6:no-stale-flag", "9:no-stale-flag"]);
  });

  it("eslint-disable … eslint-enable silences the lines between", () => {
    const kept = applyDirectives(findings, [directive("disable", 5, ["no-stale-flag"]), directive("enable", 8, ["no-stale-flag"])]);
    expect(lines(kept)).toEqual(["4:no-stale-flag", "5:flag-expiring-soon", "9:no-stale-flag"]);
  });

  it("eslint-disable without enable runs to the end of the file", () => {
    expect(lines(applyDirectives(findings, [directive("disable", 6)]))).toEqual([
      "4:no-stale-flag",
      "5:no-stale-flag",
      "5:flag-expiring-soon",
    ]);
  });

  it("eslint-enable of one rule lifts only that rule from a disable-all block", () => {
    const kept = applyDirectives(
      [finding(6), finding(6, "flag-expiring-soon"), finding(9), finding(9, "flag-expiring-soon")],
      [directive("disable", 5), directive("enable", 7, ["flag-expiring-soon"])],
    );
    expect(lines(kept)).toEqual(["9:flag-expiring-soon"]);
  });

  it("takes a finding on the enable line to precede the comment", () => {
    const kept = applyDirectives([finding(7), finding(8)], [directive("disable", 5), directive("enable", 7)]);
    expect(lines(kept)).toEqual(["8:no-stale-flag"]);
  });

  it("ignores directives for other rules and tolerates the flaglint/ prefix", () => {
    expect(lines(applyDirectives([finding(5)], [directive("disable-line", 5, ["no-unknown-flag"])]))).toEqual([
      "5:no-stale-flag",
    ]);
    expect(applyDirectives([finding(5)], [directive("disable-line", 5, ["flaglint/no-stale-flag"])])).toEqual([]);
  });

  it("never silences a parse error", () => {
    const parseError = finding(1, "parse-error");
    expect(applyDirectives([parseError], [directive("disable", 1)])).toEqual([parseError]);
  });
});
