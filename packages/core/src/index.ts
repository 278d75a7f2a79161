// The public API of @flaglint/core.
export * from "./types.js";
export * from "./clock.js";
export * from "./registry/index.js";
export * from "./detect/index.js";
export * from "./checks/index.js";
export * from "./project/files.js";
export * from "./project/analyze.js";
export * from "./project/git.js";
export * from "./project/codeowners.js";
export * from "./project/history.js";
export { projectConstants, ProjectConstants, type ProjectConstantsOptions } from "./project/constants.js";
export * from "./cleanup/index.js";
export * from "./project/invalid-result.js";
export * from "./suppressions/suppressions.js";
export * from "./project/explain.js";
export * from "./discover/index.js";
export { parseShard, readShardResult, shardFiles, type ShardResult } from "./project/shards.js";
export { CACHE_FILE_NAME, type CacheOptions, type CacheStrategy } from "./project/file-cache.js";
