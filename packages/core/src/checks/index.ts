// The policy checks: facts (registry, references, notes) + policy + today -> findings.
export { RULES, renderMessage, type RuleMeta } from "./rules.js";
export { deadline, flagState, dateStanding, isTemporary, type FlagStanding } from "./flag-state.js";
export { nearestKey } from "./nearest-key.js";
export { checkFile, byPosition, type FileCheckInput } from "./check-file.js";
export { checkRegistry, referenceCounts, type RegistryCheckInput } from "./check-registry.js";
export { applyDirectives } from "./directives.js";
export { createFinding, entrySite, siteIn, relativeDays, type Site, type FindingParts } from "./finding.js";
export { parseErrorFinding } from "./parse-error.js";
export { invalidRegistryFinding } from "./invalid-registry.js";
export { noUnknownFlag } from "./no-unknown-flag.js";
export { noStaleFlag } from "./no-stale-flag.js";
export { flagExpiringSoon } from "./flag-expiring-soon.js";
export { requireRemovalTicket } from "./require-removal-ticket.js";
export { noExpiredTodo } from "./no-expired-todo.js";
export { noDynamicFlagKey } from "./no-dynamic-flag-key.js";
export { requireFlagContext } from "./require-flag-context.js";
export { noUnusedFlag } from "./no-unused-flag.js";
export { applyEntryDirectives, applyRuleSettings, applyRegistryDirectives, isIgnoredByRegistry, unusedLineDirectives } from "./registry-config.js";
