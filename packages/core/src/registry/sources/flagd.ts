// flagd's flag definitions: `{ "flags": { "<key>": { "state", "variants", "defaultVariant", "metadata" } } }`.
// A DISABLED flag is off, not archived; flag metadata may carry a description and tags of our own.
import { malformed, readJsonFile, required, tagList, text } from "./common.js";
import { isRecord } from "../../json-shape.js";
import type { PulledFlag, RegistrySource } from "./types.js";

const SOURCE = "flagd";

export const flagd: RegistrySource = {
  name: SOURCE,
  async pull(options, context) {
    const file = required(SOURCE, options.file, "--file", "the flagd flag definition file to read");
    return mapFlagd(readJsonFile(SOURCE, file, context.baseDir).value, file);
  },
};

export function mapFlagd(definitions: unknown, file: string): PulledFlag[] {
  if (!isRecord(definitions) || !isRecord(definitions.flags)) throw malformed(SOURCE, file, 'expected flagd flag definitions (an object with "flags")');
  return Object.entries(definitions.flags).map(([key, definition]) => {
    if (!isRecord(definition) || typeof definition.state !== "string") throw malformed(SOURCE, file, `flag "${key}" has no "state"`);
    const flag: PulledFlag = { key, archived: false };
    const metadata = isRecord(definition.metadata) ? definition.metadata : {};
    const description = text(metadata.description);
    if (description) flag.description = description;
    const tags = tagList(typeof metadata.tags === "string" ? metadata.tags.split(",") : Array.isArray(metadata.tags) ? metadata.tags.map(text) : []);
    if (tags) flag.tags = tags;
    return flag;
  });
}
