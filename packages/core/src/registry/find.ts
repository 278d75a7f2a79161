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
