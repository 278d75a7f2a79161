// require-removal-ticket: a release or experiment flag without a removal ticket, reported at each
// check (the CLI reports it once, at the registry entry).
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const requireRemovalTicket: FlaglintRule = createRule({
  name: "require-removal-ticket",
  meta: {
    type: "suggestion",
    docs: { description: RULES["require-removal-ticket"].description, recommended: true },
    messages: RULES["require-removal-ticket"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "require-removal-ticket"),
});
