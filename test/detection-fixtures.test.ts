// Detection on fixture projects shaped like real code bases: every SDK preset and every shape of
// flag check the issue lists, each next to look-alikes (lines marked `// look-alike`) that must
// not be reported. Runs the built core (`npx tsc -b` first), as the CLI does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProject, SDK_PRESETS, type ProjectResult } from "@flaglint/core";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NOW = "2026-11-26";

/** file (relative to the fixture), line, column, flag, matcher, kind, context */
type Row = [string, number, number, string | null, string, string, boolean | null];

const EXPECTED: Record<string, Row[]> = {
  "sdk-configcat": [
    ["src/server/prices.ts", 6, 57, "isNewPricingEnabled", "sdk:configcat", "call", true],
    ["src/server/prices.ts", 7, 56, "discountPercentage", "sdk:configcat", "call", false],
    ["src/server/prices.ts", 13, 29, "bookingKillSwitch", "sdk:configcat", "call", true],
    ["src/web/Banner.tsx", 5, 51, "bannerText", "sdk:configcat", "hook", null],
    ["src/web/Banner.tsx", 9, 26, "isNewPricingEnabled", "sdk:configcat", "call", null],
  ],
  "sdk-devcycle": [
    ["src/server/flags.ts", 6, 39, "new-checkout", "sdk:devcycle", "call", true],
    ["src/server/flags.ts", 10, 42, "search-ranking", "sdk:devcycle", "call", true],
    ["src/server/flags.ts", 15, 39, null, "sdk:devcycle", "call", true],
    ["src/web/Banner.tsx", 5, 37, "beta-banner", "sdk:devcycle", "hook", null],
    ["src/web/Banner.tsx", 7, 40, "search-ranking", "sdk:devcycle", "call", null],
  ],
  "sdk-flagsmith": [
    ["src/server/flags.ts", 7, 33, "maintenance_mode", "sdk:flagsmith", "call", false],
    ["src/server/flags.ts", 12, 39, "checkout_button_text", "sdk:flagsmith", "call", true],
    ["src/server/flags.ts", 17, 39, "checkout_button_text", "sdk:flagsmith", "call", false],
    ["src/server/flags.ts", 21, 70, "old_search", "sdk:flagsmith", "call", true],
    ["src/web/Hero.tsx", 8, 27, "hero_video", "sdk:flagsmith", "hook", null],
    ["src/web/Hero.tsx", 8, 41, "font_size", "sdk:flagsmith", "hook", null],
    ["src/web/Hero.tsx", 13, 29, "old_serch", "sdk:flagsmith", "call", null],
  ],
  "sdk-growthbook": [
    ["src/server/pricing.ts", 7, 36, "annual-discount", "sdk:growthbook", "call", true],
    ["src/server/pricing.ts", 8, 44, "price-test", "sdk:growthbook", "call", true],
    ["src/server/pricing.ts", 13, 26, "price-test", "sdk:growthbook", "call", false],
    ["src/server/pricing.ts", 18, 22, "free-shipping", "sdk:growthbook", "call", true],
    ["src/web/PricingPage.tsx", 6, 33, "price-test", "sdk:growthbook", "hook", null],
    ["src/web/PricingPage.tsx", 10, 23, "free-shiping", "sdk:growthbook", "hook", null],
    ["src/web/PricingPage.tsx", 11, 33, "holiday-banner", "sdk:growthbook", "property", null],
    ["src/web/PricingPage.tsx", 14, 28, "annual-discount", "sdk:growthbook", "call", null],
  ],
  "sdk-launchdarkly": [
    ["src/server/flags.ts", 12, 41, "search-ranking", "sdk:launchdarkly", "call", true],
    ["src/server/flags.ts", 16, 59, "beta-dashboard", "sdk:launchdarkly", "call", true],
    ["src/server/flags.ts", 22, 29, "maintenance-mode", "sdk:launchdarkly", "call", true],
    ["src/web/Dashboard.tsx", 5, 11, "new-checkout", "sdk:launchdarkly", "hook", null],
    ["src/web/Dashboard.tsx", 5, 24, "beta-dashboard", "sdk:launchdarkly", "hook", null],
    ["src/web/Dashboard.tsx", 7, 44, "search-ranking", "sdk:launchdarkly", "call", null],
    ["src/web/Dashboard.tsx", 9, 28, "holiday-theme", "sdk:launchdarkly", "hook", null],
    ["src/web/Dashboard.tsx", 12, 19, "maintenaceMode", "sdk:launchdarkly", "hook", null],
  ],
  "sdk-openfeature": [
    ["src/server/checkout.ts", 6, 47, "new-checkout", "sdk:openfeature", "call", true],
    ["src/server/checkout.ts", 8, 45, "checkout-upsell", "sdk:openfeature", "call", false],
    ["src/server/checkout.ts", 14, 5, "fraud-kill-switch", "sdk:openfeature", "call", true],
    ["src/server/checkout.ts", 22, 49, "legacy-cart", "sdk:openfeature", "call", true],
    ["src/web/CheckoutButton.tsx", 4, 39, "new-checkout", "sdk:openfeature", "hook", null],
    ["src/web/CheckoutButton.tsx", 5, 37, "winter-banner", "sdk:openfeature", "hook", null],
    ["src/web/CheckoutButton.tsx", 6, 26, "checkout-upsel", "sdk:openfeature", "hook", null],
    ["src/web/CheckoutButton.tsx", 12, 28, "fraud-kill-switch", "sdk:openfeature", "property", null],
    ["src/web/banner.ts", 6, 33, "winter-banner", "sdk:openfeature", "call", null],
    ["src/web/banner.ts", 11, 32, "checkout-upsell", "sdk:openfeature", "call", null],
  ],
  "sdk-posthog": [
    ["src/server/flags.ts", 6, 42, "new-dashboard", "sdk:posthog", "call", true],
    ["src/server/flags.ts", 10, 48, "onboarding-flow", "sdk:posthog", "call", true],
    ["src/server/flags.ts", 11, 55, "onboarding-flow", "sdk:posthog", "call", false],
    ["src/server/flags.ts", 17, 26, "ai-summary", "sdk:posthog", "call", null],
    ["src/web/Dashboard.tsx", 5, 38, "new-dashboard", "sdk:posthog", "hook", null],
    ["src/web/Dashboard.tsx", 6, 47, "onboarding-flow", "sdk:posthog", "hook", null],
    ["src/web/Dashboard.tsx", 10, 28, "ai-summary", "sdk:posthog", "property", null],
    ["src/web/Dashboard.tsx", 13, 33, "session-replay-v1", "sdk:posthog", "call", null],
    ["src/web/Dashboard.tsx", 19, 64, null, "sdk:posthog", "call", null],
  ],
  "sdk-split": [
    ["src/server/treatments.ts", 8, 38, "new_checkout", "sdk:split", "call", true],
    ["src/server/treatments.ts", 12, 40, "search_ranking", "sdk:split", "call", true],
    ["src/server/treatments.ts", 12, 58, "promo_banner", "sdk:split", "call", true],
    ["src/server/treatments.ts", 16, 46, "payment_provider_fallback", "sdk:split", "call", true],
    ["src/web/Checkout.tsx", 4, 46, "new_checkout", "sdk:split", "hook", null],
    ["src/web/Checkout.tsx", 5, 55, "promo_banner", "sdk:split", "hook", null],
    ["src/web/Checkout.tsx", 5, 71, "search_rankng", "sdk:split", "hook", null],
    ["src/web/Checkout.tsx", 9, 32, "search_ranking", "sdk:split", "property", null],
  ],
  "sdk-statsig": [
    ["src/server/gates.ts", 5, 34, "new_search", "sdk:statsig", "call", true],
    ["src/server/gates.ts", 9, 38, "checkout_layout", "sdk:statsig", "call", true],
    ["src/server/gates.ts", 18, 47, "rate_limit_strict", "sdk:statsig", "call", true],
    ["src/web/Search.tsx", 9, 34, "new_serch", "sdk:statsig", "hook", null],
    ["src/web/Search.tsx", 10, 32, "checkout_layout", "sdk:statsig", "hook", null],
    ["src/web/Search.tsx", 12, 33, "beta_access", "sdk:statsig", "call", null],
  ],
  "sdk-unleash": [
    ["src/server/unleash.ts", 18, 28, "newOnboarding", "sdk:unleash", "call", true],
    ["src/server/unleash.ts", 22, 29, "pricingTest", "sdk:unleash", "call", false],
    ["src/server/unleash.ts", 26, 28, "exportKillSwitch", "sdk:unleash", "call", true],
    ["src/server/unleash.ts", 30, 27, null, "sdk:unleash", "call", true],
    ["src/web/Onboarding.tsx", 4, 25, "newOnboarding", "sdk:unleash", "hook", null],
    ["src/web/Onboarding.tsx", 5, 30, "pricingTest", "sdk:unleash", "hook", null],
    ["src/web/Onboarding.tsx", 7, 34, "darkMode", "sdk:unleash", "call", null],
  ],
  "shapes-aliased-constants": [
    ["src/admin/products.ts", 5, 35, "bulk_edit", "constants[0]", "constant", null],
    ["src/admin/products.ts", 6, 27, "audit_log", "constants[0]", "constant", null],
    ["src/admin/products.ts", 7, 28, null, "constants[0]", "constant", null],
    ["src/web/nav.ts", 3, 26, "new_nav", "constants[0]", "constant", null],
    ["src/web/nav.ts", 6, 18, "new_nav", "constants[0]", "constant", null],
  ],
  "shapes-cross-package": [
    ["packages/api/src/billing.ts", 7, 26, "usage-based-billing", "sdk:growthbook", "call", true],
    ["packages/api/src/billing.ts", 11, 37, "pricing-page-v2", "sdk:growthbook", "call", true],
    ["packages/web/src/PricingPage.tsx", 6, 34, "pricing-page-v2", "sdk:growthbook", "hook", null],
    ["packages/web/src/PricingPage.tsx", 7, 37, "new-onboarding", "sdk:growthbook", "hook", null],
  ],
  "shapes-definition-objects": [
    ["packages/admin/src/orders/OrderDetails.tsx", 7, 34, "sales_channels", "jsx[0]", "property", null],
    ["packages/admin/src/orders/OrderDetails.tsx", 10, 35, "order_editing", "jsx[0]", "property", null],
    ["packages/admin/src/orders/OrderDetails.tsx", 13, 34, "product_categorie", "jsx[0]", "property", null],
    ["packages/core/src/migrations/1680000000000-sales-channels.ts", 3, 28, "sales_channels", "properties[0]", "property", null],
    ["packages/core/src/services/cart.ts", 9, 50, "sales_channels", "calls[1]", "call", null],
    ["packages/core/src/services/cart.ts", 12, 51, "sales_channels", "calls[1]", "call", null],
    ["packages/core/src/services/cart.ts", 12, 80, "tax_inclusive_pricing", "calls[1]", "call", null],
    ["packages/core/src/services/cart.ts", 20, 53, null, "calls[1]", "call", null],
    ["packages/core/src/services/catalog.ts", 16, 61, "product_categories", "calls[0]", "call", null],
    ["packages/core/src/services/catalog.ts", 17, 58, "tax_inclusive_pricing", "calls[0]", "call", null],
    ["packages/core/src/services/catalog.ts", 19, 57, null, "calls[0]", "call", null],
    ["packages/core/src/strategies/batch.ts", 5, 45, "order_editing", "calls[0]", "call", null],
  ],
  "shapes-destructured-hook": [
    ["src/components/Sidebar.tsx", 7, 37, "extensions", "calls[0]", "hook", null],
    ["src/components/Sidebar.tsx", 8, 54, "scaffolder-v2", "calls[0]", "hook", null],
    ["src/components/Sidebar.tsx", 9, 29, "search-analytic", "calls[0]", "hook", null],
  ],
  "shapes-enum-keys": [
    ["src/api/rate-limit.guard.ts", 10, 14, "IS_API_RATE_LIMITING_ENABLED", "constants[0]", "constant", null],
    ["src/api/rate-limit.guard.ts", 16, 43, "IS_DIGEST_PREVIEW_ENABLED", "constants[0]", "constant", null],
    ["src/web/Workflows.tsx", 5, 38, "IS_V2_ENABLED", "calls[0]", "hook", null],
    ["src/web/Workflows.tsx", 6, 32, "IS_TEAM_MEMBER_INVITE_NUDGE_ENABLED", "calls[0]", "hook", null],
  ],
  "shapes-flag-product": [
    ["frontend/src/component/ProjectOverview.tsx", 7, 30, "projectOverviewRefactor", "calls[1]", "hook", null],
    ["frontend/src/component/ProjectOverview.tsx", 8, 39, "outdatedSdksBanner", "objects[0]", "member", null],
    ["frontend/src/component/ProjectOverview.tsx", 13, 14, "newInUnleash", "objects[0]", "member", null],
    ["frontend/src/component/ProjectOverview.tsx", 22, 16, "sdkReporting", "objects[0]", "member", null],
    ["frontend/src/component/ProjectOverview.tsx", 36, 65, "featuresExportImport", "objects[0]", "member", null],
    ["src/lib/features/export-service.ts", 16, 38, "featuresExportImport", "calls[0]", "call", true],
    ["src/lib/features/export-service.ts", 19, 37, "exportMetrics", "calls[0]", "call", false],
  ],
  "shapes-jsx": [
    ["src/components/ProductPage.tsx", 9, 37, "reviews-sidebar", "sdk:growthbook", "hook", null],
    ["src/components/ProductPage.tsx", 10, 23, "spring-banner", "sdk:growthbook", "hook", null],
    ["src/components/ProductPage.tsx", 11, 23, "quick-buy", "sdk:growthbook", "hook", null],
    ["src/components/ProductPage.tsx", 12, 56, "checkout-lock", "sdk:growthbook", "hook", null],
    ["src/components/ProductPage.tsx", 13, 33, "reviews-sidebar", "sdk:growthbook", "property", null],
  ],
  // A flag declared as a function (the Flags SDK's flag({ key })): the call is the check, its name the key's place.
  "shapes-flag-functions": [
    ["src/app/checkout/page.tsx", 5, 15, "new-checkout", "calls[0]", "call", null],
    ["src/app/layout.tsx", 5, 57, "promo-banner", "calls[1]", "call", null],
    ["src/app/layout.tsx", 5, 78, "new-checkout", "calls[0]", "call", null],
    ["src/app/search/results.ts", 5, 25, "search-ranking", "calls[2]", "call", true],
    ["src/app/search/results.ts", 6, 26, "search-ranking", "calls[2]", "call", false],
  ],
  "shapes-service-chain": [
    ["src/app/chat/chat.component.ts", 11, 42, "enable_ai", "objects[0]", "member", null],
    ["src/app/chat/chat.component.ts", 15, 42, "enable_voice_input", "objects[0]", "member", null],
    ["src/app/chat/chat.component.ts", 20, 18, "enable_attachments", "objects[0]", "member", null],
    ["src/app/chat/chat.component.ts", 20, 52, "enable_attachment_preview", "objects[0]", "member", null],
  ],
};

const results = new Map<string, ProjectResult>();

function analyze(name: string): ProjectResult {
  let result = results.get(name);
  if (result === undefined) {
    result = analyzeProject({ cwd: REPO_ROOT, paths: [`fixtures/${name}`], now: NOW });
    results.set(name, result);
  }
  return result;
}

function fixtureFile(name: string, file: string): string {
  return path.relative(path.join(REPO_ROOT, "fixtures", name), file).split(path.sep).join("/");
}

/** Every source line of the fixture marked `look-alike`, as `file:line`. */
function lookAlikeLines(name: string): string[] {
  const root = path.join(REPO_ROOT, "fixtures", name);
  const lines: string[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.[cm]?[jt]sx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    fs.readFileSync(file, "utf8")
      .split("\n")
      .forEach((text, index) => {
        if (text.includes("look-alike")) lines.push(`${fixtureFile(name, file)}:${index + 1}`);
      });
  }
  return lines.sort();
}

describe("the detection fixtures", () => {
  it("cover every SDK preset and shape fixture in fixtures/", () => {
    const onDisk = fs
      .readdirSync(path.join(REPO_ROOT, "fixtures"))
      .filter((name) => /^(sdk|shapes)-/.test(name))
      .sort();
    expect(onDisk).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe.each(Object.keys(EXPECTED))("fixtures/%s", (name) => {
  it("finds every check with its key, position, matcher, kind and context", () => {
    const found = analyze(name).references.map(
      ({ file, line, column, flag, matcher, kind, context }): Row => [
        fixtureFile(name, file),
        line,
        column,
        flag,
        matcher,
        kind,
        context,
      ],
    );
    expect(found).toEqual(EXPECTED[name]);
  });

  it("places each reference at its key expression", () => {
    for (const reference of analyze(name).references) {
      const text = fs.readFileSync(reference.file, "utf8");
      const lineStart = text.split("\n").slice(0, reference.line - 1).join("\n").length + (reference.line > 1 ? 1 : 0);
      expect(text.slice(lineStart + reference.column - 1)).toMatch(new RegExp(`^${escapeRegExp(reference.keyText)}`));
    }
  });

  it("reports nothing on a look-alike line", () => {
    const lookAlikes = lookAlikeLines(name);
    expect(lookAlikes.length).toBeGreaterThan(0);
    const reported = new Set(analyze(name).references.map(({ file, line }) => `${fixtureFile(name, file)}:${line}`));
    expect(lookAlikes.filter((line) => reported.has(line))).toEqual([]);
  });
});

describe("keys exported by another workspace package", () => {
  const projects: string[] = [];
  afterAll(() => {
    for (const dir of projects) fs.rmSync(dir, { recursive: true, force: true });
  });

  function project(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-keys-"));
    projects.push(root);
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return root;
  }

  const REGISTRY = `version: 1\ndetect:\n  sdks: [growthbook]\nflags:\n  pricing:\n    type: permission\n`;
  const PAGE = `import { useFeatureValue } from "@growthbook/growthbook-react";\nimport { PRICING_FLAG } from "@acme/shared";\nexport const usePricing = () => useFeatureValue(PRICING_FLAG, null);\n`;

  it("resolve through the project-wide index", () => {
    const root = project({
      "feature-flags.yaml": REGISTRY,
      "packages/shared/src/index.ts": `export const PRICING_FLAG = "pricing";\n`,
      "packages/web/src/pricing.ts": PAGE,
    });
    const [reference] = analyzeProject({ cwd: root, paths: [], now: NOW }).references;
    expect(reference).toMatchObject({ flag: "pricing", dynamic: false, matcher: "sdk:growthbook", line: 3 });
  });

  it("stay dynamic when two packages export the name with different values", () => {
    const root = project({
      "feature-flags.yaml": REGISTRY,
      "packages/shared/src/index.ts": `export const PRICING_FLAG = "pricing";\n`,
      "packages/legacy/src/index.ts": `export const PRICING_FLAG = "pricing-v1";\n`,
      "packages/web/src/pricing.ts": PAGE,
    });
    const result = analyzeProject({ cwd: root, paths: [], now: NOW });
    expect(result.references).toMatchObject([{ flag: null, dynamic: true, keyText: "PRICING_FLAG" }]);
    // A wrong key is worse than none: the check is reported as dynamic, the registry flag as unchecked.
    expect(result.findings.map(({ rule }) => rule).sort()).toEqual(["no-dynamic-flag-key", "no-unused-flag"]);
  });
});

describe("docs/presets.md", () => {
  const docs = fs.readFileSync(path.join(REPO_ROOT, "docs/presets.md"), "utf8");

  it.each(SDK_PRESETS.map((preset) => [preset.name, preset] as const))(
    "names every package, export and method of the %s preset in its section",
    (name, preset) => {
      const start = docs.indexOf(`\n## ${name}\n`);
      expect(start).toBeGreaterThan(0);
      const end = docs.indexOf("\n## ", start + 1);
      const section = docs.slice(start, end < 0 ? undefined : end);
      const names = new Set<string>();
      for (const pkg of preset.packages) {
        names.add(pkg.module);
        for (const exported of Object.keys(pkg.exports)) if (exported !== "default") names.add(exported);
      }
      for (const kind of Object.values(preset.kinds)) for (const method of Object.keys(kind.methods ?? {})) names.add(method);
      const missing = [...names].filter((text) => !new RegExp(`(^|[^\\w$])${escapeRegExp(text)}(?![\\w$])`).test(section));
      expect(missing).toEqual([]);
    },
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
