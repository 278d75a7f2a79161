// Validation against the JSON Schema that ships in the package: the schema is the source of
// truth for the format, and its errors are turned into one short line each. The schema is compiled
// ahead of time (schema-validator.ts, by scripts/generate-schema-validator.mjs): importing ajv and
// compiling it on every run cost about 0.1 s.
import type { ErrorObject } from "ajv";
import { FLAG_TYPE_ALIASES } from "./defaults.js";
import { validate as compiledValidate } from "./schema-validator.js";
import { pathFromPointer, type Anchor, type ValuePath } from "./source.js";
import { nearestName } from "./suggest.js";

/** `schema/feature-flags.schema.json`, from `src/registry/` and from `dist/registry/` alike. */
export const REGISTRY_SCHEMA_URL = new URL("../../schema/feature-flags.schema.json", import.meta.url);

/** A problem found in the value, placed by its path; `parse` turns the path into a line and column. */
export interface ValueProblem {
  path: ValuePath;
  anchor: Anchor;
  message: string;
  hint?: string;
}

/** ajv's validate function, as its standalone code defines it: errors are left on the function. */
interface CompiledValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validate = compiledValidate as CompiledValidator;

export function schemaProblems(value: unknown): ValueProblem[] {
  if (validate(value)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  return errors.map(describeError);
}

/**
 * Drops what would only repeat a problem: the failed branches inside oneOf / anyOf / not (the
 * combinator's own error says it better), and every other error at a place whose type is wrong.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const inCombinator = (error: ErrorObject) => /\/(oneOf|anyOf|not)\//.test(error.schemaPath);
  // A failed branch's type error is not a wrong type at that place: the combinator's error stays.
  const wrongType = new Set(errors.filter((error) => error.keyword === "type" && !inCombinator(error)).map((error) => error.instancePath));
  return errors.filter((error) => {
    if (inCombinator(error)) return false;
    return error.keyword === "type" || !wrongType.has(error.instancePath);
  });
}

function describeError(error: ErrorObject): ValueProblem {
  const path = pathFromPointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return unknownField(path, String(params.additionalProperty), Object.keys((parentSchema.properties as object | undefined) ?? {}));
    case "required":
      return missingField(path, String(params.missingProperty), parentSchema);
    case "type":
      return wrongType(path, String(params.type).split(","), error.data);
    case "enum":
      return unknownValue(path, error.data, params.allowedValues as unknown[]);
    case "const":
      return at(path, "value", `${label(path)} must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(error.data)}`);
    case "minimum":
      return at(path, "value", params.limit === 0 ? `${label(path)} must not be negative (${String(error.data)})` : `${label(path)} must be at least ${String(params.limit)}, not ${String(error.data)}`);
    case "pattern":
      return at(path, "value", `${label(path)} ${typeof parentSchema.patternErrorMessage === "string" ? parentSchema.patternErrorMessage : `must match ${String(params.pattern)}`}, not ${JSON.stringify(error.data)}`);
    case "minLength":
      return at(path, "value", `${label(path)} must not be empty`);
    case "uniqueItems": {
      const repeated = [...path, String(Math.max(Number(params.i), Number(params.j)))];
      const list = error.data as unknown[];
      return at(repeated, "value", `"${last(path)}" lists ${JSON.stringify(list[Number(params.i)])} twice`);
    }
    case "dependencies":
      return at([...path, String(params.property)], "key", `"${String(params.property)}" needs "${String(params.missingProperty)}" as well`);
    default:
      // oneOf, anyOf, not: the schema words the message for editors and for us alike.
      return at(path, "key", typeof parentSchema.errorMessage === "string" ? parentSchema.errorMessage : `${label(path)} ${error.message ?? "is not valid"}`);
  }
}

function at(path: ValuePath, anchor: Anchor, message: string, hint?: string): ValueProblem {
  return hint === undefined ? { path, anchor, message } : { path, anchor, message, hint };
}

function unknownField(path: ValuePath, field: string, allowed: string[]): ValueProblem {
  const near = nearestName(field, allowed);
  const hint = near ? `did you mean "${near}"?` : `allowed here: ${allowed.join(", ")}`;
  return at([...path, field], "key", `unknown field ${JSON.stringify(field)}`, hint);
}

function missingField(path: ValuePath, field: string, schema: Record<string, unknown>): ValueProblem {
  const property = (schema.properties as Record<string, Record<string, unknown>> | undefined)?.[field];
  const choices = property?.enum as unknown[] | undefined;
  const hint = path.length === 0 && field === "version" ? 'add "version: 1"' : choices ? oneOf(choices) : undefined;
  return at(path, "key", `missing required field "${field}"`, hint);
}

function wrongType(path: ValuePath, expected: string[], found: unknown): ValueProblem {
  if (path.length === 0 && (found === null || found === undefined)) {
    return at(path, "value", "the registry file is empty", 'start with "version: 1"');
  }
  // `flags` may be null (every entry commented out), but "a map or null" would only confuse.
  const wanted = expected.includes("object") ? ["object"] : expected;
  if (wanted[0] === "object" && found === null) {
    return at(path, "value", `${label(path)} is empty`, path[0] === "flags" ? 'give it at least a "type"' : "remove it or give it fields");
  }
  const message = `${label(path)} must be ${wanted.map(typeName).join(" or ")}, not ${kindOf(found)}`;
  if (wanted.includes("string") && (typeof found === "number" || typeof found === "boolean")) {
    return at(path, "value", message, `put it in quotes: "${String(found)}"`);
  }
  if (path.length === 1 && path[0] === "flags") {
    return at(path, "value", message, "each flag is written as its key with a map of fields under it");
  }
  return at(path, "value", message, path.length === 0 ? 'start with "version: 1", then detect, policy and flags' : shapeHint(wanted[0]!, found));
}

/** How to write the value in the shape wanted, for the usual slips: brackets around one value, fields at the wrong depth. */
function shapeHint(wanted: string, found: unknown): string | undefined {
  if (Array.isArray(found) && wanted !== "array") return "write one value, without [ ] or - items";
  if (typeof found === "object" && found !== null && wanted !== "object") return "write the value on the same line as its key, not fields under it";
  if (wanted === "array") return "write a list, such as [a, b], or one - item per line";
  if (wanted === "object") return "write its fields on the lines below it, indented";
  return undefined;
}

/** Nouns for the values an enum holds, by the field that holds them. */
const VALUE_NOUNS: Record<string, string> = { sdks: "sdk", requireTicket: "type" };

function unknownValue(path: ValuePath, found: unknown, allowed: unknown[]): ValueProblem {
  const field = isIndex(last(path)) ? path[path.length - 2]! : last(path);
  const noun = VALUE_NOUNS[field] ?? field;
  const names = allowed.map(String);
  const near = typeof found === "string" ? nearestName(found, names) : undefined;
  const hint = near ? `did you mean "${near}"?` : oneOf(names);
  return at(path, "value", `unknown ${noun} ${JSON.stringify(found)}`, hint);
}

/** The allowed values, less the aliases: those are accepted, not advertised. */
function oneOf(values: unknown[]): string {
  return `one of: ${values.filter((value) => !(String(value) in FLAG_TYPE_ALIASES)).join(", ")}`;
}

/** How a message names the value at `path`: `"owner"`, `flag "new_checkout"`, `"sdks" entry 2`. */
function label(path: ValuePath): string {
  if (path.length === 0) return "the registry";
  if (path.length === 2 && path[0] === "flags") return `flag ${JSON.stringify(path[1])}`;
  if (path.length === 3 && path[1] === "lifetimeDays") return `"lifetimeDays.${path[2]!}"`;
  const name = last(path);
  if (isIndex(name)) return `"${path[path.length - 2]!}" entry ${Number(name) + 1}`;
  return JSON.stringify(name);
}

function last(path: ValuePath): string {
  return path[path.length - 1] ?? "";
}

function isIndex(segment: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(segment);
}

function typeName(type: string): string {
  const names: Record<string, string> = { object: "a map", array: "a list", string: "a string", integer: "a whole number", number: "a number", boolean: "true or false", null: "null" };
  return names[type] ?? type;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number") return Number.isInteger(value) ? "a number" : `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return "a string";
}
