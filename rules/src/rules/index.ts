// Every ESLint rule of flaglint, by id, made from core's rule list: all of SPEC §4 but the CLI-only
// rules (no-unused-flag, parse-error). A rule's metadata, messages and suggestion live in its core
// module; here each becomes an ESLint rule that reports the file's findings of its id.
import { RULE_LIST, type Rule } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings, type EslintRuleId } from "../report.js";

function eslintRule(rule: Rule): FlaglintRule {
  const create: FlaglintRule["create"] = (context) => reportFindings(context, rule.id as EslintRuleId);
  const created: FlaglintRule = createRule({
    name: rule.id,
    meta: {
      type: "problem",
      docs: { description: rule.description, recommended: true },
      ...(rule.suggest === undefined ? {} : { hasSuggestions: true }),
      messages: { ...rule.messages, ...rule.eslintMessages },
      schema: [],
      defaultOptions: [],
    },
    create,
  });
  // RuleCreator's `create` first clones the default options (a structuredClone per rule and file,
  // 15,000 of them on 2,000 files); these rules take no options, so ESLint calls ours directly.
  return { ...created, create };
}

export const rules = Object.fromEntries(
  RULE_LIST.filter((rule) => !rule.cliOnly).map((rule) => [rule.id, eslintRule(rule)]),
) as Record<EslintRuleId, FlaglintRule>;
