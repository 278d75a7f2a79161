import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const flagExpiringSoon = rules["flag-expiring-soon"];

const files = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

ruleTester.run("flag-expiring-soon", flagExpiringSoon, {
  valid: [
    { name: "due in 36 days, beyond the 14 warnDays", code: code('client.isEnabled("fresh_release", ctx);'), settings },
    { name: "an experiment due in 65 days", code: code('client.isEnabled("color_test", ctx);'), settings },
    { name: "past its deadline: no-stale-flag's", code: code('client.isEnabled("overdue_release", ctx);'), settings },
    { name: "a permission flag has no deadline", code: code('client.isEnabled("beta_access", ctx);'), settings },
    { name: "a retired flag is no-stale-flag's", code: code('client.isEnabled("retired_release", ctx);'), settings },
  ],
  invalid: [
    {
      name: "a release toggle due in 5 days",
      code: code('client.isEnabled("due_soon", ctx);'),
      settings,
      errors: [
        {
          messageId: "dueSoon",
          data: {
            kind: "Release",
            flag: "due_soon",
            deadline: "2026-12-01",
            when: "in 5 days",
            owner: "owner @web",
            ticket: "ticket WEB-2",
          },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 28,
        },
      ],
    },
    {
      name: "due today: created + the release lifetime of 42 days",
      code: code("const on = useFlag('due_today');"),
      settings,
      errors: [
        {
          messageId: "dueSoon",
          data: {
            kind: "Release",
            flag: "due_today",
            deadline: "2026-11-26",
            when: "today",
            owner: "owner @web",
            ticket: "ticket WEB-3",
          },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 31,
        },
      ],
    },
  ],
});
