import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, lazyCacheKey } from "./cache-key.js";

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-cache-key-"));
  fs.writeFileSync(path.join(root, "feature-flags.yaml"), "version: 1\nflags: {}\n");
  fs.mkdirSync(path.join(root, "packages/web"), { recursive: true });
  fs.writeFileSync(path.join(root, "packages/web/feature-flags.yaml"), "version: 1\nflags: {}\n");
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const clock = () => new Date("2026-11-26T23:30:00Z");

describe("cacheKey", () => {
  it("names today's UTC date and hashes every registry under the folder", () => {
    const key = cacheKey({ cwd: root, clock });
    expect(key.today).toBe("2026-11-26");
    expect(Object.keys(key.registries)).toEqual(["feature-flags.yaml", "packages/web/feature-flags.yaml"]);
    expect(key.registries["feature-flags.yaml"]).toMatch(/^[0-9a-f]{16}$/);
  });

  it("takes the day from FLAGLINT_NOW when it is set", () => {
    expect(cacheKey({ cwd: root, env: "2027-01-05", clock }).today).toBe("2027-01-05");
    expect(cacheKey({ cwd: root, env: "", clock }).today).toBe("2026-11-26");
  });

  it("changes when a registry's content changes, and only that registry's hash", () => {
    const before = cacheKey({ cwd: root, clock });
    fs.appendFileSync(path.join(root, "packages/web/feature-flags.yaml"), "# edited\n");
    const after = cacheKey({ cwd: root, clock });
    expect(after.registries["feature-flags.yaml"]).toBe(before.registries["feature-flags.yaml"]);
    expect(after.registries["packages/web/feature-flags.yaml"]).not.toBe(before.registries["packages/web/feature-flags.yaml"]);
  });

  it("includes the registry that governs the folder from above, when the folder has none", () => {
    fs.mkdirSync(path.join(root, "packages/web/src"));
    const key = cacheKey({ cwd: path.join(root, "packages/web/src"), clock });
    expect(Object.keys(key.registries)).toEqual(["../feature-flags.yaml"]);
  });

  it("never throws: a wrong FLAGLINT_NOW still keys the cache", () => {
    expect(cacheKey({ cwd: root, env: "tomorrow", clock }).today).toMatch(/^invalid tomorrow: /);
  });

  it("is worked out lazily, when the config is serialised, and then kept", () => {
    const lazy = lazyCacheKey({ cwd: root, clock });
    // Made before the registry below exists; nothing is read until ESLint's cache serialises it.
    fs.writeFileSync(path.join(root, "packages/feature-flags.yaml"), "version: 1\nflags: {}\n");
    const serialised = JSON.parse(JSON.stringify({ settings: { key: lazy } })) as { settings: { key: unknown } };
    expect(serialised.settings.key).toEqual(cacheKey({ cwd: root, clock }));
    expect(Object.keys(lazy.toJSON().registries)).toContain("packages/feature-flags.yaml");
    // Once per run: an edit after the first hashing does not move this run's key.
    const first = lazy.toJSON();
    fs.appendFileSync(path.join(root, "feature-flags.yaml"), "# edited\n");
    expect(lazy.toJSON()).toBe(first);
  });
});
