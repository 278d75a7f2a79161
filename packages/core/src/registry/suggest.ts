// "Did you mean …?": the allowed name closest to a misspelt one.

/**
 * Optimal string alignment distance: Levenshtein plus swaps of neighbours ("relaese" -> "release" is 1).
 * With `limit`, a distance over it comes back as `limit + 1`, and the work stops at the first row of
 * the table whose every cell is over the limit (no later row has a smaller one).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  // Optimal string alignment over three rolling rows (two back for a transposition), kept in one
  // buffer for every call: a registry's "did you mean" compares one key with hundreds.
  const cols = b.length + 1;
  if (scratch.length < 3 * cols) scratch = new Uint32Array(3 * cols * 2);
  const rows = scratch;
  let before = 0;
  let previous = cols;
  let current = 2 * cols;
  for (let j = 0; j < cols; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowLeast = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[before + j - 2]! + 1);
      rows[current + j] = best;
      if (best < rowLeast) rowLeast = best;
    }
    // A cell is at least the least of the row before it, a swap's at least that of the cell up-left.
    if (rowLeast > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + b.length]!, limit + 1);
}

let scratch = new Uint32Array(3 * 64);

/**
 * The candidate nearest to `word`, ignoring case, or `undefined` when none is close enough
 * to be a plausible typo (at most about a third of the word's letters differ).
 */
export function nearestName(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
