// JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure, CircleCI): one test
// suite per file, one failing test case per finding, as ESLint's junit formatter writes them. A run
// without findings is one passing case, so the report is never empty.
import type { Finding, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";

export function formatJunit(result: ProjectResult, options: FormatOptions): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const file = relativePath(finding.file, options.cwd);
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  const suites =
    byFile.size === 0
      ? [suite("flaglint", [`    <testcase name="flaglint check" classname="flaglint" time="0"/>`], 0)]
      : [...byFile].map(([file, findings]) => suite(file, findings.map((finding) => testCase(file, finding)), findings.length));
  const failures = result.findings.length;
  const tests = Math.max(1, failures);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="flaglint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    `</testsuites>`,
    ``,
  ].join("\n");
}

function suite(name: string, cases: readonly string[], failures: number): string {
  const open = `  <testsuite name="${attribute(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`;
  return [open, ...cases, `  </testsuite>`].join("\n");
}

function testCase(file: string, finding: Finding): string {
  const label = finding.severity === "error" ? "Error" : "Warning";
  const name = `flaglint/${finding.rule}${finding.flag === null ? "" : ` ${finding.flag}`} (${finding.line}:${finding.column})`;
  const text = `${file}:${finding.line}:${finding.column}: ${label} - ${finding.message} (flaglint/${finding.rule})`;
  return [
    `    <testcase name="${attribute(name)}" classname="${attribute(file)}" time="0">`,
    `      <failure message="${attribute(finding.message)}" type="${finding.severity === "error" ? "error" : "warning"}">${xmlText(text)}</failure>`,
    `    </testcase>`,
  ].join("\n");
}

/** Text content: markup escaped, and characters XML 1.0 cannot hold at all dropped. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An attribute value: also quotes, and line breaks kept as references (a parser would fold them into spaces). */
function attribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
