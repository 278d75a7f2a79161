// Where a finding points.
import type { FlagDefinition, Range, Registry } from "../types.js";

/** Where a finding points: a file and a range in it. */
export interface Site extends Range {
  file: string;
}

/** The site of anything detection located in `file` (a reference, a removal note). */
export function siteIn(file: string, range: Range): Site {
  return { file, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

/** The site of a flag's entry in the registry: its key, assumed written unquoted. */
export function entrySite(flag: FlagDefinition, registry: Registry): Site {
  const { line, column } = flag.position;
  return { file: registry.path, line, column, endLine: line, endColumn: column + flag.key.length };
}
