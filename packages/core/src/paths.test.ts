import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWithin, relativeTo, staysWithin } from "./paths.js";

describe("paths", () => {
  it("gives a path under a folder with / between names, and any other through path.relative", () => {
    const base = path.join(path.sep, "repo");
    expect(relativeTo(base, path.join(base, "src", "a.ts"))).toBe("src/a.ts");
    expect(relativeTo(base, path.join(path.sep, "other", "a.ts"))).toBe("../other/a.ts");
  });

  it("says a relative path stays in its folder unless it climbs out or is on another drive", () => {
    for (const inside of ["", "a", "a/b", "..cache", "..cache/x", "...", `a${path.sep}..${path.sep}b`]) expect(staysWithin(inside), inside).toBe(true);
    for (const outside of ["..", "../x", `..${path.sep}x`, path.join(path.sep, "abs")]) expect(staysWithin(outside), outside).toBe(false);
  });

  it("says a folder is within another when it is that folder or below it", () => {
    const repo = path.join(path.sep, "repo");
    expect(isWithin(repo, repo)).toBe(true);
    expect(isWithin(path.join(repo, "..cache", "x"), repo)).toBe(true);
    expect(isWithin(path.join(repo, "src"), repo)).toBe(true);
    expect(isWithin(path.join(path.sep, "repository"), repo)).toBe(false);
    expect(isWithin(path.sep, repo)).toBe(false);
  });
});
