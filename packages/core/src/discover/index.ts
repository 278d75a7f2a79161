// Zero configuration: discover how a code base checks its flags, and write the registry for it.
export { discoverProject, type DiscoverOptions, type Discovered, type DiscoveredKeySet, type Discovery } from "./discover.js";
export { MAX_KEY_SET_MEMBERS, type KeySetKind } from "./key-sets.js";
export { planInit, type InitOptions, type InitPlan, type InitSummary } from "./init.js";
export { renderRegistry, type DetectEntry, type StarterFlag, type StarterRegistry } from "./registry-text.js";
export { inferFlagType, type InferredType } from "./flag-type.js";
export { updateRegistryText, GONE_NOTE, type UpdateResult } from "./update.js";
