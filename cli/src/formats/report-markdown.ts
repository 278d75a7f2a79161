// `flaglint report` as Markdown, to post in a GitHub issue or comment.
import type { ProjectResult } from "@flaglint/core";
import { escapeMarkdown } from "./escape.js";
import type { FormatOptions } from "./options.js";
import {
  buildReport,
  plural,
  STATE_LABELS,
  STATE_ORDER,
  type OwnerGroup,
  type ReportFlag,
  type ReportModel,
  type ReportState,
  type TicketView,
} from "./report-model.js";

/** Colour for the eye, the label for everyone else: the state is always written out too. */
const STATE_MARKS: Readonly<Record<ReportState, string>> = {
  overdue: "🔴",
  "due-soon": "🟠",
  unknown: "🟣",
  retired: "🟤",
  unused: "⚪",
  ok: "🟢",
  permanent: "🔵",
  archived: "⚫",
};

/** Reference lists longer than this fold into a `<details>` block. */
const INLINE_LOCATIONS = 3;

export function formatMarkdownReport(result: ProjectResult, options: FormatOptions): string {
  const report = buildReport(result, options);
  const blocks = [header(report)];
  if (report.summary.flags === 0) {
    blocks.push("No feature flags found: the registry lists none and no code checks any.");
  } else {
    blocks.push(...summary(report), ...trend(report), ...report.groups.map(ownerSection));
  }
  blocks.push(footer(report));
  return `${blocks.join("\n\n")}\n`;
}

/** Registry and code strings as inline code that cannot break out: no HTML, no links, no table cells. */
function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

function state(value: ReportState): string {
  return `${STATE_MARKS[value]} ${STATE_LABELS[value]}`;
}

function ownerName(group: OwnerGroup): string {
  if (group.owner === undefined) return "_unowned_";
  return group.fromCodeOwners ? `${code(group.owner)} (from CODEOWNERS)` : code(group.owner);
}

function table(headers: string[], align: Array<"left" | "right">, rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(align.map((side) => (side === "right" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

function header(report: ReportModel): string {
  const registries =
    report.registries.length === 0
      ? "no registry"
      : `${report.registries.length === 1 ? "registry" : "registries"} ${report.registries.map(code).join(", ")}`;
  const { flags, unknown } = report.summary;
  const counts = `${plural(flags, "flag")}${unknown > 0 ? ` (${unknown} not in the registry)` : ""}`;
  return `# Feature flag report\n\n**${report.now}** · ${registries} · ${counts}`;
}

function summary(report: ReportModel): string[] {
  const { summary: numbers } = report;
  return [
    "## Summary",
    `> ${debtLine(report)}`,
    "**Flags by state**",
    table(
      numbers.byState.map(({ state: value }) => state(value)),
      numbers.byState.map(() => "right"),
      [numbers.byState.map(({ count }) => String(count))],
    ),
    "**Flags by type**",
    table(
      numbers.byType.map(({ type }) => type),
      numbers.byType.map(() => "right"),
      [numbers.byType.map(({ count }) => String(count))],
    ),
    "**Flags by owner**",
    table(
      ["Owner", "Flags", state("overdue"), state("due-soon")],
      ["left", "right", "right", "right"],
      report.groups.map((group) => [
        ownerName(group),
        String(group.flags.length),
        String(countOf(group, "overdue")),
        String(countOf(group, "due-soon")),
      ]),
    ),
  ];
}

/** `--history`: one row per week, a column per state that ever had a flag; "—" before the registry existed. */
function trend(report: ReportModel): string[] {
  const points = report.history;
  if (points === undefined || points.length === 0) return [];
  const states = STATE_ORDER.filter((value) => points.some((point) => (point.states[value] ?? 0) > 0));
  const rows = points.map((point) => {
    const known = Object.keys(point.states).length > 0;
    const commit = point.commit === null ? "—" : code(point.commit.slice(0, 7));
    return [point.date, commit, ...states.map((value) => (known ? String(point.states[value] ?? 0) : "—"))];
  });
  return [
    "## Trend",
    table(["Week of", "Commit", ...states.map(state)], ["left", "left", ...states.map(() => "right" as const)], rows),
  ];
}

function debtLine(report: ReportModel): string {
  const { overdue, temporary, dueSoon, oldestOverdue } = report.summary;
  const parts = [
    overdue === 0
      ? "**Flag debt:** no temporary flag is overdue."
      : `**Flag debt:** ${overdue} of ${plural(temporary, "temporary flag")} ${overdue === 1 ? "is" : "are"} overdue.`,
  ];
  if (oldestOverdue) {
    const owner = oldestOverdue.owner === undefined ? "no owner" : `owner ${code(oldestOverdue.owner)}`;
    parts.push(`Oldest: ${code(oldestOverdue.key)} (${owner}), ${oldestOverdue.days}.`);
  }
  if (dueSoon > 0) parts.push(`${plural(dueSoon, "flag")} ${dueSoon === 1 ? "is" : "are"} due soon.`);
  return parts.join(" ");
}

function countOf(group: OwnerGroup, value: ReportState): number {
  return group.byState.find((entry) => entry.state === value)?.count ?? 0;
}

function ownerSection(group: OwnerGroup): string {
  const urgent = group.byState
    .filter(({ state: value }) => value === "overdue" || value === "due-soon")
    .map(({ state: value, count }) => `${count} ${STATE_LABELS[value]}`);
  const title = `## ${ownerName(group)} · ${plural(group.flags.length, "flag")}${urgent.length ? ` (${urgent.join(", ")})` : ""}`;
  const rows = group.flags.map((flag) => [
    // In a group of mixed sources, each flag says where its owner comes from.
    flag.ownerFromCodeOwners && !group.fromCodeOwners ? `${code(flag.key)} (owner from CODEOWNERS)` : code(flag.key),
    state(flag.state),
    flag.type ?? "—",
    flag.created === undefined ? "—" : `${flag.createdInferred ? "≈" : ""}${flag.created}`,
    flag.removeBy ?? "—",
    flag.days || "—",
    flag.ticket === undefined ? "—" : ticket(flag.ticket),
    String(flag.references),
  ]);
  const flagTable = table(
    ["Flag", "State", "Type", "Created", "Remove by", "Days", "Ticket", "Refs"],
    ["left", "left", "left", "left", "left", "left", "left", "right"],
    rows,
  );
  return [title, flagTable, ...whereChecked(group.flags)].join("\n\n");
}

function ticket(view: TicketView): string {
  if (view.href === undefined) return code(view.text);
  return `[${escapeMarkdown(view.label)}](${markdownUrl(view.href)})`;
}

// `URL.href` already percent-encodes spaces, quotes and angle brackets; these would still end a Markdown link or a table cell.
function markdownUrl(href: string): string {
  return href.replace(/[()[\]|<>`"' \\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function whereChecked(flags: readonly ReportFlag[]): string[] {
  const checked = flags.filter((flag) => flag.locations.length > 0);
  if (checked.length === 0) return [];
  const short = checked.filter((flag) => flag.locations.length <= INLINE_LOCATIONS);
  const long = checked.filter((flag) => flag.locations.length > INLINE_LOCATIONS);
  const blocks = ["**Checked at**"];
  if (short.length > 0) {
    blocks.push(short.map((flag) => `- ${code(flag.key)}: ${locations(flag).join(", ")}`).join("\n"));
  }
  for (const flag of long) {
    blocks.push(
      [
        "<details>",
        `<summary>${code(flag.key)}: ${plural(flag.references, "reference")}</summary>`,
        "",
        locations(flag).map((location) => `- ${location}`).join("\n"),
        "",
        "</details>",
      ].join("\n"),
    );
  }
  return blocks;
}

function locations(flag: ReportFlag): string[] {
  const listed = flag.locations.map(({ file, line }) => code(`${file}:${line}`));
  const more = flag.references - flag.locations.length;
  return more > 0 ? [...listed, `and ${more} more`] : listed;
}

function footer(report: ReportModel): string {
  return `<sub>≈ created date inferred from git history · generated by flaglint ${escapeMarkdown(report.version)}</sub>`;
}
