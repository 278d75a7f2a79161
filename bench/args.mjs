// What the bench scripts' command lines share: a usage error, a whole-number option, and help
// printed from the script's own header comment.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A command-line mistake: one line and exit code 2, no stack trace. */
export class UsageError extends Error {}

/** `value` of option `flag` as an integer of at least `min`, or a UsageError that says so. */
export function integerArg(flag, value, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes ${min === 0 ? "a non-negative" : "a positive"} integer, got ${value ?? "nothing"}`);
  return n;
}

/** Prints lines [first, last) of the script at `url` without their `//`, then exits 0. */
export function printHelp(url, first, last) {
  console.log(readFileSync(fileURLToPath(url), "utf8").split("\n").slice(first, last).map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}
