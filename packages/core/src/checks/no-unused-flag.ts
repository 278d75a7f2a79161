import type { Finding, FlagDefinition } from "../types.js";
import type { RegistryCheckInput, Rule } from "./rule.js";
import { createFinding, entrySite, flagData } from "./finding.js";

/**
 * no-unused-flag (CLI only: it needs the whole project): an active registry flag that no code
 * checks, permanent or not. Archived flags are kept for history and retired ones are on their
 * way to archived, so neither is reported.
 */
export function noUnusedFlag(flag: FlagDefinition, references: number, input: RegistryCheckInput): Finding | undefined {
  if (flag.status !== "active" || references > 0) return undefined;
  return createFinding(noUnusedFlagRule, {
    messageId: "unusedFlag",
    data: flagData(flag, input.registry),
    site: entrySite(flag, input.registry),
    flag: flag.key,
    registry: input.registry.path,
  });
}

export const noUnusedFlagRule: Rule = {
  id: "no-unused-flag",
  severity: "warn",
  description: "Report active registry flags that no code checks.",
  cliOnly: true,
  messages: {
    unusedFlag:
      '{{kind}} toggle "{{flag}}" is not checked anywhere in the code; {{owner}}. Remove its entry from {{registryName}}, or mark it archived.',
  },
  entry: noUnusedFlag,
};
