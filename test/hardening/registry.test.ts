// A damaged registry through the CLI: one `file:line:col: message` line per problem on stderr,
// exit 2, never a stack trace, whatever the damage.
import { afterEach, describe, expect, it } from "vitest";
import { runFlaglint, project, registry, removeProjects } from "../helpers/cli.js";

afterEach(removeProjects);

const SOURCE = `import { client as ff } from "@acme/flags";\nexport const on = ff.isEnabled("fast_search", { userId: "u" });\n`;

const GOOD = registry(`  fast_search:
    type: release
    owner: "@search"
    created: 2026-11-20
    ticket: SEARCH-1`);

/** Damage as it happens to a file: an editor, a bad merge, a disk, a copy from a terminal. */
const DAMAGE: Array<[string, string, string]> = [
  ["truncated in the middle of an entry", "feature-flags.yaml", GOOD.slice(0, GOOD.indexOf("created") + 12)],
  ["a tab for indentation", "feature-flags.yaml", GOOD.replace("    type: release", "\ttype: release")],
  ["a duplicated line", "feature-flags.yaml", GOOD.replace('    owner: "@search"\n', '    owner: "@search"\n    owner: "@search"\n')],
  ["a value of the wrong type", "feature-flags.yaml", GOOD.replace("type: release", "type: [release]")],
  ["a line indented wrongly", "feature-flags.yaml", GOOD.replace('    owner: "@search"', '  owner: "@search"')],
  ["binary garbage", "feature-flags.yaml", "\u0000\u0001\uFFFD\u0089PNG\r\n\u001a\n\u0000\u0000"],
  ["a merge conflict left in", "feature-flags.yaml", GOOD.replace("    ticket: SEARCH-1", "<<<<<<< HEAD\n    ticket: SEARCH-1\n=======\n    ticket: SEARCH-2\n>>>>>>> branch")],
  ["JSON truncated", "feature-flags.json", JSON.stringify({ version: 1, flags: { fast_search: { type: "release" } } }, null, 2).slice(0, 40)],
];

describe("flaglint check with a damaged registry", () => {
  it.each(DAMAGE)("%s: exit 2, every stderr line `file:line:col: message`, a hint, no stack", async (_damage, name, text) => {
    const root = project({ [name]: text, "src/search.ts": SOURCE });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });

    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    const place = new RegExp(`^${name.replace(".", "\\.")}:\\d+:\\d+: `);
    for (const line of lines) expect(line).toMatch(place);
    for (const line of lines) {
      const [, lineNumber, column] = /:(\d+):(\d+): /.exec(line)!;
      expect(Number(lineNumber)).toBeGreaterThanOrEqual(1);
      expect(Number(lineNumber)).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
      expect(Number(column)).toBeGreaterThanOrEqual(1);
    }
    // The first problem, the one to fix first, says what to do about it.
    expect(lines[0]).toMatch(/ \(.+\)$/);
    expect(run.stderr).not.toContain("    at ");
    expect(run.stderr).not.toContain("crashed");
  });

  it("names the damaged line of a registry with CRLF line endings", async () => {
    const root = project({ "feature-flags.yaml": GOOD.replace("type: release", "type: relase").replace(/\n/g, "\r\n"), "src/search.ts": SOURCE });
    const run = await runFlaglint(["check", "--now", "2026-11-26"], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('feature-flags.yaml:10:11: unknown type "relase" (did you mean "release"?)\n');
  });

  it("reads a registry with lone-CR line endings or a byte-order mark as any other", async () => {
    for (const text of [GOOD.replace(/\n/g, "\r"), `\uFEFF${GOOD}`]) {
      const root = project({ "feature-flags.yaml": text, "src/search.ts": SOURCE });
      const run = await runFlaglint(["check", "--now", "2026-11-26", "-f", "json"], { cwd: root });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).references).toHaveLength(1);
    }
  });
});
