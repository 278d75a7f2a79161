import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { FlagSummary, ProjectResult } from "../types.js";
import { loadCodeOwners, ownersOf, parseCodeOwners, withCodeOwners } from "./codeowners.js";

const FILE = "/repo/CODEOWNERS";

function owners(text: string, file: string): string[] {
  return ownersOf(parseCodeOwners(text, FILE), file);
}

describe("CODEOWNERS patterns", () => {
  test("the last matching pattern wins", () => {
    const text = "*       @everyone\n*.ts    @typescript\n/src/payments/ @payments @billing\n";
    expect(owners(text, "README.md")).toEqual(["@everyone"]);
    expect(owners(text, "lib/a.ts")).toEqual(["@typescript"]);
    expect(owners(text, "src/payments/pay.ts")).toEqual(["@payments", "@billing"]);
  });

  test("a name without a slash matches at any depth, a leading or inner slash anchors it", () => {
    expect(owners("apps/ @web", "apps/x.ts")).toEqual(["@web"]);
    expect(owners("apps/ @web", "packages/apps/x.ts")).toEqual(["@web"]);
    expect(owners("/apps/ @web", "packages/apps/x.ts")).toEqual([]);
    expect(owners("src/ui @ui", "src/ui/button.tsx")).toEqual(["@ui"]);
    expect(owners("src/ui @ui", "lib/src/ui/button.tsx")).toEqual([]);
  });

  test("dir/* covers the folder's own files only, ** any depth", () => {
    expect(owners("docs/* @docs", "docs/a.md")).toEqual(["@docs"]);
    expect(owners("docs/* @docs", "docs/deep/a.md")).toEqual([]);
    expect(owners("**/logs @ops", "a/b/logs/x.log")).toEqual(["@ops"]);
    expect(owners("/src/**/flags.ts @flags", "src/a/b/flags.ts")).toEqual(["@flags"]);
    expect(owners("/src/**/flags.ts @flags", "src/flags.ts")).toEqual(["@flags"]);
  });

  test("a pattern without owners takes the file's ownership away; GitLab sections give default owners", () => {
    expect(owners("* @all\n/vendor/\n", "vendor/x.js")).toEqual([]);
    const text = "[Frontend] @web-team\n/web/\n/web/admin/ @admins\n^[Docs][2] @docs\n*.md\n";
    expect(owners(text, "web/app.ts")).toEqual(["@web-team"]);
    expect(owners(text, "web/admin/a.ts")).toEqual(["@admins"]);
    expect(owners(text, "web/README.md")).toEqual(["@docs"]);
  });

  test("comments, escaped # and emails", () => {
    expect(owners("# all\n*.js  dev@example.com # trailing\n", "a.js")).toEqual(["dev@example.com"]);
    expect(owners("\\#notes/ @notes\n", "#notes/a.md")).toEqual(["@notes"]);
  });

  test("a line that does not parse is a note with its line and is ignored", () => {
    const parsed = parseCodeOwners("* @all\n/src/ payments-team\n!/vendor/ @x\nsrc/[ab].ts @y\n", FILE);
    expect(parsed.rules.map((rule) => rule.line)).toEqual([1]);
    expect(parsed.notes).toEqual([
      { file: FILE, line: 2, message: '"payments-team" is not an owner (write @user, @org/team or an email address); the line is ignored' },
      { file: FILE, line: 3, message: '"!/vendor/": negated patterns are not supported in CODEOWNERS; the line is ignored' },
      { file: FILE, line: 4, message: '"src/[ab].ts": character ranges [ ] are not supported in CODEOWNERS; the line is ignored' },
    ]);
  });
});

function tempRepo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-codeowners-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("loadCodeOwners", () => {
  test("takes the first of CODEOWNERS, .github/, .gitlab/, docs/", () => {
    const root = tempRepo({ ".github/CODEOWNERS": "* @github\n", "docs/CODEOWNERS": "* @docs\n" });
    try {
      expect(loadCodeOwners(root)?.file).toBe(path.join(root, ".github/CODEOWNERS"));
      fs.writeFileSync(path.join(root, "CODEOWNERS"), "* @root\n");
      expect(loadCodeOwners(root)?.file).toBe(path.join(root, "CODEOWNERS"));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("withCodeOwners", () => {
  function flag(key: string, extra: Partial<FlagSummary> = {}): FlagSummary {
    return { key, known: true, type: "release", state: "ok", daysLeft: 10, references: 1, locations: [], ...extra };
  }

  test("gives a flag without an owner the owners of the files that check it; a registry owner wins", () => {
    const root = tempRepo({ CODEOWNERS: "* @all\n/src/pay/ @payments\n/src/web/ @web\nbroken-line owner\n" });
    try {
      const at = (file: string, name: string) => ({ flag: name, file: path.join(root, file) }) as ProjectResult["references"][number];
      const result = {
        cwd: root,
        now: "2026-11-26",
        registries: [path.join(root, "feature-flags.yaml")],
        findings: [],
        references: [at("src/pay/a.ts", "orphan"), at("src/pay/b.ts", "orphan"), at("src/web/c.ts", "orphan"), at("src/web/d.ts", "owned")],
        flags: [flag("orphan", { references: 3 }), flag("owned", { owner: "@team" }), flag("unused", { references: 0, state: "unused" })],
        summary: { files: 4, parsed: 4, references: 4, errors: 0, warnings: 0 },
      } as ProjectResult;
      const owned = withCodeOwners(result, root);
      expect(owned.flags.map(({ key, owner, ownerSource }) => ({ key, owner, ownerSource }))).toEqual([
        { key: "orphan", owner: "@payments @web", ownerSource: "codeowners" },
        { key: "owned", owner: "@team", ownerSource: "registry" },
        { key: "unused", owner: undefined, ownerSource: undefined },
      ]);
      expect(owned.notes).toEqual([
        { file: path.join(root, "CODEOWNERS"), line: 4, message: '"owner" is not an owner (write @user, @org/team or an email address); the line is ignored' },
      ]);
      expect(result.flags[0]!.owner).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("hostile CODEOWNERS", () => {
  // A pattern that backtracked without end would hold this test past its time limit.
  test("a pattern of many ** matches a deep path, or not, without backtracking without end", () => {
    const parsed = parseCodeOwners(`${"**/".repeat(200)}x @x\n${"*".repeat(500)}y @y\n`, FILE);
    expect(ownersOf(parsed, `${"a/".repeat(2000)}b`)).toEqual([]);
  });

  test("a pattern with too many wildcards is a note, not a slow match", () => {
    const parsed = parseCodeOwners(`${"*a".repeat(30)}b @x
`, FILE);
    expect(parsed.rules).toEqual([]);
    expect(parsed.notes[0]!.message).toMatch(/more than 16 wildcards; the line is ignored$/);
  });
});
