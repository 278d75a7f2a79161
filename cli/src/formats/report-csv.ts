// `report --format csv`: one row per flag for a spreadsheet, RFC 4180, in the report's order
// (overdue first). Text that a spreadsheet would run as a formula is defused.
import type { FlagSummary, ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";
import { STATE_ORDER } from "./report-model.js";

const COLUMNS = ["key", "state", "days_left", "type", "owner", "created", "remove_by", "ticket", "references", "registry", "description"] as const;

export function formatCsvReport(result: ProjectResult, options: FormatOptions): string {
  const flags = [...result.flags].sort(
    (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const rows = [COLUMNS.map(String), ...flags.map((flag) => row(flag, options))];
  return rows.map((cells) => cells.map(cell).join(",")).join("\r\n") + "\r\n";
}

function row(flag: FlagSummary, options: FormatOptions): string[] {
  return [
    text(flag.key),
    flag.state,
    flag.daysLeft === null ? "" : String(flag.daysLeft),
    flag.type ?? "",
    text(flag.owner ?? ""),
    flag.created ?? "",
    flag.removeBy ?? "",
    text(flag.ticket ?? ""),
    String(flag.references),
    flag.registry === undefined ? "" : text(relativePath(flag.registry, options.cwd)),
    text(flag.description ?? ""),
  ];
}

/**
 * Free text from the registry: a leading = + - (or tab, CR) makes a spreadsheet run it as a
 * formula (OWASP CSV injection); so does @ before a call, while an owner like @payments stays.
 */
function text(value: string): string {
  return /^[=+\-\t\r]|^@.*\(/s.test(value) ? `'${value}` : value;
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
