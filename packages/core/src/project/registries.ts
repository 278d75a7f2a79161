// The registries of one run: an explicit one (`--registry`), or the nearest one above each file.
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../clock.js";
import { loadRegistry, NearestRegistry, RegistryError, type RegistryProblem } from "../registry/index.js";
import type { Registry } from "../types.js";
import type { RegistryMemo } from "./file-cache.js";

export class RegistrySet {
  private readonly loaded = new Map<string, Registry>();
  private readonly problems: RegistryProblem[] = [];
  private readonly nearest: NearestRegistry;
  private readonly explicit?: string;
  private readonly folders = new Map<string, readonly string[]>();

  /**
   * `folders`: the registry file names each walked folder lists (WalkResult.folders), which spares
   * a look at the disk for every folder.
   */
  constructor(
    cwd: string,
    explicit?: string,
    folders?: ReadonlyMap<string, readonly string[]>,
    /** `--cache`: registries parsed by earlier runs, by path and text. */
    private readonly memo?: RegistryMemo,
  ) {
    if (folders) this.learnFolders(folders);
    if (explicit) {
      this.explicit = path.resolve(cwd, explicit);
      if (!fs.existsSync(this.explicit)) throw new UsageError(`--registry ${explicit}: no such file`);
      this.add(this.explicit);
    }
    // A walked folder that lists no registry name has none: no look at the disk for it.
    const listed = (dir: string) => {
      const names = this.folders.get(dir);
      return names === undefined ? undefined : names.length > 0;
    };
    this.nearest = new NearestRegistry(this.explicit, listed);
  }

  /** Loads each registry file once per run, however many files it governs. */
  add(file: string): Registry | undefined {
    if (this.explicit && file !== this.explicit) return undefined;
    const cached = this.loaded.get(file);
    if (cached) return cached;
    try {
      const registry = loadRegistry(file, this.memo);
      this.loaded.set(file, registry);
      return registry;
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      if (!this.problems.some((problem) => problem.file === file)) this.problems.push(...error.problems);
      return undefined;
    }
  }

  /** More walked folders (a registry's whole tree, walked after the paths a run names). */
  learnFolders(folders: ReadonlyMap<string, readonly string[]>): void {
    for (const [dir, names] of folders) this.folders.set(dir, names);
  }

  /** The registry file that governs a file, without loading it. */
  pathFor(file: string): string | undefined {
    return this.nearest.forFile(file);
  }

  /** Whether an explicit registry (`--registry`) governs every file. */
  get isExplicit(): boolean {
    return this.explicit !== undefined;
  }

  forFile(file: string): Registry | undefined {
    if (this.explicit) return this.loaded.get(this.explicit);
    const registryPath = this.nearest.forFile(file);
    return registryPath ? this.add(registryPath) : undefined;
  }

  governs(registry: Registry, file: string): boolean {
    return this.forFile(file) === registry;
  }

  all(): Registry[] {
    return [...this.loaded.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  throwProblems(): void {
    if (this.problems.length > 0) throw new RegistryError(this.problems);
  }
}
