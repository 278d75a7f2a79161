// What the bench scripts share: on their command lines a usage error, a whole-number option and
// help printed from the script's own header comment; in their figures, the median and GNU time.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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

/** The middle value, or the mean of the two middle values of an even number of them. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** GNU time: it reports peak RSS (`%M`) and CPU seconds (`%U %S`) of the command it runs. */
export const GNU_TIME = "/usr/bin/time";

/** Whether GNU time is there and takes our -f/-o (BusyBox or BSD `time` would not). */
export function gnuTimeWorks() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["-f", "%e %M", "-o", "/dev/null", "true"], { stdio: "ignore" });
  return probe.status === 0;
}
