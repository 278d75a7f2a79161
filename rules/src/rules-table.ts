// The README's rules table, generated from the rules' metadata: `npm run -w eslint-plugin-flaglint docs`
// writes it, and a test fails when the README's copy is stale.
import { RULE_IDS, RULES, type RuleId } from "@flaglint/core";
import type { FlaglintPlugin } from "./index.js";
import type { EslintRuleId } from "./report.js";

export const TABLE_START = "<!-- rules-table:start -->";
export const TABLE_END = "<!-- rules-table:end -->";

/** The table, in SPEC §4's order: every rule id, the CLI-only ones marked so. */
export function rulesTable(plugin: FlaglintPlugin): string {
  const recommended = plugin.configs.recommended.rules ?? {};
  const rows = RULE_IDS.map((id) => {
    const rule = isEslintRule(plugin, id) ? plugin.rules[id] : undefined;
    const link = `[\`${id}\`](rules/docs/${id}.md)`;
    if (rule === undefined) return `| ${link} | ${RULES[id].severity} | CLI only | ${RULES[id].description} |`;
    const severity = String(recommended[`flaglint/${id}`] ?? "off");
    const eslint = ["✅", rule.meta.hasSuggestions ? "💡" : ""].join(" ").trim();
    return `| ${link} | ${severity} | ${eslint} | ${rule.meta.docs?.description ?? RULES[id].description} |`;
  });
  return [
    "| rule | default | ESLint | reports |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "Every rule runs in `flaglint check`. ✅ the ESLint rule `flaglint/<rule>` is on in",
    "`flaglint.configs.recommended`; 💡 it offers a suggestion in the editor; CLI only: it needs the",
    "whole project (or, for `parse-error`, ESLint reports parsing errors itself).",
  ].join("\n");
}

function isEslintRule(plugin: FlaglintPlugin, id: RuleId): id is EslintRuleId {
  return Object.hasOwn(plugin.rules, id);
}

/** `readme` with the text between the table markers replaced by `table`. */
export function withRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README has no ${TABLE_START} … ${TABLE_END} region`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
