import { code, REGISTRY, RuleTester, tempFiles, TSCONFIG, typeAwareRuleTester } from "../../../test/helpers/rule-tester.js";
import { rules } from "./index.js";

const noDynamicFlagKey = rules["no-dynamic-flag-key"];

const files = tempFiles({
  "feature-flags.yaml": REGISTRY,
  "tsconfig.json": TSCONFIG,
  "keys.ts": 'export const NAV = "due_soon";\nexport enum Flags { Beta = "beta_access" }\n',
  "file.ts": "",
});
const settings = files.settings("feature-flags.yaml");
const ruleTester = new RuleTester();
const importedKey = ['import { NAV } from "./keys";', code("client.isEnabled(NAV, {});")].join("\n");

ruleTester.run("no-dynamic-flag-key", noDynamicFlagKey, {
  valid: [
    { name: "a string literal", code: code('client.isEnabled("due_soon", ctx);'), settings },
    { name: "a const of this file", code: code('const KEY = "due_soon";', "client.isEnabled(KEY, ctx);"), settings },
    {
      name: "an `as const` object and a string enum of this file",
      code: code(
        'const KEYS = { nav: "due_soon" } as const;',
        'enum Flags { Beta = "beta_access" }',
        "client.isEnabled(KEYS.nav, ctx) && client.isEnabled(Flags.Beta, ctx);",
      ),
      settings,
    },
    { name: "a template without substitutions", code: code("useFlag(`due_soon`);"), settings },
    { name: "a constant imported from another file, without type information", code: importedKey, settings },
  ],
  invalid: [
    {
      name: "a parameter",
      code: code("export const on = (name: string) => client.isEnabled(name, ctx);"),
      settings,
      errors: [{ messageId: "dynamicKey", data: { keyText: "name" }, line: 2, column: 54, endLine: 2, endColumn: 58 }],
    },
    {
      name: "a template with a substitution",
      code: code("useFlag(`flag_${suffix}`);"),
      settings,
      errors: [
        { messageId: "dynamicKey", data: { keyText: "`flag_${suffix}`" }, line: 2, column: 9, endLine: 2, endColumn: 25 },
      ],
    },
    {
      name: "a constant another file does not export, without type information",
      code: ['import { MISSING } from "./keys";', code("client.isEnabled(MISSING, {});")].join("\n"),
      settings,
      errors: [{ messageId: "dynamicKey", data: { keyText: "MISSING" }, line: 3, column: 18, endLine: 3, endColumn: 25 }],
    },
  ],
});

typeAwareRuleTester(files.dir).run("no-dynamic-flag-key, with type information", noDynamicFlagKey, {
  valid: [
    { name: "a const imported from another file has a literal type", filename: files.path("file.ts"), code: importedKey, settings },
    {
      name: "an enum member imported from another file",
      filename: files.path("file.ts"),
      code: ['import { Flags } from "./keys";', code("client.isEnabled(Flags.Beta, {});")].join("\n"),
      settings,
    },
    {
      name: "a parameter typed as one literal",
      filename: files.path("file.ts"),
      code: code('export const on = (key: "due_soon") => client.isEnabled(key, {});'),
      settings,
    },
  ],
  invalid: [
    {
      name: "a union of literals stays dynamic: which flag is checked depends on the caller",
      filename: files.path("file.ts"),
      code: code('export function on(key: "due_soon" | "fresh_release") {', "  return client.isEnabled(key, {});", "}"),
      settings,
      errors: [{ messageId: "dynamicKey", data: { keyText: "key" }, line: 3, column: 27, endLine: 3, endColumn: 30 }],
    },
    {
      name: "a string parameter",
      filename: files.path("file.ts"),
      code: code("export const on = (key: string) => client.isEnabled(key, {});"),
      settings,
      errors: [{ messageId: "dynamicKey", data: { keyText: "key" }, line: 2, column: 53, endLine: 2, endColumn: 56 }],
    },
  ],
});
