// `flaglint report` as one self-contained HTML page: no external resources, every string escaped, sortable without a framework.
import { createHash } from "node:crypto";
import type { ProjectResult } from "@flaglint/core";
import { escapeHtml } from "./escape.js";
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

/** `bar` fills the chart; `text` on `background` is the badge (contrast above 4.5:1). */
const PALETTE: Readonly<Record<ReportState, { bar: string; text: string; background: string }>> = {
  overdue: { bar: "#cf222e", text: "#a40e26", background: "#ffebe9" },
  "due-soon": { bar: "#d4a72c", text: "#7d4e00", background: "#fff8c5" },
  unknown: { bar: "#8250df", text: "#6639ba", background: "#fbefff" },
  retired: { bar: "#bc4c00", text: "#953800", background: "#fff1e5" },
  unused: { bar: "#afb8c1", text: "#57606a", background: "#f6f8fa" },
  ok: { bar: "#2da44e", text: "#116329", background: "#dafbe1" },
  permanent: { bar: "#0969da", text: "#0550ae", background: "#ddf4ff" },
  archived: { bar: "#57606a", text: "#24292f", background: "#eaeef2" },
};

/** Locations shown in a row before the rest fold into a `<details>`. */
const INLINE_LOCATIONS = 3;

const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
h1 { font-size: 26px; margin: 28px 0 2px; }
h2 { font-size: 18px; margin: 36px 0 10px; }
h3 { font-size: 14px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
.muted { color: var(--muted); font-weight: normal; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace;
  background: var(--soft); padding: 1px 4px; border-radius: 4px; overflow-wrap: break-word; }
h2 code { font-size: 16px; }
a { color: #0969da; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 20px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .number { display: block; font-size: 28px; font-weight: 600; line-height: 1.2; }
.card.alarm { border-color: #ff8182; background: #fff8f7; }
.card.alarm .number { color: #a40e26; }
.overview { display: grid; grid-template-columns: 200px 180px minmax(0, 1fr); gap: 28px; align-items: start; }
table { border-collapse: collapse; width: 100%; }
/* Fixed columns keep every owner's table aligned with the next one. */
table.flags { table-layout: fixed; }
.flags col.flag { width: 16%; } .flags col.state { width: 100px; } .flags col.type { width: 96px; }
.flags col.date { width: 114px; } .flags col.days { width: 148px; } .flags col.ticket { width: 12%; }
.flags col.refs { width: 62px; }
.flags td a { overflow-wrap: anywhere; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
.number-cell { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.description { color: var(--muted); font-size: 12.5px; margin-top: 2px; }
.badge { display: inline-block; padding: 0 8px; border: 1px solid; border-radius: 999px;
  font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; }
.late { color: #a40e26; font-weight: 600; }
.soon { color: #7d4e00; }
ul.locations { margin: 0; padding: 0; list-style: none; }
details summary { cursor: pointer; color: var(--muted); }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart { margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 10px 0 0; padding: 0; color: var(--muted); font-size: 12.5px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
footer { margin: 40px auto 32px; color: var(--muted); font-size: 12.5px; }
${STATE_ORDER.map((state) => stateCss(state)).join("\n")}
`;

// Sorts the rows of every table.sortable by the clicked column; cells may carry a data-sort key.
// The page reads fine without it: rows start in the report's own order.
const SCRIPT = `
(function () {
  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b);
  }
  function sort(header) {
    var table = header.closest("table");
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return compare(key(a, column), key(b, column)) * (ascending ? 1 : -1); });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable th").forEach(function (header) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.title = "Sort by " + header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () { sort(header); });
  });
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

// Only our own inline style and script may run: an escaping bug elsewhere cannot become script execution.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function formatHtmlReport(result: ProjectResult, options: FormatOptions): string {
  const report = buildReport(result, options);
  const title = `Feature flag report — ${report.now}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="flaglint ${escapeHtml(report.version)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report)}
<main>
${report.summary.flags === 0 ? "<p>No feature flags found: the registry lists none and no code checks any.</p>" : body(report)}
</main>
<footer>≈ created date inferred from git history · click a column header to sort · generated by flaglint ${escapeHtml(report.version)}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function stateCss(state: ReportState): string {
  const { bar, text, background } = PALETTE[state];
  return `.state-${state} { color: ${text}; background: ${background}; border-color: ${bar}; } .swatch.state-${state} { background: ${bar}; }`;
}

/** Inline code that may wrap after "/" and "_", where paths and flag keys break naturally. */
function code(text: string): string {
  return `<code>${escapeHtml(text).replace(/[/_]/g, "$&<wbr>")}</code>`;
}

function badge(state: ReportState): string {
  return `<span class="badge state-${state}">${escapeHtml(STATE_LABELS[state])}</span>`;
}

function ownerName(owner: string | undefined): string {
  return owner === undefined ? "unowned" : owner;
}

function header(report: ReportModel): string {
  const registries =
    report.registries.length === 0
      ? "no registry"
      : `${report.registries.length === 1 ? "registry" : "registries"} ${report.registries.map(code).join(", ")}`;
  const { flags, unknown } = report.summary;
  const counts = `${plural(flags, "flag")}${unknown > 0 ? ` (${unknown} not in the registry)` : ""}`;
  return `<header>
<h1>Feature flag report</h1>
<p class="muted"><strong>${escapeHtml(report.now)}</strong> · ${registries} · ${escapeHtml(counts)}</p>
</header>`;
}

function body(report: ReportModel): string {
  return [cards(report), overview(report), ...report.groups.map(ownerSection)].join("\n");
}

function card(number: string | number, text: string, alarm = false): string {
  return `<div class="card${alarm ? " alarm" : ""}"><span class="number">${escapeHtml(String(number))}</span>${text}</div>`;
}

function cards(report: ReportModel): string {
  const { flags, overdue, temporary, dueSoon, oldestOverdue } = report.summary;
  const oldest = oldestOverdue
    ? card(
        Math.abs(oldestOverdue.daysLeft ?? 0),
        `days overdue: the oldest, ${code(oldestOverdue.key)} (${escapeHtml(ownerName(oldestOverdue.owner))})`,
        true,
      )
    : card("—", "no flag is overdue");
  return `<section class="cards" aria-label="Flag debt">
${card(overdue, `of ${escapeHtml(plural(temporary, "temporary flag"))} overdue`, overdue > 0)}
${card(dueSoon, "due soon")}
${oldest}
${card(flags, `${flags === 1 ? "flag" : "flags"} in total, in ${plural(report.groups.length, "owner group")}`)}
</section>`;
}

function overview(report: ReportModel): string {
  const { byState, byType } = report.summary;
  const stateRows = byState.map(({ state, count }) => [badge(state), String(count)]);
  const typeRows = byType.map(({ type, count }) => [escapeHtml(type), String(count)]);
  return `<section class="overview" aria-label="Summary">
<div><h3>Flags by state</h3>${countTable(stateRows)}</div>
<div><h3>Flags by type</h3>${countTable(typeRows)}</div>
<figure class="chart" aria-label="Flags by state per owner"><h3>Flags by state per owner</h3>${chart(report.groups)}${legend(report.groups)}</figure>
</section>`;
}

/** Rows of already-escaped label HTML and a count. */
function countTable(rows: string[][]): string {
  const body = rows.map(([label, count]) => `<tr><td>${label}</td><td class="number-cell">${count}</td></tr>`).join("");
  return `<table><tbody>${body}</tbody></table>`;
}

const CHART = { width: 680, labelWidth: 170, gap: 10, countWidth: 36, row: 26, bar: 16 } as const;

/** Stacked horizontal bars, one per owner, drawn in the same order as the sections below. */
function chart(groups: readonly OwnerGroup[]): string {
  const most = Math.max(1, ...groups.map((group) => group.flags.length));
  const scale = (CHART.width - CHART.labelWidth - CHART.gap - CHART.countWidth) / most;
  const height = groups.length * CHART.row;
  const rows = groups.map((group, index) => chartRow(group, index * CHART.row, scale));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}" role="img" aria-label="Flags by state per owner" font-size="12" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
${rows.join("\n")}
</svg>`;
}

function chartRow(group: OwnerGroup, y: number, scale: number): string {
  const owner = ownerName(group.owner);
  const label = owner.length > 24 ? `${owner.slice(0, 23)}…` : owner;
  const top = y + (CHART.row - CHART.bar) / 2;
  const middle = y + CHART.row / 2 + 4;
  let x = CHART.labelWidth + CHART.gap;
  const segments = group.byState.map(({ state, count }) => {
    const width = count * scale;
    const segment = `<rect x="${round(x)}" y="${top}" width="${round(width)}" height="${CHART.bar}" fill="${PALETTE[state].bar}"><title>${escapeHtml(`${owner}: ${count} ${STATE_LABELS[state]}`)}</title></rect>`;
    x += width;
    return segment;
  });
  return `<g><text x="${CHART.labelWidth}" y="${middle}" text-anchor="end" fill="#1f2328"><title>${escapeHtml(owner)}</title>${escapeHtml(label)}</text>${segments.join("")}<text x="${round(x + 6)}" y="${middle}" fill="#59636e">${group.flags.length}</text></g>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function legend(groups: readonly OwnerGroup[]): string {
  const present = new Set(groups.flatMap((group) => group.byState.map(({ state }) => state)));
  const items = STATE_ORDER.filter((state) => present.has(state)).map(
    (state) => `<li><span class="swatch state-${state}"></span>${escapeHtml(STATE_LABELS[state])}</li>`,
  );
  return `<ul class="legend">${items.join("")}</ul>`;
}

function ownerSection(group: OwnerGroup): string {
  const urgent = group.byState
    .filter(({ state }) => state === "overdue" || state === "due-soon")
    .map(({ state, count }) => `${count} ${STATE_LABELS[state]}`);
  const counts = [plural(group.flags.length, "flag"), ...urgent].join(" · ");
  const name = group.owner === undefined ? "Unowned" : code(group.owner);
  return `<section class="owner">
<h2>${name} <span class="muted">· ${escapeHtml(counts)}</span></h2>
<table class="flags sortable">
<colgroup><col class="flag"><col class="state"><col class="type"><col class="date"><col class="date"><col class="days"><col class="ticket"><col class="refs"><col></colgroup>
<thead><tr><th>Flag</th><th>State</th><th>Type</th><th>Created</th><th>Remove by</th><th>Days</th><th>Ticket</th><th class="number-cell">Refs</th><th>Checked at</th></tr></thead>
<tbody>
${group.flags.map(flagRow).join("\n")}
</tbody>
</table>
</section>`;
}

// Missing dates and deadlines sort after every real one.
const LAST = "~";
const NO_DEADLINE = 1e9;

function flagRow(flag: ReportFlag): string {
  const description = flag.description ? `<div class="description">${escapeHtml(flag.description)}</div>` : "";
  const created =
    flag.created === undefined
      ? "—"
      : flag.createdInferred
        ? `<span title="inferred from git history">≈</span>${escapeHtml(flag.created)}`
        : escapeHtml(flag.created);
  const cells = [
    `<td>${code(flag.key)}${description}</td>`,
    `<td data-sort="${STATE_ORDER.indexOf(flag.state)}">${badge(flag.state)}</td>`,
    `<td>${escapeHtml(flag.type ?? "—")}</td>`,
    `<td class="nowrap" data-sort="${escapeHtml(flag.created ?? LAST)}">${created}</td>`,
    `<td class="nowrap" data-sort="${escapeHtml(flag.removeBy ?? LAST)}">${escapeHtml(flag.removeBy ?? "—")}</td>`,
    `<td class="nowrap" data-sort="${flag.days ? (flag.daysLeft ?? NO_DEADLINE) : NO_DEADLINE}">${days(flag)}</td>`,
    `<td>${flag.ticket === undefined ? "—" : ticket(flag.ticket)}</td>`,
    `<td class="number-cell">${flag.references}</td>`,
    `<td data-sort="${escapeHtml(flag.locations[0]?.file ?? LAST)}">${locations(flag)}</td>`,
  ];
  return `<tr>${cells.join("")}</tr>`;
}

function days(flag: ReportFlag): string {
  if (!flag.days) return "—";
  const tone = flag.state === "overdue" ? "late" : flag.state === "due-soon" ? "soon" : "";
  return tone ? `<span class="${tone}">${escapeHtml(flag.days)}</span>` : escapeHtml(flag.days);
}

function ticket(view: TicketView): string {
  if (view.href === undefined) return escapeHtml(view.text);
  return `<a href="${escapeHtml(view.href)}" title="${escapeHtml(view.text)}" rel="noopener noreferrer">${escapeHtml(view.label)}</a>`;
}

function locations(flag: ReportFlag): string {
  if (flag.locations.length === 0) return flag.references > 0 ? escapeHtml(plural(flag.references, "reference")) : "—";
  const items = flag.locations.map(({ file, line }) => `<li>${code(`${file}:${line}`)}</li>`);
  const unlisted = flag.references - flag.locations.length;
  const note = unlisted > 0 ? `<li class="muted">and ${unlisted} more</li>` : "";
  if (items.length <= INLINE_LOCATIONS) return `<ul class="locations">${items.join("")}${note}</ul>`;
  const shown = items.slice(0, INLINE_LOCATIONS - 1);
  const folded = items.slice(INLINE_LOCATIONS - 1);
  return `<ul class="locations">${shown.join("")}</ul><details><summary>${flag.references - shown.length} more</summary><ul class="locations">${folded.join("")}${note}</ul></details>`;
}
