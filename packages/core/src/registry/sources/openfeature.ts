// The OpenFeature CLI's flag manifest (flags.json): `{ "flags": { "<key>": { "flagType", "description", "defaultValue" } } }`.
// It knows keys and descriptions only: no dates, no types, no archive.
import { malformed, readJsonFile, text } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource } from "./types.js";

const SOURCE = "openfeature";

export const openfeature: RegistrySource = {
  name: SOURCE,
  async pull(options, context) {
    const file = options.file ?? "flags.json";
    const { value } = readJsonFile(SOURCE, file, context.baseDir);
    return mapManifest(value, file);
  },
};

export function mapManifest(manifest: unknown, file: string): PulledFlag[] {
  if (!isRecord(manifest) || !isRecord(manifest.flags)) throw malformed(SOURCE, file, 'expected an OpenFeature flag manifest (an object with "flags")');
  return Object.entries(manifest.flags).map(([key, definition]) => {
    if (!isRecord(definition)) throw malformed(SOURCE, file, `flag "${key}" is not an object`);
    const flag: PulledFlag = { key, archived: false };
    const description = text(definition.description);
    if (description) flag.description = description;
    return flag;
  });
}
