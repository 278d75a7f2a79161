// The ESLint Node API. One instance kept alive, as an editor keeps it for hours: registry edits on
// disk are seen by the next lint, a registry broken mid-session gives one clear report, and fixing
// it recovers. And code blocks that a processor extracts from another file.
import fs from "node:fs";
import path from "node:path";
import type { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { eslintApi, ESLINT_MAJORS, fixtureCopy, removeFixtureCopies } from "./helpers/eslint.js";

afterAll(removeFixtureCopies);

/** Rewrites the registry and moves its mtime on, as a save in an editor does (no sleeping). */
function editRegistry(file: string, edit: (text: string) => string, secondsLater: number): void {
  fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
  const later = new Date(fs.statSync(file).mtimeMs + secondsLater * 1000);
  fs.utimesSync(file, later, later);
}

describe.each(ESLINT_MAJORS)("a long-lived ESLint %i instance", (major) => {
  async function session() {
    const { ESLint } = await eslintApi(major);
    const dir = fixtureCopy("eslint-js", { mode: "espree" });
    const eslint = new ESLint({ cwd: dir });
    const lint = async () => {
      const [result] = await eslint.lintFiles(["src/app.js"]);
      return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    };
    return { registry: path.join(dir, "feature-flags.yaml"), lint };
  }

  it("sees a registry edit on disk in the next lint", async () => {
    const { registry, lint } = await session();
    expect((await lint()).filter((m) => m.includes("flaglint/no-stale-flag"))).toHaveLength(1);

    editRegistry(registry, (text) => text.replace("removeBy: 2026-05-01", "removeBy: 2027-05-01"), 10);

    const after = await lint();
    expect(after.filter((m) => m.includes("flaglint/no-stale-flag"))).toEqual([]);
    // The rest of the file's findings are still there.
    expect(after.filter((m) => m.includes("flaglint/no-unknown-flag"))).toHaveLength(1);
  });

  it("reports a registry broken mid-session once, at line 1, then recovers when it is fixed", async () => {
    const { registry, lint } = await session();
    const findings = await lint();
    expect(findings.length).toBeGreaterThan(3);

    editRegistry(registry, (text) => text.replace("type: experiment", "type: experimant"), 10);
    expect(await lint()).toEqual([
      '1:1 flaglint/invalid-registry flaglint: cannot load feature-flags.yaml: 24:11: unknown type "experimant" (did you mean "experiment"?)',
    ]);

    editRegistry(registry, (text) => text.replace("type: experimant", "type: experiment"), 20);
    expect(await lint()).toEqual(findings);
  });

  it("treats a registry deleted mid-session as a fresh process would, then recovers when it is back", async () => {
    const { registry, lint } = await session();
    const findings = await lint();
    const text = fs.readFileSync(registry, "utf8");

    // No registry governs the file any more: nothing to check, as after a restart.
    fs.rmSync(registry);
    expect(await lint()).toEqual([]);

    fs.writeFileSync(registry, text);
    expect(await lint()).toEqual(findings);
  });
});

describe.each(ESLINT_MAJORS)("ESLint %i with a processor", (major) => {
  it("checks a code block a processor extracts (guide.md/0.js) as JavaScript in the Markdown file's folder", async () => {
    const { ESLint } = await eslintApi(major);
    const dir = fixtureCopy("eslint-js", { mode: "espree" });
    const block = 'import { flags } from "./flags.js";\nexport const on = flags.isOn("quick_search", user);';
    fs.writeFileSync(path.join(dir, "src/guide.md"), `# Guide\n\n\`\`\`js\n${block}\n\`\`\`\n`);
    // The shape of @eslint/markdown: each fenced block becomes a virtual file named after the .md file.
    const processor = {
      preprocess: (text: string) => [{ text: /```js\n([^]*?)```/.exec(text)![1]!, filename: "0.js" }],
      postprocess: (messages: Linter.LintMessage[][]) => messages.flat(),
    };
    const eslint = new ESLint({ cwd: dir, overrideConfig: [{ files: ["**/*.md"], processor }] });
    const [result] = await eslint.lintFiles(["src/guide.md"]);
    // "./flags.js" resolves from src/, where guide.md is: the registry's module ./src/flags matches.
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["2:30 flaglint/no-stale-flag"]);
  });
});
