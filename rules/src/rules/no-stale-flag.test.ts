import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const noStaleFlag = rules["no-stale-flag"];

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
          suggestions: [{ messageId: "removeCheck", data: { flag: "overdue_release" }, output: "go();" }],
        },
      ],
    },
    {
      name: 'no suggestion with settings.flaglint.suggestRemoval "never"',
      code: code('if (client.isEnabled("overdue_release", ctx)) go();'),
      settings: { flaglint: { ...settings.flaglint, suggestRemoval: "never" } },
      errors: [{ messageId: "overdue", line: 2, column: 22, suggestions: [] }],
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
    {
      name: "suggestion: an if/else keeps the then-branch",
      code: code(
        "export function checkout(cart: Cart, ctx: Ctx): Receipt {",
        '  if (client.isEnabled("overdue_release", ctx)) {',
        "    return newCheckout(cart);",
        "  } else {",
        "    return legacyCheckout(cart);",
        "  }",
        "}",
      ),
      settings,
      errors: [
        {
          messageId: "overdue",
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: "removeCheck",
              data: { flag: "overdue_release" },
              output: ["export function checkout(cart: Cart, ctx: Ctx): Receipt {", "  return newCheckout(cart);", "}"].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "suggestion: a JSX child behind `&&` stays, for a retired flag",
      filename: registries.path("header.tsx"),
      code: code(
        'import { Search } from "./search";',
        "export function Header({ ctx }: Props) {",
        '  return <header>{client.isEnabled("retired_release", ctx) && <Search />}</header>;',
        "}",
      ),
      settings,
      errors: [
        {
          messageId: "retired",
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: "removeCheck",
              data: { flag: "retired_release" },
              output: [
                'import { Search } from "./search";',
                "export function Header({ ctx }: Props) {",
                "  return <header><Search /></header>;",
                "}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "suggestion: a const is inlined and removed, and the import it alone used goes",
      code: code(
        "export function summary(order: Order, ctx: Ctx): string {",
        '  const newFlow = client.isEnabled("overdue_release", ctx);',
        '  const title = newFlow ? "Your order" : "Order summary";',
        "  if (!newFlow) {",
        "    return title;",
        "  }",
        "  return `${title}: ${order.id}`;",
        "}",
      ),
      settings,
      errors: [
        {
          messageId: "overdue",
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 53,
          suggestions: [
            {
              messageId: "removeCheck",
              data: { flag: "overdue_release" },
              output: [
                "export function summary(order: Order, ctx: Ctx): string {",
                '  const title = "Your order";',
                "  return `${title}: ${order.id}`;",
                "}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "suggestion: the import stays while another check still uses it",
      code: code(
        'const a = client.isEnabled("overdue_release", ctx) ? "new" : "old";',
        'const b = client.isEnabled("fresh_release", ctx) ? "new" : "old";',
      ),
      settings,
      errors: [
        {
          messageId: "overdue",
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: "removeCheck",
              data: { flag: "overdue_release" },
              output: code('const a = "new";', 'const b = client.isEnabled("fresh_release", ctx) ? "new" : "old";'),
            },
          ],
        },
      ],
    },
    {
      name: "no suggestion: the value is passed to an unknown function",
      code: code(
        "export function plan(user: User, ctx: Ctx): Plan {",
        '  const on = client.isEnabled("overdue_release", ctx);',
        "  const tier = pickTier(user, on);",
        "  if (on) {",
        "    audit(user);",
        "  }",
        "  return tier;",
        "}",
      ),
      settings,
      errors: [{ messageId: "overdue", line: 3, column: 31, endLine: 3, endColumn: 48, suggestions: [] }],
    },
    {
      name: "no suggestion: the engine refuses to drop a side effect (`reload() || on` is always true)",
      code: code('if (cache.reload() || client.isEnabled("overdue_release", ctx)) render();'),
      settings,
      errors: [{ messageId: "overdue", line: 2, column: 40, endLine: 2, endColumn: 57, suggestions: [] }],
    },
    {
      name: "no suggestion: a value compared with a string is not an on/off flag",
      code: code('if (client.isEnabled("overdue_release", ctx) === "blue") paint();'),
      settings,
      errors: [{ messageId: "overdue", line: 2, column: 22, endLine: 2, endColumn: 39, suggestions: [] }],
    },
    {
      name: "no suggestion: a key passed as data has no value to fix",
      code: code('const route = { path: "/old", flag: "overdue_release" };'),
      settings,
      errors: [{ messageId: "overdue", line: 2, column: 37, endLine: 2, endColumn: 54, suggestions: [] }],
    },
  ],
});
