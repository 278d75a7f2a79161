// The neutral model every source maps into, and the interface each source implements.
import type { FlagType, RegistrySourceConfig, RegistrySourceName } from "../../types.js";
import type { HttpClient } from "./http.js";

/** One flag as a service or a flag file knows it, before it meets the registry. */
export interface PulledFlag {
  key: string;
  /** `YYYY-MM-DD`, the UTC day the service created it. */
  created?: string;
  /** Only where the service says it; otherwise the merge decides. */
  type?: FlagType;
  archived: boolean;
  /** The flag's page in the service, or the file it is defined in. */
  link?: string;
  tags?: string[];
  description?: string;
}

/** What one pull reads: the options of `--from` … or one `sources:` entry, with `file` made absolute. */
export type SourceOptions = RegistrySourceConfig;

export interface PullContext {
  /** Folder that relative `file` options are read from. */
  baseDir: string;
  /** Where tokens come from: never a file, never an argument. */
  env: Record<string, string | undefined>;
  http: HttpClient;
  /** Called after each page of a paginated pull: pages read so far, flags read so far. */
  onPage?: (pages: number, flags: number) => void;
}

export interface RegistrySource {
  name: RegistrySourceName;
  /** The variable the token is read from when `tokenEnv` does not say otherwise; absent for file formats. */
  tokenEnv?: string;
  /** Reads the flags over the network (services) or from `options.file` (file formats). */
  pull(options: SourceOptions, context: PullContext): Promise<PulledFlag[]>;
  /** For services: the flags in a saved JSON answer of the API (`--file`), as `pull` would map them. */
  fromExport?(payload: unknown, options: SourceOptions, file: string): PulledFlag[];
}
