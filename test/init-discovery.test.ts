// Zero configuration on one small project per shape: `init` writes the registry each fixture holds,
// and `check` with it finds exactly the checks a person who knows the code would list.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeProject, planInit } from "@flaglint/core";
import { REPO_ROOT } from "./helpers/cli.js";

const NOW = "2026-11-26";
const SCHEMA = "./node_modules/@flaglint/core/schema/feature-flags.schema.json";

/** `file:line flag matcher` of every check `flaglint check` must find with the registry init wrote. */
const EXPECTED: Record<string, string[]> = {
  "discover-union-wrapper": [
    "src/billing/sso.ts:3 plan-enterprise-sso calls[0]",
    "src/checkout.ts:5 new-checkout calls[0]",
    "src/checkout.ts:6 kill-switch-payments calls[0]",
  ],
  "discover-keyof-hook": [
    "src/components/Banner.tsx:8 betaBanner objects[0]",
    "src/components/Menu.tsx:5 exportCsv calls[0]",
    "src/components/Nav.tsx:4 compactTables calls[1]",
    "src/components/Nav.tsx:6 newNav objects[0]",
    "src/server/export.ts:4 exportCsv objects[0]",
  ],
  "discover-enum-workspace": [
    "apps/api/src/digest.ts:11 IS_DIGEST_ENABLED keySets[0]",
    "apps/web/src/Editor.tsx:5 IS_V2_ENABLED calls[0]",
  ],
  "discover-const-object": ["src/App.tsx:7 new-nav keySets[0]", "src/App.tsx:8 ai-summary keySets[0]"],
  "discover-shared-client": [
    "src/server/routes.ts:13 new-pricing calls[0]",
    "src/server/routes.ts:14 fast-search calls[1]",
    "src/server/routes.ts:15 dark-launch-api calls[1]",
    "src/web/Checkout.tsx:5 checkout-redesign sdk:growthbook",
    "src/web/Checkout.tsx:6 max-upload-mb sdk:growthbook",
    "src/web/links.ts:7 contextual-bandits calls[2]",
  ],
  "discover-route-data": [
    "src/routes.ts:10 impactViews properties[0]",
    "src/routes.ts:11 teamInsights properties[0]",
    "src/settings.ts:3 newSettings calls[0]",
  ],
  "discover-destructured-hook": [
    "src/components/Summary.tsx:6 aiSummary calls[0]",
    "src/components/Toolbar.tsx:7 bulkExport calls[0]",
  ],
  "discover-context-hook": [
    "src/components/ArchetypeList.tsx:7 archetypes calls[0]",
    "src/components/Help.tsx:5 livechat calls[0]",
    "src/components/Report.tsx:5 archetypes calls[0]",
    "src/components/Slices.tsx:3 custom-hooks calls[0]",
  ],
  "discover-fetched-values": [
    "src/pages/settings.ts:6 auditLog objects[1]",
    "src/pages/settings.ts:7 webhooks objects[1]",
    "src/pages/team.ts:6 darkMode objects[0]",
    "src/pages/theme.ts:7 darkMode calls[0]",
    "src/pages/webhooks.ts:6 webhooks objects[1]",
  ],
  "discover-flag-record": [
    "src/routes/workspace.ts:5 siteVisits objects[0]",
    "src/routes/workspace.ts:6 postbacks objects[1]",
    "src/routes/workspace.ts:12 noProration objects[0]",
    "src/routes/workspace.ts:14 postbacks properties[0]",
  ],
  // Flags as a module's exports, listed by `keyof typeof` a namespace import, in a workspace package.
  "discover-module-flags": ["apps/builder/src/components.tsx:4 internalComponents calls[0]", "apps/builder/src/sync.ts:3 multiplayer calls[0]"],
  // Flags an API sends as a list of records, each found by name against an enum of keys.
  // Flags held in a React context (typed without React's own types), on a server context typed
  // `any` in half its reads, and taken by helpers typed in place with only the flags they need.
  "discover-context-flags": [
    "src/components/ChatButton.tsx:7 chat objects[0]",
    "src/components/Generate.tsx:4 imageGeneration objects[2]",
    "src/components/Generate.tsx:4 creatorShop objects[2]",
    "src/lib/nav.ts:3 imageGeneration objects[1]",
    "src/lib/nav.ts:3 creatorShop objects[1]",
    "src/server/controllers/chat.controller.ts:4 chat objects[0]",
    "src/server/router.ts:3 creatorShop calls[0]",
    "src/server/routers/shop.router.ts:5 creatorShop objects[0]",
  ],
  // A check matched through its imports (the SDK method of the same name on a vendor's \`any\` is
  // not one of its calls), a component that renders its children by a check of its prop, and an
  // SDK hook a workspace package re-exports.
  "discover-sdk-namesake": [
    "src/app/billing/page.ts:4 billing calls[1]",
    "src/app/menu.tsx:5 developer-tools calls[2]",
    "src/app/menu.tsx:9 billing jsx[0]",
    "src/app/upload/page.ts:3 storage calls[1]",
  ],
  "discover-declared-flags": ["src/app/checkout/page.tsx:5 new-checkout calls[0]", "src/app/layout.tsx:5 promo-banner calls[1]"],
  "discover-record-list": ["src/components/LogDetail.tsx:5 use_json_body keySets[0]", "src/components/Support.tsx:5 chat_support keySets[0]"],
  // Names that look like flag checks in code that has none (see docs/zero-config.md): nothing.
  "discover-no-flags": [],
  // A class named for flags (FeatureFlags.isEnabled) beside a record's own flags (user.getFlag(UserFlag.X)).
  "discover-state-flags": [
    "src/app/FeatureFlags.ts:8 newSharing keySets[0]",
    "src/app/FeatureFlags.ts:9 compactSidebar keySets[0]",
    "src/app/Sidebar.ts:4 compactSidebar calls[0]",
  ],
  // An experimentation product's own enums beside its flags and its plans' entitlements.
  "discover-experiment-domain": ["src/results.ts:5 new-results-page calls[0]", "src/results.ts:6 audit-log calls[1]"],
  "discover-record-values": [
    "src/api/export.ts:6 bulkExport objects[0]",
    "src/api/import.ts:4 bulkExport objects[1]",
    "src/api/import.ts:6 aiSummary objects[1]",
    "src/api/summary.ts:5 aiSummary objects[0]",
    "src/api/summary.ts:5 aiSummary calls[0]",
  ],
};

const fixtureDir = (name: string) => path.join(REPO_ROOT, "fixtures", name);

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies.splice(0)) fs.rmSync(copy, { recursive: true, force: true });
});

/**
 * init on a copy of the fixture in a folder of its own, as on a repository of its own: inside this
 * repository the fixture's CODEOWNERS is not at the repository root, where GitHub reads it.
 */
function plan(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-${name}-`));
  copies.push(dir);
  fs.cpSync(fixtureDir(name), dir, { recursive: true });
  return planInit({ cwd: dir, paths: [], target: path.join(dir, "feature-flags.yaml"), schema: SCHEMA, git: false });
}

/** Every source line marked `look-alike`, as `file:line`. */
function lookAlikeLines(dir: string): string[] {
  const lines: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.[cm]?[jt]sx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    fs.readFileSync(file, "utf8")
      .split("\n")
      .forEach((text, index) => {
        if (text.includes("look-alike")) lines.push(`${path.relative(dir, file).split(path.sep).join("/")}:${index + 1}`);
      });
  }
  return lines;
}

it("covers every discover-* fixture", () => {
  const onDisk = fs.readdirSync(path.join(REPO_ROOT, "fixtures")).filter((name) => name.startsWith("discover-"));
  expect(onDisk.sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.keys(EXPECTED))("fixtures/%s", (name) => {
  it("init writes the registry the fixture holds", () => {
    const registry = path.join(fixtureDir(name), "feature-flags.yaml");
    const { text } = plan(name);
    if (process.env.FLAGLINT_UPDATE_FIXTURES === "1") fs.writeFileSync(registry, text);
    expect(text).toBe(fs.readFileSync(registry, "utf8"));
  });

  it("check with that registry finds exactly the expected checks, none on a look-alike", () => {
    const dir = fixtureDir(name);
    const result = analyzeProject({ cwd: dir, paths: [], now: NOW });
    const found = result.references
      .filter((reference) => !reference.dynamic)
      .map((reference) => `${path.relative(dir, reference.file).split(path.sep).join("/")}:${reference.line} ${reference.flag} ${reference.matcher}`);
    expect(found).toEqual(EXPECTED[name]);
    const places = new Set(result.references.map((reference) => `${path.relative(dir, reference.file).split(path.sep).join("/")}:${reference.line}`));
    expect(lookAlikeLines(dir).filter((line) => places.has(line))).toEqual([]);
    expect(result.findings.filter((finding) => finding.rule === "no-unknown-flag" || finding.rule === "invalid-registry")).toEqual([]);
  });
});
