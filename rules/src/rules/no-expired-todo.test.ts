import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const noExpiredTodo = rules["no-expired-todo"];

const files = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

ruleTester.run("no-expired-todo", noExpiredTodo, {
  valid: [
    { name: "the date is today: still in time", code: code("// TODO: remove due_soon toggle by 2026-11-26"), settings },
    { name: "a date to come", code: code("// TODO: remove due_soon toggle by 2027-01-10"), settings },
    { name: "a TODO that is not a removal note", code: code("// TODO: tidy up by 2026-01-01"), settings },
    {
      name: "the same words in a string are not a comment",
      code: code('const help = "// TODO: remove overdue_release toggle by 2026-04-15";'),
      settings,
    },
  ],
  invalid: [
    {
      name: "a line comment, with the ticket from the comment",
      code: code("// TODO: remove overdue_release toggle by 2026-04-15 (PAY-1234)", "export const x = 1;"),
      settings,
      errors: [
        {
          messageId: "expiredTodo",
          data: {
            flag: "overdue_release",
            date: "2026-04-15",
            when: "225 days ago",
            owner: "owner @payments",
            ticket: "ticket PAY-1234",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 64,
        },
      ],
    },
    {
      name: "a block comment whose date passed yesterday; ticket in the TODO's parentheses",
      code: code("export const x = 1; /* TODO(WEB-9): remove due_soon flag before 2026-11-25 */"),
      settings,
      errors: [
        {
          messageId: "expiredTodo",
          data: { flag: "due_soon", date: "2026-11-25", when: "1 day ago", owner: "owner @web", ticket: "ticket WEB-9" },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 78,
        },
      ],
    },
    {
      name: "a flag the registry does not know: the promise is broken all the same",
      code: code("/**", " * TODO: remove old_thing by 2026-01-01", " */"),
      settings,
      errors: [
        {
          messageId: "expiredTodo",
          data: { flag: "old_thing", date: "2026-01-01", when: "329 days ago", owner: "no owner", ticket: "no removal ticket" },
          line: 2,
          column: 1,
          endLine: 4,
          endColumn: 4,
        },
      ],
    },
  ],
});
