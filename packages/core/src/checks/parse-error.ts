import type { Finding, ParseFailure } from "../types.js";
import { createFinding } from "./finding.js";
import type { Rule } from "./rule.js";

/**
 * parse-error: a source file that does not parse, at its first syntax error, or that cannot be
 * read at all. The range is a point (endColumn = column): the parser gives a position, not an extent.
 */
export function parseErrorFinding(file: string, failure: ParseFailure): Finding {
  const { line, column } = failure;
  return createFinding(parseErrorRule, {
    messageId: failure.unreadable ? "cannotRead" : "parseError",
    data: { problem: failure.message },
    site: { file, line, column, endLine: line, endColumn: column },
    flag: null,
  });
}

/** Reported by the scan when a file does not parse; ESLint reports its own parsing errors. */
export const parseErrorRule: Rule = {
  id: "parse-error",
  severity: "error",
  description: "A source file that does not parse.",
  cliOnly: true,
  messages: {
    parseError: "Parsing error: {{problem}}",
    cannotRead: "Cannot read the file: {{problem}}. Nothing in it was checked.",
  },
};
