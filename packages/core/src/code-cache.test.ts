import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleIfCurrent, privateCacheDir, requireWithCodeCache, sourceText } from "./code-cache.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-code-cache-test-"));
  folders.push(dir);
  return dir;
}

/** A CommonJS package `lib` in a fresh folder, and a file to require it from. */
function library(): { from: string; file: string; cache: string } {
  const root = tempDir();
  fs.mkdirSync(path.join(root, "node_modules/lib"), { recursive: true });
  fs.writeFileSync(path.join(root, "node_modules/lib/package.json"), '{ "name": "lib", "main": "index.js" }\n');
  fs.writeFileSync(
    path.join(root, "node_modules/lib/index.js"),
    'const path = require("path");\nexports.twice = (n) => n * 2;\nexports.base = path.basename(__filename);\nexports.self = module.id;\n',
  );
  fs.mkdirSync(path.join(root, "cache"), { mode: 0o700 });
  return { from: path.join(root, "main.js"), file: path.join(root, "node_modules/lib/index.js"), cache: path.join(root, "cache") };
}

function forget(file: string): void {
  const cache = createRequire(file).cache;
  Reflect.deleteProperty(cache, file);
}

// The built module, in a fresh process each time: V8 keeps what it compiled for the life of an
// isolate, and would not look at the cache file again in this one.
const BUILT = pathToFileURL(fileURLToPath(new URL("../dist/code-cache.js", import.meta.url))).href;

function loadInChild(from: string, cache: string): number {
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(BUILT)}); process.stdout.write(String(requireWithCodeCache("lib", ${JSON.stringify(from)}, { dir: ${JSON.stringify(cache)} }).twice(21)));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(child.stderr).toBe("");
  return Number(child.stdout);
}

describe("requireWithCodeCache", () => {
  it("loads the module as require does and registers it, so the next require gets the same one", () => {
    const { from, file, cache } = library();
    const first = requireWithCodeCache("lib", from, { dir: cache }) as { twice: (n: number) => number; base: string };
    expect(first.twice(21)).toBe(42);
    expect(first.base).toBe("index.js");
    // The cache is written as the process exits, with what the run compiled.
    expect(fs.readdirSync(cache)).toEqual([]);
    expect(createRequire(from)("lib")).toBe(first);
    forget(file);
  });

  it("with a warm-up, makes the cache right after it, and does not warm up a run that uses the cache", () => {
    const { from, file, cache } = library();
    const warmed: unknown[] = [];
    const first = requireWithCodeCache("lib", from, { dir: cache, warmUp: (exports) => warmed.push(exports) });
    expect(warmed).toEqual([first]);
    expect(fs.readdirSync(cache)).toEqual([expect.stringMatching(/^index-[0-9a-f]{8}-[0-9a-f]{20}\.v8cache$/)]);
    forget(file);
    const second = requireWithCodeCache("lib", from, { dir: cache, warmUp: (exports) => warmed.push(exports) }) as { twice: (n: number) => number };
    expect(second.twice(4)).toBe(8);
    expect(warmed).toHaveLength(1);
    forget(file);
  });

  it("a warm-up that throws still gives the module and its cache", () => {
    const { from, file, cache } = library();
    const loaded = requireWithCodeCache("lib", from, {
      dir: cache,
      warmUp: () => {
        throw new Error("no sample today");
      },
    }) as { twice: (n: number) => number };
    expect(loaded.twice(5)).toBe(10);
    expect(fs.readdirSync(cache)).toEqual([expect.stringMatching(/^index-[0-9a-f]{8}-[0-9a-f]{20}\.v8cache$/)]);
    forget(file);
  });

  it("keeps the compiled code, uses it the next time, and writes a cache V8 rejects anew", () => {
    const { from, cache } = library();
    expect(loadInChild(from, cache)).toBe(42);
    const [written] = fs.readdirSync(cache);
    expect(written).toMatch(/^index-[0-9a-f]{8}-[0-9a-f]{20}\.v8cache$/);
    const cacheFile = path.join(cache, written!);
    const past = new Date("2026-01-01T00:00:00Z");
    fs.utimesSync(cacheFile, past, past);
    expect(loadInChild(from, cache)).toBe(42);
    // Accepted by V8: not written again.
    expect(fs.statSync(cacheFile).mtime).toEqual(past);

    fs.writeFileSync(cacheFile, "not a code cache");
    expect(loadInChild(from, cache)).toBe(42);
    expect(fs.readFileSync(cacheFile, "utf8")).not.toBe("not a code cache");

    // The module changes (an upgrade): its new code is kept, and the old code's cache goes.
    fs.appendFileSync(path.join(path.dirname(from), "node_modules/lib/index.js"), "exports.more = true;\n");
    expect(loadInChild(from, cache)).toBe(42);
    const now = fs.readdirSync(cache);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(written);
  });

  it("keeps the caches of the same module in two places (two checkouts) side by side", () => {
    const one = library();
    const two = library();
    expect(loadInChild(one.from, one.cache)).toBe(42);
    expect(loadInChild(two.from, one.cache)).toBe(42);
    expect(fs.readdirSync(one.cache)).toHaveLength(2);
    // Each is used, not written again, when its place loads the module next.
    const past = new Date("2026-01-01T00:00:00Z");
    for (const name of fs.readdirSync(one.cache)) fs.utimesSync(path.join(one.cache, name), past, past);
    expect(loadInChild(one.from, one.cache)).toBe(42);
    expect(loadInChild(two.from, one.cache)).toBe(42);
    expect(fs.readdirSync(one.cache).map((name) => fs.statSync(path.join(one.cache, name)).mtime)).toEqual([past, past]);
  });
});

describe("sourceText", () => {
  it("reads ASCII bytes and UTF-8 ones as the text they encode", () => {
    const ascii = "export const a = \"b\";\n";
    const accented = "exports.word = \"déjà ✓ 旗\";\n";
    expect(sourceText(Buffer.from(ascii, "utf8"))).toBe(ascii);
    expect(sourceText(Buffer.from(accented, "utf8"))).toBe(accented);
  });

  it("gives a module with non-ASCII text its strings intact through the code cache", () => {
    const { from, file, cache } = library();
    fs.writeFileSync(file, 'exports.word = "déjà ✓ 旗";\n');
    expect((requireWithCodeCache("lib", from, { dir: cache, warmUp: () => undefined }) as { word: string }).word).toBe("déjà ✓ 旗");
    forget(file);
    expect((requireWithCodeCache("lib", from, { dir: cache }) as { word: string }).word).toBe("déjà ✓ 旗");
    forget(file);
  });
});

describe("privateCacheDir", () => {
  it.runIf(process.getuid !== undefined)("makes a folder only its user can enter, and refuses one that others can write to or a link", () => {
    const tmp = tempDir();
    const dir = privateCacheDir(tmp);
    expect(dir).toBe(path.join(tmp, `flaglint-code-cache-${process.getuid!()}`));
    expect(fs.statSync(dir!).mode & 0o777).toBe(0o700);
    expect(privateCacheDir(tmp)).toBe(dir);

    fs.chmodSync(dir!, 0o777);
    expect(privateCacheDir(tmp)).toBeUndefined();

    const other = tempDir();
    fs.rmSync(dir!, { recursive: true });
    fs.symlinkSync(other, dir!);
    expect(privateCacheDir(tmp)).toBeUndefined();
  });
});

describe("bundleIfCurrent", () => {
  it("picks the bundle while it is as new as the build it was made from, and the modules once they are rebuilt", () => {
    const dir = tempDir();
    const modules = path.join(dir, "worker.js");
    const bundle = path.join(dir, "worker.bundle.mjs");
    const buildInfo = path.join(dir, ".tsbuildinfo");
    fs.writeFileSync(modules, "");
    const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
    const pick = () => bundleIfCurrent(pathToFileURL(modules), pathToFileURL(bundle), [pathToFileURL(modules), pathToFileURL(buildInfo)]).pathname;

    expect(pick()).toBe(pathToFileURL(modules).pathname); // no bundle: built with tsc -b alone
    fs.writeFileSync(bundle, "");
    at(modules, 1_000);
    at(bundle, 1_000);
    expect(pick()).toBe(pathToFileURL(bundle).pathname);
    at(modules, 2_000); // rebuilt by tsc -b after the bundle
    expect(pick()).toBe(pathToFileURL(modules).pathname);
    at(modules, 1_000);
    fs.writeFileSync(buildInfo, "");
    at(buildInfo, 3_000); // another module the worker imports was rebuilt
    expect(pick()).toBe(pathToFileURL(modules).pathname);
    at(bundle, 3_000); // bundled again (npm run build)
    expect(pick()).toBe(pathToFileURL(bundle).pathname);
  });
});
