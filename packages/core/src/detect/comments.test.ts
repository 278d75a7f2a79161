import { describe, expect, it } from "vitest";
import { parseDirective, parseRemovalNotes, readComments } from "./comments.js";
import { parseSource } from "./parse.js";
import { NOTE_IN_TEXT } from "./removal-note.js";

/** The notes and directives of `source`; a file with a note must pass the pre-filter's note search. */
function read(source: string, fileName = "/repo/a.ts") {
  const comments = readComments(parseSource(source, fileName));
  if (comments.notes.length > 0) expect(NOTE_IN_TEXT.test(source), "the pre-filter would skip a file with a removal note").toBe(true);
  return comments;
}

describe("removal notes", () => {
  it("reads a line comment, with the comment as its range", () => {
    const source = `const a = 1;\n  // TODO: remove new_checkout_v2 toggle by 2026-04-15\nconst b = 2;`;
    expect(read(source).notes).toEqual([
      {
        flag: "new_checkout_v2",
        date: "2026-04-15",
        text: "TODO: remove new_checkout_v2 toggle by 2026-04-15",
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 55,
      },
    ]);
  });

  it.each([
    ["TODO(PAY-123): remove x toggle by 2026-04-15", "PAY-123"],
    ["TODO: remove x toggle by 2026-04-15 (PAY-123)", "PAY-123"],
    ["FIXME [PAY-123] remove the x flag by 2026-04-15", "PAY-123"],
    ["TODO PAY-123: remove feature flag `x` before 2026-04-15", "PAY-123"],
    ["TODO: Remove 'x' flag by 2026-04-15, see https://jira.example.com/browse/PAY-123", "https://jira.example.com/browse/PAY-123"],
    [`todo - remove "x" toggle checks by 2026-04-15`, undefined],
    ["TODO(alice): remove x toggle by 2026-04-15", undefined],
  ])("reads %s", (text, ticket) => {
    const [note] = parseRemovalNotes(`// ${text}`);
    expect(note).toMatchObject({ flag: "x", date: "2026-04-15" });
    expect(note?.ticket).toBe(ticket);
  });

  it("reads block comments, including JSDoc-style continuation lines", () => {
    const source = `/**\n * Checkout.\n * TODO(PAY-9): remove new_nav\n *   toggle by 2026-05-01\n */\nexport const x = 1;`;
    expect(read(source).notes).toMatchObject([{ flag: "new_nav", date: "2026-05-01", ticket: "PAY-9", line: 1, endLine: 5 }]);
  });

  it("reads notes anywhere in the file: inside functions, JSX, empty blocks, at the end", () => {
    const source = [
      `function f() {`,
      `  // TODO: remove a toggle by 2026-01-01`,
      `}`,
      `const el = <div>{/* TODO: remove b toggle by 2026-01-02 */}</div>;`,
      `if (x) { /* FIXME: remove c flag by 2026-01-03 */ }`,
      `// TODO: remove d toggle by 2026-01-04`,
    ].join("\n");
    expect(read(source, "/repo/a.tsx").notes.map((note) => note.flag)).toEqual(["a", "b", "c", "d"]);
  });

  it("ignores look-alikes in strings, templates, regexes and JSX text", () => {
    const source = [
      `const s = "// TODO: remove a toggle by 2026-01-01";`,
      "const t = `${s} // TODO: remove b toggle by 2026-01-01 ${s}`;",
      `const r = /\\/\\/ TODO: remove c toggle by 2026-01-01/;`,
      `const el = <p>// TODO: remove d toggle by 2026-01-01</p>;`,
    ].join("\n");
    expect(read(source, "/repo/a.tsx").notes).toEqual([]);
  });

  it("ignores TODOs that are not removal notes", () => {
    expect(read(`// TODO: refactor this by 2026-01-01\n// TODO: remove this hack`).notes).toEqual([]);
  });
});

describe("directives", () => {
  it("reads the four kinds and keeps flaglint rules without their prefix", () => {
    const source = [
      `// eslint-disable-next-line flaglint/no-stale-flag -- rollout in progress`,
      `check("a"); // eslint-disable-line flaglint/no-unknown-flag, flaglint/no-dynamic-flag-key`,
      `/* eslint-disable flaglint/no-stale-flag */`,
      `/* eslint-enable */`,
      `/* eslint-disable */`,
    ].join("\n");
    expect(read(source).directives).toEqual([
      { kind: "disable-next-line", rules: ["no-stale-flag"], line: 1 },
      { kind: "disable-line", rules: ["no-unknown-flag", "no-dynamic-flag-key"], line: 2 },
      { kind: "disable", rules: ["no-stale-flag"], line: 3 },
      { kind: "enable", rules: [], line: 4 },
      { kind: "disable", rules: [], line: 5 },
    ]);
  });

  it("drops directives for other plugins' rules only", () => {
    expect(parseDirective("// eslint-disable-next-line no-console", false)).toBeUndefined();
    expect(parseDirective("// eslint-disable-next-line no-console, flaglint/no-stale-flag", false)).toEqual({
      kind: "disable-next-line",
      rules: ["no-stale-flag"],
    });
  });

  it("honours only what ESLint honours", () => {
    // `eslint-disable` in a line comment, and a -line directive spanning lines, do nothing in ESLint.
    expect(parseDirective("// eslint-disable flaglint/no-stale-flag", false)).toBeUndefined();
    expect(parseDirective("/* eslint-disable-line\n flaglint/no-stale-flag */", true)).toBeUndefined();
    expect(parseDirective("// see eslint-disable-line docs", false)).toBeUndefined();
    expect(parseDirective("/* eslint-disable-next-line flaglint/no-stale-flag */", true)).toEqual({
      kind: "disable-next-line",
      rules: ["no-stale-flag"],
    });
  });

  it("puts a next-line directive on the line its comment ends", () => {
    const source = `/* eslint-disable-next-line flaglint/no-stale-flag */\ncheck("a");`;
    expect(read(source).directives).toEqual([{ kind: "disable-next-line", rules: ["no-stale-flag"], line: 1 }]);
  });

  it("ignores directive text inside strings", () => {
    expect(read(`const s = "// eslint-disable-next-line flaglint/no-stale-flag";`).directives).toEqual([]);
  });
});
