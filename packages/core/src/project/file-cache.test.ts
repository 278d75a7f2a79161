import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProject, analyzeProjectAsync } from "./analyze.js";
import { loadRegistry } from "../registry/index.js";
import { FileCache, cacheFile, type CacheOptions } from "./file-cache.js";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const NOW = "2026-11-26";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-cache-"));
  folders.push(dir);
  return dir;
}

function cacheIn(dir: string, notes: string[] = []): CacheOptions {
  return { location: path.join(dir, "cache.json"), strategy: "content", version: "1.2.3", onNote: (note) => notes.push(note) };
}

describe("--cache over whole projects", () => {
  // Worker threads run the built core (npx tsc -b first): their outcomes say whether they may be cached.
  it.each(["shapes-cross-package", "shapes-definition-objects", "monorepo", "sdk-launchdarkly"])(
    "%s: a run that writes the cache and one that reads it give the uncached result, on worker threads too",
    async (fixture) => {
      const dir = tempDir();
      const options = { cwd: REPO_ROOT, paths: [`fixtures/${fixture}`], now: NOW };
      const expected = analyzeProject(options);
      const notes: string[] = [];
      expect(await analyzeProjectAsync({ ...options, workers: 2, cache: cacheIn(dir, notes) })).toStrictEqual(expected);
      expect(fs.existsSync(path.join(dir, "cache.json"))).toBe(true);
      expect(await analyzeProjectAsync({ ...options, workers: 2, cache: cacheIn(dir, notes) })).toStrictEqual(expected);
      expect(analyzeProject({ ...options, cache: cacheIn(dir, notes) })).toStrictEqual(expected);
      expect(notes).toEqual([]);
    },
  );
});

describe("FileCache", () => {
  const target = { detect: { sdks: [], calls: [], objects: [], constants: [], properties: [] }, registryDir: "/r", registryKeys: ["a"] } as never;
  const analysis = { references: [], notes: [], directives: [] };

  it("keeps an entry under its key and configuration only", () => {
    const dir = tempDir();
    const first = new FileCache(cacheIn(dir), dir);
    first.set(path.join(dir, "a.ts"), "k1", target, { analysis, mayExport: false });
    first.save();
    const second = new FileCache(cacheIn(dir), dir);
    expect(second.get(path.join(dir, "a.ts"), "k1", target)).toMatchObject({ analysis, mayExport: false });
    expect(second.get(path.join(dir, "a.ts"), "k2", target)).toBeUndefined();
    const otherKeys = { ...(target as object), registryKeys: ["a", "b"] } as never;
    expect(new FileCache(cacheIn(dir), dir).get(path.join(dir, "a.ts"), "k1", otherKeys)).toBeUndefined();
  });

  it("two runs saving at once leave one whole cache, and no temporary file", () => {
    const dir = tempDir();
    const one = new FileCache(cacheIn(dir), dir);
    const two = new FileCache(cacheIn(dir), dir);
    one.set(path.join(dir, "a.ts"), "one", target, { analysis, mayExport: false });
    two.set(path.join(dir, "a.ts"), "two", target, { analysis: null, mayExport: true });
    one.save();
    two.save();
    const document = JSON.parse(fs.readFileSync(path.join(dir, "cache.json"), "utf8")) as { entries: Record<string, unknown> };
    expect(document.entries["a.ts"]).toEqual(["two", 0, 1]);
    expect(fs.readdirSync(dir)).toEqual(["cache.json"]);
  });

  it("writes a file that yielded nothing as [key, configuration, may export], and reads it back whole", () => {
    const dir = tempDir();
    const first = new FileCache(cacheIn(dir), dir);
    const other = { ...(target as object), registryKeys: ["a", "b"] } as never;
    first.set(path.join(dir, "empty.ts"), "k1", target, { analysis: null, mayExport: false });
    first.set(path.join(dir, "exports.ts"), "k2", other, { analysis: null, mayExport: true });
    first.set(path.join(dir, "checks.ts"), "k3", target, { analysis, mayExport: false });
    first.save();
    const document = JSON.parse(fs.readFileSync(path.join(dir, "cache.json"), "utf8")) as { configs: string[]; entries: Record<string, unknown> };
    expect(document.configs).toHaveLength(2);
    expect(document.entries).toEqual({
      "empty.ts": ["k1", 0],
      "exports.ts": ["k2", 1, 1],
      "checks.ts": { key: "k3", config: 0, analysis, mayExport: false },
    });
    const second = new FileCache(cacheIn(dir), dir);
    expect(second.get(path.join(dir, "empty.ts"), "k1", target)).toMatchObject({ analysis: null, mayExport: false });
    expect(second.get(path.join(dir, "exports.ts"), "k2", other)).toMatchObject({ analysis: null, mayExport: true });
    expect(second.get(path.join(dir, "exports.ts"), "k2", target)).toBeUndefined();
    expect(second.get(path.join(dir, "checks.ts"), "k3", target)).toMatchObject({ analysis, mayExport: false });
  });

  it("drops entries that name no configuration or are shaped otherwise, and ignores a cache of another layout, silently", () => {
    const dir = tempDir();
    const first = new FileCache(cacheIn(dir), dir);
    first.set(path.join(dir, "a.ts"), "k1", target, { analysis: null, mayExport: false });
    first.save();
    const file = path.join(dir, "cache.json");
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as { layout?: number; entries: Record<string, unknown> };
    document.entries = { "a.ts": ["k1", 0], "b.ts": ["k1", 7], "c.ts": ["k1", 0, "yes"], "d.ts": { key: "k1", config: "0", analysis: null, mayExport: false } };
    fs.writeFileSync(file, JSON.stringify(document));
    const notes: string[] = [];
    const read = new FileCache(cacheIn(dir, notes), dir);
    expect(read.get(path.join(dir, "a.ts"), "k1", target)).toBeDefined();
    for (const name of ["b.ts", "c.ts", "d.ts"]) expect(read.get(path.join(dir, name), "k1", target)).toBeUndefined();
    // Entries of files this run does not look at are kept as they are, unless they name no configuration.
    for (const name of ["e.ts", "f.ts", "g.ts"]) fs.writeFileSync(path.join(dir, name), "");
    fs.writeFileSync(file, JSON.stringify({ ...document, entries: { ...document.entries, "e.ts": null, "f.ts": "text", "g.ts": ["k9", 0] } }));
    const keeping = new FileCache(cacheIn(dir, notes), dir);
    keeping.set(path.join(dir, "a.ts"), "k2", target, { analysis: null, mayExport: false });
    keeping.save();
    expect((JSON.parse(fs.readFileSync(file, "utf8")) as { entries: Record<string, unknown> }).entries).toEqual({ "a.ts": ["k2", 0], "g.ts": ["k9", 0] });
    delete document.layout;
    fs.writeFileSync(file, JSON.stringify(document));
    expect(new FileCache(cacheIn(dir, notes), dir).get(path.join(dir, "a.ts"), "k1", target)).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it("writes only the configurations its entries name, numbered anew, so the list does not grow as the registry changes", () => {
    const dir = tempDir();
    const other = { ...(target as object), registryKeys: ["a", "b"] } as never;
    const third = { ...(target as object), registryKeys: ["c"] } as never;
    fs.writeFileSync(path.join(dir, "kept.ts"), "");
    const first = new FileCache(cacheIn(dir), dir);
    first.set(path.join(dir, "a.ts"), "k1", target, { analysis: null, mayExport: false });
    first.set(path.join(dir, "kept.ts"), "k2", other, { analysis, mayExport: false });
    first.save();
    const read = () => JSON.parse(fs.readFileSync(path.join(dir, "cache.json"), "utf8")) as { configs: string[]; entries: Record<string, unknown> };
    const [targetHash, otherHash] = read().configs;

    // a.ts is analysed again under a third configuration; kept.ts is not looked at (a run on other paths).
    const second = new FileCache(cacheIn(dir), dir);
    second.set(path.join(dir, "a.ts"), "k1", third, { analysis: null, mayExport: true });
    second.save();
    const document = read();
    expect(document.configs).toHaveLength(2);
    expect(document.configs[0]).toBe(otherHash);
    expect(document.configs).not.toContain(targetHash);
    expect(document.entries).toEqual({ "kept.ts": { key: "k2", config: 0, analysis, mayExport: false }, "a.ts": ["k1", 1, 1] });
    const after = new FileCache(cacheIn(dir), dir);
    expect(after.get(path.join(dir, "kept.ts"), "k2", other)).toMatchObject({ analysis, mayExport: false });
    expect(after.get(path.join(dir, "a.ts"), "k1", third)).toMatchObject({ analysis: null, mayExport: true });
  });

  it("names a file inside a folder location, and the file itself otherwise", () => {
    const dir = tempDir();
    expect(cacheFile("cache/", dir)).toBe(path.join(dir, "cache", "flaglint-cache.json"));
    expect(cacheFile(".", dir)).toBe(path.join(dir, "flaglint-cache.json"));
    expect(cacheFile("custom.json", dir)).toBe(path.join(dir, "custom.json"));
  });

  it("gives back every fixture's registry as parsed, for the same path and text only", () => {
    const dir = tempDir();
    const files = fs
      .readdirSync(path.join(REPO_ROOT, "fixtures"))
      .map((fixture) => path.join(REPO_ROOT, "fixtures", fixture, "feature-flags.yaml"))
      .filter((file) => fs.existsSync(file));
    expect(files.length).toBeGreaterThan(10);
    const writing = new FileCache(cacheIn(dir), dir);
    const memo = writing.registries();
    const parsed = files.map((file) => loadRegistry(file, memo));
    writing.save();
    const reading = new FileCache(cacheIn(dir), dir).registries();
    files.forEach((file, index) => {
      const text = fs.readFileSync(file, "utf8");
      expect(reading.get(file, text)).toStrictEqual(parsed[index]);
      expect(reading.get(file, `${text}\n# edited\n`)).toBeUndefined();
      expect(reading.get(path.join(dir, "elsewhere.yaml"), text)).toBeUndefined();
    });
  });
});
