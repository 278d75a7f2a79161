// `flaglint report` as one self-contained HTML page: no external resources, every string escaped, sortable without a framework.
import { createHash } from "node:crypto";
import type { HistoryPoint, ProjectResult } from "@flaglint/core";
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
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 20px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .number { display: block; font-size: 28px; font-weight: 600; line-height: 1.2; }
.card.alarm { border-color: #ff8182; background: #fff8f7; }
.card.alarm .number { color: #a40e26; }
.overview { display: grid; grid-template-columns: 200px 180px minmax(0, 1fr); gap: 28px; align-items: start; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
/* Anything may break rather than widen the page; the narrowest columns keep room for a whole word. */
table.flags td, table.flags td code { overflow-wrap: anywhere; }
@media (min-width: 861px) {
  table.flags th { white-space: normal; }
  table.flags th, table.flags td { padding: 6px 6px; }
  table.flags th:nth-child(1) { min-width: 7.5em; }
  table.flags th:nth-child(3) { min-width: 7em; }
  table.flags th:nth-child(4) { min-width: 7.2em; }
  table.flags th:nth-child(7) { min-width: 6em; }
  table.flags th:nth-child(8) { min-width: 6em; }
}
.number-cell { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
.description { color: var(--muted); font-size: 12.5px; margin-top: 2px; }
.source { display: block; color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 0 8px; border: 1px solid; border-radius: 999px;
  font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; }
.late { color: #a40e26; font-weight: 600; }
.soon { color: #7d4e00; }
ul.locations { margin: 0; padding: 0; list-style: none; }
details summary { cursor: pointer; color: var(--muted); }
.chart svg { display: block; width: 100%; max-width: 680px; height: auto; }
.chart { margin: 0; min-width: 0; }
.trend svg { max-width: 900px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 10px 0 0; padding: 0; color: var(--muted); font-size: 12.5px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 0 0 12px; }
.filters label { display: flex; flex-direction: column; gap: 2px; font-size: 12.5px; color: var(--muted); min-width: 0; }
.filters input, .filters select { font: inherit; color: var(--fg); padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; max-width: 100%; }
.filters input { width: 260px; }
.filters output { color: var(--muted); font-size: 12.5px; padding-bottom: 6px; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
tr[hidden] { display: none !important; }
/* Narrow screens: the cards and charts stack, and each flag row becomes a card of label: value lines. */
@media (max-width: 1100px) {
  .overview { grid-template-columns: 1fr 1fr; }
  .overview .chart { grid-column: 1 / -1; }
}
@media (max-width: 860px) {
  header, main, footer { padding: 0 14px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .overview { grid-template-columns: minmax(0, 1fr); }
  .filters input { width: 100%; }
  .filters label:first-child { flex: 1 1 100%; }
  table.flags thead tr { display: flex; flex-wrap: wrap; gap: 4px; }
  table.flags thead th { border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; }
  table.flags, table.flags tbody, table.flags tr, table.flags td { display: block; width: 100%; }
  table.flags tbody tr { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; padding: 6px 10px; }
  table.flags td { border: 0; padding: 2px 0 2px 92px; position: relative; min-height: 24px; white-space: normal; text-align: left; }
  table.flags td::before { content: attr(data-label); position: absolute; left: 0; top: 3px; width: 84px; color: var(--muted); font-size: 12.5px; font-weight: 600; }
  /* Charts keep a readable size and scroll inside their own box. */
  .chart { overflow-x: auto; }
  .chart svg { min-width: 540px; }
}
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
  var table = document.getElementById("flags");
  var text = document.getElementById("filter-text");
  var state = document.getElementById("filter-state");
  var owner = document.getElementById("filter-owner");
  var shown = document.getElementById("filter-count");
  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var haystack = row.textContent.toLowerCase();
      var visible = (!state.value || row.getAttribute("data-state") === state.value) &&
        (!owner.value || row.getAttribute("data-owner") === owner.value) &&
        words.every(function (word) { return haystack.indexOf(word) >= 0; });
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = count + " of " + table.tBodies[0].rows.length + " flags";
  }
  if (table && text && state && owner && shown) {
    [text, state, owner].forEach(function (control) { control.addEventListener("input", filter); });
    filter();
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
  return [cards(report), overview(report), trend(report), flagTable(report)].filter(Boolean).join("\n");
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

const TREND = { width: 900, height: 240, left: 36, right: 8, top: 10, bottom: 38 } as const;

/** `--history`: a stacked column per week, states in the report's colours; nothing without a trend. */
function trend(report: ReportModel): string {
  const points = report.history;
  if (points === undefined || points.length === 0) return "";
  const total = (point: HistoryPoint) => Object.values(point.states).reduce((sum, count) => sum + (count ?? 0), 0);
  const most = Math.max(1, ...points.map(total));
  const plotWidth = TREND.width - TREND.left - TREND.right;
  const plotHeight = TREND.height - TREND.top - TREND.bottom;
  const step = plotWidth / points.length;
  const bar = Math.max(2, Math.min(40, step * 0.7));
  const scale = plotHeight / most;
  const base = TREND.top + plotHeight;
  // A label every few weeks keeps them from running into each other.
  const every = Math.ceil(points.length / 12);
  const columns = points.map((point, index) => {
    const x = TREND.left + index * step + (step - bar) / 2;
    let y = base;
    const known = Object.keys(point.states).length > 0;
    const rects = STATE_ORDER.filter((state) => (point.states[state] ?? 0) > 0).map((state) => {
      const height = point.states[state]! * scale;
      y -= height;
      return `<rect x="${round(x)}" y="${round(y)}" width="${round(bar)}" height="${round(height)}" fill="${PALETTE[state].bar}"><title>${escapeHtml(`${point.date}: ${point.states[state]} ${STATE_LABELS[state]}`)}</title></rect>`;
    });
    const label = index % every === (points.length - 1) % every ? `<text x="${round(x + bar / 2)}" y="${base + 16}" text-anchor="middle" fill="#59636e">${escapeHtml(point.date.slice(5))}</text>` : "";
    const empty = known ? "" : `<title>${escapeHtml(`${point.date}: no registry yet`)}</title>`;
    return `<g>${empty}${rects.join("")}${label}</g>`;
  });
  const axis = [0, most].map((value) => `<text x="${TREND.left - 6}" y="${round(base - value * scale + 4)}" text-anchor="end" fill="#59636e">${value}</text>`);
  const present = new Set(points.flatMap((point) => STATE_ORDER.filter((state) => (point.states[state] ?? 0) > 0)));
  const legendItems = STATE_ORDER.filter((state) => present.has(state)).map(
    (state) => `<li><span class="swatch state-${state}"></span>${escapeHtml(STATE_LABELS[state])}</li>`,
  );
  const first = points[0]!.date;
  const last = points[points.length - 1]!.date;
  return `<section class="trend" aria-label="Trend">
<h2>Trend <span class="muted">· ${escapeHtml(`${first} to ${last}, one point per week`)}</span></h2>
<figure class="chart trend"><svg xmlns="http://www.w3.org/2000/svg" width="${TREND.width}" height="${TREND.height}" viewBox="0 0 ${TREND.width} ${TREND.height}" role="img" aria-label="Flags by state, week by week" font-size="12" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
<line x1="${TREND.left}" y1="${base}" x2="${TREND.width - TREND.right}" y2="${base}" stroke="#d1d9e0"/>
${axis.join("")}
${columns.join("\n")}
</svg><ul class="legend">${legendItems.join("")}</ul></figure>
</section>`;
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

/** Every flag in one table, most urgent first, with a filter by text, state and owner. */
function flagTable(report: ReportModel): string {
  const states = STATE_ORDER.filter((state) => report.flags.some((flag) => flag.state === state));
  const owners = report.groups.map((group) => ownerName(group.owner));
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const headers = ["Flag", "State", "Owner", "Type", "Created", "Remove by", "Days", "Ticket", "Refs", "Checked at"];
  return `<section class="all-flags" aria-label="Every flag">
<h2>Every flag <span class="muted">· ${escapeHtml(plural(report.flags.length, "flag"))} in ${escapeHtml(plural(report.groups.length, "owner group"))}</span></h2>
<form class="filters" role="search">
<label>Filter<input id="filter-text" type="search" placeholder="flag, owner, ticket, file…" aria-controls="flags"></label>
<label>State<select id="filter-state" aria-controls="flags">${option("", "all states")}${states.map((state) => option(state, STATE_LABELS[state])).join("")}</select></label>
<label>Owner<select id="filter-owner" aria-controls="flags">${option("", "all owners")}${owners.map((owner) => option(owner, owner)).join("")}</select></label>
<output id="filter-count" for="filter-text filter-state filter-owner">${escapeHtml(plural(report.flags.length, "flag"))}</output>
</form>
<table class="flags sortable" id="flags">
<thead><tr>${headers.map((header) => `<th${header === "Refs" ? ' class="number-cell"' : ""}>${header}</th>`).join("")}</tr></thead>
<tbody>
${report.flags.map(flagRow).join("\n")}
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
  const owner = flag.owner === undefined ? "—" : `${escapeHtml(flag.owner)}${flag.ownerFromCodeOwners ? '<span class="source">(from CODEOWNERS)</span>' : ""}`;
  const cells = [
    `<td data-label="Flag">${code(flag.key)}${description}</td>`,
    `<td data-label="State" data-sort="${STATE_ORDER.indexOf(flag.state)}">${badge(flag.state)}</td>`,
    `<td data-label="Owner" data-sort="${escapeHtml(flag.owner ?? LAST)}">${owner}</td>`,
    `<td data-label="Type">${escapeHtml(flag.type ?? "—")}</td>`,
    `<td data-label="Created" class="nowrap" data-sort="${escapeHtml(flag.created ?? LAST)}">${created}</td>`,
    `<td data-label="Remove by" class="nowrap" data-sort="${escapeHtml(flag.removeBy ?? LAST)}">${escapeHtml(flag.removeBy ?? "—")}</td>`,
    `<td data-label="Days" data-sort="${flag.days ? (flag.daysLeft ?? NO_DEADLINE) : NO_DEADLINE}">${days(flag)}</td>`,
    `<td data-label="Ticket">${flag.ticket === undefined ? "—" : ticket(flag.ticket)}</td>`,
    `<td data-label="Refs" class="number-cell">${flag.references}</td>`,
    `<td data-label="Checked at" data-sort="${escapeHtml(flag.locations[0]?.file ?? LAST)}">${locations(flag)}</td>`,
  ];
  return `<tr data-state="${flag.state}" data-owner="${escapeHtml(ownerName(flag.owner))}">${cells.join("")}</tr>`;
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
