import type { Finding, FlagReference } from "../types.js";
import type { FileCheckInput, Rule } from "./rule.js";
import { createFinding, siteIn } from "./finding.js";
import { isDynamic } from "./known-flag.js";

const MAX_KEY_TEXT = 60;

/** no-dynamic-flag-key: a check whose key cannot be resolved statically. */
export function noDynamicFlagKey(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  if (!isDynamic(reference)) return undefined;
  return createFinding(noDynamicFlagKeyRule, {
    messageId: "dynamicKey",
    data: { keyText: shortKeyText(reference.keyText) },
    site: siteIn(input.file, reference),
    flag: null,
    registry: input.registry.path,
  });
}

// A key expression can span lines (a long template literal, a call): keep the message on one line.
function shortKeyText(keyText: string): string {
  const oneLine = keyText.replace(/\s+/g, " ").trim();
  return oneLine.length <= MAX_KEY_TEXT ? oneLine : `${oneLine.slice(0, MAX_KEY_TEXT - 1)}…`;
}

export const noDynamicFlagKeyRule: Rule = {
  id: "no-dynamic-flag-key",
  severity: "warn",
  description: "Warn about flag checks whose key cannot be resolved statically.",
  cliOnly: false,
  messages: {
    dynamicKey:
      "Cannot tell which flag this checks: the key {{keyText}} is not a literal or a known constant. Use a string literal or a constant so flaglint can check it.",
  },
  reference: noDynamicFlagKey,
};
