// What must stay true as rules are added: each has docs, tests and a place in the recommended
// config; the plugin names itself; the generated README table is fresh.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_IDS, RULES } from "@flaglint/core";
import { docsUrl } from "../rules/src/create-rule.js";
import plugin from "../rules/src/index.js";
import { rulesTable, withRulesTable } from "../rules/src/rules-table.js";
import { REPO_ROOT } from "./helpers/eslint.js";

const CLI_ONLY = ["no-unused-flag", "parse-error"];
const eslintRules = Object.entries(plugin.rules);
const exists = (file: string) => fs.existsSync(path.join(REPO_ROOT, file));

describe("eslint-plugin-flaglint", () => {
  it("has an ESLint rule for every rule id of SPEC §4 but the CLI-only ones", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(RULE_IDS.filter((id) => !CLI_ONLY.includes(id)).sort());
  });

  it("names itself, with the version of rules/package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "rules/package.json"), "utf8"));
    expect(plugin.meta).toEqual({ name: "eslint-plugin-flaglint", version: pkg.version, namespace: "flaglint" });
  });

  it("has a recommended flat config that refers to this very plugin", () => {
    const { recommended } = plugin.configs;
    expect(recommended.name).toBe("flaglint/recommended");
    expect(recommended.plugins?.flaglint).toBe(plugin);
  });

  it("has a docs page for every rule id, the CLI-only ones too (SARIF output links them all)", () => {
    expect(RULE_IDS.filter((id) => !exists(`rules/docs/${id}.md`))).toEqual([]);
  });

  it("turns every ESLint rule on in configs.recommended, at its default severity", () => {
    const expected = Object.fromEntries(eslintRules.map(([id]) => [`flaglint/${id}`, RULES[id as keyof typeof RULES].severity]));
    expect(plugin.configs.recommended.rules).toEqual(expected);
  });

  describe.each(eslintRules)("flaglint/%s", (id, rule) => {
    it("is made from its module in core, with its RuleTester tests in rules/src/rules/<id>.test.ts", () => {
      expect(rule.name).toBe(id);
      expect(exists(`packages/core/src/checks/${id}.ts`)).toBe(true);
      expect(exists(`rules/src/rules/${id}.test.ts`)).toBe(true);
    });

    it("links its docs page and reports with core's message templates", () => {
      expect(rule.meta.docs?.url).toBe(docsUrl(id));
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/rules/docs/${id}\\.md$`));
      expect(rule.meta.docs?.recommended).toBe(true);
      const core = RULES[id as keyof typeof RULES].messages;
      expect(rule.meta.messages).toMatchObject(core);
    });

    it("takes no options (the rules share settings.flaglint)", () => {
      expect(rule.meta.schema).toEqual([]);
    });
  });
});

describe("README.md", () => {
  it("has the rules table generated from the rules' metadata (npm run -w eslint-plugin-flaglint docs)", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(withRulesTable(readme, rulesTable(plugin))).toBe(readme);
  });
});
