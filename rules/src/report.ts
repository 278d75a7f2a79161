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
  return {
    // Once per file, not per node: the analysis is one walk, done before any rule reports.
    Program() {
      for (const { messageId, data, loc, suggestLater } of fileReports(context).get(rule) ?? []) {
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
