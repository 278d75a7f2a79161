// The ESLint plugin never crashes ESLint: whatever an editor hands it mid-keystroke, every message
// is a flaglint finding or ESLint's own parsing error, and a file that cannot be checked does not
// stop the others from being linted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { Linter } from "eslint";
import * as espree from "espree";
import tsParser from "@typescript-eslint/parser";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../rules/src/index.js";
import { eslintApi, eslintConfig, ESLINT_MAJORS } from "../helpers/eslint.js";

const NOW = "2026-11-26";

const REGISTRY = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
      contextArg: 1
    - function: useFlag
  objects:
    - path: config.featureToggles
      keyCase: camel
  constants:
    - name: Flags
  properties:
    - name: flag
flags:
  new_nav:
    type: release
    owner: "@web"
    created: 2026-01-01
    ticket: WEB-1
  dark_mode:
    type: experiment
    owner: "@growth"
    created: 2026-11-01
  kill_search:
    type: ops
    status: retired
`;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function tempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-hardening-eslint-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Random snippets built from the shapes detection knows, whole or broken

const KEYS = ["new_nav", "nav_new", "dark_mode", "kill_search", "unknown", "", "a\\\"b", "ü-ñ", "${x}", "new_nav\\n"];
const key = fc.constantFrom(...KEYS);

const keyExpression = fc.oneof(
  key.map((text) => `"${text}"`),
  key.map((text) => `'${text}'`),
  key.map((text) => `\`${text.replace(/`/g, "")}\``),
  key.map((text) => `\`${text}-\${suffix}\``),
  fc.constantFrom("name", "Flags.NEW_NAV", "Flags[name]", "config.key", "42", "null", "undefined", "...rest", "(() => 'x')()", "flags?.nav"),
);

const IMPORTS = [
  'import { client as ff } from "@acme/flags";',
  'import { client } from "@acme/flags";',
  'import * as flags from "@acme/flags";',
  'import { useFlag } from "./hooks";',
  'const { client: required } = require("@acme/flags");',
  'import { useFlags } from "launchdarkly-react-client-sdk";',
  'import { OpenFeature } from "@openfeature/server-sdk";',
  'enum Flags { NEW_NAV = "new_nav", DARK = "dark_mode" }',
  'const Flags = { NEW_NAV: "new_nav" } as const;',
  'const name = "new_nav";',
];

const fragment = fc.oneof(
  fc.constantFrom(...IMPORTS),
  fc.tuple(fc.constantFrom("ff.isEnabled", "client.isEnabled", "flags.client.isEnabled", "required.isEnabled", "useFlag", "client?.isEnabled", "this.ff.isEnabled"), keyExpression, fc.constantFrom("", ", { userId }", ", ctx, extra")).map(
    ([callee, arg, rest]) => `if (${callee}(${arg}${rest})) { run(); } else { stop(); }`,
  ),
  keyExpression.map((arg) => `const on = ff.isEnabled(${arg}) ? 1 : 2;`),
  fc.constantFrom(
    "const { newNav, darkMode: dm } = useFlags();",
    "const { enabled } = useFlag(\"new_nav\");",
    "const { featureToggles } = config; featureToggles.newNav && go();",
    'const value = config?.featureToggles?.["new-nav"];',
    "const routes = [{ path: '/x', flag: 'new_nav' }, { flag: name }, { flagNames: ['a', 'b'] }];",
    "export const view = () => <div>{ff.isEnabled(\"new_nav\") && <Banner />}</div>;",
    "export const other = () => <Flag name={Flags.NEW_NAV} on={client.isEnabled(\"dark_mode\")} />;",
    "const client = OpenFeature.getClient(); await client.getBooleanValue(\"dark_mode\", false);",
    "class A { ff = client; go() { return this.ff.isEnabled(\"new_nav\"); } }",
  ),
  fc.tuple(fc.constantFrom("TODO", "FIXME", "todo"), key, fc.constantFrom("2020-01-01", "2026-02-30", "2999-12-31", "soon", "")).map(
    ([word, flag, date]) => `// ${word}: remove ${flag} toggle by ${date} (PAY-1)`,
  ),
  fc.constantFrom(
    "/* TODO remove new_nav by 2020-01-01 */",
    "// eslint-disable-next-line flaglint/no-stale-flag -- paused",
    "/* eslint-disable flaglint/no-unknown-flag */",
    "// eslint-enable",
  ),
  // Broken syntax, as an editor shows it between two keystrokes.
  fc.constantFrom("(", ")", "{", "}", "if (ff.isEnabled(", '"unterminated', "`", "=>", "<div>", "</", "ff.isEnabled(\"new_nav\"", "import {", "...", "@", "#!", "\u0000", "\uFEFF", "\r", "\u2028"),
);

const snippet = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join("\n"));

const PLUGIN_RULE_IDS = new Set(Object.keys(plugin.rules).map((id) => `flaglint/${id}`));

describe("ESLint 10's Linter with the recommended config", () => {
  const root = tempProject({ "feature-flags.yaml": REGISTRY });
  const common = [
    plugin.configs.recommended as Linter.Config,
    // ESLint's own notes on unused directives are not the plugin's messages.
    { settings: { flaglint: { now: NOW } }, linterOptions: { reportUnusedDisableDirectives: "off" } },
  ] as Linter.Config[];
  const parsers = [
    {
      name: "@typescript-eslint/parser",
      file: path.join(root, "src/view.tsx"),
      config: [{ files: ["**/*.tsx"], languageOptions: { parser: tsParser } }, ...common] as Linter.Config[],
    },
    {
      name: "espree",
      file: path.join(root, "src/view.jsx"),
      config: [
        {
          files: ["**/*.jsx"],
          languageOptions: { parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } },
        },
        ...common,
      ] as Linter.Config[],
    },
  ];

  it.each(parsers)(
    "never throws on random snippets of flag checks, destructuring, JSX, TODO comments and broken syntax ($name)",
    ({ file, config }) => {
      const linter = new Linter({ cwd: root });
      const seen = { rules: new Set<string>(), parsing: 0 };
      fc.assert(
        fc.property(snippet, (code) => {
          const messages = linter.verify(code, config, { filename: file });
          for (const message of messages) {
            if (message.ruleId === null) {
              expect(message.fatal).toBe(true);
              expect(message.message).toMatch(/^Parsing error: /);
              seen.parsing++;
              continue;
            }
            expect(PLUGIN_RULE_IDS).toContain(message.ruleId);
            // The rules' own safety net must not be what catches it: that would be a crash, hidden.
            expect(message.messageId).not.toBe("internalError");
            seen.rules.add(message.ruleId);
          }
        }),
        { numRuns: 300, seed: 42 },
      );
      // Both kinds of input came up: snippets that parse and are checked (stale checks with their
      // cleanup suggestion among them), and broken ones.
      expect([...seen.rules].sort()).toEqual(
        expect.arrayContaining(["flaglint/no-dynamic-flag-key", "flaglint/no-expired-todo", "flaglint/no-stale-flag", "flaglint/no-unknown-flag"]),
      );
      expect(seen.parsing).toBeGreaterThan(0);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Deep nesting through the Node API

/** `(((…ff.isEnabled("new_nav")…)))`, `depth` parentheses deep: valid code no recursive parser can take. */
function deeplyNested(depth: number): string {
  return `import { client as ff } from "@acme/flags";\nexport const on = ${"(".repeat(depth)}ff.isEnabled("new_nav", ctx)${")".repeat(depth)};\n`;
}

const PLAIN = 'import { client as ff } from "@acme/flags";\nexport const on = ff.isEnabled("new_na", ctx);\n';

describe.each(ESLINT_MAJORS)("ESLint %i's Node API", (major) => {
  it("survives a 10,000-deep nested expression holding a flag check, with @typescript-eslint/parser and with espree, and still lints the other files", async () => {
    const root = tempProject({
      "feature-flags.yaml": REGISTRY,
      "eslint.config.mjs": eslintConfig({ mode: "typescript" }),
      "src/deep.ts": deeplyNested(10_000),
      "src/deep.js": deeplyNested(10_000),
      "src/plain.ts": PLAIN,
      "src/plain.js": PLAIN,
    });
    const { ESLint } = await eslintApi(major);
    const results = await new ESLint({ cwd: root }).lintFiles(["src"]);
    const byFile = Object.fromEntries(
      results.map((result) => [path.basename(result.filePath), result.messages.map((m) => `${m.ruleId ?? "fatal"} ${m.line ?? ""}:${m.column ?? ""}`)]),
    );

    // Each parser gives up on the deep files with its own parsing error (or, should one cope, flaglint reports as usual).
    for (const deep of ["deep.ts", "deep.js"]) {
      expect(byFile[deep]!.length).toBeLessThanOrEqual(1);
      for (const message of byFile[deep]!) expect(message).toMatch(/^(fatal|flaglint\/no-stale-flag) /);
    }
    // The files next to them are checked as always.
    expect(byFile["plain.ts"]).toEqual(["flaglint/no-unknown-flag 2:32"]);
    expect(byFile["plain.js"]).toEqual(["flaglint/no-unknown-flag 2:32"]);
  });
});

// ---------------------------------------------------------------------------------------------
// A registry that goes bad while an editor's ESLint runs

/** Rewrites the registry and moves its mtime on, as a save in an editor does (no sleeping). */
function saveRegistry(file: string, text: string, secondsLater: number): void {
  fs.writeFileSync(file, text);
  const later = new Date(fs.statSync(file).mtimeMs + secondsLater * 1000);
  fs.utimesSync(file, later, later);
}

describe.each(ESLINT_MAJORS)("a long-lived ESLint %i session", (major) => {
  it("reports a registry caught half-written, then emptied, then replaced by binary garbage, each in one line at 1:1, and recovers when it is whole again", async () => {
    const root = tempProject({
      "feature-flags.yaml": REGISTRY,
      "eslint.config.mjs": eslintConfig({ mode: "typescript" }),
      "src/plain.ts": PLAIN,
    });
    const registry = path.join(root, "feature-flags.yaml");
    const { ESLint } = await eslintApi(major);
    const eslint = new ESLint({ cwd: root });
    const lint = async () => {
      const [result] = await eslint.lintFiles(["src/plain.ts"]);
      return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    };
    const healthy = await lint();
    expect(healthy).toEqual(['2:32 flaglint/no-unknown-flag Unknown flag "new_na": not in feature-flags.yaml. Did you mean "new_nav"?']);

    saveRegistry(registry, REGISTRY.slice(0, REGISTRY.indexOf("    owner: \"@growth\"") - 20), 10);
    const halfWritten = await lint();
    expect(halfWritten).toHaveLength(1);
    expect(halfWritten[0]).toMatch(/^1:1 flaglint\/invalid-registry flaglint: cannot load feature-flags\.yaml: \d+:\d+: /);

    saveRegistry(registry, "", 20);
    expect(await lint()).toEqual([
      '1:1 flaglint/invalid-registry flaglint: cannot load feature-flags.yaml: 1:1: the registry file is empty (start with "version: 1")',
    ]);

    fs.writeFileSync(registry, Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    const later = new Date(fs.statSync(registry).mtimeMs + 30_000);
    fs.utimesSync(registry, later, later);
    const garbage = await lint();
    expect(garbage).toHaveLength(1);
    expect(garbage[0]).toMatch(/^1:1 flaglint\/invalid-registry flaglint: cannot load feature-flags\.yaml: \d+:\d+: /);
    expect(garbage[0]).not.toContain("\n");

    saveRegistry(registry, REGISTRY, 40);
    expect(await lint()).toEqual(healthy);
  });
});
