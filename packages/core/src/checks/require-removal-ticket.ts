import type { Finding, FlagDefinition, Registry } from "../types.js";
import { createFinding, flagData, type Site } from "./finding.js";
import type { Rule } from "./rule.js";

/**
 * require-removal-ticket: an active flag of a type in `policy.requireTicket` with no `ticket`.
 * Reported at `site`: the registry entry (CLI) or each reference (ESLint). Retired and archived
 * flags are exempt: their work is done, no-stale-flag covers any check left.
 */
export function requireRemovalTicket(flag: FlagDefinition, site: Site, registry: Registry): Finding | undefined {
  if (flag.status !== "active" || flag.ticket || !registry.policy.requireTicket.includes(flag.type)) return undefined;
  return createFinding(requireRemovalTicketRule, {
    messageId: "missingTicket",
    data: flagData(flag, registry),
    site,
    flag: flag.key,
    registry: registry.path,
  });
}

export const requireRemovalTicketRule: Rule = {
  id: "require-removal-ticket",
  severity: "error",
  description: "Require a removal ticket for flags of the types the policy lists (release and experiment by default).",
  cliOnly: false,
  messages: {
    missingTicket:
      '{{kind}} toggle "{{flag}}" has no removal ticket; {{owner}}. Add a ticket to its entry in {{registryName}}.',
  },
  flag: requireRemovalTicket,
};
