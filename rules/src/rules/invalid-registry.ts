// invalid-registry: the registry that governs the file cannot be used, reported once per file at
// line 1 (and not once per rule); also a wrong settings.flaglint, or a flaglint failure.
import { RULES } from "@flaglint/core";
import { createRule, type FlaglintRule } from "../create-rule.js";
import { reportFindings } from "../report.js";

export const invalidRegistry: FlaglintRule = createRule({
  name: "invalid-registry",
  meta: {
    type: "problem",
    docs: {
      description: "Report a registry that cannot be loaded, or flaglint settings that cannot be used.",
      recommended: true,
    },
    messages: {
      cannotLoad: RULES["invalid-registry"].messages.cannotLoad!,
      invalidSettings: "flaglint: {{problem}}",
      internalError: "flaglint: could not check this file: {{problem}}. Please report this as a flaglint bug.",
    },
    schema: [],
    defaultOptions: [],
  },
  create: (context) => reportFindings(context, "invalid-registry"),
});
