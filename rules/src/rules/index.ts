// Every ESLint rule of flaglint, by id: all of SPEC §4 but the CLI-only no-unused-flag and parse-error.
import type { FlaglintRule } from "../create-rule.js";
import type { EslintRuleId } from "../report.js";
import { flagExpiringSoon } from "./flag-expiring-soon.js";
import { invalidRegistry } from "./invalid-registry.js";
import { noDynamicFlagKey } from "./no-dynamic-flag-key.js";
import { noExpiredTodo } from "./no-expired-todo.js";
import { noStaleFlag } from "./no-stale-flag.js";
import { noUnknownFlag } from "./no-unknown-flag.js";
import { requireFlagContext } from "./require-flag-context.js";
import { requireRemovalTicket } from "./require-removal-ticket.js";

export const rules: Record<EslintRuleId, FlaglintRule> = {
  "no-unknown-flag": noUnknownFlag,
  "no-stale-flag": noStaleFlag,
  "flag-expiring-soon": flagExpiringSoon,
  "require-removal-ticket": requireRemovalTicket,
  "no-expired-todo": noExpiredTodo,
  "no-dynamic-flag-key": noDynamicFlagKey,
  "require-flag-context": requireFlagContext,
  "invalid-registry": invalidRegistry,
};
