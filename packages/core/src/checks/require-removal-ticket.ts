import type { Finding, FlagDefinition, Registry } from "../types.js";
import { createFinding, flagData, type Site } from "./finding.js";

/**
 * require-removal-ticket: an active flag of a type in `policy.requireTicket` with no `ticket`.
 * Reported at `site`: the registry entry (CLI) or each reference (ESLint). Retired and archived
 * flags are exempt: their work is done, no-stale-flag covers any check left.
 */
export function requireRemovalTicket(flag: FlagDefinition, site: Site, registry: Registry): Finding | undefined {
  if (flag.status !== "active" || flag.ticket || !registry.policy.requireTicket.includes(flag.type)) return undefined;
  return createFinding({
    rule: "require-removal-ticket",
    messageId: "missingTicket",
    data: flagData(flag, registry),
    site,
    flag: flag.key,
    registry: registry.path,
  });
}
