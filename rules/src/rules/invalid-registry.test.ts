import * as espree from "espree";
import { code, REGISTRY, RuleTester, tempFiles } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const invalidRegistry = rules["invalid-registry"];

const TWO_PROBLEMS = `version: 1
flags:
  a:
    type: relase
    owner: x
  b:
    type: release
    created: 2026-02-30
`;
const ONE_PROBLEM = "version: 1\nflags:\n  a:\n    type: relase\n";

const files = tempFiles({
  "good.yaml": REGISTRY,
  "broken.yaml": TWO_PROBLEMS,
  "discovered/feature-flags.yaml": ONE_PROBLEM,
  "discovered/src/file.ts": "",
});
const ruleTester = new RuleTester();
const source = code('client.isEnabled("due_soon", ctx);');
const atTop = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A parser whose services blow up: stands for any failure inside flaglint. */
const explodingParser = {
  parseForESLint(text: string) {
    const ast = espree.parse(text, { ecmaVersion: "latest", sourceType: "module", range: true, loc: true, tokens: true, comment: true });
    const esTreeNodeToTSNodeMap = {
      has() {
        throw new Error("map exploded");
      },
    };
    return { ast, services: { esTreeNodeToTSNodeMap } };
  },
};

ruleTester.run("invalid-registry", invalidRegistry, {
  valid: [
    { name: "a registry that loads", code: source, settings: files.settings("good.yaml") },
    {
      name: "no registry above the file and none in settings: the file is not governed",
      filename: files.path("ungoverned/file.ts"),
      code: source,
      settings: { flaglint: { now: "2026-11-26" } },
    },
  ],
  invalid: [
    {
      name: "settings.flaglint.registry names a file that does not exist",
      code: source,
      settings: files.settings("missing.yaml"),
      errors: [
        {
          messageId: "cannotLoad",
          data: { registryName: "missing.yaml", problem: "1:1: cannot read the registry: file not found" },
          ...atTop,
        },
      ],
    },
    {
      name: "a malformed registry: the first problem with its place, and how many more",
      code: source,
      settings: files.settings("broken.yaml"),
      errors: [
        {
          messageId: "cannotLoad",
          data: {
            registryName: "broken.yaml",
            problem: '4:11: unknown type "relase" (did you mean "release"?) (+1 more problem; `flaglint check` lists them all)',
          },
          ...atTop,
        },
      ],
    },
    {
      name: "the nearest registry, found from the file's folder upwards, is malformed",
      filename: files.path("discovered/src/file.ts"),
      code: source,
      settings: { flaglint: { now: "2026-11-26" } },
      errors: [
        {
          messageId: "cannotLoad",
          data: { registryName: "feature-flags.yaml", problem: '4:11: unknown type "relase" (did you mean "release"?)' },
          ...atTop,
        },
      ],
    },
    {
      name: "settings.flaglint.now is not a calendar date",
      code: source,
      settings: { flaglint: { registry: files.path("good.yaml"), now: "2026-13-01" } },
      errors: [
        {
          messageId: "invalidSettings",
          data: { problem: 'settings.flaglint.now must be a date written YYYY-MM-DD, such as "2026-11-26"; got "2026-13-01"' },
          ...atTop,
        },
      ],
    },
    {
      name: "a misspelt setting",
      code: source,
      settings: { flaglint: { registery: "feature-flags.yaml" } },
      errors: [
        { messageId: "invalidSettings", data: { problem: "unknown setting settings.flaglint.registery (known: registry, now, suggestRemoval)" }, ...atTop },
      ],
    },
    {
      name: "a suggestRemoval that is not one of its values",
      code: source,
      settings: { flaglint: { registry: files.path("good.yaml"), suggestRemoval: true } },
      errors: [
        {
          messageId: "invalidSettings",
          data: { problem: 'settings.flaglint.suggestRemoval must be one of "editor", "always", "never"; got true' },
          ...atTop,
        },
      ],
    },
    {
      name: "settings.flaglint is not an object",
      code: source,
      settings: { flaglint: "feature-flags.yaml" },
      errors: [
        {
          messageId: "invalidSettings",
          data: { problem: 'settings.flaglint must be an object such as { registry: "feature-flags.yaml" }' },
          ...atTop,
        },
      ],
    },
    {
      name: "a failure inside flaglint is reported, not thrown",
      filename: files.path("plain.js"),
      languageOptions: { parser: explodingParser },
      code: source,
      settings: files.settings("good.yaml"),
      errors: [{ messageId: "internalError", data: { problem: "map exploded" }, ...atTop }],
    },
  ],
});
