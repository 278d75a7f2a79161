// Every registry source by name: `registry pull --from <name>` and the registry's `sources:` list.
import type { RegistrySourceName } from "../../types.js";
import { flagd } from "./flagd.js";
import { flagsmith } from "./flagsmith.js";
import { gitlab } from "./gitlab.js";
import { growthbook } from "./growthbook.js";
import { launchdarkly } from "./launchdarkly.js";
import { openfeature } from "./openfeature.js";
import { posthog } from "./posthog.js";
import type { RegistrySource } from "./types.js";
import { unleash } from "./unleash.js";

export const REGISTRY_SOURCES: Readonly<Record<RegistrySourceName, RegistrySource>> = Object.freeze({
  launchdarkly,
  unleash,
  growthbook,
  flagsmith,
  posthog,
  openfeature,
  flagd,
  gitlab,
});
