// GitLab Code Quality: a JSON array of issues (the Code Climate subset GitLab reads), one per finding.
// Paths are from the repository root, where GitLab looks for them; fingerprints are SARIF's, stable
// across line moves and day counts, so a merge request shows what it added and what it fixed.
import type { Finding, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";
import { fingerprintsOf } from "./sarif.js";

export interface CodeQualityIssue {
  type: "issue";
  check_name: string;
  description: string;
  categories: string[];
  /** GitLab's scale: info, minor, major, critical, blocker. */
  severity: "major" | "minor";
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(result: ProjectResult, options: FormatOptions): string {
  const root = options.root ?? options.cwd;
  const fingerprints = fingerprintsOf(result.findings, root);
  const issues = result.findings.map((finding, index) => issue(finding, fingerprints[index]!, root));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function issue(finding: Finding, fingerprint: string, root: string): CodeQualityIssue {
  const begin = Math.max(1, finding.line);
  return {
    type: "issue",
    check_name: `flaglint/${finding.rule}`,
    description: finding.message,
    categories: ["Bug Risk"],
    severity: finding.severity === "error" ? "major" : "minor",
    fingerprint,
    location: { path: relativePath(finding.file, root), lines: { begin, end: Math.max(begin, finding.endLine) } },
  };
}
