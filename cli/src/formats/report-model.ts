// What `flaglint report` shows, independent of markup: flags grouped by owner, in the order a reader acts on them, and the summary on top.
import { FLAG_TYPES, type FlagState, type FlagSummary, type FlagType, type HistoryPoint, type ProjectResult } from "@flaglint/core";
import type { FormatOptions } from "./options.js";
import { relativePath } from "./paths.js";

export type ReportState = FlagState | "unknown";

/** Overdue first, then due soon, then what else needs a look, then what is fine. */
export const STATE_ORDER: readonly ReportState[] = [
  "overdue",
  "due-soon",
  "unknown",
  "retired",
  "unused",
  "ok",
  "permanent",
  "archived",
];

export const STATE_LABELS: Readonly<Record<ReportState, string>> = {
  overdue: "overdue",
  "due-soon": "due soon",
  unknown: "unknown",
  retired: "retired",
  unused: "unused",
  ok: "ok",
  permanent: "permanent",
  archived: "archived",
};

export interface TicketView {
  /** The ticket as the registry writes it. */
  text: string;
  /** What to show: the id, or a URL without its scheme, shortened. */
  label: string;
  /** An http(s) URL, already parsed and normalised; absent when the ticket is plain text. */
  href?: string;
}

export interface ReportLocation {
  /** Relative to the working directory, with "/". */
  file: string;
  line: number;
  column: number;
}

export interface ReportFlag {
  key: string;
  known: boolean;
  state: ReportState;
  type?: FlagType;
  owner?: string;
  /** The owner was taken from CODEOWNERS (the registry names none). */
  ownerFromCodeOwners: boolean;
  description?: string;
  created?: string;
  createdInferred: boolean;
  removeBy?: string;
  daysLeft: number | null;
  /** "12 days left", "225 days overdue", "due today", or "" when the deadline does not matter. */
  days: string;
  ticket?: TicketView;
  references: number;
  locations: ReportLocation[];
}

export interface OwnerGroup {
  /** `undefined` for flags nobody owns. */
  owner?: string;
  flags: ReportFlag[];
  /** Every flag of the group got its owner from CODEOWNERS. */
  fromCodeOwners: boolean;
  /** Flags of this owner per state, in STATE_ORDER, zero counts left out. */
  byState: Array<{ state: ReportState; count: number }>;
}

export interface ReportSummary {
  flags: number;
  /** Keys checked in code that no registry lists. */
  unknown: number;
  /** Per type, in the registry's type order; `"unknown"` counts keys with no registry entry. */
  byType: Array<{ type: FlagType | "unknown"; count: number }>;
  /** Every state in STATE_ORDER, zero counts included. */
  byState: Array<{ state: ReportState; count: number }>;
  /** Active flags with a deadline. */
  temporary: number;
  overdue: number;
  dueSoon: number;
  /** The flag with the most days overdue. */
  oldestOverdue?: ReportFlag;
}

export interface ReportModel {
  now: string;
  version: string;
  registries: string[];
  summary: ReportSummary;
  groups: OwnerGroup[];
  /** Every flag, most urgent first (the groups' flags in one list). */
  flags: ReportFlag[];
  /** `report --history`: the states week by week, oldest first. */
  history?: HistoryPoint[];
}

export function buildReport(result: ProjectResult, options: FormatOptions): ReportModel {
  const flags = result.flags.map((flag) => reportFlag(flag, options)).sort(byUrgency);
  return {
    now: result.now,
    version: options.version,
    registries: result.registries.map((registry) => relativePath(registry, options.cwd)),
    summary: summarize(flags),
    groups: groupByOwner(flags),
    flags,
    ...(result.history ? { history: result.history } : {}),
  };
}

function reportFlag(flag: FlagSummary, options: FormatOptions): ReportFlag {
  const state: ReportState = flag.known ? flag.state : "unknown";
  const owner = flag.owner?.trim() ? flag.owner : undefined;
  return {
    key: flag.key,
    known: flag.known,
    state,
    ...(flag.type === undefined ? {} : { type: flag.type }),
    ...(owner === undefined ? {} : { owner }),
    ownerFromCodeOwners: owner !== undefined && flag.ownerSource === "codeowners",
    ...(flag.description === undefined ? {} : { description: flag.description }),
    ...(flag.created === undefined ? {} : { created: flag.created }),
    createdInferred: flag.createdInferred === true,
    ...(flag.removeBy === undefined ? {} : { removeBy: flag.removeBy }),
    daysLeft: flag.daysLeft,
    days: daysText(state, flag.daysLeft),
    ...(flag.ticket === undefined || flag.ticket.trim() === "" ? {} : { ticket: ticketView(flag.ticket, options.ticketUrl) }),
    references: flag.references,
    locations: flag.locations.map(({ file, line, column }) => ({ file: relativePath(file, options.cwd), line, column })),
  };
}

// A retired or archived flag's deadline no longer asks anything of anyone.
function daysText(state: ReportState, daysLeft: number | null): string {
  if (daysLeft === null || state === "retired" || state === "archived") return "";
  if (daysLeft === 0) return "due today";
  const count = Math.abs(daysLeft);
  const days = `${count} day${count === 1 ? "" : "s"}`;
  return daysLeft < 0 ? `${days} overdue` : `${days} left`;
}

/** Only http: and https: URLs become links; anything else (javascript:, data:, file:) stays text. */
export function httpUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text.trim())) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function ticketView(ticket: string, template: string | undefined): TicketView {
  const direct = httpUrl(ticket);
  if (direct) return { text: ticket, label: shortUrl(ticket), href: direct };
  // Something with its own scheme is not an id to put into the tracker's URL.
  if (template && !/^[a-z][a-z0-9+.-]*:/i.test(ticket.trim())) {
    const href = httpUrl(template.split("{id}").join(encodeURIComponent(ticket.trim())));
    if (href) return { text: ticket, label: ticket, href };
  }
  return { text: ticket, label: ticket };
}

// Keeps the table narrow: "github.com/acme/shop/issues/42" tells enough; the link has the rest.
function shortUrl(url: string): string {
  const bare = url.trim().replace(/^https?:\/\//i, "").replace(/\/$/, "");
  return bare.length <= 40 ? bare : `${bare.slice(0, 18)}…${bare.slice(-21)}`;
}

function stateRank(state: ReportState): number {
  return STATE_ORDER.indexOf(state);
}

function byUrgency(a: ReportFlag, b: ReportFlag): number {
  return (
    stateRank(a.state) - stateRank(b.state) ||
    (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
    compareText(a.key, b.key)
  );
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);
}

function countStates(flags: readonly ReportFlag[]): Map<ReportState, number> {
  const counts = new Map<ReportState, number>();
  for (const flag of flags) counts.set(flag.state, (counts.get(flag.state) ?? 0) + 1);
  return counts;
}

function groupByOwner(sortedFlags: readonly ReportFlag[]): OwnerGroup[] {
  const byOwner = new Map<string | undefined, ReportFlag[]>();
  for (const flag of sortedFlags) {
    const list = byOwner.get(flag.owner) ?? [];
    list.push(flag);
    byOwner.set(flag.owner, list);
  }
  const owners = [...byOwner.keys()].sort((a, b) => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    return compareText(a, b);
  });
  return owners.map((owner) => {
    const flags = byOwner.get(owner)!;
    const counts = countStates(flags);
    return {
      ...(owner === undefined ? {} : { owner }),
      flags,
      fromCodeOwners: owner !== undefined && flags.every((flag) => flag.ownerFromCodeOwners),
      byState: STATE_ORDER.filter((state) => counts.has(state)).map((state) => ({ state, count: counts.get(state)! })),
    };
  });
}

function summarize(sortedFlags: readonly ReportFlag[]): ReportSummary {
  const states = countStates(sortedFlags);
  const types = new Map<FlagType | "unknown", number>();
  for (const flag of sortedFlags) {
    const type = flag.type ?? "unknown";
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  const byType: ReportSummary["byType"] = FLAG_TYPES.map((type) => ({ type, count: types.get(type) ?? 0 }));
  if (types.has("unknown")) byType.push({ type: "unknown", count: types.get("unknown")! });
  // Sorted by urgency, the first overdue flag is the one with the most days overdue.
  const oldestOverdue = sortedFlags.find((flag) => flag.state === "overdue");
  return {
    flags: sortedFlags.length,
    unknown: sortedFlags.filter((flag) => !flag.known).length,
    byType,
    byState: STATE_ORDER.map((state) => ({ state, count: states.get(state) ?? 0 })),
    temporary: sortedFlags.filter(
      (flag) => flag.known && flag.daysLeft !== null && flag.state !== "retired" && flag.state !== "archived",
    ).length,
    overdue: states.get("overdue") ?? 0,
    dueSoon: states.get("due-soon") ?? 0,
    ...(oldestOverdue ? { oldestOverdue } : {}),
  };
}

/** "1 flag", "3 flags". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
