// `--cache`, `--cache-location`, `--cache-strategy` (ESLint's conventions), shared by check, report and init.
import { Option, type Command } from "commander";
import type { CacheOptions, CacheStrategy } from "@flaglint/core";
import type { CliIO } from "./io.js";
import { VERSION } from "./version.js";

export interface CacheFlags {
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: CacheStrategy;
}

export const DEFAULT_CACHE_LOCATION = "node_modules/.cache/flaglint/";

export function cacheOption(): Option {
  return new Option("--cache", "reuse what unchanged files yielded last run; registry rules are still checked every run");
}

export function cacheLocationOption(): Option {
  return new Option("--cache-location <path>", `the cache file, or a folder for it (default: ${DEFAULT_CACHE_LOCATION})`);
}

export function cacheStrategyOption(): Option {
  return new Option("--cache-strategy <strategy>", "how a changed file is told: by mtime and size, or by content (for CI, where checkouts reset mtimes)")
    .choices(["metadata", "content"])
    .default("metadata");
}

/** Adds --cache, --cache-location and --cache-strategy to a command. */
export function withCacheOptions(command: Command): Command {
  return command.addOption(cacheOption()).addOption(cacheLocationOption()).addOption(cacheStrategyOption());
}

/** The engine's cache options, or undefined without --cache; notes go to stderr, one line each. */
export function cacheOptions(flags: CacheFlags, io: CliIO): CacheOptions | undefined {
  if (!flags.cache) return undefined;
  return {
    location: flags.cacheLocation ?? DEFAULT_CACHE_LOCATION,
    strategy: flags.cacheStrategy,
    version: VERSION,
    onNote: (message) => io.stderr.write(`flaglint: ${message}\n`),
  };
}
