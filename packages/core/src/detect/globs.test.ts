import ignore from "ignore";
import { describe, expect, it } from "vitest";
import { ignoreMatcher } from "./globs.js";

const PATHS = [
  "a.ts",
  "src/a.ts",
  "src/a.test.ts",
  "src/test/a.ts",
  "src/test/deep/b.tsx",
  "src/testing/a.ts",
  "src/test",
  "lib/src/test/a.ts",
  "src/generated/api.ts",
  "src/generated.ts",
  "test/a.ts",
  "other/src/a.test.ts",
];

// Each list is answered as the `ignore` package answers it, whichever way the matcher goes: the
// first six (and the empty one) by its own sets, the others by the package.
const LISTS: string[][] = [
  ["src/a.test.ts"],
  ["src/test/**"],
  ["/src/test/**", "src/generated/"],
  ["src/test"],
  ["/src/a.test.ts", "test/**"],
  ["src/test/", "src/generated/api.ts"],
  // Not one path each: the `ignore` package answers.
  ["test/"],
  ["test"],
  ["*.test.ts"],
  ["src/**", "!src/a.ts"],
  ["src/test/**", "# a comment"],
  ["src/[ab].ts"],
  ["**/test/**"],
  [],
];

describe("ignoreMatcher", () => {
  for (const list of LISTS) {
    it(`answers ${JSON.stringify(list)} as gitignore does`, () => {
      const reference = ignore().add(list);
      const matcher = ignoreMatcher(list);
      expect(PATHS.filter((p) => matcher.ignores(p))).toEqual(PATHS.filter((p) => reference.ignores(p)));
      const own = LISTS.indexOf(list) < 6 || list.length === 0;
      expect("add" in matcher).toBe(!own);
    });
  }

  it("answers the paths and folders init writes without the gitignore engine", () => {
    const matcher = ignoreMatcher(["src/a.test.ts", "src/test/**"]);
    expect(matcher).not.toHaveProperty("add");
    expect(["src/a.test.ts", "src/test/deep/b.tsx", "src/testing/a.ts"].map((p) => matcher.ignores(p))).toEqual([true, true, false]);
  });
});
