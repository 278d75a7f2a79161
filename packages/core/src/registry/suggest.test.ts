import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "./suggest.js";

/** Optimal string alignment, written out over the whole table: what editDistance must agree with. */
function fullTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("new_chekcout", "new_checkout")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("agrees with the whole table on random keys", () => {
    const key = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "-"), maxLength: 12 });
    fc.assert(fc.property(key, key, (a, b) => editDistance(a, b) === fullTable(a, b)), { seed: 7, numRuns: 500 });
  });

  it("with a limit, is exact up to it and says only 'over' beyond it", () => {
    const key = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "-"), maxLength: 12 });
    const limit = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(key, key, limit, (a, b, most) => {
        const exact = fullTable(a, b);
        const bounded = editDistance(a, b, most);
        return exact <= most ? bounded === exact : bounded === most + 1;
      }),
      { seed: 11, numRuns: 1000 },
    );
    // Stopped early: every cell of the second row is over 0.
    expect(editDistance("xyzzy", "abcde", 0)).toBe(1);
  });
});
