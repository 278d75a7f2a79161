import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readPlainFlags } from "./plain-flags.js";
import { positionsIn, type SourceNode } from "./source.js";
import { readYaml } from "./yaml-source.js";

function plainFlagsOf(text: string) {
  return readPlainFlags(text, positionsIn(text).lineOf);
}

/** The tree with what both readers must agree on: offsets, keys, and which values are empty. */
function shape(node: SourceNode | undefined): unknown {
  if (!node) return undefined;
  if (node.empty) return "empty";
  if (node.entries) return { at: node.offset, entries: [...node.entries].map(([key, entry]) => [key, entry.keyOffset, shape(entry.value)]) };
  if (node.items) return { at: node.offset, items: node.items.map(shape) };
  return node.offset;
}

function readBothWays(text: string) {
  const fast = readYaml(text);
  const library = readYaml(text, { plainFlags: false });
  return {
    fast: { value: fast.value, problems: fast.problems, tree: shape(fast.root) },
    library: { value: library.value, problems: library.problems, tree: shape(library.root) },
  };
}

describe("the plain flags reader", () => {
  test("reads the usual shape: keys, fields, quotes, comments, dates", () => {
    const text = [
      "version: 1",
      "flags:",
      "  # payments",
      "  new_payment_flow:   # the new processor",
      "    type: release",
      '    owner: "@payments"',
      "    created: 2026-03-01",
      "    ticket: PAY-1234 # tracked",
      "    description: It's new, see https://example.com/a#b",
      "",
      '  "checkout.v2":',
      "    owner: 'o''brien'",
      "  empty_one:",
      "policy:",
      "  warnDays: 3",
      "",
    ].join("\n");
    const flags = plainFlagsOf(text);
    expect(flags?.value).toEqual({
      new_payment_flow: {
        type: "release",
        owner: "@payments",
        created: "2026-03-01",
        ticket: "PAY-1234",
        description: "It's new, see https://example.com/a#b",
      },
      "checkout.v2": { owner: "o'brien" },
      empty_one: null,
    });
    const { fast, library } = readBothWays(text);
    expect(fast).toEqual(library);
  });

  test("reads one-line lists of plain words, as tags are written", () => {
    const text = "version: 1\nflags:\n  a:\n    type: ops\n    tags: [web, checkout]  # from the service\n";
    expect(plainFlagsOf(text)?.value).toEqual({ a: { type: "ops", tags: ["web", "checkout"] } });
    const { fast, library } = readBothWays(text);
    expect(fast).toEqual(library);
  });

  test.each([
    ["flow style", "  a: { type: release }"],
    ["a number", "  a:\n    ticket: 1234"],
    ["a boolean", "  a:\n    owner: true"],
    ["an anchor", "  a: &x\n    type: release"],
    ["an escape", '  a:\n    owner: "a\\tb"'],
    ["a block scalar", "  a:\n    description: |\n      text"],
    ["a continued plain scalar", "  a:\n    description: one\n      two"],
    ["a tab", "  a:\n    type:\trelease"],
    ["a list", "  - a"],
    ["a list of quoted words", '  a:\n    tags: ["a", b]'],
  ])("leaves %s to the library", (_what, body) => {
    const text = `version: 1\nflags:\n${body}\n`;
    expect(plainFlagsOf(text)).toBeUndefined();
    const { fast, library } = readBothWays(text);
    expect(fast).toEqual(library);
  });

  test("reads exactly what the yaml library reads, on generated registries", () => {
    // Mostly what the plain reader takes, with a sprinkling of what it must leave to the library.
    const plainKeys = ["a", "new_nav", "checkout.v2", "kill-switch", "__proto__", "x1", '"quoted key"', '"a: b"', "_x"];
    const oddKeys = ["null", "True", "a b", "ü", "1a"];
    const fields = ["type", "owner", "created", "removeBy", "ticket", "description", "status", "ownr", "a-b"];
    const plainValues = [
      "release",
      '"@payments"',
      "'@pay''s'",
      "''",
      '""',
      "2026-03-01",
      "2026-02-30",
      "PAY-1234",
      "New, improved (v2): see https://x.y/z",
      "yes",
      "x #comment",
      "x#y",
      "<<",
      "ü unicode",
      "trailing   ",
      "[web, checkout]",
      "[a,b , c]  # tags",
      "[]",
      "[ one ]",
    ];
    const oddValues = [
      "@payments",
      "2026-3-1",
      "1234",
      "1.5",
      "-5",
      "0x1F",
      ".inf",
      "~",
      "null",
      "NULL",
      "false",
      "a: b",
      "ends with colon:",
      '"quote" after',
      "'unterminated",
      '"esc\\"aped"',
      "[a, [b]]",
      "[a #x]",
      "[a,]",
      "[a, , b]",
      '["a, b"]',
      "[a: b]",
      "[a, 12]",
      "[a, null]",
      "[a] x",
      "[@a]",
      "{ a: 1 }",
      "&anchor x",
      "*alias",
      "!!str 5",
      "%x",
      "? x",
      "- x",
      "",
    ];
    const pick = (plain: string[], odd: string[]) =>
      fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
    const keyLine = fc
      .tuple(pick(plainKeys, oddKeys), pick(["", "", "  # note"], [" x", " {}"]))
      .map(([key, rest]) => `  ${key}:${rest}`);
    const fieldLine = fc
      .tuple(pick(["    "], ["   ", "     ", "      "]), fc.constantFrom(...fields), pick(plainValues, oddValues))
      .map(([indent, field, value]) => `${indent}${field}: ${value}`);
    const otherLine = pick(["", "  # comment", "# top comment", "    # deep comment", "   "], [" flags: x", "\tx: y", "  - x"]);
    const line = fc.oneof({ weight: 3, arbitrary: keyLine }, { weight: 8, arbitrary: fieldLine }, { weight: 1, arbitrary: otherLine });
    const before = fc.constantFrom("version: 1\n", "", "version: 1\ndetect:\n  sdks: [openfeature]\n", "# c\nversion: 1\n");
    const after = pick(["", "policy:\n  warnDays: 3\n", "# end\n"], ["flags:\n  b:\n    type: ops\n", "---\nx: 1\n", "  stray: 1\n", "[x]\n"]);
    const registry = fc
      .tuple(before, keyLine, fc.array(line, { maxLength: 10 }), after)
      .map(([head, first, body, tail]) => `${head}flags:\n${[first, ...body].join("\n")}\n${tail}`);

    let readPlainly = 0;
    fc.assert(
      fc.property(registry, (text) => {
        if (plainFlagsOf(text)) readPlainly++;
        const { fast, library } = readBothWays(text);
        expect(fast).toEqual(library);
      }),
      { numRuns: 2000, seed: 20261126 },
    );
    // The comparison means something only if the plain reader took part often enough.
    expect(readPlainly).toBeGreaterThan(400);
  });
});
