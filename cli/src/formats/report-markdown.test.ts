import { describe, expect, it } from "vitest";
import { hostileResult, options, projectResult } from "./fixture.js";
import { formatMarkdownReport } from "./report-markdown.js";

const markdown = formatMarkdownReport(projectResult(), options());

/** Each GFM table in the text, as the cell counts of its rows (escaped pipes do not split cells). */
function tableShapes(text: string): number[][] {
  const tables: number[][] = [];
  let current: number[] | undefined;
  for (const line of text.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) tables.push((current = []));
    current.push(line.split(/(?<!\\)\|/).length - 2);
  }
  return tables;
}

function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]!);
}

describe("formatMarkdownReport", () => {
  it("matches the snapshot", () => {
    expect(markdown).toMatchSnapshot();
  });

  it("opens with the date, the registry and the flag debt at a glance", () => {
    expect(markdown).toMatch(/^# Feature flag report\n\n\*\*2026-11-26\*\* · registry <code>feature-flags\.yaml<\/code> · 11 flags \(1 not in the registry\)/);
    expect(markdown).toContain(
      "> **Flag debt:** 3 of 6 temporary flags are overdue. Oldest: <code>new_payment_flow</code> (owner <code>@payments</code>), 225 days overdue. 1 flag is due soon.",
    );
  });

  it("counts flags by state and by type", () => {
    expect(markdown).toContain(
      "| 🔴 overdue | 🟠 due soon | 🟣 unknown | 🟤 retired | ⚪ unused | 🟢 ok | 🔵 permanent | ⚫ archived |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n| 3 | 1 | 1 | 1 | 1 | 2 | 1 | 1 |",
    );
    expect(markdown).toContain("| release | experiment | ops | permission | unknown |\n| ---: | ---: | ---: | ---: | ---: |\n| 6 | 2 | 1 | 1 | 1 |");
  });

  it("has one section per owner, unowned last, overdue flags first", () => {
    const headings = markdown.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## Summary",
      "## <code>@growth</code> · 3 flags (1 overdue)",
      "## <code>@payments</code> · 3 flags (1 overdue, 1 due soon)",
      "## <code>@platform</code> · 2 flags",
      "## _unowned_ · 3 flags (1 overdue)",
    ]);
    const payments = markdown.slice(markdown.indexOf("## <code>@payments"), markdown.indexOf("## <code>@platform"));
    const order = ["new_payment_flow", "checkout_v3", "payments_kill_switch"].map((key) => payments.indexOf(`| <code>${key}</code>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
  });

  it("shows each flag's standing in one table row", () => {
    expect(markdown).toContain(
      "| <code>new_payment_flow</code> | 🔴 overdue | release | 2026-03-01 | 2026-04-15 | 225 days overdue | [PAY-1234](https://tracker.example/browse/PAY-1234) | 3 |",
    );
    expect(markdown).toContain("| <code>checkout_v3</code> | 🟠 due soon | release | ≈2026-10-20 | 2026-12-01 | 5 days left | [github.com/acme/shop/issues/42](https://github.com/acme/shop/issues/42) | 1 |");
    expect(markdown).toContain("| <code>new_paymnet_flow</code> | 🟣 unknown | — | — | — | — | — | 1 |");
  });

  it("links ticket ids only through the ticket URL template", () => {
    const plain = formatMarkdownReport(projectResult(), options({ ticketUrl: undefined }));
    expect(plain).toContain("| <code>PAY-1234</code> | 3 |");
    expect(linkTargets(plain)).toEqual(["https://github.com/acme/shop/issues/42"]);
  });

  it("folds long reference lists into <details> and says how many are not listed", () => {
    expect(markdown).toContain("<details>\n<summary><code>pricing_page_test</code>: 14 references</summary>\n\n- <code>src/pricing/plan-1.tsx:10</code>");
    expect(markdown).toContain("- and 4 more\n\n</details>");
    expect(markdown).toContain("- <code>new_payment_flow</code>: <code>src/pay.ts:12</code>, <code>src/checkout/summary.tsx:40</code>, <code>src/api/charge.ts:8</code>");
  });

  it("keeps every table row at its table's column count", () => {
    for (const shape of tableShapes(markdown)) expect(new Set(shape).size).toBe(1);
  });

  it("says so when there are no flags", () => {
    const empty = formatMarkdownReport({ ...projectResult(), flags: [] }, options());
    expect(empty).toContain("No feature flags found");
    expect(empty).not.toContain("|");
  });
});

describe("formatMarkdownReport with hostile input", () => {
  const hostile = formatMarkdownReport(hostileResult(), options());

  it("lets no HTML through", () => {
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    const tags = [...hostile.matchAll(/<\/?([a-z]+)/gi)].map((match) => match[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(["code", "details", "summary", "sub"]));
  });

  it("keeps table rows at their column count", () => {
    const shapes = tableShapes(hostile);
    expect(shapes.length).toBeGreaterThan(0);
    for (const shape of shapes) expect(new Set(shape).size).toBe(1);
  });

  it("links only to http(s) URLs, never javascript:", () => {
    const targets = linkTargets(hostile);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^https?:\/\/[^\s()<>|`]+$/);
    expect(hostile).not.toMatch(/\]\(\s*javascript:/i);
  });

  it("keeps hostile strings from starting lines of their own", () => {
    expect(hostile).not.toMatch(/^(second line|#+ heading)/m);
  });
});
