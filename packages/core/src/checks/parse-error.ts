import type { Finding, ParseFailure } from "../types.js";
import { createFinding } from "./finding.js";

/**
 * parse-error: a source file that does not parse, at its first syntax error, or that cannot be
 * read at all. The range is a point (endColumn = column): the parser gives a position, not an extent.
 */
export function parseErrorFinding(file: string, failure: ParseFailure): Finding {
  const { line, column } = failure;
  return createFinding({
    rule: "parse-error",
    messageId: failure.unreadable ? "cannotRead" : "parseError",
    data: { problem: failure.message },
    site: { file, line, column, endLine: line, endColumn: column },
    flag: null,
  });
}
