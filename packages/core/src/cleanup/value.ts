// The value a dead flag is fixed to, as `--value` spells it and as it is written back into code.
import { UsageError } from "../clock.js";

export type FlagValue = boolean | string | number | null;

const VALUE_HINT = `use on, off, or a JSON literal such as '"blue"', 3 or null`;

/** `on`/`true` -> true, `off`/`false` -> false, otherwise a JSON string, number or null. */
export function parseFlagValue(text: string): FlagValue {
  const read = readFlagValue(text);
  if (read.ok) return read.value;
  if (read.problem === "not-json") throw new UsageError(`--value ${text}: not a flag value (${VALUE_HINT}; quote strings twice: --value '"blue"')`);
  // An object or array has no single literal that every check could be compared with.
  throw new UsageError(`--value ${text}: objects and arrays cannot replace a flag check (${VALUE_HINT})`);
}

/** parseFlagValue without the error: the registry's `final` field reports its own problems. */
export function readFlagValue(text: string): { ok: true; value: FlagValue } | { ok: false; problem: "not-json" | "not-a-literal" } {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase();
  if (word === "on" || word === "true") return { ok: true, value: true };
  if (word === "off" || word === "false") return { ok: true, value: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  if (parsed === null || typeof parsed === "string" || typeof parsed === "number" || typeof parsed === "boolean") {
    return { ok: true, value: parsed };
  }
  return { ok: false, problem: "not-a-literal" };
}

/** The registry's `final` field as a value: YAML or JSON booleans, numbers and null as they are, text as `--value` reads it. */
export function finalFieldValue(raw: unknown): FlagValue | undefined {
  if (raw === null || typeof raw === "boolean" || typeof raw === "number") return raw;
  if (typeof raw !== "string") return undefined;
  const read = readFlagValue(raw);
  return read.ok ? read.value : undefined;
}

/** The value as a JavaScript literal. */
export function literalText(value: FlagValue): string {
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  return JSON.stringify(value);
}

/** `==` as JavaScript computes it on two primitive literals (no valueOf can run on them). */
export function looseEquals(a: FlagValue, b: FlagValue): boolean {
   
  return a == b;
}
