import type { Finding, FlagDefinition } from "../types.js";
import type { RegistryCheckInput } from "./check-registry.js";
import { createFinding, entrySite, flagData } from "./finding.js";

/**
 * no-unused-flag (CLI only: it needs the whole project): an active registry flag that no code
 * checks, permanent or not. Archived flags are kept for history and retired ones are on their
 * way to archived, so neither is reported.
 */
export function noUnusedFlag(flag: FlagDefinition, references: number, input: RegistryCheckInput): Finding | undefined {
  if (flag.status !== "active" || references > 0) return undefined;
  return createFinding({
    rule: "no-unused-flag",
    messageId: "unusedFlag",
    data: flagData(flag, input.registry),
    site: entrySite(flag, input.registry),
    flag: flag.key,
    registry: input.registry.path,
  });
}
