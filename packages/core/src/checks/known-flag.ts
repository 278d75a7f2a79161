// Which registry entry a reference checks, if any.
import type { FlagDefinition, FlagReference, Registry } from "../types.js";

/** A reference whose key could not be resolved statically. */
export function isDynamic(reference: FlagReference): boolean {
  return reference.dynamic || reference.flag === null;
}

/** The registry entry the reference checks; `undefined` for a dynamic or unknown key. */
export function knownFlag(reference: FlagReference, registry: Registry): FlagDefinition | undefined {
  return isDynamic(reference) || reference.flag === null ? undefined : registry.flags.get(reference.flag);
}
