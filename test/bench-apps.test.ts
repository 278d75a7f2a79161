// bench/apps.mjs measures the floor, cold, warm and one-edit budgets on a code base of the user's own.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the bench, without types
import { median } from "../bench/args.mjs";
// @ts-expect-error: a plain ES module of the bench, without types
import { editTarget, formatRow, summarize } from "../bench/apps.mjs";

describe("the applications bench", () => {
  it("edits the first source file by path that holds a check, never the registry", () => {
    const document = {
      references: [
        { flag: "a", file: "src/z.tsx" },
        { flag: "b", file: "feature-flags.yaml" },
        { flag: "c", file: "src/b.ts" },
        { flag: "d", file: "src/b.ts" },
      ],
    };
    expect(editTarget(document)).toBe("src/b.ts");
    expect(editTarget({ references: [{ flag: "b", file: "feature-flags.yaml" }] })).toBeUndefined();
  });

  it("takes the median of an odd and of an even number of samples", () => {
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    expect(median([0.4, 0.1, 0.2, 0.3])).toBeCloseTo(0.25);
  });

  it("gives each measure's median as a ratio to the floor's, and whether it is within its budget", () => {
    const summary = summarize({ floor: [0.1, 0.12, 0.1], cold: [0.5, 0.45, 0.41], warm: [0.14, 0.15, 0.16], edit: [0.21, 0.19, 0.2] });
    expect(summary.floorSeconds).toBe(0.1);
    expect(summary.cold).toMatchObject({ seconds: 0.45, withinBudget: false });
    expect(summary.cold.ratio).toBeCloseTo(4.5);
    expect(summary.warm).toMatchObject({ seconds: 0.15, withinBudget: true });
    expect(summary.warm.ratio).toBeCloseTo(1.5);
    expect(summary.edit.ratio).toBeCloseTo(2);
    expect(summary.edit.withinBudget).toBe(true);
  });

  it("prints one line per code base, marking the ratios over budget", () => {
    const summary = summarize({ floor: [0.1], cold: [0.45], warm: [0.14], edit: [0.25] });
    const row = formatRow("shop", 5885, 152, summary);
    expect(row).toMatch(/^shop +5,885 files +152 parsed {2}floor 0\.10 s {2}cold 0\.45 s 4\.50× \(over 4×\) {2}warm 1\.40× {2}one edit 2\.50× \(over 2×\)$/);
  });
});
