// The editor suggestion of no-unknown-flag: replace a misspelt key with the nearest registry key.
import type { Finding, FlagReference } from "@flaglint/core";

export interface PreparedSuggestion {
  messageId: string;
  data: Record<string, string>;
  /** Offsets in the file's text, and what replaces them. */
  range: [number, number];
  text: string;
}

const QUOTES = new Set(['"', "'", "`"]);

/**
 * Replace a misspelt key with the nearest registry key, in the literal's own quotes. Only for a
 * key written as a plain string literal: a constant, an enum member or a property name is
 * declared elsewhere, and renaming it here would not fix the declaration.
 */
export function nearestKeySuggestion(finding: Finding, references: readonly FlagReference[]): PreparedSuggestion | undefined {
  const nearest = finding.suggestion;
  if (nearest === undefined) return undefined;
  const reference = references.find(
    (candidate) => candidate.line === finding.line && candidate.column === finding.column && candidate.flag === finding.flag,
  );
  if (reference === undefined || reference.kind === "constant") return undefined;
  const { keyText } = reference;
  const quote = keyText[0] ?? "";
  if (keyText.length < 2 || !QUOTES.has(quote) || !keyText.endsWith(quote)) return undefined;
  // Escapes would need the literal's own rules (JSX attributes have none): leave such keys alone.
  if (needsEscaping(keyText.slice(1, -1), quote) || needsEscaping(nearest, quote)) return undefined;
  return {
    messageId: "replaceWithNearestKey",
    data: { suggestion: nearest },
    range: [reference.start, reference.end],
    text: `${quote}${nearest}${quote}`,
  };
}

function needsEscaping(text: string, quote: string): boolean {
  return text.includes(quote) || text.includes("\\") || /[\r\n]/.test(text) || (quote === "`" && text.includes("${"));
}
