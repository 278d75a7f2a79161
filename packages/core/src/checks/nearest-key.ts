// "Did you mean …?" for an unknown flag key.
import { editDistance } from "../registry/suggest.js";

/** A registry's keys, each with the form they are compared in: build once, ask many times. */
export interface KeyIndex {
  readonly keys: readonly string[];
  readonly normalized: readonly string[];
}

export function keyIndex(keys: Iterable<string>): KeyIndex {
  const list = [...keys];
  return { keys: list, normalized: list.map(normalize) };
}

/**
 * The registry key nearest to `key`, or `undefined` when none is close enough.
 * A key that differs only in case and separators (`newCheckout` ~ `new_checkout`) wins first;
 * otherwise the smallest Damerau-Levenshtein distance (optimal string alignment) between the
 * keys compared that same way, within about a third of the key's length. Ties go to the key
 * listed first, so the answer does not depend on anything but the registry's order.
 */
export function nearestKey(key: string, keys: Iterable<string> | KeyIndex): string | undefined {
  const index = isKeyIndex(keys) ? keys : keyIndex(keys);
  const wanted = normalize(key);
  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (let i = 0; i < index.keys.length; i++) {
    const candidate = index.keys[i]!;
    if (candidate === key) continue;
    const normalized = index.normalized[i]!;
    // The distance is at least the difference in length: a key too much longer or shorter cannot be near.
    if (Math.abs(normalized.length - wanted.length) > threshold) continue;
    // Only a distance under the best so far (and within the threshold) can change the answer.
    const distance = editDistance(wanted, normalized, best === undefined ? threshold : best.distance - 1);
    if (distance === 0) return candidate;
    if (distance <= threshold && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function isKeyIndex(keys: Iterable<string> | KeyIndex): keys is KeyIndex {
  return "normalized" in keys;
}

// Case and the usual separators carry no meaning across key styles (camel, snake, kebab).
function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, "");
}
