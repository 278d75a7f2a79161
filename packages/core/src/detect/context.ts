// What detection derives from one registry, made once and handed down: the compiled detect config,
// its pre-filter search, the matchers that apply per folder, the registry's keys and their `keyCase`
// maps, the matcher of its `ignore:` globs. A run makes one per registry (the CLI) or per registry and process (the ESLint plugin), and
// drops it with the run: nothing lives in module state, so nothing outlives a registry edit.
import type { DetectConfig, KeyCase, Registry } from "../types.js";
import { compile, type CompiledDetect } from "./config.js";
import { scopedTo } from "./file-scope.js";
import { ignoreMatcher, type IgnoreMatcher } from "./globs.js";
import { keysByCodeName, type KeysByCodeName } from "./key-case.js";
import { buildSearch, type Search } from "./prefilter.js";

export interface AnalysisContextInput {
  detect: DetectConfig;
  /** Absolute directory of the registry: `./path` modules and `files:` globs are relative to it. */
  registryDir?: string;
  /** The registry's keys, to map a property name in another case (`keyCase`) to its key. */
  registryKeys?: Iterable<string>;
  /** The registry's `ignore:` globs (gitignore syntax, relative to `registryDir`). */
  ignore?: readonly string[];
}

export class AnalysisContext {
  readonly detect: DetectConfig;
  readonly registryDir: string | undefined;
  readonly registryKeys: ReadonlySet<string> | undefined;
  readonly ignore: readonly string[] | undefined;
  private compiledConfig: CompiledDetect | undefined;
  private preFilter: Search | undefined;
  /** Matchers left out of a file (their labels, joined) -> the config without them. */
  private readonly scoped = new Map<string, CompiledDetect>();
  /** The search of each of those configs. */
  private readonly scopedSearches = new Map<CompiledDetect, Search>();
  private lastScope: { file: string; config: CompiledDetect } | undefined;
  private readonly keyMaps = new Map<KeyCase, KeysByCodeName>();
  private ignoreGlobs: IgnoreMatcher | undefined;

  constructor(input: AnalysisContextInput) {
    this.detect = input.detect;
    this.registryDir = input.registryDir;
    this.registryKeys = input.registryKeys === undefined ? undefined : new Set(input.registryKeys);
    this.ignore = input.ignore;
  }

  /** The context of a loaded registry: its detect config, folder, keys and `ignore:` globs. */
  static of(registry: Registry): AnalysisContext {
    return new AnalysisContext({
      detect: registry.detect,
      registryDir: registry.dir,
      registryKeys: registry.flags.keys(),
      ignore: registry.ignore,
    });
  }

  /** The detect config as lookup tables, compiled the first time it is asked for. */
  get compiled(): CompiledDetect {
    return (this.compiledConfig ??= compile(this.detect));
  }

  /** The pre-filter's text search (see prefilter.ts), for a file every matcher applies to. */
  get search(): Search {
    return (this.preFilter ??= buildSearch(this.compiled));
  }

  /**
   * The pre-filter's search for `file`: without the names of the matchers whose `files:` globs
   * leave it out (`objects: [{ path: state, files: [...] }]` must not make every file that reads
   * a `state` a candidate). One search per set of matchers left out.
   */
  searchFor(file: string): Search {
    const config = this.configFor(file);
    if (config === this.compiled) return this.search;
    let search = this.scopedSearches.get(config);
    if (search === undefined) this.scopedSearches.set(config, (search = buildSearch(config)));
    return search;
  }

  /** The matcher of the `ignore:` globs, made the first time it is asked for. */
  get ignored(): IgnoreMatcher {
    return (this.ignoreGlobs ??= ignoreMatcher(this.ignore ?? []));
  }

  /**
   * The compiled config less the matchers whose `files:` globs leave `file` out. The pre-filter
   * and then the analysis ask for the same file in turn: the last answer is kept for the next.
   */
  configFor(file: string): CompiledDetect {
    if (this.lastScope?.file !== file) this.lastScope = { file, config: scopedTo(this.compiled, file, this.registryDir, this.scoped) };
    return this.lastScope.config;
  }

  /** The registry key `name` stands for under `keyCase` (see key-case.ts). */
  registryKeyFor(name: string, keyCase: KeyCase): string {
    const keys = this.registryKeys;
    if (keyCase === "exact" || keys === undefined || keys.has(name)) return name;
    let map = this.keyMaps.get(keyCase);
    if (map === undefined) this.keyMaps.set(keyCase, (map = keysByCodeName(keys, keyCase)));
    const key = map.get(name);
    return typeof key === "string" ? key : name;
  }
}
