import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { findRegistry, NearestRegistry } from "./index.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "flaglint-find-"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function file(relative: string): string {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "version: 1\n");
  return path;
}

function dir(relative: string): string {
  const path = join(root, relative);
  mkdirSync(path, { recursive: true });
  return path;
}

describe("findRegistry", () => {
  test("the nearest registry of nested directories governs", () => {
    const top = file("feature-flags.yaml");
    const inner = file("packages/pay/feature-flags.yaml");
    expect(findRegistry(dir("packages/pay/src/deep"))).toBe(inner);
    expect(findRegistry(dir("packages/pay"))).toBe(inner);
    expect(findRegistry(dir("packages/shop/src"))).toBe(top);
  });

  test("in one directory .yaml is preferred over .yml over .json", () => {
    file("feature-flags.json");
    expect(findRegistry(root)).toBe(join(root, "feature-flags.json"));
    file("feature-flags.yml");
    expect(findRegistry(root)).toBe(join(root, "feature-flags.yml"));
    file("feature-flags.yaml");
    expect(findRegistry(root)).toBe(join(root, "feature-flags.yaml"));
  });

  test("stops after stopAt", () => {
    file("feature-flags.yaml");
    const packages = dir("packages");
    expect(findRegistry(dir("packages/shop/src"), packages)).toBeUndefined();
    expect(findRegistry(dir("packages/shop/src"), root)).toBe(join(root, "feature-flags.yaml"));
    const own = file("packages/feature-flags.json");
    expect(findRegistry(dir("packages/shop/src"), packages)).toBe(own);
  });

  test("a directory named like a registry is not one", () => {
    dir("app/feature-flags.yaml");
    const registry = file("feature-flags.json");
    expect(findRegistry(join(root, "app"))).toBe(registry);
  });

  test("no registry anywhere up to stopAt", () => {
    expect(findRegistry(dir("a/b"), root)).toBeUndefined();
  });
});

describe("NearestRegistry", () => {
  test("gives each file the nearest registry above it, a package's own before the root's", () => {
    const rootRegistry = file("feature-flags.yaml");
    const packageRegistry = file("packages/web/feature-flags.yml");
    dir("packages/web/src/deep");
    dir("packages/api/src");
    const nearest = new NearestRegistry();
    expect(nearest.forFile(join(root, "packages/web/src/deep/a.ts"))).toBe(packageRegistry);
    expect(nearest.forFile(join(root, "packages/api/src/b.ts"))).toBe(rootRegistry);
  });

  test("an explicit registry governs every file", () => {
    file("packages/web/feature-flags.yaml");
    const explicit = join(root, "elsewhere.yaml");
    expect(new NearestRegistry(explicit).forFile(join(root, "packages/web/a.ts"))).toBe(explicit);
  });

  test("remembers each folder's answer until cleared, and skips folders the caller knows hold none", () => {
    dir("src");
    const nearest = new NearestRegistry(undefined, (folder) => (folder === join(root, "src") ? false : undefined));
    expect(nearest.forFile(join(root, "src/a.ts"))).toBeUndefined();
    const created = file("feature-flags.yaml");
    expect(nearest.forFile(join(root, "src/a.ts"))).toBeUndefined();
    nearest.clear();
    expect(nearest.forFile(join(root, "src/a.ts"))).toBe(created);
    file("src/feature-flags.yaml");
    nearest.clear();
    // The caller said src holds none: its own registry is not looked for.
    expect(nearest.forFile(join(root, "src/a.ts"))).toBe(created);
  });
});
