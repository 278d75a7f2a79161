// no-stale-flag: a temporary flag past its deadline, or a retired or archived flag, still checked.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const noStaleFlag: FlaglintRule = createRule({
  name: "no-stale-flag",
  meta: {
    type: "problem",
    docs: { description: RULES["no-stale-flag"].description, recommended: true },
    messages: RULES["no-stale-flag"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "no-stale-flag"),
});
