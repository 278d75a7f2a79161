// The text of a registry `init` writes: detect with its evidence as comments, then one entry per flag.
import path from "node:path";
import { DEFAULT_POLICY, SDK_PRESET_NAMES } from "../registry/defaults.js";
import type { FlagDefinition, FlagType } from "../types.js";

/** One `detect:` entry: its section, its fields in order, and the evidence comment on its first line. */
export interface DetectEntry {
  section: "keySets" | "calls" | "objects" | "constants" | "properties" | "jsx";
  fields: ReadonlyArray<readonly [string, string | number | readonly string[]]>;
  comment?: string;
}

export interface StarterFlag {
  key: string;
  /** Places that check it, first first. */
  places: ReadonlyArray<{ file: string; line: number }>;
  /** The key set that declares it, when one does. */
  /** The key set that lists it, or (`function`) the function a `flag({ key })` declared it as. */
  declaredIn?: { name: string; file: string; line: number; function?: boolean };
  type: FlagType;
  /** Why the type was inferred; absent for the default (release). */
  typeReason?: string;
  created?: string;
  owner?: { owner: string; pattern: string };
  /** Fields written by hand in the registry this one replaces (`--force`): they win. */
  kept?: Partial<Pick<FlagDefinition, "type" | "owner" | "created" | "removeBy" | "ticket" | "description" | "status">>;
  /** An entry whose key no code declares or checks any more (`--force` keeps it). */
  gone?: boolean;
}

export interface StarterRegistry {
  schema: string;
  /** `undefined`: nothing beyond the built-in presets, written as a hint. */
  detect?: readonly DetectEntry[];
  /** The presets to name when not all of them (`sdks:`). */
  sdks?: readonly string[];
  flags: readonly StarterFlag[];
  /**
   * `ignore:` globs, relative to the registry's folder: the test files whose checks name only test
   * data (keys `init` leaves out), which `check` would otherwise report as unknown flags.
   */
  ignore?: readonly string[];
  /** The registry's folder: places in comments are relative to it. */
  dir: string;
}

export const SECTION_ORDER: ReadonlyArray<DetectEntry["section"]> = ["keySets", "calls", "objects", "constants", "properties", "jsx"];

export function renderRegistry(registry: StarterRegistry): string {
  const lines = [
    `# yaml-language-server: $schema=${registry.schema}`,
    "# Written by `flaglint init` from the flag checks found in the code. For each flag: confirm its",
    "# type, name its owner, and give release and experiment flags a removal ticket; then run `flaglint check`.",
    "version: 1",
    "",
    ...(registry.detect !== undefined || registry.sdks !== undefined ? renderDetect(registry.detect ?? [], registry.sdks) : DETECT_HINT),
    "",
    ...POLICY_HINT,
    "",
    ...(registry.ignore === undefined || registry.ignore.length === 0
      ? []
      : ["ignore:  # tests whose flag checks name only test data, left out of flags below", ...registry.ignore.map((glob) => `  - ${scalar(glob)}`), ""]),
  ];
  if (registry.flags.length === 0) {
    lines.push("flags:", "  # none found: if your code checks flags through its own wrapper, describe it under detect", "");
    return lines.join("\n");
  }
  lines.push("flags:");
  for (const flag of registry.flags) lines.push(...renderFlag(flag, registry.dir), "");
  return lines.join("\n");
}

const DETECT_HINT = [
  "# detect:                      # what counts as a flag check; left out, every built-in SDK preset",
  `#   sdks: [launchdarkly]       # ${SDK_PRESET_NAMES.join(", ")}`,
  "#   calls:",
  "#     - function: useFlag      # your own wrappers, see the schema for module / object / function",
];

const POLICY_HINT = [
  "# policy:                      # the defaults; uncomment to change them",
  "#   lifetimeDays:",
  ...Object.entries(DEFAULT_POLICY.lifetimeDays).map(([type, days]) => `#     ${type}: ${days === null ? "null" : days}`),
  `#   warnDays: ${DEFAULT_POLICY.warnDays}`,
  `#   requireTicket: [${DEFAULT_POLICY.requireTicket.join(", ")}]`,
];

function renderDetect(entries: readonly DetectEntry[], sdks: readonly string[] | undefined): string[] {
  const lines = ["detect:"];
  if (sdks !== undefined) lines.push(`  sdks: [${sdks.join(", ")}]`);
  for (const section of SECTION_ORDER) {
    const own = entries.filter((entry) => entry.section === section);
    if (own.length === 0) continue;
    lines.push(`  ${section}:`);
    for (const entry of own) lines.push(...renderDetectEntry(entry));
  }
  return lines;
}

/** One list item, two spaces deeper than its section's key. */
export function renderDetectEntry(entry: DetectEntry): string[] {
  return entry.fields.map(([name, value], index) => {
    const line = `${index === 0 ? "    - " : "      "}${name}: ${fieldValue(value)}`;
    return index === 0 && entry.comment !== undefined ? `${line}  # ${oneLine(entry.comment)}` : line;
  });
}

function fieldValue(value: string | number | readonly string[]): string {
  if (typeof value === "string" || typeof value === "number") return scalar(value);
  return `[${value.map((item) => scalar(item)).join(", ")}]`;
}

/** How many places a flag's comment names before "and N more". */
const PLACES_SHOWN = 1;

export function renderFlag(flag: StarterFlag, dir: string): string[] {
  const kept = flag.kept ?? {};
  const lines = [`  ${scalar(flag.key)}:  # ${oneLine(whereFound(flag, dir))}`];
  if (kept.type !== undefined) lines.push(`    type: ${kept.type}`);
  else if (flag.typeReason !== undefined) lines.push(`    type: ${flag.type}  # inferred from ${oneLine(flag.typeReason)}; confirm it`);
  else lines.push(`    type: ${flag.type}  # inferred: nothing in its name says otherwise; confirm the type: release, experiment, ops (kill switch) or permission`);
  if (kept.owner !== undefined) lines.push(`    owner: ${scalar(kept.owner)}`);
  else if (flag.owner !== undefined) lines.push(`    owner: ${scalar(flag.owner.owner)}  # from CODEOWNERS (${oneLine(flag.owner.pattern)})`);
  else lines.push('    # owner: "@team"');
  if (kept.created !== undefined) lines.push(`    created: ${kept.created}`);
  else if (flag.created !== undefined) lines.push(`    created: ${flag.created}  # inferred from git history`);
  else lines.push("    # created: YYYY-MM-DD  # git could not date it");
  if (kept.removeBy !== undefined) lines.push(`    removeBy: ${kept.removeBy}`);
  if (kept.ticket !== undefined) lines.push(`    ticket: ${scalar(kept.ticket)}`);
  else lines.push("    # ticket: ABC-123  # the ticket to remove it; release and experiment flags need one");
  if (kept.description !== undefined) lines.push(`    description: ${scalar(kept.description)}`);
  if (kept.status !== undefined && kept.status !== "active") lines.push(`    status: ${kept.status}`);
  return lines;
}

function whereFound(flag: StarterFlag, dir: string): string {
  if (flag.gone === true) return "flaglint init found no declaration or check of it in the code";
  const declared = flag.declaredIn === undefined ? undefined : `declared ${flag.declaredIn.function === true ? "as" : "in"} ${flag.declaredIn.name} (${relative(dir, flag.declaredIn.file)}:${flag.declaredIn.line})`;
  if (flag.places.length === 0) return `${declared ?? "declared"}; no check found`;
  const shown = flag.places.slice(0, PLACES_SHOWN).map((place) => `${relative(dir, place.file)}:${place.line}`);
  const more = flag.places.length - shown.length;
  const checked = `checked in ${shown.join(", ")}${more > 0 ? ` and ${more} more place${more === 1 ? "" : "s"}` : ""}`;
  return declared === undefined ? checked : `${checked}; ${declared}`;
}

/** A YAML scalar: plain when it reads back as the same string, double-quoted (JSON is valid YAML) otherwise. */
export function scalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plain = /^[A-Za-z_$][\w$.\-/]*$/.test(value) && !/^(true|false|yes|no|on|off|y|n|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A comment stays on its line: no line breaks from names in the code. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

export function relative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join("/") || ".";
}
