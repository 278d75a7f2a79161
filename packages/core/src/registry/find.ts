// Which registry governs a directory: the nearest one on the way up.
import { statSync } from "node:fs";
import * as path from "node:path";
import { REGISTRY_FILE_NAMES } from "./defaults.js";

/**
 * The nearest registry file from `fromDir` upwards, preferring feature-flags.yaml over .yml
 * over .json in one directory. The search ends after `stopAt` (when given) or at the root.
 */
export function findRegistry(fromDir: string, stopAt?: string): string | undefined {
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    for (const name of REGISTRY_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Which registry governs a file, for the CLI, the ESLint plugin and cleanup alike: `explicit` when
 * given, else the nearest registry file above the file. Each folder is looked at once per finder.
 */
export class NearestRegistry {
  private readonly byDir = new Map<string, string | undefined>();

  /**
   * `hasRegistry`: what the caller already knows of a folder's registry files (true, false, or
   * undefined to look at the disk), which spares a look for every folder a walk listed.
   */
  constructor(
    private readonly explicit?: string,
    private readonly hasRegistry: (dir: string) => boolean | undefined = () => undefined,
  ) {}

  /** The registry file that governs `file` (an absolute path), or undefined when none does. */
  forFile(file: string): string | undefined {
    return this.explicit ?? this.forDir(path.dirname(file));
  }

  /** Forget what was seen: a registry may have been created or removed since. */
  clear(): void {
    this.byDir.clear();
  }

  private forDir(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const parent = path.dirname(dir);
    const found = (this.hasRegistry(dir) === false ? undefined : findRegistry(dir, dir)) ?? (parent === dir ? undefined : this.forDir(parent));
    this.byDir.set(dir, found);
    return found;
  }
}

/**
 * The nearest registry for a process that outlives the files it lints (ESLint in an editor): a
 * folder's own registry file is looked for again when the folder's mtime changes (a registry
 * created, renamed or deleted there), so "no registry here" is never kept past a change. The
 * answer costs one stat per folder from the file's folder up to its registry, and no file stats.
 */
export class WatchedNearestRegistry {
  private readonly byDir = new Map<string, { mtimeMs: number; registry: string | undefined }>();

  /** The registry file that governs `file` (an absolute path), or undefined when none does. */
  forFile(file: string): string | undefined {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const own = this.ownRegistry(dir);
      if (own !== undefined || path.dirname(dir) === dir) return own;
    }
  }

  private ownRegistry(dir: string): string | undefined {
    const mtimeMs = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    let seen = this.byDir.get(dir);
    if (seen === undefined || seen.mtimeMs !== mtimeMs) {
      seen = { mtimeMs, registry: mtimeMs === -1 ? undefined : findRegistry(dir, dir) };
      this.byDir.set(dir, seen);
    }
    return seen.registry;
  }
}
