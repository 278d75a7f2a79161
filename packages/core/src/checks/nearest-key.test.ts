import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../registry/suggest.js";
import { keyIndex, nearestKey } from "./nearest-key.js";

describe("nearestKey", () => {
  const keys = ["new_checkout", "new_payment_flow", "dark_mode"];

  it("finds a misspelling", () => {
    expect(nearestKey("new_chekout", keys)).toBe("new_checkout");
    expect(nearestKey("dark_mdoe", keys)).toBe("dark_mode");
  });

  it("matches across case and separators first", () => {
    expect(nearestKey("newCheckout", keys)).toBe("new_checkout");
    expect(nearestKey("NEW-PAYMENT-FLOW", keys)).toBe("new_payment_flow");
    expect(nearestKey("newCheckout", ["new_checkou", "new_checkout"])).toBe("new_checkout");
  });

  it("suggests nothing when no key is close", () => {
    expect(nearestKey("search_v2", keys)).toBeUndefined();
    expect(nearestKey("ab", ["cd"])).toBeUndefined();
    expect(nearestKey("anything", [])).toBeUndefined();
  });

  it("allows more edits in longer keys", () => {
    expect(nearestKey("abc", ["axy"])).toBeUndefined();
    expect(nearestKey("payment_flow_v3x", ["payment_flow_v2"])).toBe("payment_flow_v2");
  });

  it("prefers the closest key, then the one listed first", () => {
    expect(nearestKey("flag_ab", ["flag_xy", "flag_ax", "flag_ay"])).toBe("flag_ax");
  });

  it("gives the same answer from a key index as a closest-first search over every key", () => {
    const normalize = (key: string) => key.toLowerCase().replace(/[-_.\s]/g, "");
    // The rule written out plainly: every distance, the smallest within the threshold, the first of equals.
    const plainly = (key: string, candidates: readonly string[]) => {
      const threshold = Math.max(1, Math.floor(normalize(key).length / 3));
      let best: { key: string; distance: number } | undefined;
      for (const candidate of candidates) {
        if (candidate === key) continue;
        const distance = editDistance(normalize(key), normalize(candidate));
        if (distance === 0) return candidate;
        if (distance <= threshold && (best === undefined || distance < best.distance)) best = { key: candidate, distance };
      }
      return best?.key;
    };
    const key = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "-", "A"), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(key, fc.array(key, { maxLength: 12 }), (wanted, candidates) => {
        const expected = plainly(wanted, candidates);
        return nearestKey(wanted, keyIndex(candidates)) === expected && nearestKey(wanted, candidates) === expected;
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("abcd", "abdc")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
