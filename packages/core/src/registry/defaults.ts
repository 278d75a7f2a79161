// File names, preset names and defaults of the registry format (SPEC §2).
import { SDK_PRESETS } from "../detect/presets/index.js";
import type { DetectConfig, FlagType, Policy } from "../types.js";

/** Looked for in each directory, in this order of preference. */
export const REGISTRY_FILE_NAMES: readonly string[] = Object.freeze(["feature-flags.yaml", "feature-flags.yml", "feature-flags.json"]);

/** The built-in SDK presets `detect.sdks` may name: those of detect/presets/index.ts, in its order. */
export const SDK_PRESET_NAMES: readonly string[] = Object.freeze(SDK_PRESETS.map((preset) => preset.name));

/** Other names for the four toggle types, as other tools and teams say them. */
export const FLAG_TYPE_ALIASES: Readonly<Record<string, FlagType>> = Object.freeze({ operational: "ops", "kill-switch": "ops" });

export const DEFAULT_POLICY: Policy = deepFreeze({
  lifetimeDays: { release: 42, experiment: 90, ops: null, permission: null },
  warnDays: 14,
  requireTicket: ["release", "experiment"],
});

/**
 * Without `detect.sdks` every preset is on: each matches only calls through its own
 * packages, so a project that never imports an SDK pays nothing and a new one works at once.
 */
export const DEFAULT_DETECT: DetectConfig = deepFreeze({
  sdks: [...SDK_PRESET_NAMES],
  calls: [],
  objects: [],
  constants: [],
  properties: [],
});

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
