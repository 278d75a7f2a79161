// require-flag-context: an experiment or permission flag evaluated without a user context.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const requireFlagContext: FlaglintRule = createRule({
  name: "require-flag-context",
  meta: {
    type: "problem",
    docs: { description: RULES["require-flag-context"].description, recommended: true },
    messages: RULES["require-flag-context"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "require-flag-context"),
});
