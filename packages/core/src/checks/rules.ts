// The rule list: every rule of flaglint, in SPEC §4's order. Adding a rule is a module beside this
// file plus one line here (and its id in types.ts); the CLI, the ESLint plugin and its configs,
// SARIF's rule metadata and the README's rules table are all derived from this list.
import type { RuleId } from "../types.js";
import { flagExpiringSoonRule } from "./flag-expiring-soon.js";
import { invalidRegistryRule } from "./invalid-registry.js";
import { noDynamicFlagKeyRule } from "./no-dynamic-flag-key.js";
import { noExpiredTodoRule } from "./no-expired-todo.js";
import { noStaleFlagRule } from "./no-stale-flag.js";
import { noUnknownFlagRule } from "./no-unknown-flag.js";
import { noUnknownTodoFlagRule } from "./no-unknown-todo-flag.js";
import { noUnusedFlagRule } from "./no-unused-flag.js";
import { parseErrorRule } from "./parse-error.js";
import { requireFlagContextRule } from "./require-flag-context.js";
import { requireRemovalTicketRule } from "./require-removal-ticket.js";
import type { Rule } from "./rule.js";

export type { RuleMeta } from "./rule.js";
export { renderMessage } from "./finding.js";

export const RULE_LIST: readonly Rule[] = [
  noUnknownFlagRule,
  noStaleFlagRule,
  flagExpiringSoonRule,
  requireRemovalTicketRule,
  noExpiredTodoRule,
  noUnknownTodoFlagRule,
  noDynamicFlagKeyRule,
  requireFlagContextRule,
  noUnusedFlagRule,
  invalidRegistryRule,
  parseErrorRule,
];

/** Every rule by id. */
export const RULES = Object.fromEntries(RULE_LIST.map((rule) => [rule.id, rule])) as Record<RuleId, Rule>;
