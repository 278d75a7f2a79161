// What every flaglint rule's `create` does: report the findings of its own id.
import type { TSESLint } from "@typescript-eslint/utils";
import type { RuleId } from "@flaglint/core";
import { fileReports } from "./file-check.js";
import { stopFileContextPrototypes } from "./file-context.js";

/** The rule ids ESLint has: all of SPEC §4 but the CLI-only ones. */
export type EslintRuleId = Exclude<RuleId, "no-unused-flag" | "parse-error">;

export function reportFindings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  rule: EslintRuleId,
): TSESLint.RuleListener {
  stopFileContextPrototypes(context);
  // The file is analysed once for all rules, as the first of them is created (ESLint has parsed it
  // by then). A rule with nothing to report in it registers no listener: ESLint then has nothing of
  // flaglint's to match or call as it walks the tree, as with no rule at all.
  const reports = fileReports(context).get(rule);
  if (reports === undefined || reports.length === 0) return {};
  return {
    Program() {
      for (const { messageId, data, loc, suggestLater } of reports) {
        const suggestion = suggestLater?.();
        context.report({
          messageId,
          data,
          loc,
          ...(suggestion && {
            suggest: [
              {
                messageId: suggestion.messageId,
                data: suggestion.data,
                fix: (fixer) => fixer.replaceTextRange(suggestion.range, suggestion.text),
              },
            ],
          }),
        });
      }
    },
  };
}
