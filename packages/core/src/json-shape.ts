// What JSON read from outside (the cache, a shard's result, a suppressions file, a flag service's
// answer) is checked with before it is trusted.

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
