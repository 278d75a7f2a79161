// RuleTester on vitest, and the registries rule tests lint against (written to a temp folder).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, beforeAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export { RuleTester };

/** Every rule test's "today". */
export const NOW = "2026-11-26";

/** The header every test source starts with: line 1, so a check on line 2 is the first one. */
export const IMPORT = 'import { client } from "@acme/flags";';

/**
 * A registry for rule tests: `client.isEnabled(key, context)` from @acme/flags, `useFlag(key)`,
 * the `Flags` constants, `{ flag: key }` properties, and one flag in each standing on 2026-11-26.
 */
export const REGISTRY = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
      keyArg: 0
      contextArg: 1
    - function: useFlag
  constants:
    - name: Flags
  properties:
    - name: flag
flags:
  fresh_release:          # due 2027-01-01
    type: release
    owner: "@web"
    created: 2026-11-20
    ticket: WEB-1
  due_soon:               # due 2026-12-01, in 5 days
    type: release
    owner: "@web"
    created: 2026-10-20
    ticket: WEB-2
  due_today:              # due 2026-11-26
    type: release
    owner: "@web"
    created: 2026-10-15
    ticket: WEB-3
  overdue_release:
    type: release
    owner: "@payments"
    created: 2026-03-01
    removeBy: 2026-04-15
    ticket: PAY-1234
  retired_release:
    type: release
    owner: "@analytics"
    created: 2026-01-10
    ticket: ANA-310
    status: retired
  archived_release:
    type: release
    owner: "@web"
    created: 2025-09-01
    ticket: WEB-12
    status: archived
  no_ticket:
    type: release
    owner: "@search"
    created: 2026-11-20
  color_test:             # due 2027-01-30
    type: experiment
    owner: "@growth"
    created: 2026-11-01
    ticket: GROW-7
  beta_access:
    type: permission
    owner: "@analytics"
  kill_switch:
    type: ops
    owner: "@payments"
`;

export interface TempFiles {
  /** The temp folder. */
  dir: string;
  /** Absolute path of a file in the temp folder. */
  path(name: string): string;
  /** `settings` that point flaglint at one of them, with today fixed. */
  settings(name: string): { flaglint: { registry: string; now: string } };
}

/**
 * Files (registries, sources, a tsconfig) written before a test file's tests run and removed after.
 * The folder's name is fixed up front: RuleTester builds its cases (and their settings) at load time.
 */
export function tempFiles(files: Record<string, string>): TempFiles {
  const dir = path.join(os.tmpdir(), `flaglint-rules-${randomUUID()}`);
  beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  return { dir, path: file, settings: (name) => ({ flaglint: { registry: file(name), now: NOW } }) };
}

/** Source lines joined, the registry's import first. */
export function code(...lines: string[]): string {
  return [IMPORT, ...lines].join("\n");
}

/** A tsconfig for type-aware rule tests: every .ts file of its folder. */
export const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: "es2022", module: "esnext", moduleResolution: "bundler", noEmit: true, types: [] },
  include: ["*.ts"],
});

/** A RuleTester with type information from the tsconfig in `dir` (its files must exist on disk). */
export function typeAwareRuleTester(dir: string): RuleTester {
  return new RuleTester({ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } });
}
