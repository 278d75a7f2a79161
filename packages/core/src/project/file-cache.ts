// `--cache`: what each file yielded last time (its references, removal notes, directives, whether it
// may export a key), so that a run after a small change reads and parses only what changed. Keyed,
// as ESLint's cache, by mtime + size (`metadata`) or by a hash of the text (`content`), and by the
// flaglint version and a hash of the detect configuration. Registry-level rules and the flags'
// standings are never cached: they are computed again every run from the files' yields.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ModuleExports } from "../detect/constants-index.js";
import type { Lookup } from "../detect/external-names.js";
import type { DetectConfig, FileAnalysis, FlagDefinition, Registry } from "../types.js";
import { isRecord } from "../json-shape.js";
import { relativeTo } from "../paths.js";
import type { WalkMemo } from "./files.js";
import { validWalks, WalkRecords, type StoredWalk } from "./walk-memo.js";

/** What detection in a file depends on besides its text (detection's DetectionTarget has these). */
export interface CacheTarget {
  detect: DetectConfig;
  registryDir: string;
  registryKeys: readonly string[];
}

export type CacheStrategy = "metadata" | "content";

export interface CacheOptions {
  /**
   * A file, or a folder (an existing one, or a path ending in `/`) that gets `CACHE_FILE_NAME`
   * inside; relative to the run's working folder.
   */
  location: string;
  strategy: CacheStrategy;
  /** The flaglint version: a cache written by another version is not used. */
  version: string;
  /** A one-line note for the user: the cache file could not be used or written. */
  onNote?: (message: string) => void;
  /** Now, in milliseconds since the epoch, to tell how long before a walk a folder changed (WalkMemo); Date.now by default. */
  clock?: () => number;
}

export const CACHE_FILE_NAME = "flaglint-cache.json";
const FORMAT = "flaglint-cache";
/**
 * How entries are written: a cache of another layout (an earlier build of the same version) is
 * out of date, as one of another version is.
 */
const LAYOUT = 5;

/** What a file yielded: `analysis` is null when the pre-filter showed there was nothing to find. */
export interface CachedYield {
  analysis: FileAnalysis | null;
  /** The file may export a key by name: the cross-file index must know of it. */
  mayExport: boolean;
  /**
   * What the analysis asked other modules, and the answers: absent when it asked nothing. Such a
   * yield is used only when the questions, asked again, get the same answers.
   */
  lookups?: readonly Lookup[];
}

/**
 * What modules export, kept while they are unchanged (the cross-file index's ExportSource reads
 * through it): `compute` runs only for a module that is new or changed since the cache was written.
 */
export interface ModuleMemo {
  /** What the module exports as literal keys and links (`undefined`: nothing, or it does not parse). */
  exports(file: string, compute: () => ModuleExports | undefined): ModuleExports | undefined;
  /** The names the module's text may export a key by. */
  names(file: string, compute: () => readonly string[]): readonly string[];
  /** What the module exports by one name, read without the rest (`undefined`: it must be read whole). */
  exportsByName(file: string, name: string, compute: () => ModuleExports | undefined): ModuleExports | undefined;
}

/**
 * Registries as parsed before, by their path and text: parsing and validating a registry is
 * the same work every run until its file changes. The checks of the registry still run every time.
 */
export interface RegistryMemo {
  /** The registry `file` holds when its text is `text`, if an earlier run parsed that text there. */
  get(file: string, text: string): Registry | undefined;
  set(file: string, text: string, registry: Registry): void;
}

/** A registry as the cache file holds it: its flags as a list. */
type StoredRegistry = Omit<Registry, "flags"> & { flags: Array<[string, FlagDefinition]> };

/** What a module yields to the cross-file index, whoever governs it; `null` exports: none. */
interface ModuleEntry {
  key: string;
  exports?: ModuleExports | null;
  names?: readonly string[];
  /** By name: what a large module exports by it alone; null: the module must be read whole. */
  byName?: Record<string, ModuleExports | null>;
}

/**
 * An entry as the file holds it, and as a run keeps it: `key` is `mtimeMs:size` or the text's
 * hash, per the strategy; `config` an index into the document's `configs` (hashes of the detect
 * configurations). Most files of a tree hold nothing the pre-filter lets through: those are
 * `[key, config, 1 if it may export a key]`, a fifth of the object's size; the others are objects.
 */
type StoredEntry = [key: string, config: number, mayExport?: 1] | (CachedYield & { key: string; config: number });

/** The yield of a file in which the pre-filter found nothing, by whether it may export a key. */
const NOTHING: CachedYield = Object.freeze({ analysis: null, mayExport: false });
const NOTHING_EXPORTED: CachedYield = Object.freeze({ analysis: null, mayExport: true });

interface CacheDocument {
  format: typeof FORMAT;
  layout: typeof LAYOUT;
  flaglint: string;
  strategy: CacheStrategy;
  /** The hashes of the detect configurations the entries were analysed with. */
  configs: string[];
  entries: Record<string, StoredEntry>;
  /** By file name, as entries: what each module exports, for the cross-file index. */
  modules?: Record<string, ModuleEntry>;
  /** By a hash of each registry's path and text: the registry parsed from them. */
  registries?: Record<string, StoredRegistry>;
  /** Metadata strategy: by the path of each walk's root, what it read of each folder (WalkRecords). */
  walks?: Record<string, StoredWalk>;
}

/** The cache of one run: read once at the start, written once (atomically) at the end. */
export class FileCache {
  readonly file: string;
  /**
   * The cache file's entries as read, each checked only when asked for: a warm run asks for every
   * one, and taking them as they are saves converting thousands of them both ways.
   */
  private readonly entries: Record<string, unknown>;
  private readonly next = new Map<string, StoredEntry>();
  /** The configurations the entries of `next` name by index: the file's, then this run's new ones. */
  private readonly configList: Array<string | undefined>;
  private readonly configIndexes = new Map<string, number>();
  private readonly moduleEntries: Record<string, ModuleEntry>;
  private readonly registryEntries: Record<string, StoredRegistry>;
  private readonly nextRegistries: Record<string, StoredRegistry> = {};
  private readonly nextModules: Record<string, ModuleEntry> = {};
  /** Whether this run learnt anything the cache file does not hold: if not, it is not written again. */
  private changed = false;
  /** Files this run looked up: their old entries are replaced or dropped; the others' are kept. */
  private readonly visited = new Set<string>();
  /** The cache file as the user names it, for notes. */
  private readonly label: string;
  private readonly configs = new WeakMap<CacheTarget, string>();
  private readonly walkRecords: WalkRecords | undefined;

  constructor(
    private readonly options: CacheOptions,
    private readonly root: string,
  ) {
    this.file = cacheFile(options.location, root);
    this.label = path.relative(root, this.file).split(path.sep).join("/") || this.file;
    const document = this.read();
    this.entries = document.entries;
    this.configList = document.configs;
    document.configs.forEach((config, index) => {
      if (config !== undefined && !this.configIndexes.has(config)) this.configIndexes.set(config, index);
    });
    this.moduleEntries = document.modules;
    this.registryEntries = document.registries;
    // A folder's times are its metadata: with the content strategy (CI, fresh checkouts) they never match.
    if (options.strategy === "metadata") this.walkRecords = new WalkRecords(document.walks, root, (options.clock ?? Date.now)());
  }

  /** What earlier walks from `root` read (see WalkMemo); undefined with the content strategy. */
  walkMemo(root: string, ancestors: string): WalkMemo | undefined {
    return this.walkRecords?.memo(root, ancestors);
  }

  /** Registries parsed by earlier runs (see RegistryMemo); the ones this run uses are kept. */
  registries(): RegistryMemo {
    const keyOf = (file: string, text: string) => createHash("sha1").update(file).update("\0").update(text).digest("base64");
    return {
      get: (file, text) => {
        const key = keyOf(file, text);
        const stored = Object.hasOwn(this.registryEntries, key) ? this.registryEntries[key] : undefined;
        if (stored === undefined) return undefined;
        this.nextRegistries[key] = stored;
        return { ...stored, flags: new Map(stored.flags) };
      },
      set: (file, text, registry) => {
        this.nextRegistries[keyOf(file, text)] = { ...registry, flags: [...registry.flags] };
        this.changed = true;
      },
    };
  }

  get strategy(): CacheStrategy {
    return this.options.strategy;
  }

  /** The key of a file under the metadata strategy, without reading it; undefined when it cannot be stat'ed. */
  metadataKey(file: string): string | undefined {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
  }

  contentKey(text: string): string {
    return createHash("sha1").update(text).digest("base64");
  }

  /** What the file yielded when it had this key and this configuration; kept for the next run. */
  get(file: string, key: string, target: CacheTarget): CachedYield | undefined {
    const name = this.name(file);
    this.visited.add(name);
    const entry = Object.hasOwn(this.entries, name) ? this.entries[name] : undefined;
    if (entry === undefined) return undefined;
    const found = yieldOf(entry, key, this.configOf(target), this.configList);
    if (found !== undefined) this.next.set(name, entry as StoredEntry);
    return found;
  }

  set(file: string, key: string, target: CacheTarget, value: CachedYield): void {
    const name = this.name(file);
    this.visited.add(name);
    const config = this.indexOf(this.configOf(target));
    let entry: StoredEntry;
    if (value.analysis === null && value.lookups === undefined) entry = value.mayExport ? [key, config, 1] : [key, config];
    else entry = { key, config, analysis: value.analysis, mayExport: value.mayExport, ...(value.lookups === undefined ? {} : { lookups: value.lookups }) };
    this.next.set(name, entry);
    this.changed = true;
  }

  /** Drops what `get` gave for the file: it no longer holds (its lookups got other answers). */
  forget(file: string): void {
    this.next.delete(this.name(file));
    this.changed = true;
  }

  /**
   * What modules export, for the cross-file index, by the same key as the files' yields.
   * `readText` gives a module's text when the content strategy needs it for the key.
   */
  modules(readText: (file: string) => string | undefined): ModuleMemo {
    const keys = new Map<string, string | undefined>();
    const keyOf = (file: string): string | undefined => {
      if (!keys.has(file)) {
        const text = this.strategy === "content" ? readText(file) : undefined;
        keys.set(file, this.strategy === "metadata" ? this.metadataKey(file) : text === undefined ? undefined : this.contentKey(text));
      }
      return keys.get(file);
    };
    const entryOf = (file: string): ModuleEntry | undefined => {
      const key = keyOf(file);
      if (key === undefined) return undefined;
      const name = this.name(file);
      let entry = Object.hasOwn(this.nextModules, name) ? this.nextModules[name] : undefined;
      if (entry?.key === key) return entry;
      const old = Object.hasOwn(this.moduleEntries, name) ? this.moduleEntries[name] : undefined;
      entry = old?.key === key ? old : { key };
      this.nextModules[name] = entry;
      return entry;
    };
    return {
      exports: (file, compute) => {
        const entry = entryOf(file);
        if (entry === undefined) return compute();
        if (entry.exports === undefined) {
          entry.exports = compute() ?? null;
          this.changed = true;
        }
        return entry.exports ?? undefined;
      },
      names: (file, compute) => {
        const entry = entryOf(file);
        if (entry === undefined) return compute();
        if (entry.names === undefined) {
          entry.names = compute();
          this.changed = true;
        }
        return entry.names;
      },
      exportsByName: (file, name, compute) => {
        const entry = entryOf(file);
        if (entry === undefined) return compute();
        entry.byName ??= Object.create(null) as Record<string, ModuleExports | null>;
        let exports = Object.hasOwn(entry.byName, name) ? entry.byName[name] : undefined;
        if (exports === undefined) {
          exports = compute() ?? null;
          entry.byName[name] = exports;
          this.changed = true;
        }
        return exports ?? undefined;
      },
    };
  }

  /**
   * Writes the entries of this run (files that are gone drop out) through a temporary file and a
   * rename, so that two runs at once leave one whole cache, never a mix. A failure is a note: the
   * result does not depend on the cache.
   */
  save(): void {
    // A run on some paths keeps what other runs learned of the other files, while they exist.
    const kept: Array<[string, StoredEntry]> = [];
    // `for…in`, not Object.entries: a warm run visits every one of thousands, and pairs are not needed.
    for (const name in this.entries) {
      if (!Object.hasOwn(this.entries, name)) continue;
      if (this.visited.has(name)) {
        if (!this.next.has(name)) this.changed = true;
      } else if (fs.existsSync(path.resolve(this.root, name))) {
        kept.push([name, this.entries[name] as StoredEntry]);
      } else {
        this.changed = true;
      }
    }
    const keptModules: Array<[string, ModuleEntry]> = [];
    for (const [name, entry] of Object.entries(this.moduleEntries)) {
      if (Object.hasOwn(this.nextModules, name)) continue;
      if (fs.existsSync(path.resolve(this.root, name))) keptModules.push([name, entry]);
      else this.changed = true;
    }
    // Only the registries this run read are kept: an edited registry's old parse goes.
    if (Object.keys(this.registryEntries).some((key) => !Object.hasOwn(this.nextRegistries, key))) this.changed = true;
    // Nothing new: the file on disk already says all this (a warm run with nothing changed writes nothing).
    if (!this.changed && !this.walkRecords?.dirty) return;
    const { configs, entries } = this.renumbered([...kept, ...this.next]);
    const modules = { ...Object.fromEntries(keptModules), ...this.nextModules };
    const document: CacheDocument = {
      format: FORMAT,
      layout: LAYOUT,
      flaglint: this.options.version,
      strategy: this.options.strategy,
      configs,
      entries,
      modules,
      registries: this.nextRegistries,
      ...(this.walkRecords === undefined ? {} : { walks: this.walkRecords.stored() }),
    };
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(document));
      fs.renameSync(temporary, this.file);
    } catch (error) {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing was written where nothing can be.
      }
      this.options.onNote?.(`cannot write the cache ${this.label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }

  /** The cache file's entries; what cannot be used is noted, and the file is written anew at the end. */
  private read(): StoredParts {
    const none = (): StoredParts => {
      this.changed = true;
      return { entries: {}, configs: [], modules: {}, registries: {}, walks: {} };
    };
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") this.options.onNote?.(`cannot read the cache ${this.label} (${code ?? "error"}): running without it`);
      return none();
    }
    let document: Partial<CacheDocument> | null;
    try {
      document = JSON.parse(text) as Partial<CacheDocument> | null;
    } catch {
      this.options.onNote?.(`the cache ${this.label} is damaged (not whole JSON): running without it, it will be written anew`);
      return none();
    }
    if (document?.format !== FORMAT || !isRecord(document.entries)) {
      this.options.onNote?.(`${this.label} is not a flaglint cache: running without it, it will be overwritten`);
      return none();
    }
    // Another version, layout or strategy: a cache of its own kind, silently out of date (as ESLint's).
    if (document.flaglint !== this.options.version || document.layout !== LAYOUT || document.strategy !== this.options.strategy) return none();
    const configs = Array.isArray(document.configs) ? document.configs.map((config: unknown) => (typeof config === "string" ? config : undefined)) : [];
    return {
      entries: document.entries,
      configs,
      modules: Object.assign(Object.create(null) as Record<string, ModuleEntry>, isRecord(document.modules) ? validModules(document.modules) : {}),
      registries: Object.assign(Object.create(null) as Record<string, StoredRegistry>, isRecord(document.registries) ? validRegistries(document.registries) : {}),
      walks: isRecord(document.walks) ? validWalks(document.walks) : {},
    };
  }

  private name(file: string): string {
    return relativeTo(this.root, file);
  }

  /** The index of a configuration in `configList`, added if new. */
  private indexOf(config: string): number {
    let index = this.configIndexes.get(config);
    if (index === undefined) {
      index = this.configList.push(config) - 1;
      this.configIndexes.set(config, index);
    }
    return index;
  }

  /**
   * The entries to write, and the configurations they name, numbered anew when some of the list
   * are no longer named (a registry's keys changed): the list does not grow run after run.
   */
  private renumbered(entries: ReadonlyArray<[string, StoredEntry]>): { configs: string[]; entries: Record<string, StoredEntry> } {
    // An entry kept unread may be anything a hand edit left: one that names no configuration is dropped.
    const configOf = (entry: unknown): unknown => (Array.isArray(entry) ? entry[1] : isRecord(entry) ? entry.config : undefined);
    const used = new Set(entries.map(([, entry]) => configOf(entry)));
    const numbers = new Map<unknown, number>();
    const configs: string[] = [];
    this.configList.forEach((config, index) => {
      if (config !== undefined && used.has(index)) numbers.set(index, configs.push(config) - 1);
    });
    const written: Record<string, StoredEntry> = {};
    for (const [name, entry] of entries) {
      const number = numbers.get(configOf(entry));
      if (number === undefined) continue; // an entry kept unread that names no configuration: it would be dropped when read
      if (number === configOf(entry)) written[name] = entry;
      else written[name] = Array.isArray(entry) ? ([entry[0], number, ...entry.slice(2)] as StoredEntry) : { ...entry, config: number };
    }
    return { configs, entries: written };
  }

  private configOf(target: CacheTarget): string {
    let hash = this.configs.get(target);
    if (hash === undefined) {
      hash = createHash("sha1").update(JSON.stringify([target.detect, target.registryDir, [...target.registryKeys].sort()])).digest("base64");
      this.configs.set(target, hash);
    }
    return hash;
  }
}

/** What `read` takes from the cache file. */
interface StoredParts {
  /** Unchecked: see FileCache.entries. */
  entries: Record<string, unknown>;
  /** The configurations by index; one that is not a hash is undefined, and names nothing. */
  configs: Array<string | undefined>;
  modules: Record<string, ModuleEntry>;
  registries: Record<string, StoredRegistry>;
  walks: Record<string, StoredWalk>;
}

/** The cache file a `--cache-location` names, from `root`. */
export function cacheFile(location: string, root: string): string {
  const absolute = path.resolve(root, location);
  const isFolder = /[\\/]$/.test(location) || isDirectory(absolute);
  return isFolder ? path.join(absolute, CACHE_FILE_NAME) : absolute;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // under a file (ENOTDIR), or unreadable: reading and writing will say so
  }
}

/**
 * What a stored entry says a file yielded, when it has this key and configuration and is shaped as
 * this version writes it; a hand-edited or half-written entry is undefined, not trusted.
 */
function yieldOf(entry: unknown, key: string, config: string, configs: ReadonlyArray<string | undefined>): CachedYield | undefined {
  if (Array.isArray(entry)) {
    const [entryKey, index, mayExport] = entry as unknown[];
    if (entryKey !== key || typeof index !== "number" || configs[index] !== config || entry.length > 3) return undefined;
    if (mayExport === undefined) return NOTHING;
    return mayExport === 1 ? NOTHING_EXPORTED : undefined;
  }
  if (!isRecord(entry) || entry.key !== key || typeof entry.config !== "number" || configs[entry.config] !== config) return undefined;
  if (typeof entry.mayExport !== "boolean") return undefined;
  const analysis = entry.analysis;
  if (analysis !== null && (!isRecord(analysis) || !Array.isArray(analysis.references) || !Array.isArray(analysis.notes) || !Array.isArray(analysis.directives))) {
    return undefined;
  }
  if (entry.lookups !== undefined && !(Array.isArray(entry.lookups) && entry.lookups.every(isLookup))) return undefined;
  return entry as unknown as CachedYield;
}

function isLookup(lookup: unknown): boolean {
  if (!isRecord(lookup) || typeof lookup.name !== "string") return false;
  if (lookup.specifier !== undefined && typeof lookup.specifier !== "string") return false;
  if (lookup.kind === "resolve") return Array.isArray(lookup.path) && lookup.path.every((part) => typeof part === "string") && (lookup.value === undefined || typeof lookup.value === "string");
  if (lookup.kind !== "origin") return false;
  const declaration = lookup.declaration;
  return declaration === undefined || (isRecord(declaration) && typeof declaration.name === "string" && (declaration.file === undefined || typeof declaration.file === "string"));
}

function validModules(modules: Record<string, unknown>): Record<string, ModuleEntry> {
  const valid: Record<string, ModuleEntry> = {};
  for (const [name, entry] of Object.entries(modules)) {
    if (!isRecord(entry) || typeof entry.key !== "string") continue;
    const { exports, names, byName } = entry;
    if (names !== undefined && !(Array.isArray(names) && names.every((item) => typeof item === "string"))) continue;
    if (!isStoredExports(exports)) continue;
    if (byName !== undefined && !(isRecord(byName) && Object.values(byName).every(isStoredExports))) continue;
    valid[name] = (byName === undefined ? entry : { ...entry, byName: Object.assign(Object.create(null) as Record<string, unknown>, byName) }) as unknown as ModuleEntry;
  }
  return valid;
}

function isStoredExports(exports: unknown): boolean {
  return exports === undefined || exports === null || (isRecord(exports) && Array.isArray(exports.values) && Array.isArray(exports.links) && Array.isArray(exports.declared));
}

/** Registries shaped as this version stores them; anything else is parsed again from its file. */
function validRegistries(registries: Record<string, unknown>): Record<string, StoredRegistry> {
  const valid: Record<string, StoredRegistry> = {};
  for (const [key, stored] of Object.entries(registries)) {
    if (!isRecord(stored) || typeof stored.path !== "string" || typeof stored.dir !== "string") continue;
    if (!isRecord(stored.detect) || !isRecord(stored.policy) || !Array.isArray(stored.flags)) continue;
    if (!stored.flags.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && isRecord(entry[1]))) continue;
    valid[key] = stored as unknown as StoredRegistry;
  }
  return valid;
}
