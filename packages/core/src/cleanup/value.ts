// The value a dead flag is fixed to, as `--value` spells it and as it is written back into code.
import { UsageError } from "../clock.js";

export type FlagValue = boolean | string | number | null;

const VALUE_HINT = `use on, off, or a JSON literal such as '"blue"', 3 or null`;

/** `on`/`true` -> true, `off`/`false` -> false, otherwise a JSON string, number or null. */
export function parseFlagValue(text: string): FlagValue {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase();
  if (word === "on" || word === "true") return true;
  if (word === "off" || word === "false") return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new UsageError(`--value ${text}: not a flag value (${VALUE_HINT}; quote strings twice: --value '"blue"')`);
  }
  if (parsed === null || typeof parsed === "string" || typeof parsed === "number" || typeof parsed === "boolean") {
    return parsed;
  }
  // An object or array has no single literal that every check could be compared with.
  throw new UsageError(`--value ${text}: objects and arrays cannot replace a flag check (${VALUE_HINT})`);
}

/** The value as a JavaScript literal. */
export function literalText(value: FlagValue): string {
  if (typeof value === "number" && Object.is(value, -0)) return "-0";
  return JSON.stringify(value);
}

/** `==` as JavaScript computes it on two primitive literals (no valueOf can run on them). */
export function looseEquals(a: FlagValue, b: FlagValue): boolean {
  // eslint-disable-next-line eqeqeq -- the point is JavaScript's own loose equality
  return a == b;
}
