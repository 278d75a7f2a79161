import type { Finding, FlagReference } from "../types.js";
import type { FileCheckInput } from "./check-file.js";
import { createFinding, flagData, relativeDays, siteIn } from "./finding.js";
import { dateStanding } from "./flag-state.js";
import { knownFlag } from "./known-flag.js";

/**
 * no-stale-flag: a check of a retired or archived flag, or of a temporary flag past its deadline
 * (from the day after the deadline: the deadline day itself is flag-expiring-soon's "today").
 */
export function noStaleFlag(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry, now } = input;
  const flag = knownFlag(reference, registry);
  if (flag === undefined) return undefined;
  const report = (messageId: string, data: Record<string, string | number>) =>
    createFinding({
      rule: "no-stale-flag",
      messageId,
      data: { ...flagData(flag, registry), ...data },
      site: siteIn(input.file, reference),
      flag: flag.key,
      registry: registry.path,
    });
  if (flag.status !== "active") return report(flag.status, {});
  const standing = dateStanding(flag, registry.policy, now);
  if (standing.state !== "overdue" || standing.deadline === undefined || standing.daysLeft === null) return undefined;
  return report("overdue", {
    deadline: standing.deadline,
    days: -standing.daysLeft,
    when: relativeDays(standing.daysLeft),
  });
}
