import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProject } from "../project/analyze.js";
import { parseRegistry } from "../registry/index.js";
import { planInit } from "./init.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function plan(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-init-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const target = path.join(root, "feature-flags.yaml");
  return { root, target, result: planInit({ cwd: root, paths: [], target, schema: "s.json", git: false }) };
}

const FLAGS = 'export type FlagKey = "new-nav" | "search";\nexport function isFlagOn(flag: FlagKey | string): boolean { return flag !== ""; }\nexport function flagOn(flag: FlagKey) { return isFlagOn(flag); }\n';

describe("planInit", () => {
  it("writes every declared key and every key a check reads, and leaves keys only tests check out with a note", () => {
    const { target, result } = plan({
      "src/flags.ts": FLAGS,
      "src/app.ts": 'import { flagOn } from "./flags";\nflagOn("new-nav");\n',
      "src/app.test.ts": 'import { flagOn } from "./flags";\nflagOn("the-thing" as never);\n',
    });
    expect([...result.keys].sort()).toEqual(["new-nav", "search"]);
    expect(result.notes).toEqual(["1 key checked only in tests left out: the-thing"]);
    expect(result.summary).toMatchObject({ keySets: 1, flags: 2, dated: undefined });
    expect([...parseRegistry(result.text, target).flags.keys()]).toEqual(["new-nav", "search"]);
    // ...and leaves the test that checks it to itself, so that check does not call it unknown.
    expect(parseRegistry(result.text, target).ignore).toEqual(["src/app.test.ts"]);
  });

  it("leaves a test folder whose checks name only test data to itself, by the outermost test folder", () => {
    const { target, result } = plan({
      "src/flags.ts": FLAGS,
      "src/app.ts": 'import { flagOn } from "./flags";\nflagOn("new-nav");\n',
      "packages/sdk/test/unit/repo.ts": 'import { flagOn } from "../../../../src/flags";\nflagOn("foo" as never);\n',
      "packages/sdk/test/unit/more.test.ts": 'import { flagOn } from "../../../../src/flags";\nflagOn("bar" as never);\nflagOn("new-nav");\n',
      "src/Card.stories.tsx": 'import { flagOn } from "./flags";\nflagOn("unobtanium" as never);\n',
    });
    expect(parseRegistry(result.text, target).ignore).toEqual(["packages/sdk/test/**", "src/Card.stories.tsx"]);
    expect(result.text).toContain('ignore:  # tests whose flag checks name only test data, left out of flags below\n  - "packages/sdk/test/**"\n');
    fs.writeFileSync(target, result.text);
    const checked = analyzeProject({ cwd: path.dirname(target), paths: [], now: "2026-11-26" });
    expect(checked.findings.filter((finding) => finding.rule === "no-unknown-flag")).toEqual([]);
  });
});
