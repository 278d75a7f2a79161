import type { Finding, FlagReference, FlagType } from "../types.js";
import type { FileCheckInput, Rule } from "./rule.js";
import { createFinding, flagData, siteIn } from "./finding.js";
import { knownFlag } from "./known-flag.js";

// Flags whose answer depends on who asks: without the user, every user gets the default.
const CONTEXTUAL_TYPES: readonly FlagType[] = ["experiment", "permission"];

/**
 * require-flag-context: an experiment or permission flag checked without an evaluation context,
 * only where the matcher knows the context argument (`context === false`, not `null`). Retired
 * and archived flags are left to no-stale-flag: their checks are to be removed, not fixed.
 */
export function requireFlagContext(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry } = input;
  const flag = knownFlag(reference, registry);
  if (flag === undefined || flag.status !== "active" || reference.context !== false) return undefined;
  if (!CONTEXTUAL_TYPES.includes(flag.type)) return undefined;
  return createFinding(requireFlagContextRule, {
    messageId: "missingContext",
    data: flagData(flag, registry),
    site: siteIn(input.file, reference),
    flag: flag.key,
    registry: registry.path,
  });
}

export const requireFlagContextRule: Rule = {
  id: "require-flag-context",
  severity: "warn",
  description: "Require an evaluation context when checking experiment and permission flags.",
  cliOnly: false,
  messages: {
    missingContext:
      '{{kind}} toggle "{{flag}}" is evaluated without a user context; {{owner}}. Pass the evaluation context so targeting works.',
  },
  reference: requireFlagContext,
};
