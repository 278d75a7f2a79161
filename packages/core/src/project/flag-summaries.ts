// The flags of a run, each with its standing today: what report shows and JSON's `flags` lists.
import path from "node:path";
import { flagState } from "../checks/index.js";
import type { FlagReference, FlagSummary, Registry } from "../types.js";
import { staysWithin } from "../paths.js";
import { inferCreatedDates } from "./git.js";
import type { RegistrySet } from "./registries.js";

type Located = FlagReference & { file: string };

/** How many locations of a flag the summary keeps. */
const SUMMARY_LOCATIONS = 5;

/** Every registry flag, and every key code checks that no registry lists, with its standing on `now`. */
export function summariseFlags(registries: RegistrySet, references: readonly Located[], now: string, createdFromGit: boolean): FlagSummary[] {
  const summaries: FlagSummary[] = [];
  const known = new Set<string>();

  for (const registry of registries.all()) {
    const own = references.filter((reference) => registries.governs(registry, reference.file));
    const inferred = createdFromGit ? createdDatesFromGit(registry, registries) : undefined;
    for (const flag of registry.flags.values()) {
      known.add(`${registry.path}\0${flag.key}`);
      const checks = own.filter((reference) => reference.flag === flag.key);
      const created = flag.created ?? inferred?.get(flag.key);
      const standing = flagState({ ...flag, created }, registry.policy, now, checks.length);
      summaries.push({
        key: flag.key,
        known: true,
        type: flag.type,
        owner: flag.owner,
        created,
        ...(flag.created === undefined && created !== undefined ? { createdInferred: true } : {}),
        removeBy: standing.deadline,
        ticket: flag.ticket,
        description: flag.description,
        status: flag.status,
        state: standing.state,
        daysLeft: standing.daysLeft,
        references: checks.length,
        locations: locations(checks),
        registry: registry.path,
      });
    }
  }

  const unknown = new Map<string, Located[]>();
  for (const reference of references) {
    if (reference.flag === null) continue;
    const registry = registries.forFile(reference.file);
    if (!registry || known.has(`${registry.path}\0${reference.flag}`)) continue;
    const id = `${registry.path}\0${reference.flag}`;
    unknown.set(id, [...(unknown.get(id) ?? []), reference]);
  }
  for (const [id, checks] of unknown) {
    const registry = id.slice(0, id.indexOf("\0"));
    summaries.push({
      key: checks[0]!.flag!,
      known: false,
      state: "unknown",
      daysLeft: null,
      references: checks.length,
      locations: locations(checks),
      registry,
    });
  }
  return summaries;
}

/** Git's dates for the flags the registry does not date; nested registries' folders are not searched. */
function createdDatesFromGit(registry: Registry, registries: RegistrySet): Map<string, string> {
  const undated = [...registry.flags.values()].filter((flag) => flag.created === undefined).map((flag) => flag.key);
  const nested = registries
    .all()
    .filter((other) => other !== registry && isInside(other.dir, registry.dir))
    .map((other) => other.dir);
  return inferCreatedDates({ registry: registry.path, keys: undated, excludeDirs: nested });
}

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative !== "" && staysWithin(relative);
}

function locations(checks: readonly Located[]): FlagSummary["locations"] {
  return checks.slice(0, SUMMARY_LOCATIONS).map(({ file, line, column }) => ({ file, line, column }));
}

/** Reading order across files: by path, then line and column. */
export function byLocation(a: { file: string; line: number; column: number }, b: typeof a): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
