import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { FLAG_STATUSES, FLAG_TYPES, KEY_CASES, REGISTRY_SOURCE_NAMES } from "../types.js";
import { DEFAULT_POLICY, FLAG_TYPE_ALIASES, REGISTRY_SCHEMA_URL, SDK_PRESET_NAMES } from "./index.js";

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema | boolean };

const schema = JSON.parse(readFileSync(REGISTRY_SCHEMA_URL, "utf8")) as Schema;

function at(path: string[]): Schema {
  return path.reduce<Schema>((node, key) => (node as Record<string, Schema>)[key]!, schema);
}

/** Every schema an editor can show for a place in the file, with the path that leads to it. */
function* subschemas(node: Schema, path: string): Generator<[string, Schema]> {
  yield [path, node];
  for (const [name, child] of Object.entries(node.properties ?? {})) yield* subschemas(child, `${path}.${name}`);
  if (node.items) yield* subschemas(node.items, `${path}[]`);
  if (typeof node.additionalProperties === "object") yield* subschemas(node.additionalProperties, `${path}.*`);
}

describe("the JSON Schema", () => {
  test("describes every property, so editors can show it", () => {
    const undescribed = [...subschemas(schema, "$")].filter(([, node]) => typeof node.description !== "string").map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  test("forbids unknown fields in every map but the flags map", () => {
    const open = [...subschemas(schema, "$")]
      .filter(([, node]) => node.properties !== undefined && node.additionalProperties !== false)
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  test("lists the same names as the code", () => {
    const flag = at(["properties", "flags", "additionalProperties"]);
    expect(flag.properties!.type!.enum).toEqual([...FLAG_TYPES, ...Object.keys(FLAG_TYPE_ALIASES)]);
    expect(flag.properties!.status!.enum).toEqual([...FLAG_STATUSES]);
    expect(at(["properties", "detect", "properties", "sdks", "items"]).enum).toEqual([...SDK_PRESET_NAMES]);
    expect(at(["properties", "detect", "properties", "objects", "items", "properties", "keyCase"]).enum).toEqual([...KEY_CASES]);
    expect(at(["properties", "policy", "properties", "requireTicket", "items"]).enum).toEqual([...FLAG_TYPES, ...Object.keys(FLAG_TYPE_ALIASES)]);
    expect(at(["properties", "sources", "items", "properties", "from"]).enum).toEqual([...REGISTRY_SOURCE_NAMES]);
  });

  test("shows the same defaults as the code", () => {
    const policy = at(["properties", "policy", "properties"]) as unknown as Record<string, Schema>;
    const lifetimes = policy.lifetimeDays!.properties!;
    expect(Object.fromEntries(Object.entries(lifetimes).map(([type, node]) => [type, node.default]))).toEqual(DEFAULT_POLICY.lifetimeDays);
    expect(policy.warnDays!.default).toBe(DEFAULT_POLICY.warnDays);
    expect(policy.requireTicket!.default).toEqual(DEFAULT_POLICY.requireTicket);
  });
});
