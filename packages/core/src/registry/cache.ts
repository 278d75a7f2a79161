// Registries kept across files and runs, for processes that live for hours (ESLint in an editor).
import { statSync } from "node:fs";
import type { Registry } from "../types.js";
import { loadRegistry } from "./parse.js";
import { fileProblem, RegistryError } from "./problems.js";

interface Entry {
  mtimeMs: number;
  size: number;
  /** A failed load is kept too: a broken file is not re-parsed for every source file that asks. */
  result: Registry | RegistryError;
}

export class RegistryCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * `watch: false` for a process that reads its files once (ESLint's command line): a registry read
   * is kept for the life of the cache, with no stat to ask whether it changed.
   */
  constructor(private readonly options: { watch: boolean } = { watch: true }) {}

  /**
   * The registry at `path` (absolute): the same object while the file's mtime and size stay
   * the same, read again when either changes. Throws the load's `RegistryError`, the same
   * instance until the file changes.
   */
  get(path: string): Registry {
    if (!this.options.watch) {
      const kept = this.entries.get(path);
      if (kept !== undefined) return resultOf(kept);
    }
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) {
      this.entries.delete(path);
      throw new RegistryError([fileProblem(path, "cannot read the registry: file not found")]);
    }
    let entry = this.entries.get(path);
    if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, result: loadOrError(path) };
      this.entries.set(path, entry);
    }
    return resultOf(entry);
  }

  /** Forgets every registry, so the next `get` reads from disk. */
  clear(): void {
    this.entries.clear();
  }
}

function resultOf(entry: Entry): Registry {
  if (entry.result instanceof RegistryError) throw entry.result;
  return entry.result;
}

function loadOrError(path: string): Registry | RegistryError {
  try {
    return loadRegistry(path);
  } catch (error) {
    return error instanceof RegistryError ? error : new RegistryError([fileProblem(path, `cannot read the registry: ${String(error)}`)]);
  }
}
