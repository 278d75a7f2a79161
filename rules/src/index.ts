// eslint-plugin-flaglint: the flaglint rules, live in the editor and in `eslint .`.
import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { RULES } from "@flaglint/core";
import type { FlaglintRule } from "./create-rule.js";
import type { EslintRuleId } from "./report.js";
import { rules } from "./rules/index.js";

export type { FlaglintSettings } from "./settings.js";
export type { FlaglintDocs, FlaglintRule } from "./create-rule.js";
export type { EslintRuleId } from "./report.js";

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
  configs: { recommended: {} },
};

/** Every rule at its default severity; the config refers to this very plugin object. */
plugin.configs.recommended = {
  name: "flaglint/recommended",
  plugins: { flaglint: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(
    Object.keys(rules).map((id) => [`flaglint/${id}`, RULES[id as EslintRuleId].severity]),
  ),
};

export default plugin;
