// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import { createHash } from "node:crypto";
import type { Finding, ProjectResult, RuleId, Severity } from "@flaglint/core";
import type { FormatOptions, RuleInfo } from "./options.js";
import { relativePath } from "./paths.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://github.com/flaglint/flaglint";

export function ruleHelpUri(id: RuleId): string {
  return `${INFORMATION_URI}/blob/main/rules/docs/${id}.md`;
}

export function formatSarif(result: ProjectResult, options: FormatOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const root = options.root ?? options.cwd;
  const fingerprints = fingerprintsOf(result.findings, root);
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "flaglint",
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: options.rules.map(ruleDescriptor),
          },
        },
        // Columns come from the TypeScript compiler, which counts UTF-16 code units.
        columnKind: "utf16CodeUnits",
        results: result.findings.map((finding, index) =>
          sarifResult(finding, ruleIndex.get(finding.rule), fingerprints[index]!, root),
        ),
        ...invocations(result.findings, root),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleInfo) {
  const helpUri = ruleHelpUri(rule.id);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri,
    help: { text: `${rule.description}\n\nSee ${helpUri}`, markdown: `${rule.description}\n\n[Rule documentation](${helpUri})` },
    defaultConfiguration: { level: level(rule.severity) },
    properties: { tags: ["feature-flags"] },
  };
}

function sarifResult(finding: Finding, ruleIndex: number | undefined, fingerprint: string, cwd: string) {
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(relativePath(finding.file, cwd)), uriBaseId: "%SRCROOT%" },
          region: region(finding),
        },
      },
    ],
    partialFingerprints: { "flaglint/v1": fingerprint },
  };
}

/**
 * A broken registry stops the run: the invocation says it failed, with a notification at the
 * registry's line, so code scanning shows why and not only that the upload had nothing in it.
 */
function invocations(findings: readonly Finding[], root: string) {
  const broken = findings.filter((finding) => finding.rule === "invalid-registry");
  if (broken.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: false,
        toolExecutionNotifications: broken.map((finding) => ({
          level: "error",
          message: { text: finding.message },
          descriptor: { id: finding.rule },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(relativePath(finding.file, root)), uriBaseId: "%SRCROOT%" },
                region: region(finding),
              },
            },
          ],
        })),
      },
    ],
  };
}

function level(severity: Severity): "error" | "warning" {
  return severity === "error" ? "error" : "warning";
}

// SARIF regions are 1-based with an exclusive end column, like ours; clamp so a
// finding without a real position (a registry that does not parse) still validates.
function region(finding: Finding) {
  const startLine = Math.max(1, finding.line);
  const startColumn = Math.max(1, finding.column);
  const endLine = Math.max(startLine, finding.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, finding.endColumn) : Math.max(1, finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/** A relative URI reference: each path segment percent-encoded, but "@" kept so scoped package folders read as they are. */
export function fileUri(relative: string): string {
  return relative
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, "@"))
    .join("/");
}

/**
 * Code scanning matches alerts across runs by fingerprint. Line numbers move and messages
 * count days, so the fingerprint is rule + file + flag + the n-th such finding in the file.
 */
export function fingerprintsOf(findings: readonly Finding[], cwd: string): string[] {
  const identity = (finding: Finding) =>
    [finding.rule, relativePath(finding.file, cwd), finding.flag ?? ""].join("\0");
  const inFileOrder = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column || a.index - b.index);
  const seen = new Map<string, number>();
  const fingerprints: string[] = [];
  for (const { finding, index } of inFileOrder) {
    const key = identity(finding);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    fingerprints[index] = createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
  }
  return fingerprints;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
