// The benches refuse to time a checkout whose bundles are older than its build (bench/built.mjs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the bench, without types
import { BUNDLES, bundleProblem } from "../bench/built.mjs";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A checkout with every bundle and build file, each bundle `bundleAge` seconds old and each build file `buildAge`. */
function checkout(bundleAge: number, buildAge: number): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-built-"));
  made.push(repo);
  const now = Date.UTC(2026, 11, 8) / 1000;
  const write = (file: string, age: number) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), "");
    fs.utimesSync(path.join(repo, file), now - age, now - age);
  };
  for (const { bundle, builds } of BUNDLES as Array<{ bundle: string; builds: string[] }>) {
    write(bundle, bundleAge);
    for (const build of builds) write(build, buildAge);
  }
  return repo;
}

describe("the benches' build check", () => {
  it("passes bundles at least as new as their build", () => {
    expect(bundleProblem(checkout(10, 20))).toBeUndefined();
    expect(bundleProblem(checkout(10, 10))).toBeUndefined();
  });

  it("names a bundle older than its build, and says to run npm run build", () => {
    expect(bundleProblem(checkout(20, 10))).toBe(
      "cli/dist/flaglint.cjs is older than cli/dist/.tsbuildinfo (tsc -b ran after the last npm run build), so the slower modules would be timed: run npm run build first",
    );
  });

  it("names a missing bundle", () => {
    const repo = checkout(10, 20);
    fs.rmSync(path.join(repo, "rules/dist/plugin.cjs"));
    expect(bundleProblem(repo)).toBe("rules/dist/plugin.cjs is missing: run npm run build first");
  });
});
