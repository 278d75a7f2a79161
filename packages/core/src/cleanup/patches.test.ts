import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { cleanupPatches } from "./patches.js";

const DETECT = `version: 1
detect:
  calls:
    - module: "@acme/flags"
      import: client
      method: isEnabled
flags:
`;

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "flaglint-patches-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(root, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  }
  return files;
}

const check = (flag: string) => `import { client } from "@acme/flags";\n\nexport const on = client.isEnabled("${flag}") ? 1 : 2;\n`;

describe("cleanupPatches", () => {
  test("a patch per dead flag with a final value, the rest skipped with the reason; nothing written", () => {
    const root = project({
      "feature-flags.yaml":
        DETECT +
        "  old/flag:\n    type: release\n    created: 2026-01-01\n    final: off\n" +
        "  no_final:\n    type: release\n    created: 2026-01-01\n" +
        "  broken:\n    type: release\n    status: retired\n    final: on\n" +
        "  fresh:\n    type: release\n    created: 2026-11-20\n    final: on\n",
      "src/a.ts": check("old/flag"),
      "src/b.ts": check("no_final"),
      "src/c.ts": `${check("broken")}export const x = (;\n`,
      "src/d.ts": check("fresh"),
    });
    const before = snapshot(root);
    const set = cleanupPatches({ cwd: root, paths: [], now: "2026-11-26", root });

    expect(snapshot(root)).toEqual(before);
    expect([...set.patches.keys()]).toEqual(["old_flag.patch"]);
    expect(set.patches.get("old_flag.patch")).toBe(
      [
        "diff --git a/src/a.ts b/src/a.ts",
        "--- a/src/a.ts",
        "+++ b/src/a.ts",
        "@@ -1,3 +1,1 @@",
        '-import { client } from "@acme/flags";',
        "-",
        '-export const on = client.isEnabled("old/flag") ? 1 : 2;',
        "+export const on = 2;",
        "diff --git a/feature-flags.yaml b/feature-flags.yaml",
        "--- a/feature-flags.yaml",
        "+++ b/feature-flags.yaml",
        "@@ -8,8 +8,9 @@",
        "   old/flag:",
        "     type: release",
        "     created: 2026-01-01",
        "     final: off",
        "+    status: archived",
        "   no_final:",
        "     type: release",
        "     created: 2026-01-01",
        "   broken:",
        "",
      ].join("\n"),
    );
    expect(set.flags.map(({ flag, state, patch, linesRemoved, linesAdded, skipped }) => ({ flag, state, patch, linesRemoved, linesAdded, skipped }))).toEqual([
      { flag: "no_final", state: "overdue", patch: null, linesRemoved: 0, linesAdded: 0, skipped: "no final value in the registry (add final: on, off or a JSON literal to its entry)" },
      { flag: "old/flag", state: "overdue", patch: "old_flag.patch", linesRemoved: 3, linesAdded: 1, skipped: undefined },
      { flag: "broken", state: "retired", patch: null, linesRemoved: 0, linesAdded: 0, skipped: "src/c.ts could not be rewritten, so no file was changed" },
    ]);
    expect(set.flags[2]!.refusals).toEqual([{ file: "src/c.ts", line: 4, reason: expect.stringMatching(/^the file does not parse .* and mentions broken$/) }]);
  });

  test("a file git apply might misread is left out with the reason, and so is its flag's patch", () => {
    const root = project({
      "feature-flags.yaml": DETECT + "  spaced:\n    type: release\n    created: 2026-01-01\n    final: on\n",
      "src/my file.ts": check("spaced"),
    });
    const set = cleanupPatches({ cwd: root, paths: [], now: "2026-11-26", root });
    expect(set.patches.size).toBe(0);
    expect(set.flags[0]).toMatchObject({
      flag: "spaced",
      patch: null,
      skipped: '"src/my file.ts": a path with spaces, quotes or backslashes is not written into a patch',
    });
  });

  test("a check left for a person: the patch marks the entry retired and lists the refusal", () => {
    const root = project({
      "feature-flags.yaml": DETECT.replace("flags:\n", "  properties:\n    - name: flag\nflags:\n") + "  gone:\n    type: release\n    created: 2026-01-01\n    final: on\n",
      "src/a.ts": check("gone"),
      "src/routes.ts": 'export const routes = [{ path: "/x", flag: "gone" }];\n',
    });
    const set = cleanupPatches({ cwd: root, paths: [], now: "2026-11-26", root });
    expect(set.flags[0]).toMatchObject({ flag: "gone", patch: "gone.patch", registryStatus: "retired", files: ["src/a.ts"] });
    expect(set.flags[0]!.refusals).toEqual([{ file: "src/routes.ts", line: 1, reason: expect.stringContaining("used as data") }]);
    expect(set.patches.get("gone.patch")).toContain("+    status: retired");
  });
});
