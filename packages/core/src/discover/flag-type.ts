// The toggle type a flag's name suggests: what `init` writes until someone confirms it.
import type { FlagType } from "../types.js";

export interface InferredType {
  type: FlagType;
  /** Why, for the generated comment: `"kill switch" in its name`. */
  reason?: string;
}

/** `newCheckout`, `new-checkout`, `NEW_CHECKOUT` -> new, checkout. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

const OPS = [["kill", "switch"], ["killswitch"], ["circuit", "breaker"], ["breaker"], ["maintenance", "mode"]];
const PERMISSION = [["plan"], ["plans"], ["entitlement"], ["entitlements"], ["permission"], ["permissions"], ["tier"], ["premium"], ["paid"], ["subscription"], ["license"], ["licensed"], ["commercial"]];

/** Kill switches and circuit breakers are ops toggles, plans and entitlements permission toggles, the rest release toggles. */
export function inferFlagType(key: string, declaredIn?: string): InferredType {
  for (const [source, text] of [["name", key], ["key set", declaredIn ?? ""]] as const) {
    const found = words(text);
    const ops = OPS.find((phrase) => contains(found, phrase));
    if (ops !== undefined) return { type: "ops", reason: `"${ops.join(" ")}" in its ${source}` };
    const permission = PERMISSION.find((phrase) => contains(found, phrase));
    if (permission !== undefined) return { type: "permission", reason: `"${permission.join(" ")}" in its ${source}` };
  }
  return { type: "release" };
}

function contains(found: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= found.length; start++) {
    if (phrase.every((word, offset) => found[start + offset] === word)) return true;
  }
  return false;
}
