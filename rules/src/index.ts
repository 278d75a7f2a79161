// eslint-plugin-flaglint: the flaglint rules, live in the editor and in `eslint .`.
import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { RULES } from "@flaglint/core";
import { CACHE_KEY_SETTING, lazyCacheKey } from "./cache-key.js";
import type { FlaglintRule } from "./create-rule.js";
import type { EslintRuleId } from "./report.js";
import { rules } from "./rules/index.js";

export type { FlaglintSettings } from "./settings.js";
export type { FlaglintDocs, FlaglintRule } from "./create-rule.js";
export type { EslintRuleId } from "./report.js";
export { CACHE_KEY_SETTING, cacheKey, lazyCacheKey, type CacheKey, type LazyCacheKey } from "./cache-key.js";

export interface FlaglintPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<EslintRuleId, FlaglintRule>;
  configs: { recommended: TSESLint.FlatConfig.Config };
}

// src/ and dist/ both sit one folder below package.json.
const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

const plugin: FlaglintPlugin = {
  meta: { name, version, namespace: "flaglint" },
  rules,
  configs: {
    /**
     * Every rule at its default severity; the config refers to this very plugin object. A getter:
     * ESLint reads the config once per run, and the cache key must be this run's (see cache-key.ts).
     */
    get recommended(): TSESLint.FlatConfig.Config {
      return {
        name: "flaglint/recommended",
        plugins: { flaglint: plugin as unknown as TSESLint.FlatConfig.Plugin },
        rules: RECOMMENDED_RULES,
        // The hidden cwd is ESLint's own: the CLI lints relative to the folder it runs in. Computed only
        // when ESLint's cache hashes the config: a run without --cache never walks the folder for it.
        settings: { [CACHE_KEY_SETTING]: lazyCacheKey({ cwd: process.cwd(), env: process.env.FLAGLINT_NOW }) },
      };
    },
  },
};

const RECOMMENDED_RULES = Object.fromEntries(
  Object.keys(rules).map((id) => [`flaglint/${id}`, RULES[id as EslintRuleId].severity]),
) as TSESLint.FlatConfig.Rules;

export default plugin;
