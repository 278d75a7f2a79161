import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const requireFlagContext = rules["require-flag-context"];

const files = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

ruleTester.run("require-flag-context", requireFlagContext, {
  valid: [
    { name: "an experiment with the user's context", code: code('client.isEnabled("color_test", { userId });'), settings },
    { name: "a release flag needs no context", code: code('client.isEnabled("fresh_release");'), settings },
    { name: "the matcher knows no context argument (useFlag)", code: code('useFlag("color_test");'), settings },
    { name: "a spread may pass the context", code: code('client.isEnabled("color_test", ...args);'), settings },
  ],
  invalid: [
    {
      name: "an experiment evaluated without a context",
      code: code('const color = client.isEnabled("color_test") ? "green" : "blue";'),
      settings,
      errors: [
        {
          messageId: "missingContext",
          data: { kind: "Experiment", flag: "color_test", owner: "owner @growth" },
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 44,
        },
      ],
    },
    {
      name: "a permission flag with undefined for a context",
      code: code('client.isEnabled("beta_access", undefined);'),
      settings,
      errors: [
        {
          messageId: "missingContext",
          data: { kind: "Permission", flag: "beta_access", owner: "owner @analytics" },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 31,
        },
      ],
    },
  ],
});
