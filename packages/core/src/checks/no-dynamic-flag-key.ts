import type { Finding, FlagReference } from "../types.js";
import type { FileCheckInput } from "./check-file.js";
import { createFinding, siteIn } from "./finding.js";
import { isDynamic } from "./known-flag.js";

const MAX_KEY_TEXT = 60;

/** no-dynamic-flag-key: a check whose key cannot be resolved statically. */
export function noDynamicFlagKey(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  if (!isDynamic(reference)) return undefined;
  return createFinding({
    rule: "no-dynamic-flag-key",
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
