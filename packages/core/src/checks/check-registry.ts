// The rules reported at registry entries: they need the whole project's references.
import type { Finding, FlagReference } from "../types.js";
import { byPosition } from "./check-file.js";
import { entrySite } from "./finding.js";
import type { RegistryCheckInput } from "./rule.js";
import { RULE_LIST } from "./rules.js";

export type { RegistryCheckInput } from "./rule.js";

const ENTRY_RULES = RULE_LIST.filter((rule) => rule.flag !== undefined || rule.entry !== undefined);

/**
 * The per-flag rules (require-removal-ticket) and the whole-project ones (no-unused-flag) at each
 * registry entry (the CLI's view), in the registry's file at the entry's key.
 */
export function checkRegistry(input: RegistryCheckInput): Finding[] {
  const { registry } = input;
  const counts = referenceCounts(input.references);
  const findings: Array<Finding | undefined> = [];
  for (const flag of registry.flags.values()) {
    for (const rule of ENTRY_RULES) {
      findings.push(rule.flag?.(flag, entrySite(flag, registry), registry));
      findings.push(rule.entry?.(flag, counts.get(flag.key) ?? 0, input));
    }
  }
  return findings.filter((finding) => finding !== undefined).sort(byPosition);
}

/** How many references check each flag key (dynamic references check none). */
export function referenceCounts(references: readonly FlagReference[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reference of references) {
    if (reference.flag === null || reference.dynamic) continue;
    counts.set(reference.flag, (counts.get(reference.flag) ?? 0) + 1);
  }
  return counts;
}
