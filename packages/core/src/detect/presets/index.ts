// The built-in SDK presets `detect.sdks` names, one file per SDK (see docs/presets.md).
import { configcat } from "./configcat.js";
import { devcycle } from "./devcycle.js";
import { flagsmith } from "./flagsmith.js";
import { growthbook } from "./growthbook.js";
import { launchdarkly } from "./launchdarkly.js";
import { openfeature } from "./openfeature.js";
import { posthog } from "./posthog.js";
import { split } from "./split.js";
import { statsig } from "./statsig.js";
import type { SdkPreset } from "./types.js";
import { unleash } from "./unleash.js";

export type { Evaluation, SdkPackage, SdkPreset, ValueKind } from "./types.js";

export const SDK_PRESETS: readonly SdkPreset[] = Object.freeze([
  openfeature,
  launchdarkly,
  unleash,
  growthbook,
  flagsmith,
  posthog,
  statsig,
  configcat,
  split,
  devcycle,
]);

const BY_NAME = new Map(SDK_PRESETS.map((preset) => [preset.name, preset]));

/** The presets of `detect.sdks`, in its order; names no preset has are left out (the registry reports them). */
export function presetsNamed(names: readonly string[]): SdkPreset[] {
  const presets: SdkPreset[] = [];
  for (const name of names) {
    const preset = BY_NAME.get(name);
    if (preset !== undefined && !presets.includes(preset)) presets.push(preset);
  }
  return presets;
}
