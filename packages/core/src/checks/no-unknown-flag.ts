// no-unknown-flag: a checked key that the registry does not list, with the nearest key as suggestion.
import type { Finding, FlagReference } from "../types.js";
import { createFinding, siteIn, unknownKeyData } from "./finding.js";
import { isDynamic } from "./known-flag.js";
import type { FileCheckInput, Rule, Suggestion } from "./rule.js";

/** no-unknown-flag: a checked key that the registry does not list, with the nearest key as suggestion. */
export function noUnknownFlag(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry } = input;
  if (isDynamic(reference) || reference.flag === null || registry.flags.has(reference.flag)) return undefined;
  const { data, suggestion } = unknownKeyData(reference.flag, registry);
  return createFinding(noUnknownFlagRule, {
    messageId: suggestion === undefined ? "unknownFlag" : "unknownFlagSuggestion",
    data,
    site: siteIn(input.file, reference),
    flag: reference.flag,
    registry: registry.path,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}

export const noUnknownFlagRule: Rule = {
  id: "no-unknown-flag",
  severity: "error",
  description: "Disallow checks of flags that the registry does not list.",
  cliOnly: false,
  messages: {
    unknownFlag: 'Unknown flag "{{flag}}": not in {{registryName}}. Add it there, or fix the key.',
    unknownFlagSuggestion: 'Unknown flag "{{flag}}": not in {{registryName}}. Did you mean "{{suggestion}}"?',
  },
  eslintMessages: { replaceWithNearestKey: 'Replace with "{{suggestion}}".' },
  reference: noUnknownFlag,
  suggest: nearestKeySuggestion,
};

const QUOTES = new Set(['"', "'", "`"]);

/**
 * Replace a misspelt key with the nearest registry key, in the literal's own quotes. Only for a
 * key written as a plain string literal: a constant, an enum member or a property name is
 * declared elsewhere, and renaming it here would not fix the declaration.
 */
export function nearestKeySuggestion(finding: Finding, references: readonly FlagReference[]): Suggestion | undefined {
  const nearest = finding.suggestion;
  if (nearest === undefined) return undefined;
  const reference = references.find(
    (candidate) => candidate.line === finding.line && candidate.column === finding.column && candidate.flag === finding.flag,
  );
  if (reference === undefined || reference.kind === "constant" || reference.kind === "mention") return undefined;
  const { keyText } = reference;
  const quote = keyText[0] ?? "";
  if (keyText.length < 2 || !QUOTES.has(quote) || !keyText.endsWith(quote)) return undefined;
  // The literal must be the key itself: `flags["newCheckout"]()` names a function that stands for a key.
  if (keyText.slice(1, -1) !== reference.flag) return undefined;
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
