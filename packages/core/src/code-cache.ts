// How large files load fast: a bundle (scripts/bundle.mjs) while it is current, and V8's code cache.
//
// Loads a large CommonJS module (the TypeScript compiler, 9 MB; the CLI's own bundle, 1.4 MB) with
// V8's code cache, as Node 22's module.enableCompileCache() does for every module: V8 compiles the
// file once and keeps the result on disk, so a later run skips compiling it (about 0.2 s down to
// under 0.1 s for the compiler). V8 compiles most of a file's functions only when they are first
// called, and a cache holds what was compiled when it was made, so it is made after the module has
// done some work: right after a warm-up the caller gives (the compiler parses a sample), or else as
// the process exits. Not always at exit: over a long run V8 drops the bytecode of functions not
// used for a while (the compiler's 9 MB top level among them), and a cache made then would leave
// every later run to compile that again (0.11 s).
// The cache lives in a folder of the temporary directory that belongs to this user alone (mode
// 0700, checked before every use: code read from there runs); anything unexpected, and the module
// is simply required. Node 20 has no compile cache of its own.
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { threadId } from "node:worker_threads";

export interface CodeCacheOptions {
  /** The cache folder (default: privateCacheDir()). */
  dir?: string;
  /**
   * Called with the module's exports on a run that makes the cache, just before it is made, so
   * that what it calls is compiled and kept; without it the cache is made as the process exits.
   */
  warmUp?: (exports: unknown) => void;
}

/** `require(specifier)` from `from`, through the code cache where it can be used. */
export function requireWithCodeCache(specifier: string, from: string, options: CodeCacheOptions = {}): unknown {
  const require = createRequire(from);
  const file = require.resolve(specifier);
  // Loaded already (an ESLint process: the parser loaded it): the same module, not a second copy.
  const known = require.cache[file];
  if (known !== undefined) return known.exports;
  return loadWithCodeCache(file, options);
}

/**
 * The CommonJS module at `file` (an absolute path), through the code cache where it can be used;
 * required the plain way otherwise. For a file Node has not loaded yet.
 */
export function loadWithCodeCache(file: string, options: CodeCacheOptions = {}): unknown {
  const dir = options.dir ?? privateCacheDir();
  if (dir === undefined) return createRequire(file)(file);
  try {
    return loadCached(file, dir, options.warmUp);
  } catch {
    // A cache that cannot be read or written is no reason to fail: the plain way gives the same module.
    return createRequire(file)(file);
  }
}

/** Part of every cache's key: 2 since caches are made after some work (those of 1 held the top level only). */
const CACHE_FORMAT = 2;

function loadCached(file: string, dir: string, warmUp: CodeCacheOptions["warmUp"]): unknown {
  const source = sourceText(fs.readFileSync(file));
  const stat = fs.statSync(file);
  const key = createHash("sha1").update(`${CACHE_FORMAT}\0${file}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`).digest("hex").slice(0, 20);
  // Named by the file's place, then its version: a new version replaces the caches of the same
  // place only, so two checkouts (each with its own compiler) do not delete each other's.
  const place = createHash("sha1").update(file).digest("hex").slice(0, 8);
  const cacheFile = path.join(dir, `${path.basename(file).replace(/\.[cm]?js$/, "")}-${place}-${key}.v8cache`);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  // Whoever requires it next gets this module.
  createRequire(file).cache[file] = module;
  if (cachedData === undefined || script.cachedDataRejected === true) {
    const write = () => {
      writeAtomically(cacheFile, script.createCachedData());
      removeOlderCaches(cacheFile);
    };
    if (warmUp === undefined) {
      // A process that dies before its exit leaves the next run to write it.
      process.once("exit", write);
    } else {
      try {
        warmUp(module.exports);
      } catch {
        // The warm-up only decides what the cache holds.
      }
      write();
    }
  }
  return module.exports as unknown;
}

/**
 * A module's text. The compiler is all ASCII, whose bytes are the same text in Latin-1: decoding
 * 9 MB so takes 4 ms, where `readFileSync(file, "utf8")` spends 17 ms reading and decoding it.
 */
export function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** The caches of earlier versions of the same file, at the same place (a rebuilt bundle, an upgraded compiler): they would only pile up. */
function removeOlderCaches(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const name = path.basename(cacheFile);
  const prefix = name.slice(0, name.lastIndexOf("-") + 1);
  try {
    for (const other of fs.readdirSync(dir)) {
      if (other !== name && other.startsWith(prefix) && other.endsWith(".v8cache") && /^[0-9a-f]{20}\.v8cache$/.test(other.slice(prefix.length))) {
        fs.rmSync(path.join(dir, other), { force: true });
      }
    }
  } catch {
    // Left for the next write to try again.
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, data: Buffer): void {
  // Worker threads share the process id, and may load the compiler at the same moment.
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * `<tmp>/flaglint-code-cache-<uid>`, made if need be, when it is a real folder of this user's that
 * nobody else can write to; `undefined` otherwise, or where there are no user ids (Windows).
 */
export function privateCacheDir(tmp = os.tmpdir()): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = path.join(tmp, `flaglint-code-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  try {
    const stat = fs.lstatSync(dir);
    const privateToUser = stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0;
    return privateToUser ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `bundle` when it exists and is at least as new as every file of `build` that exists, else
 * `modules`: in a checkout, `tsc -b` alone leaves a bundle older than the build it was made from,
 * and the modules tsc wrote are the current code. An installed package has no build info: its
 * bundle is the build.
 */
export function bundleIfCurrent(modules: URL, bundle: URL, build: readonly URL[]): URL {
  return isCurrent(bundle, build) ? bundle : modules;
}

/**
 * An entry's exports: its bundle, through the code cache, while it is current (bundleIfCurrent);
 * otherwise what `modules` gives, the built modules loaded the entry's own way (`import()` or
 * `require()`). The CLI's binary and the ESLint plugin's entry both load this way.
 */
export function loadCurrentBundle(bundle: URL, build: readonly URL[], modules: () => unknown): unknown {
  return isCurrent(bundle, build) ? loadWithCodeCache(fileURLToPath(bundle)) : modules();
}

function isCurrent(bundle: URL, build: readonly URL[]): boolean {
  const bundled = modifiedAt(bundle);
  return bundled !== undefined && build.every((file) => (modifiedAt(file) ?? 0) <= bundled);
}

function modifiedAt(url: URL): number | undefined {
  return fs.statSync(url, { throwIfNoEntry: false })?.mtimeMs;
}
