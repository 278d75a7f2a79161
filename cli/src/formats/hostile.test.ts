// Every string a registry or a code base controls — flag key, owner, description, ticket, file
// path, and the messages built from them — stays inert in each of the four formats that a browser,
// a Markdown renderer, a code-scanning UI or the Actions runner interprets.
import { describe, expect, it } from "vitest";
import type { ProjectResult } from "@flaglint/core";
import { escapeHtml } from "./escape.js";
import { CWD, finding, flag, options } from "./fixture.js";
import { formatGithub } from "./github.js";
import { formatHtmlReport } from "./report-html.js";
import { formatMarkdownReport } from "./report-markdown.js";
import { formatSarif } from "./sarif.js";
import { expectInertHtml, expectInertMarkdown, expectInertSarif, parseAnnotations, sarifLocations } from "../../../test/helpers/inert.js";

const HOSTILE = {
  "<script>": "<script>alert(1)</script>",
  '"><img onerror=…>': '"><img src=x onerror=alert(1)>',
  backticks: "`rm -rf /` ``x``",
  pipes: "a|b||c",
  newlines: "one\ntwo\r\nthree\rfour\u2028five",
  "javascript: URLs": "javascript:alert(document.cookie)",
} as const;

/** A run where the hostile text is in every string a registry or code controls. */
function resultWith(text: string): ProjectResult {
  const registry = `${CWD}/feature-flags.yaml`;
  const file = `src/${text} dir/${text}.ts`;
  const message = `Release toggle "${text}" was due on 2026-01-01; owner ${text}, ticket ${text}. ${text}`;
  return {
    cwd: CWD,
    now: "2026-11-26",
    registries: [registry],
    findings: [
      finding({ rule: "no-stale-flag", severity: "error", flag: text, file, range: [3, 7, 3, 20], message }),
      finding({ rule: "no-unknown-flag", severity: "warn", flag: text, file: `${text}.ts`, range: [1, 1, 2, 4], message }),
    ],
    references: [],
    flags: [
      flag({
        key: text, type: "release", owner: text, created: "2026-01-01", removeBy: "2026-02-01", ticket: text,
        description: text, status: "active", state: "overdue", daysLeft: -298, checkedAt: [[file, 3, 7]], registry,
      }),
      flag({
        key: `${text}-2`, type: "experiment", owner: text, ticket: `https://tracker.example/${text}`, description: text,
        state: "ok", daysLeft: 20, checkedAt: [[`${text}.ts`, 1, 1]], registry,
      }),
      flag({ key: `${text}-3`, known: false, state: "unknown", daysLeft: null, checkedAt: [[file, 9, 1]] }),
    ],
    summary: { files: 2, parsed: 2, references: 3, errors: 1, warnings: 1 },
  };
}

describe.each(Object.entries(HOSTILE))("%s in every registry and code string", (_name, text) => {
  const result = resultWith(text);

  it("HTML report: shown as text, no script but the page's own, no handler, no link but http(s)", () => {
    const html = formatHtmlReport(result, options());
    expectInertHtml(html);
    expect(html).toContain(escapeHtml(text));
  });

  it("Markdown report: no HTML of its own, no code span, no link but http(s), table cells and lines kept", () => {
    expectInertMarkdown(formatMarkdownReport(result, options()), ["two", "three", "four", "five"]);
  });

  it("SARIF: valid JSON, messages kept as plain text, file URIs percent-encoded and never a scheme", () => {
    const sarif = formatSarif(result, options());
    expectInertSarif(sarif);
    const locations = sarifLocations(sarif);
    expect(locations.map(({ message }) => message.text)).toEqual(result.findings.map((entry) => entry.message));
    expect(locations.map(({ uri }) => decodeURIComponent(uri))).toEqual([`src/${text} dir/${text}.ts`, `${text}.ts`]);
  });

  it("GitHub annotations: one workflow command per finding, its properties and message escaped", () => {
    const annotations = parseAnnotations(formatGithub(result, options()));
    expect(annotations).toEqual([
      { command: "error", file: `src/${text} dir/${text}.ts`, message: result.findings[0]!.message },
      { command: "warning", file: `${text}.ts`, message: result.findings[1]!.message },
    ]);
  });
});
