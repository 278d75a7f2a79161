// no-unknown-flag: a checked key that the registry does not list, with the nearest key as suggestion.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const noUnknownFlag: FlaglintRule = createRule({
  name: "no-unknown-flag",
  meta: {
    type: "problem",
    docs: { description: RULES["no-unknown-flag"].description, recommended: true },
    hasSuggestions: true,
    messages: {
      ...RULES["no-unknown-flag"].messages,
      replaceWithNearestKey: 'Replace with "{{suggestion}}".',
    },
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "no-unknown-flag"),
});
