import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hostileResult, options, projectResult } from "./fixture.js";
import { formatHtmlReport } from "./report-html.js";

const html = formatHtmlReport(projectResult(), options());

function between(text: string, open: string, close: string): string[] {
  return text.split(open).slice(1).map((part) => part.slice(0, part.indexOf(close)));
}

function hrefs(text: string): string[] {
  return [...text.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);
}

/** Attributes of every tag, with their quoted values blanked out: what a browser would treat as attribute names. */
function tagsWithoutValues(text: string): string[] {
  return (text.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

describe("formatHtmlReport", () => {
  it("matches the snapshot", () => {
    expect(html).toMatchSnapshot();
  });

  it("is one self-contained page: no external scripts, styles, fonts or images", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
  });

  it("allows by Content-Security-Policy exactly its own inline script and style", () => {
    const [policy] = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"');
    const [script] = between(html, "<script>", "</script>");
    const [style] = between(html, "<style>", "</style>");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'sha256-${sha256(script!)}'`);
    expect(policy).toContain(`style-src 'sha256-${sha256(style!)}'`);
    expect(policy).not.toContain("unsafe-inline");
  });

  it("puts the flag debt on top", () => {
    const cards = between(html, '<div class="card', "</div>");
    expect(cards[0]).toContain('<span class="number">3</span>of 6 temporary flags overdue');
    expect(cards[1]).toContain('<span class="number">1</span>due soon');
    expect(cards[2]).toContain('<span class="number">225</span>days overdue: the oldest, <code>new_<wbr>payment_<wbr>flow</code> (@payments)');
  });

  it("counts flags by state and by type", () => {
    expect(html).toContain('<tr><td><span class="badge state-overdue">overdue</span></td><td class="number-cell">3</td></tr>');
    expect(html).toContain('<tr><td><span class="badge state-archived">archived</span></td><td class="number-cell">1</td></tr>');
    expect(html).toContain('<tr><td>release</td><td class="number-cell">6</td></tr>');
  });

  it("draws flags by state per owner as stacked bars with a legend", () => {
    const [svg] = between(html, "<svg", "</svg>");
    const bars = between(svg!, "<g>", "</g>");
    expect(bars).toHaveLength(4);
    expect(bars[1]).toContain("@payments");
    expect(between(bars[1]!, "<rect", "</rect>").map((rect) => rect.match(/<title>(.*)<\/title>/)![1])).toEqual([
      "@payments: 1 overdue",
      "@payments: 1 due soon",
      "@payments: 1 permanent",
    ]);
    const legend = between(html, '<ul class="legend">', "</ul>")[0]!;
    expect(legend.match(/<li>/g)).toHaveLength(8);
  });

  it("has every flag in one sortable table, most urgent first, with its owner", () => {
    expect(html.match(/<table class="flags sortable" id="flags">/g)).toHaveLength(1);
    const rows = between(html, '<tr data-state="', "</tr>");
    expect(rows).toHaveLength(11);
    const keys = rows.map((row) => between(row, "<code>", "</code>")[0]!.replace(/<wbr>/g, ""));
    expect(keys.slice(0, 4)).toEqual(["new_payment_flow", "onboarding_quiz", "holiday_banner", "checkout_v3"]);
    expect(rows[0]).toMatch(/^overdue" data-owner="@payments">/);
    expect(rows[2]).toMatch(/^overdue" data-owner="unowned">/);
    expect(rows[0]).toContain('<td data-label="Owner" data-sort="@payments">@payments</td>');
  });

  it("filters by text, state and owner, with an option per state and owner present", () => {
    expect(html).toContain('<input id="filter-text" type="search"');
    const states = between(html, '<select id="filter-state" aria-controls="flags">', "</select>")[0]!;
    expect(between(states, '<option value="', '"')).toEqual(["", "overdue", "due-soon", "unknown", "retired", "unused", "ok", "permanent", "archived"]);
    const owners = between(html, '<select id="filter-owner" aria-controls="flags">', "</select>")[0]!;
    expect(between(owners, '<option value="', '"')).toEqual(["", "@growth", "@payments", "@platform", "unowned"]);
  });

  it("marks an owner taken from CODEOWNERS", () => {
    const result = projectResult();
    result.flags[0] = { ...result.flags[0]!, owner: "@design", ownerSource: "codeowners" };
    const page = formatHtmlReport(result, options());
    expect(page).toContain('<td data-label="Owner" data-sort="@design">@design<span class="source">(from CODEOWNERS)</span></td>');
  });

  it("draws the trend as a stacked column per week, and nothing without one", () => {
    expect(html).not.toContain('<section class="trend"');
    const result = projectResult();
    result.history = [
      { date: "2026-11-12", commit: null, states: {} },
      { date: "2026-11-19", commit: "a".repeat(40), states: { overdue: 1, ok: 2 } },
      { date: "2026-11-26", commit: "b".repeat(40), states: { overdue: 2, ok: 1, unused: 0 } },
    ];
    const page = formatHtmlReport(result, options());
    const [svg] = between(between(page, '<section class="trend"', "</section>")[0]!, "<svg", "</svg>");
    const titles = between(svg!, "<title>", "</title>");
    expect(titles).toEqual(["2026-11-12: no registry yet", "2026-11-19: 1 overdue", "2026-11-19: 2 ok", "2026-11-26: 2 overdue", "2026-11-26: 1 ok"]);
  });

  it("gives the sort script numeric keys for state and days", () => {
    expect(html).toContain('<td data-label="Days" data-sort="-225"><span class="late">225 days overdue</span></td>');
    expect(html).toContain('<td data-label="State" data-sort="0"><span class="badge state-overdue">overdue</span></td>');
  });

  it("links tickets to http(s) URLs only, and marks inferred creation dates", () => {
    expect(hrefs(html)).toEqual(expect.arrayContaining(["https://tracker.example/browse/PAY-1234", "https://github.com/acme/shop/issues/42"]));
    for (const href of hrefs(html)) expect(href).toMatch(/^https?:\/\//);
    expect(html).toContain('<span title="inferred from git history">≈</span>2026-10-20');
  });

  it("folds long reference lists into <details>", () => {
    expect(html).toContain("<details><summary>12 more</summary>");
    expect(html).toContain('<li class="muted">and 4 more</li></ul></details>');
  });
});

describe("formatHtmlReport with hostile input", () => {
  const hostile = formatHtmlReport(hostileResult(), options());

  it("runs no script but its own", () => {
    expect(hostile.match(/<script/gi)).toHaveLength(1);
    expect(hostile).not.toMatch(/<img/i);
    for (const tag of tagsWithoutValues(hostile)) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it("links nothing but http(s), never javascript:", () => {
    const targets = hrefs(hostile);
    expect(targets.length).toBeGreaterThan(0);
    for (const href of targets) expect(href).toMatch(/^https?:\/\/[^"<>\s]+$/);
    expect(hostile).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
  });

  it("shows hostile text as text", () => {
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });
});
