import type { Finding, FlagReference } from "../types.js";
import type { FileCheckInput, Rule } from "./rule.js";
import { createFinding, flagData, relativeDays, siteIn } from "./finding.js";
import { dateStanding } from "./flag-state.js";
import { knownFlag } from "./known-flag.js";

/**
 * flag-expiring-soon: a check of an active temporary flag whose deadline is at most `warnDays`
 * away, the deadline day itself included ("today"); from the next day on it is no-stale-flag's.
 */
export function flagExpiringSoon(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry, now } = input;
  const flag = knownFlag(reference, registry);
  if (flag === undefined || flag.status !== "active") return undefined;
  const standing = dateStanding(flag, registry.policy, now);
  if (standing.state !== "due-soon" || standing.deadline === undefined || standing.daysLeft === null) return undefined;
  return createFinding(flagExpiringSoonRule, {
    messageId: "dueSoon",
    data: {
      ...flagData(flag, registry),
      deadline: standing.deadline,
      days: standing.daysLeft,
      when: relativeDays(standing.daysLeft),
    },
    site: siteIn(input.file, reference),
    flag: flag.key,
    registry: registry.path,
  });
}

export const flagExpiringSoonRule: Rule = {
  id: "flag-expiring-soon",
  severity: "warn",
  description: "Warn about checks of temporary flags whose removal date is near.",
  cliOnly: false,
  messages: {
    dueSoon:
      '{{kind}} toggle "{{flag}}" is due for removal on {{deadline}} ({{when}}); {{owner}}, {{ticket}}. Plan its removal.',
  },
  reference: flagExpiringSoon,
};
