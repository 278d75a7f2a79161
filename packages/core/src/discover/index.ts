// Zero configuration: discover how a code base checks its flags, and write the registry for it.
export { discoverProject, type DiscoverOptions, type Discovered, type DiscoveredKeySet, type Discovery } from "./discover.js";
export { MAX_KEY_SET_MEMBERS, type KeySetKind } from "./key-sets.js";
