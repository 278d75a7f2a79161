// ESLint 10 and ESLint 9 with flat configs on fixture projects: the real `eslint` binary where the
// process matters (exit code, stderr), the same config through the ESLint class elsewhere.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ESLINT_MAJORS,
  fixtureCopy,
  NOW,
  PLUGIN_ENTRY,
  REPO_ROOT,
  lintInProcess,
  removeFixtureCopies,
  runEslint,
  type EslintRun,
} from "./helpers/eslint.js";

afterAll(removeFixtureCopies);

beforeAll(() => {
  if (!fs.existsSync(PLUGIN_ENTRY)) throw new Error("rules/dist is missing: run `npx tsc -b` first");
});

/** `file line:column-endLine:endColumn rule`: what a user sees, in one comparable line. */
function located(run: EslintRun): string[] {
  return run.results.flatMap(({ file, messages }) =>
    messages.map((m) => `${file} ${m.line}:${m.column}-${m.endLine ?? "?"}:${m.endColumn ?? "?"} ${m.ruleId ?? "parse"}`),
  );
}

/** The part of a run under `folder/`, paths relative to it. */
function within(run: EslintRun, folder: string): EslintRun {
  const prefix = `${folder}/`;
  return {
    ...run,
    results: run.results.filter(({ file }) => file.startsWith(prefix)).map((result) => ({ ...result, file: result.file.slice(prefix.length) })),
  };
}

const BROKEN_REGISTRY = "version: 1\nflags:\n  quick_search:\n    type: relase\n";

describe.each(ESLINT_MAJORS)("ESLint %i", (major) => {
  /**
   * One real `eslint` process per major over a workspace of two projects, each under its own
   * registry: the demo shop in app/, and in legacy/ the plain-JS fixture with a registry that does
   * not load. Each project's findings are what a run on that project alone gives (the plugin picks
   * the nearest registry per file); one Node start instead of two.
   */
  let binary: EslintRun;
  beforeAll(() => {
    const workspace = fixtureCopy("demo", { mode: "typescript" });
    const app = path.join(workspace, "app");
    fs.mkdirSync(app);
    for (const entry of ["feature-flags.yaml", "src", "tsconfig.json"]) fs.renameSync(path.join(workspace, entry), path.join(app, entry));
    fs.cpSync(path.join(REPO_ROOT, "fixtures/eslint-js"), path.join(workspace, "legacy"), { recursive: true });
    fs.writeFileSync(path.join(workspace, "legacy/feature-flags.yaml"), BROKEN_REGISTRY);
    binary = runEslint(major, workspace);
  });

  it("reports the demo's findings under @typescript-eslint/parser, each at its key", async () => {
    expect(binary.stderr).toBe("");
    expect(binary.status).toBe(1);
    expect(located(within(binary, "app"))).toEqual([
      "src/components/CheckoutPage.tsx 8:16-8:30 flaglint/no-stale-flag",
      "src/components/TopNav.tsx 4:30-4:46 flaglint/flag-expiring-soon",
      // ESLint's own parse error: flaglint adds nothing to a file that does not parse.
      expect.stringMatching(/^src\/legacy\/broken\.ts 5:\d+-\?:\? parse$/),
      "src/services/checkout.ts 5:23-5:46 flaglint/require-flag-context",
      "src/services/checkout.ts 10:23-10:27 flaglint/no-dynamic-flag-key",
      "src/services/payments.ts 14:1-14:65 flaglint/no-expired-todo",
      "src/services/payments.ts 19:20-19:38 flaglint/no-stale-flag",
      "src/services/payments.ts 27:23-27:41 flaglint/no-unknown-flag",
      "src/services/reports.ts 6:24-6:39 flaglint/no-stale-flag",
      "src/services/search.ts 7:37-7:54 flaglint/require-removal-ticket",
      "src/services/search.ts 18:1-18:63 flaglint/no-unknown-todo-flag",
    ]);
  });

  it("under ESLint's command line, works out no-stale-flag's suggestion only when suggestRemoval is \"always\"", () => {
    const stale = (run: EslintRun) => run.results.flatMap(({ messages }) => messages.filter((m) => m.ruleId === "flaglint/no-stale-flag"));
    // The default ("editor"): the command line never applies a suggestion, so the cleanup engine does not run.
    expect(stale(within(binary, "app")).map((m) => m.suggestions ?? [])).toEqual([[], [], []]);
    // The nearest key costs nothing and is still offered.
    const unknown = within(binary, "app").results.flatMap(({ messages }) => messages.filter((m) => m.ruleId === "flaglint/no-unknown-flag"));
    expect(unknown.map((m) => m.suggestions?.length)).toEqual([1]);

    const always = runEslint(major, fixtureCopy("demo", { mode: "typescript", settings: { now: NOW, suggestRemoval: "always" } }));
    expect(always.stderr).toBe("");
    expect(stale(always).map((m) => m.suggestions?.map((suggestion) => suggestion.messageId))).toEqual([["removeCheck"], ["removeCheck"], ["removeCheck"]]);
  });

  it("prints core's message text and offers the nearest key as a suggestion", async () => {
    const run = await lintInProcess(major, fixtureCopy("demo", { mode: "typescript" }));
    const payments = run.results.find((result) => result.file === "src/services/payments.ts")!;
    const unknown = payments.messages.find((m) => m.ruleId === "flaglint/no-unknown-flag")!;
    expect(unknown.message).toBe('Unknown flag "new_paymnet_flow": not in feature-flags.yaml. Did you mean "new_payment_flow"?');
    expect(unknown.suggestions).toEqual([
      expect.objectContaining({ desc: 'Replace with "new_payment_flow".', fix: { range: expect.any(Array), text: '"new_payment_flow"' } }),
    ]);
    const text = fs.readFileSync(path.join(REPO_ROOT, "fixtures/demo/src/services/payments.ts"), "utf8");
    const [start, end] = unknown.suggestions![0]!.fix.range;
    expect(text.slice(start, end)).toBe('"new_paymnet_flow"');
  });

  it("checks plain .js and .cjs files under espree", async () => {
    const run = await lintInProcess(major, fixtureCopy("eslint-js", { mode: "espree" }));
    expect(run.stderr).toBe("");
    expect(located(run)).toEqual([
      "src/app.js 3:1-3:59 flaglint/no-expired-todo",
      "src/app.js 5:18-5:32 flaglint/no-stale-flag",
      "src/app.js 11:21-11:35 flaglint/require-flag-context",
      "src/app.js 15:21-15:37 flaglint/no-unknown-flag",
      "src/app.js 19:21-19:42 flaglint/no-dynamic-flag-key",
      "src/app.js 19:64-19:79 flaglint/require-removal-ticket",
      "src/legacy.cjs 5:21-5:35 flaglint/no-stale-flag",
    ]);
  });

  it("resolves keys imported from another file through the type checker (type-aware mode)", async () => {
    const run = await lintInProcess(major, fixtureCopy("eslint-shared-keys", { mode: "type-aware" }));
    expect(run.stderr).toBe("");
    expect(located(run)).toEqual([
      "src/checkout.ts 6:24-6:41 flaglint/no-stale-flag",
      "src/checkout.ts 7:24-7:41 flaglint/flag-expiring-soon",
      "src/checkout.ts 8:24-8:34 flaglint/no-unknown-flag",
    ]);
  });

  it("resolves the same keys without type information, through core's cross-file index", async () => {
    const run = await lintInProcess(major, fixtureCopy("eslint-shared-keys", { mode: "typescript" }));
    expect(located(run)).toEqual([
      "src/checkout.ts 6:24-6:41 flaglint/no-stale-flag",
      "src/checkout.ts 7:24-7:41 flaglint/flag-expiring-soon",
      "src/checkout.ts 8:24-8:34 flaglint/no-unknown-flag",
    ]);
  });

  it("takes today from FLAGLINT_NOW when settings.flaglint.now is not set", async () => {
    const dir = fixtureCopy("eslint-js", { mode: "espree", settings: {} });
    const expired = (run: EslintRun) =>
      run.results.flatMap((r) => r.messages).find((m) => m.ruleId === "flaglint/no-expired-todo")?.message;
    expect(expired(await lintInProcess(major, dir, { FLAGLINT_NOW: "2026-11-26" }))).toContain("(209 days ago)");
    expect(expired(await lintInProcess(major, dir, { FLAGLINT_NOW: "2026-05-02" }))).toContain("(1 day ago)");
  });

  it("reports a broken registry once per file at line 1, and does not crash", async () => {
    const run = within(binary, "legacy");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1); // lint errors; 2 would be a crash
    const problem =
      'flaglint: cannot load feature-flags.yaml: 4:11: unknown type "relase" (did you mean "release"?)';
    expect(run.results.map(({ file, messages }) => [file, messages.map((m) => [m.ruleId, m.line, m.column, m.message])])).toEqual([
      ["src/app.js", [["flaglint/invalid-registry", 1, 1, problem]]],
      ["src/flags.js", [["flaglint/invalid-registry", 1, 1, problem]]],
      ["src/legacy.cjs", [["flaglint/invalid-registry", 1, 1, problem]]],
    ]);
  });
});
