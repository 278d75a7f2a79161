// "Did you mean …?" for an unknown flag key.
import { editDistance } from "../registry/suggest.js";

/**
 * The registry key nearest to `key`, or `undefined` when none is close enough.
 * A key that differs only in case and separators (`newCheckout` ~ `new_checkout`) wins first;
 * otherwise the smallest Damerau-Levenshtein distance (optimal string alignment) between the
 * keys compared that same way, within about a third of the key's length. Ties go to the key
 * listed first, so the answer does not depend on anything but the registry's order.
 */
export function nearestKey(key: string, keys: Iterable<string>): string | undefined {
  const wanted = normalize(key);
  const threshold = Math.max(1, Math.floor(wanted.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of keys) {
    if (candidate === key) continue;
    const normalized = normalize(candidate);
    // The distance is at least the difference in length: a key too much longer or shorter cannot be near.
    if (Math.abs(normalized.length - wanted.length) > threshold) continue;
    const distance = editDistance(wanted, normalized);
    if (distance === 0) return candidate;
    if (distance <= threshold && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

// Case and the usual separators carry no meaning across key styles (camel, snake, kebab).
function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, "");
}
