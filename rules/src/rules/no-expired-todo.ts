// no-expired-todo: a flag-removal TODO comment whose date has passed.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const noExpiredTodo: FlaglintRule = createRule({
  name: "no-expired-todo",
  meta: {
    type: "problem",
    docs: { description: RULES["no-expired-todo"].description, recommended: true },
    messages: RULES["no-expired-todo"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "no-expired-todo"),
});
