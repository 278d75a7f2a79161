// The public API of registry sources: read flag services and flag files into the registry.
export { REGISTRY_SOURCES } from "./catalog.js";
export { PullError } from "./errors.js";
export { createHttpClient, nodeTransport, type HttpClient, type HttpResponse, type HttpTransport } from "./http.js";
export type { PulledFlag, PullContext, RegistrySource, SourceOptions } from "./types.js";
export { mergePulledFlags, type MergeResult } from "./merge.js";
export { pullRegistry, EMPTY_REGISTRY, type PullRequest, type PullResult } from "./pull.js";
