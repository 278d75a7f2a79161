// Which registry governs a linted file, kept across files and lint runs: editors keep ESLint
// alive for hours, so a registry is read once and again only when its file changes; ESLint's
// command line reads each once for its run (see lifetime.ts).
import path from "node:path";
import { NearestRegistry, RegistryCache, RegistryError, WatchedNearestRegistry, type RegistryProblem } from "@flaglint/core";
import { LIFETIME } from "./lifetime.js";
import { LintContexts, type LintContext } from "./lint-context.js";

const watch = LIFETIME === "watch";
const cache = new RegistryCache({ watch });
/**
 * Watched, each folder is looked at again when its mtime changes: a registry created in a package
 * folder is seen on the next lint. For one run, each folder is looked at once.
 */
const nearest = watch ? new WatchedNearestRegistry() : new NearestRegistry();
/** What is derived from each registry (see lint-context.ts), kept beside the registries themselves. */
const contexts = new LintContexts({ watch });

/** The registry path for a file: the explicit one, or the nearest from the file's folder upwards. */
export function registryPathFor(file: string, cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return path.resolve(cwd, explicit);
  return nearest.forFile(file);
}

export type LoadResult = { context: LintContext } | { registryName: string; problem: string };

/** The registry at `registryPath` with what is derived from it, or why it cannot be used, in one line. */
export function loadRegistry(registryPath: string): LoadResult {
  try {
    return { context: contexts.of(registryPath, cache.get(registryPath)) };
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    return { registryName: path.basename(registryPath), problem: firstProblem(error.problems) };
  }
}

/** `12:11: unknown type "relase" (did you mean "release"?) (+2 more problems)`. */
function firstProblem(problems: readonly RegistryProblem[]): string {
  const [first] = problems;
  if (first === undefined) return "the registry is invalid";
  const hint = first.hint ? ` (${first.hint})` : "";
  const more = problems.length - 1;
  const rest = more === 0 ? "" : ` (+${more} more ${more === 1 ? "problem" : "problems"}; \`flaglint check\` lists them all)`;
  return `${first.line}:${first.column}: ${first.message}${hint}${rest}`;
}
