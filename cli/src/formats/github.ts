// GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding.
import type { Finding, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";

export function formatGithub(result: ProjectResult, options: FormatOptions): string {
  return result.findings.map((finding) => `${annotation(finding, options.root ?? options.cwd)}\n`).join("");
}

function annotation(finding: Finding, cwd: string): string {
  const command = finding.severity === "error" ? "error" : "warning";
  const properties: Array<[string, string | number]> = [
    ["file", relativePath(finding.file, cwd)],
    ["line", finding.line],
  ];
  // GitHub refuses column properties on an annotation that spans several lines.
  if (finding.endLine === finding.line) properties.push(["col", finding.column]);
  properties.push(["endLine", finding.endLine]);
  if (finding.endLine === finding.line) properties.push(["endColumn", finding.endColumn]);
  properties.push(["title", `flaglint/${finding.rule}`]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
  return `::${command} ${list}::${escapeData(finding.message)}`;
}

/** As @actions/core escapes a command's message: the runner reads one line per command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** As @actions/core escapes a property value: also ":" and ",", which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
