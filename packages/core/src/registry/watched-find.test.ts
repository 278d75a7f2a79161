import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { WatchedNearestRegistry } from "./index.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "flaglint-watched-find-"));
  mkdirSync(join(root, "packages/web/src"), { recursive: true });
  writeFileSync(join(root, "feature-flags.yaml"), "version: 1\n");
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Moves a folder's mtime on, as creating a file in it does, whatever the file system's clock grain. */
function touched(dir: string, seconds: number): void {
  const at = new Date(Date.parse("2026-11-26T12:00:00Z") + seconds * 1000);
  utimesSync(dir, at, at);
}

describe("WatchedNearestRegistry", () => {
  const page = () => join(root, "packages/web/src/page.ts");

  test("finds the nearest registry above a file", () => {
    expect(new WatchedNearestRegistry().forFile(page())).toBe(join(root, "feature-flags.yaml"));
  });

  test("sees a registry created in a folder it already looked at", () => {
    const nearest = new WatchedNearestRegistry();
    expect(nearest.forFile(page())).toBe(join(root, "feature-flags.yaml"));
    writeFileSync(join(root, "packages/web/feature-flags.yaml"), "version: 1\n");
    touched(join(root, "packages/web"), 10);
    expect(nearest.forFile(page())).toBe(join(root, "packages/web/feature-flags.yaml"));
  });

  test("sees a registry removed or renamed", () => {
    const nearest = new WatchedNearestRegistry();
    writeFileSync(join(root, "packages/web/feature-flags.yaml"), "version: 1\n");
    expect(nearest.forFile(page())).toBe(join(root, "packages/web/feature-flags.yaml"));
    renameSync(join(root, "packages/web/feature-flags.yaml"), join(root, "packages/web/feature-flags.yml"));
    touched(join(root, "packages/web"), 20);
    expect(nearest.forFile(page())).toBe(join(root, "packages/web/feature-flags.yml"));
    rmSync(join(root, "packages/web/feature-flags.yml"));
    touched(join(root, "packages/web"), 30);
    expect(nearest.forFile(page())).toBe(join(root, "feature-flags.yaml"));
  });

  test("answers undefined for a file no registry governs, and for a folder that is gone", () => {
    const nearest = new WatchedNearestRegistry();
    rmSync(join(root, "feature-flags.yaml"));
    // The temp folder's parents may hold a registry of their own: compare with a fresh finder's answer.
    const outside = new WatchedNearestRegistry().forFile(join(root, "x.ts"));
    expect(nearest.forFile(join(root, "missing/deep/x.ts"))).toBe(outside);
  });
});
