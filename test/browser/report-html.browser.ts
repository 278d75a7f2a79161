// The HTML report as people read it: Chromium at three widths, nothing wider than the page,
// filter and sort working, no script but its own. Screenshots go to $FLAGLINT_SCREENSHOTS
// (default: a temporary folder), to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileResult, options, projectResult } from "../../cli/src/formats/fixture.js";
import { formatHtmlReport } from "../../cli/src/formats/report-html.js";
import { flaglint, removeProjects } from "../helpers/cli.js";
import { NOW, scheduledRepo } from "../helpers/scheduled-repo.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WIDTHS = [1440, 1024, 390] as const;

let browser: Browser;
let pages: Record<string, string>;
const shots = process.env.FLAGLINT_SCREENSHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-report-shots-"));

beforeAll(async () => {
  const repo = scheduledRepo();
  const run = flaglint(["report", "--format", "html", "--now", NOW, "--history-from", "2026-09-03"], { cwd: repo.root });
  expect(run.status).toBe(0);
  // The format fixture has long keys, URLs and file lists; with a trend of its own.
  const wide = projectResult();
  wide.history = Array.from({ length: 26 }, (_, week) => ({
    date: new Date(Date.UTC(2026, 4, 28 + week * 7)).toISOString().slice(0, 10),
    commit: week < 3 ? null : "0123456789abcdef0123456789abcdef01234567",
    states: week < 3 ? {} : { overdue: Math.floor(week / 5), "due-soon": week % 3, ok: 4 + (week % 4), permanent: 1 },
  }));
  pages = {
    repository: run.stdout,
    fixture: formatHtmlReport(wide, options()),
    hostile: formatHtmlReport(hostileResult(), options()),
  };
  fs.mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  removeProjects();
});

interface Loaded {
  page: Page;
  errors: string[];
}

async function open(name: string, width: number): Promise<Loaded> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // Nothing may be fetched: the page is one self-contained file.
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  const file = path.join(shots, `${name}.html`);
  fs.writeFileSync(file, pages[name]!);
  await page.goto(`file://${file}`);
  return { page, errors };
}

/** Elements whose right edge passes the page's width, outside any scrolling box. */
async function overflow(page: Page): Promise<{ page: number; viewport: number; elements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const elements: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      const clipped = (function inScroller(node: Element | null): boolean {
        for (let parent = node?.parentElement; parent; parent = parent.parentElement) {
          if (/(auto|scroll|hidden)/.test(getComputedStyle(parent).overflowX)) return true;
        }
        return false;
      })(element);
      if (!clipped) elements.push(`${element.tagName.toLowerCase()}.${element.className} right=${Math.round(box.right)}`);
    }
    return { page: document.documentElement.scrollWidth, viewport: width, elements: elements.slice(0, 10) };
  });
}

describe("the HTML report in Chromium", () => {
  for (const name of ["repository", "fixture", "hostile"]) {
    for (const width of WIDTHS) {
      it(`${name} at ${width}px: nothing overflows the page, no errors`, async () => {
        const { page, errors } = await open(name, width);
        try {
          const measured = await overflow(page);
          await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
          expect(measured.elements).toEqual([]);
          expect(measured.page).toBeLessThanOrEqual(measured.viewport);
          expect(errors).toEqual([]);
          expect(fs.statSync(path.join(shots, `${name}-${width}.png`)).size).toBeGreaterThan(10_000);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("shows every flag in one table, with owners from CODEOWNERS and the trend", async () => {
    const { page } = await open("repository", 1440);
    try {
      const rows = await page.$$eval("#flags tbody tr", (trs) => trs.map((tr) => [tr.getAttribute("data-state"), tr.getAttribute("data-owner")]));
      expect(rows).toEqual([
        ["overdue", "@web"],
        ["overdue", "@shop"],
        ["overdue", "@growth"],
        ["retired", "@platform"],
        ["unused", "unowned"],
        ["ok", "@platform"],
        ["permanent", "@platform"],
      ]);
      expect(await page.textContent("#flags tbody tr:nth-child(2) td:nth-child(3)")).toBe("@shop(from CODEOWNERS)");
      expect(await page.locator(".trend svg g").count()).toBe(13);
      expect(await page.locator(".trend svg rect").count()).toBeGreaterThan(12);
    } finally {
      await page.close();
    }
  });

  it("filters by text, state and owner, and sorts by a column", async () => {
    const { page } = await open("repository", 1024);
    try {
      const visible = () => page.$$eval("#flags tbody tr:not([hidden]) td:first-child code", (cells) => cells.map((cell) => cell.textContent));
      await page.fill("#filter-text", "checkout");
      expect(await visible()).toEqual(["new_checkout"]);
      expect(await page.textContent("#filter-count")).toBe("1 of 7 flags");
      await page.fill("#filter-text", "");
      await page.selectOption("#filter-state", "overdue");
      expect(await visible()).toEqual(["dark_mode", "new_checkout", "promo_banner"]);
      await page.selectOption("#filter-state", "");
      await page.selectOption("#filter-owner", "@platform");
      expect(await visible()).toEqual(["legacy_banner", "beta_search", "kill_switch"]);
      await page.selectOption("#filter-owner", "");
      await page.click("#flags th:first-child button");
      expect(await visible()).toEqual(["beta_search", "dark_mode", "kill_switch", "legacy_banner", "new_checkout", "promo_banner", "unused_flag"]);
    } finally {
      await page.close();
    }
  });
});
