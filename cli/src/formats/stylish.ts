// ESLint's default look: findings grouped by file, `line:col  severity  message  rule`, a summary line.
import type { Finding, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";

const codes = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4, green: 32 } as const;
type Style = keyof typeof codes;

export function formatStylish(result: ProjectResult, options: FormatOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${codes[style]}m${text}\u001b[0m` : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    const registry = result.registries.length > 1 ? findings[0]!.registry : undefined;
    // In a monorepo the header says which package's registry judged the file.
    const judgedBy = registry !== undefined && registry !== file ? `  ${paint("dim", `(feature-flags: ${printable(relativePath(registry, options.cwd))})`)}` : "";
    lines.push("", paint("underline", printable(relativePath(file, options.cwd))) + judgedBy);
    const rows = findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      finding.severity === "error" ? "error" : "warning",
      printable(finding.message.replace(/\s*\n\s*/g, " ")),
      finding.rule,
    ]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const [position, severity, message, rule] of rows) {
      lines.push(
        `  ${paint("dim", position!.padEnd(widths[0]!))}  ` +
          `${paint(severity === "error" ? "red" : "yellow", severity!.padEnd(widths[1]!))}  ` +
          `${message}  ${paint("dim", rule!)}`,
      );
    }
  }

  const { errors, warnings } = result.summary;
  const total = errors + warnings;
  if (total === 0) return "";
  lines.push(
    "",
    paint(errors > 0 ? "red" : "yellow", paint("bold",
      `✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`)),
    "",
  );
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * File names and registry strings reach a terminal: control characters (escape sequences that
 * could recolour, move the cursor or retitle the window) are shown as `\u{1b}` instead.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}
