// What a file's findings depend on besides its text and ESLint's config: every registry's content
// and today's date. Carried in the plugin's configs, so `eslint --cache`, which keys a file's
// results on its text and the config, lints again when a registry changes or the day turns.
import path from "node:path";
import { findRegistry, registryHash, resolveNow, walkProject } from "@flaglint/core";

/** The `settings` entry; flaglint's rules never read it, ESLint's cache hashes it with the config. */
export const CACHE_KEY_SETTING = "flaglintCacheKey";

export interface CacheKey {
  /** The UTC date findings are judged on (FLAGLINT_NOW, else the clock); `settings.flaglint.now` is in the config already. */
  today: string;
  /** Each registry under `cwd`, and the one that governs `cwd` from above, by path relative to `cwd`: a hash of its bytes. */
  registries: Record<string, string>;
}

export interface CacheKeyOptions {
  cwd: string;
  env?: string | undefined;
  clock?: () => Date;
}

/** Never throws: a config that cannot load would stop ESLint altogether, and the rules report the problem. */
export function cacheKey({ cwd, env, clock }: CacheKeyOptions): CacheKey {
  return { today: today(env, clock), registries: registryHashes(cwd) };
}

/**
 * The cache key as ESLint's cache reads it: worked out when ESLint first serialises the config to
 * hash it (`eslint --cache` does, through `toJSON`), not when the config loads. Walking the folder
 * for registries would otherwise cost every run without the cache, and every editor start, a
 * second or more on a large monorepo. Worked out once: ESLint hashes each config once per run.
 */
export function lazyCacheKey(options: CacheKeyOptions): LazyCacheKey {
  let key: CacheKey | undefined;
  // A closure, not `this`: ESLint's config merging copies the object's own properties.
  return { toJSON: () => (key ??= cacheKey(options)) };
}

/** What the config carries: the key itself appears only when the config is serialised. */
export interface LazyCacheKey {
  toJSON(): CacheKey;
}

function today(env: string | undefined, clock: (() => Date) | undefined): string {
  try {
    return resolveNow({ ...(env === undefined ? {} : { env }), ...(clock === undefined ? {} : { clock }) });
  } catch (error) {
    // A wrong FLAGLINT_NOW is reported by every rule; it still keys the cache.
    return `invalid ${env ?? ""}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function registryHashes(cwd: string): Record<string, string> {
  const found = new Set<string>();
  const above = findRegistry(path.resolve(cwd));
  if (above !== undefined) found.add(above);
  try {
    for (const registry of walkProject({ cwd, paths: [] }).registries) found.add(registry);
  } catch {
    // An unreadable folder: the registries found so far still key the cache.
  }
  const hashes: Record<string, string> = {};
  for (const registry of [...found].sort()) hashes[path.relative(cwd, registry) || "."] = contentHash(registry);
  return hashes;
}

function contentHash(file: string): string {
  // Short: it is a key, not a check of integrity. The same SHA-256 as the shards' registry hashes.
  return registryHash(file).slice(0, 16) || "unreadable";
}
