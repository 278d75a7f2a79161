// The instruction-count bench (bench/instructions.mjs) reads valgrind's report and sums up packages.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the bench, without types
import { instructionsFrom, summarize } from "../bench/instructions.mjs";

describe("the instructions bench", () => {
  it("reads the instruction count from cachegrind's report, and nothing from a report without one", () => {
    const report = ["==14943== Cachegrind, a cache and branch-prediction profiler", "==14943== ", "==14943== I   refs:      2,225,828,174", ""].join("\n");
    expect(instructionsFrom(report)).toBe(2_225_828_174);
    expect(instructionsFrom("==1== valgrind: failed to start tool 'cachegrind'")).toBeNull();
  });

  it("gives the mean, the sample standard deviation and the range of per-package figures", () => {
    expect(summarize([1, 2, 3, 6])).toEqual({ mean: 3, sd: Math.sqrt(14 / 3), min: 1, max: 6, samples: 4 });
    expect(summarize([4.2])).toEqual({ mean: 4.2, sd: 0, min: 4.2, max: 4.2, samples: 1 });
  });
});
