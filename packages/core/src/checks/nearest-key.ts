// "Did you mean …?" for an unknown flag key.

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
    const distance = editDistance(wanted, normalize(candidate));
    if (distance === 0) return candidate;
    if (distance <= threshold && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

// Case and the usual separators carry no meaning across key styles (camel, snake, kebab).
function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, "");
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      }
      row.push(distance);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
