import * as espree from "espree";
import {
  code,
  REGISTRY,
  RuleTester,
  tempFiles,
  TSCONFIG,
  typeAwareRuleTester,
} from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const noUnknownFlag = rules["no-unknown-flag"];

const files = tempFiles({
  "feature-flags.yaml": REGISTRY,
  "tsconfig.json": TSCONFIG,
  "keys.ts": 'export const NAV = "due_sooon";\n',
  "file.ts": "",
});
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();
const registryName = "feature-flags.yaml";

ruleTester.run("no-unknown-flag", noUnknownFlag, {
  valid: [
    { name: "a registry key", code: code('client.isEnabled("fresh_release", ctx);'), settings },
    { name: "a retired key is still known", code: code('client.isEnabled("retired_release", ctx);'), settings },
    { name: "a dynamic key is no-dynamic-flag-key's", code: code("client.isEnabled(name, ctx);"), settings },
  ],
  invalid: [
    {
      name: "a constant imported from another file, resolved without type information",
      code: ['import { NAV } from "./keys";', code("client.isEnabled(NAV, ctx);")].join("\n"),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "a misspelt key, with the nearest key as suggestion",
      code: code('client.isEnabled("due_sooon", ctx);'),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: "replaceWithNearestKey",
              data: { suggestion: "due_soon" },
              output: code('client.isEnabled("due_soon", ctx);'),
            },
          ],
        },
      ],
    },
    {
      name: "the suggestion keeps single quotes",
      code: code("client.isEnabled('fresh_relase', ctx);"),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "fresh_relase", registryName, suggestion: "fresh_release" },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: "replaceWithNearestKey",
              data: { suggestion: "fresh_release" },
              output: code("client.isEnabled('fresh_release', ctx);"),
            },
          ],
        },
      ],
    },
    {
      name: "the suggestion keeps a template literal's backticks",
      code: code("useFlag(`no_tiket`);"),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "no_tiket", registryName, suggestion: "no_ticket" },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            { messageId: "replaceWithNearestKey", data: { suggestion: "no_ticket" }, output: code("useFlag(`no_ticket`);") },
          ],
        },
      ],
    },
    {
      name: "a JSX prop that names a flag",
      filename: files.path("react.tsx"),
      code: code('const gate = <Gate flag="colour_test" />;'),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "colour_test", registryName, suggestion: "color_test" },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 38,
          suggestions: [
            {
              messageId: "replaceWithNearestKey",
              data: { suggestion: "color_test" },
              output: code('const gate = <Gate flag="color_test" />;'),
            },
          ],
        },
      ],
    },
    {
      name: "no key is near enough: no suggestion",
      code: code('client.isEnabled("totally_different", ctx);'),
      settings,
      errors: [
        {
          messageId: "unknownFlag",
          data: { flag: "totally_different", registryName },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "a key from an enum member: the message names the nearest key, but the enum is fixed elsewhere",
      code: code('enum Flags { Nav = "due_sooon" }', "client.isEnabled(Flags.Nav, ctx);"),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: "a .js file under espree: the rules parse the text themselves",
      filename: files.path("plain.js"),
      languageOptions: { parser: espree },
      code: code('client.isEnabled("due_sooon", ctx);'),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: "replaceWithNearestKey",
              data: { suggestion: "due_soon" },
              output: code('client.isEnabled("due_soon", ctx);'),
            },
          ],
        },
      ],
    },
  ],
});

typeAwareRuleTester(files.dir).run("no-unknown-flag, with type information", noUnknownFlag, {
  valid: [{ name: "a registry key", filename: files.path("file.ts"), code: code('client.isEnabled("due_soon", {});'), settings }],
  invalid: [
    {
      name: "a misspelt key imported from another file, read from its literal type",
      filename: files.path("file.ts"),
      code: ['import { NAV } from "./keys";', code("client.isEnabled(NAV, {});")].join("\n"),
      settings,
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
  ],
});

// A function that stands for one flag: its key lives in the registry's matcher, and the name
// where the reference sits (here a string, `flags["dueSoon"]()`) is no key to rewrite.
const flagFunctions = tempFiles({
  "feature-flags.yaml": REGISTRY.replace("    - function: useFlag\n", "    - function: useFlag\n    - function: dueSoon\n      key: due_sooon\n"),
  "file.ts": "",
});

ruleTester.run("no-unknown-flag, a function that stands for one flag", noUnknownFlag, {
  valid: [],
  invalid: [
    {
      name: "the misspelt key of a fixed-key matcher is reported with the nearest key, and no edit",
      code: 'declare const flags: { dueSoon(): boolean };\nexport const on = flags["dueSoon"]();',
      settings: flagFunctions.settings("feature-flags.yaml"),
      errors: [
        {
          messageId: "unknownFlagSuggestion",
          data: { flag: "due_sooon", registryName, suggestion: "due_soon" },
          line: 2,
          column: 25,
          suggestions: [],
        },
      ],
    },
  ],
});
