// `registry pull` without the command line: read each source, merge into the registry text, check
// that the result is still a valid registry. Writing it (or not: --dry-run, --check) is the caller's.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REGISTRY_SOURCE_NAMES, type RegistrySourceName } from "../../types.js";
import { parseRegistry } from "../parse.js";
import { RegistryError, formatProblem } from "../problems.js";
import { PullError } from "./errors.js";
import { createHttpClient, nodeTransport, type HttpTransport } from "./http.js";
import { REGISTRY_SOURCES } from "./catalog.js";
import { mergePulledFlags } from "./merge.js";
import type { SourceOptions } from "./types.js";

/** The registry a pull starts from when there is none yet. */
export const EMPTY_REGISTRY = "version: 1\n\nflags:\n";

export interface PullRequest {
  /** Absolute path of the registry; it need not exist yet when `sources` are given. */
  registryPath: string;
  /** What to read, each with the folder its `file` is relative to; absent: the registry's `sources:`. */
  sources?: Array<{ options: SourceOptions; baseDir: string }>;
  /** Where tokens and proxy settings come from. */
  env: Record<string, string | undefined>;
  /** One GET; default node's http/https honouring HTTPS_PROXY / NO_PROXY from `env`. */
  transport?: HttpTransport;
  /** Waits between retries; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** After each page of a paginated pull. */
  onPage?: (source: RegistrySourceName, pages: number, flags: number) => void;
}

export interface PullResult {
  registryPath: string;
  /** Whether the registry file existed before the pull. */
  existed: boolean;
  before: string;
  after: string;
  /** The registry is behind the sources: `after` differs from `before`. */
  changed: boolean;
  sources: RegistrySourceName[];
  /** Flags read from all sources together. */
  pulled: number;
  added: string[];
  updated: string[];
  archived: string[];
  conflicts: string[];
}

export async function pullRegistry(request: PullRequest): Promise<PullResult> {
  const { registryPath } = request;
  const before = readRegistryText(registryPath, request.sources !== undefined);
  const existed = before !== undefined;
  const text = before ?? EMPTY_REGISTRY;
  // A broken registry is reported as it is, before any network traffic.
  const registry = parseRegistry(text, registryPath);
  const sources = request.sources ?? (registry.sources ?? []).map((options) => ({ options, baseDir: registry.dir }));
  if (sources.length === 0) {
    throw new PullError(`${path.basename(registryPath)} lists no sources: name one with --from (${REGISTRY_SOURCE_NAMES.join(", ")}), or add a "sources:" list to the registry`);
  }

  const transport = request.transport ?? nodeTransport(request.env);
  const result: PullResult = { registryPath, existed, before: before ?? "", after: text, changed: false, sources: [], pulled: 0, added: [], updated: [], archived: [], conflicts: [] };
  for (const { options, baseDir } of sources) {
    const source = REGISTRY_SOURCES[options.from];
    if (!source) throw new PullError(`unknown source "${String(options.from)}"; use one of: ${REGISTRY_SOURCE_NAMES.join(", ")}`);
    const http = createHttpClient({ service: source.name, transport, sleep: request.sleep, timeoutMs: request.timeoutMs });
    const onPage = request.onPage;
    const flags = await source.pull(options, { baseDir, env: request.env, http, onPage: onPage && ((pages, count) => onPage(source.name, pages, count)) });
    const merged = mergePulledFlags(result.after, registryPath, flags, source.name);
    result.after = merged.text;
    result.sources.push(source.name);
    result.pulled += flags.length;
    for (const list of ["added", "updated", "archived", "conflicts"] as const) result[list].push(...merged[list]);
  }
  result.changed = !existed || result.after !== before;
  validateMerged(result.after, registryPath);
  return result;
}

function readRegistryText(registryPath: string, sourcesGiven: boolean): string | undefined {
  try {
    return readFileSync(registryPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && sourcesGiven) return undefined;
    if (code === "ENOENT") throw new PullError(`no registry at ${registryPath}: name a source with --from to start one, or pass --registry`);
    throw new PullError(`cannot read ${registryPath}: ${code ?? (error as Error).message}`);
  }
}

/** What a pull writes must load: a service value the registry cannot hold stops the pull, nothing written. */
function validateMerged(text: string, registryPath: string): void {
  try {
    parseRegistry(text, registryPath);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    const first = error.problems[0]!;
    throw new PullError(`the pulled flags would make the registry invalid (${formatProblem(first, path.dirname(registryPath))}); nothing written`);
  }
}
