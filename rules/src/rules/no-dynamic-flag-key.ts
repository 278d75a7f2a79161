// no-dynamic-flag-key: a flag check whose key cannot be resolved statically (nor, with type
// information, from its literal type).
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const noDynamicFlagKey: FlaglintRule = createRule({
  name: "no-dynamic-flag-key",
  meta: {
    type: "suggestion",
    docs: { description: RULES["no-dynamic-flag-key"].description, recommended: true },
    messages: RULES["no-dynamic-flag-key"].messages,
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "no-dynamic-flag-key"),
});
