// The cleanup codemod: remove a dead flag's checks, simplify what follows, archive its entry.
export { parseFlagValue, type FlagValue } from "./value.js";
export { cleanupSource, type CleanupSourceOptions, type FlagSite, type ManualSpot, type SourceCleanup } from "./engine.js";
export { cleanupOneCheck, isBooleanCheck, type TextEdit } from "./single-check.js";
export { archiveFlagInRegistry, type ArchivedStatus } from "./registry.js";
export {
  cleanupProject,
  type CleanupFileSystem,
  type CleanupOptions,
  type CleanupResult,
  type CleanupSpot,
  type FileChange,
  type RegistryChange,
} from "./project.js";
export { cleanupPatches, type FlagPatchEntry, type PatchOptions, type PatchRefusal, type PatchSet } from "./patches.js";
