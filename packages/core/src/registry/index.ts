// The registry's public API: load, validate, discover and cache feature-flags.yaml.
export { REGISTRY_FILE_NAMES, SDK_PRESET_NAMES, FLAG_TYPE_ALIASES, DEFAULT_POLICY, DEFAULT_DETECT } from "./defaults.js";
export { RegistryError, formatProblem, type RegistryProblem } from "./problems.js";
export { parseRegistry, loadRegistry } from "./parse.js";
export { findRegistry, NearestRegistry, WatchedNearestRegistry } from "./find.js";
export { RegistryCache } from "./cache.js";
export { REGISTRY_SCHEMA_URL } from "./schema.js";
export * from "./sources/index.js";
