// Keys imported from other modules in a long-lived ESLint instance, with and without type
// information: the plugin asks core's cross-file index, which re-reads a module whose mtime changed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eslintApi, ESLINT_MAJORS, fixtureCopy, removeFixtureCopies } from "./helpers/eslint.js";

afterAll(removeFixtureCopies);

describe.each(ESLINT_MAJORS)("ESLint %i", (major) => {
  it.each(["typescript", "type-aware"] as const)("(%s) resolves a key from a definition module, and sees an edit of that module in the next lint", async (mode) => {
    const { ESLint } = await eslintApi(major);
    const dir = fixtureCopy("shapes-definition-objects", { mode });
    const eslint = new ESLint({ cwd: dir });
    const lint = async () => {
      const [result] = await eslint.lintFiles(["packages/core/src/strategies/batch.ts"]);
      return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    };
    // OrderEditing.key, through tsconfig paths to a default export: order_editing, a known flag.
    expect(await lint()).toEqual([]);

    const definition = path.join(dir, "packages/feature-flags/src/order-editing.ts");
    fs.writeFileSync(definition, fs.readFileSync(definition, "utf8").replace('key: "order_editing"', 'key: "order_editting"'));
    const later = new Date(fs.statSync(definition).mtimeMs + 10_000);
    fs.utimesSync(definition, later, later);

    expect(await lint()).toEqual(["5:45 flaglint/no-unknown-flag"]);
  });
});
