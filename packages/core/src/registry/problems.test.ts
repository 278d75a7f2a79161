import { describe, expect, test } from "vitest";
import { formatProblem } from "./index.js";
import { nearestName } from "./suggest.js";

describe("formatProblem", () => {
  test("names the file relative to the working directory, with the hint in parentheses", () => {
    const problem = { file: "/repo/packages/pay/feature-flags.yaml", line: 12, column: 5, message: 'unknown type "relase"', hint: 'did you mean "release"?' };
    expect(formatProblem(problem, "/repo")).toBe('packages/pay/feature-flags.yaml:12:5: unknown type "relase" (did you mean "release"?)');
    expect(formatProblem(problem, "/repo/packages/pay")).toBe('feature-flags.yaml:12:5: unknown type "relase" (did you mean "release"?)');
  });

  test("leaves out a missing hint", () => {
    expect(formatProblem({ file: "/repo/feature-flags.json", line: 1, column: 1, message: "the registry file is empty" }, "/repo/src")).toBe(
      "../feature-flags.json:1:1: the registry file is empty",
    );
  });
});

describe("nearestName", () => {
  test("finds typos: a missing letter, swapped letters, another case", () => {
    const types = ["release", "experiment", "ops", "permission"];
    expect(nearestName("relase", types)).toBe("release");
    expect(nearestName("relaese", types)).toBe("release");
    expect(nearestName("Experiment", types)).toBe("experiment");
    expect(nearestName("opz", types)).toBe("ops");
  });

  test("suggests nothing for a word that is nothing like any", () => {
    expect(nearestName("banana", ["release", "experiment", "ops", "permission"])).toBeUndefined();
    expect(nearestName("x", ["ops"])).toBeUndefined();
  });
});
