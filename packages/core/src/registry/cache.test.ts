import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { RegistryCache, RegistryError } from "./index.js";

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flaglint-cache-"));
  path = join(dir, "feature-flags.yaml");
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the registry and sets its mtime to `day`, so a change never depends on the clock's resolution. */
function write(text: string, day: string): void {
  writeFileSync(path, text);
  const time = new Date(`${day}T00:00:00Z`);
  utimesSync(path, time, time);
}

function flagOf(type: string): string {
  return `version: 1\nflags:\n  a:\n    type: ${type}\n`;
}

function thrown(action: () => unknown): RegistryError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return error as RegistryError;
  }
  throw new Error("nothing was thrown");
}

describe("RegistryCache", () => {
  test("returns the same object while the file does not change", () => {
    write(flagOf("release"), "2026-01-01");
    const cache = new RegistryCache();
    const first = cache.get(path);
    expect(cache.get(path)).toBe(first);
    expect(first.flags.get("a")?.type).toBe("release");
  });

  test("reads again when the mtime changes, even at the same size", () => {
    write(flagOf("release"), "2026-01-01");
    const cache = new RegistryCache();
    const before = cache.get(path);
    write(flagOf("ops    "), "2026-01-01"); // same size and mtime: not seen
    expect(cache.get(path)).toBe(before);
    utimesSync(path, new Date("2026-01-02T00:00:00Z"), new Date("2026-01-02T00:00:00Z"));
    const after = cache.get(path);
    expect(after).not.toBe(before);
    expect(after.flags.get("a")?.type).toBe("ops");
  });

  test("reads again when the size changes, even at the same mtime", () => {
    write(flagOf("release"), "2026-01-01");
    const cache = new RegistryCache();
    const before = cache.get(path);
    write(flagOf("experiment"), "2026-01-01");
    expect(cache.get(path).flags.get("a")?.type).toBe("experiment");
    expect(cache.get(path)).not.toBe(before);
  });

  test("a broken registry throws the same error until it is fixed, then recovers", () => {
    write(flagOf("relase"), "2026-01-01");
    const cache = new RegistryCache();
    const error = thrown(() => cache.get(path));
    expect(error.problems).toEqual([{ file: path, line: 4, column: 11, message: 'unknown type "relase"', hint: 'did you mean "release"?' }]);
    expect(thrown(() => cache.get(path))).toBe(error);
    write(flagOf("release"), "2026-01-02");
    expect(cache.get(path).flags.get("a")?.type).toBe("release");
  });

  test("a deleted registry is a RegistryError", () => {
    write(flagOf("release"), "2026-01-01");
    const cache = new RegistryCache();
    cache.get(path);
    rmSync(path);
    expect(thrown(() => cache.get(path)).problems).toEqual([{ file: path, line: 1, column: 1, message: "cannot read the registry: file not found" }]);
  });

  test("unwatched, keeps what it read, broken or not, for the life of the cache", () => {
    write(flagOf("release"), "2026-01-01");
    const cache = new RegistryCache({ watch: false });
    const first = cache.get(path);
    write(flagOf("experiment"), "2026-01-02");
    expect(cache.get(path)).toBe(first);
    rmSync(path);
    expect(cache.get(path)).toBe(first);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, flagOf("relase"));
    const error = thrown(() => cache.get(broken));
    writeFileSync(broken, flagOf("release"));
    expect(thrown(() => cache.get(broken))).toBe(error);
    expect(new RegistryCache({ watch: false }).get(broken).flags.get("a")?.type).toBe("release");
  });
});
