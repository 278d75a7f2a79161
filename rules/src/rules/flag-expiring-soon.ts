// flag-expiring-soon: a temporary flag whose removal date is within warnDays.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const flagExpiringSoon: FlaglintRule = createRule({
  name: "flag-expiring-soon",
  meta: {
    type: "suggestion",
    docs: { description: RULES["flag-expiring-soon"].description, recommended: true },
    messages: RULES["flag-expiring-soon"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "flag-expiring-soon"),
});
