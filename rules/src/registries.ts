// Which registry governs a linted file, kept across files and lint runs: editors keep ESLint
// alive for hours, so a registry is read once and again only when its file changes.
import path from "node:path";
import { RegistryCache, RegistryError, WatchedNearestRegistry, type Registry, type RegistryProblem } from "@flaglint/core";

const cache = new RegistryCache();
/** Each folder is looked at again when its mtime changes: a registry created in a package folder is seen on the next lint. */
const nearest = new WatchedNearestRegistry();

/** The registry path for a file: the explicit one, or the nearest from the file's folder upwards. */
export function registryPathFor(file: string, cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return path.resolve(cwd, explicit);
  return nearest.forFile(file);
}

export type LoadResult = { registry: Registry } | { registryName: string; problem: string };

/** The registry at `registryPath`, or why it cannot be used, in one line. */
export function loadRegistry(registryPath: string): LoadResult {
  try {
    return { registry: cache.get(registryPath) };
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
