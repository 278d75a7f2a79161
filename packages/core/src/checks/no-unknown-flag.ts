import type { Finding, FlagReference } from "../types.js";
import type { FileCheckInput } from "./check-file.js";
import { createFinding, registryName, siteIn } from "./finding.js";
import { isDynamic } from "./known-flag.js";
import { nearestKey } from "./nearest-key.js";

/** no-unknown-flag: a checked key that the registry does not list, with the nearest key as suggestion. */
export function noUnknownFlag(reference: FlagReference, input: FileCheckInput): Finding | undefined {
  const { registry } = input;
  if (isDynamic(reference) || reference.flag === null || registry.flags.has(reference.flag)) return undefined;
  const suggestion = nearestKey(reference.flag, registry.flags.keys());
  const data: Record<string, string> = { flag: reference.flag, registryName: registryName(registry) };
  if (suggestion !== undefined) data.suggestion = suggestion;
  return createFinding({
    rule: "no-unknown-flag",
    messageId: suggestion === undefined ? "unknownFlag" : "unknownFlagSuggestion",
    data,
    site: siteIn(input.file, reference),
    flag: reference.flag,
    registry: registry.path,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
}
