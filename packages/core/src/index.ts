// The public API of @flaglint/core.
export * from "./types.js";
export * from "./clock.js";
export * from "./registry/index.js";
export * from "./detect/index.js";
export * from "./checks/index.js";
export * from "./project/files.js";
export * from "./project/analyze.js";
export * from "./project/git.js";
export * from "./cleanup/index.js";
export * from "./discover/index.js";
