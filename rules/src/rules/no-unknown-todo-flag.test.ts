import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const noUnknownTodoFlag = rules["no-unknown-todo-flag"];

const files = tempFiles({ "feature-flags.yaml": REGISTRY });
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();

ruleTester.run("no-unknown-todo-flag", noUnknownTodoFlag, {
  valid: [
    { name: "a note about a listed flag", code: code("// TODO: remove due_soon toggle by 2027-01-10"), settings },
    { name: "a TODO that is not a removal note", code: code("// TODO: remove the retry loop"), settings },
    {
      name: "the same words in a string are not a comment",
      code: code('const help = "// TODO: remove due_sooon toggle by 2027-01-10";'),
      settings,
    },
  ],
  invalid: [
    {
      name: "a misspelt flag, with the nearest key",
      code: code("// TODO: remove due_sooon toggle by 2027-01-10 (WEB-2)", "export const x = 1;"),
      settings,
      errors: [
        {
          messageId: "unknownTodoFlagSuggestion",
          data: { flag: "due_sooon", registryName: "feature-flags.yaml", suggestion: "due_soon" },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 55,
        },
      ],
    },
    {
      name: "a flag nothing is near, in a block comment; an expired one is also no-expired-todo's",
      code: code("/* TODO: remove legacy_search_box flag by 2026-01-01 */"),
      settings,
      errors: [
        {
          messageId: "unknownTodoFlag",
          data: { flag: "legacy_search_box", registryName: "feature-flags.yaml" },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 56,
        },
      ],
    },
  ],
});
