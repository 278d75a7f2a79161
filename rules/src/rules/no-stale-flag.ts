// no-stale-flag: a temporary flag past its deadline, or a retired or archived flag, still checked,
// with a suggestion that removes the check as `flaglint cleanup <flag> --value on` would.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const noStaleFlag: FlaglintRule = createRule({
  name: "no-stale-flag",
  meta: {
    type: "problem",
    docs: { description: RULES["no-stale-flag"].description, recommended: true },
    hasSuggestions: true,
    messages: {
      ...RULES["no-stale-flag"].messages,
      removeCheck: 'Treat "{{flag}}" as on and remove the check',
    },
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "no-stale-flag"),
});
