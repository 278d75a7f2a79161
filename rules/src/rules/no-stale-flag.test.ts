import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { noStaleFlag } from "./no-stale-flag.js";

const registries = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = registries.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

ruleTester.run("no-stale-flag", noStaleFlag, {
  valid: [
    { name: "a release flag within its lifetime", code: code('client.isEnabled("fresh_release", ctx);'), settings },
    { name: "a flag due in 5 days is flag-expiring-soon's, not stale", code: code('client.isEnabled("due_soon", ctx);'), settings },
    { name: "an ops toggle never goes stale by date", code: code('client.isEnabled("kill_switch", ctx);'), settings },
    { name: "an unknown key is no-unknown-flag's", code: code('client.isEnabled("overdue_relase", ctx);'), settings },
    { name: "a dynamic key has no flag to judge", code: code("client.isEnabled(name, ctx);"), settings },
    { name: "isEnabled on something that is not the flags client", code: 'other.isEnabled("overdue_release");', settings },
  ],
  invalid: [
    {
      name: "a release toggle past its removeBy date, at the key",
      code: code('if (client.isEnabled("overdue_release", ctx)) go();'),
      settings,
      errors: [
        {
          messageId: "overdue",
          data: {
            kind: "Release",
            flag: "overdue_release",
            deadline: "2026-04-15",
            when: "225 days ago",
            owner: "owner @payments",
            ticket: "ticket PAY-1234",
          },
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 39,
        },
      ],
    },
    {
      name: "a key on its own line of a call that spans several",
      code: code("const on = client.isEnabled(", '  "overdue_release",', "  ctx,", ");"),
      settings,
      errors: [{ messageId: "overdue", line: 3, column: 3, endLine: 3, endColumn: 20 }],
    },
    {
      name: "a retired flag",
      code: code('const on = useFlag("retired_release");'),
      settings,
      errors: [
        {
          messageId: "retired",
          data: {
            kind: "Release",
            flag: "retired_release",
            registryName: "feature-flags.yaml",
            owner: "owner @analytics",
            ticket: "ticket ANA-310",
          },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      name: "an archived flag passed as data",
      code: code('const route = { path: "/old", flag: "archived_release" };'),
      settings,
      errors: [
        {
          messageId: "archived",
          data: { kind: "Release", flag: "archived_release", registryName: "feature-flags.yaml", owner: "owner @web" },
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 55,
        },
      ],
    },
    {
      name: "each check of the flag is reported",
      code: code('client.isEnabled("overdue_release", ctx);', 'useFlag("overdue_release");'),
      settings,
      errors: [
        { messageId: "overdue", line: 2, column: 18, endLine: 2, endColumn: 35 },
        { messageId: "overdue", line: 3, column: 9, endLine: 3, endColumn: 26 },
      ],
    },
  ],
});
