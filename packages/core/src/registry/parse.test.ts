import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stringify as toYaml } from "yaml";
import { FLAG_STATUSES, FLAG_TYPES, KEY_CASES, type Registry } from "../types.js";
import {
  DEFAULT_DETECT,
  DEFAULT_POLICY,
  formatProblem,
  loadRegistry,
  parseRegistry,
  RegistryError,
  SDK_PRESET_NAMES,
  type RegistryProblem,
} from "./index.js";

const DIR = "/project";
const YAML_FILE = `${DIR}/feature-flags.yaml`;
const JSON_FILE = `${DIR}/feature-flags.json`;

/** The problems a bad registry reports, formatted as the CLI prints them. */
function problemsOf(text: string, file = YAML_FILE): string[] {
  return rawProblemsOf(text, file).map((problem) => formatProblem(problem, DIR));
}

function rawProblemsOf(text: string, file: string): RegistryProblem[] {
  try {
    parseRegistry(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return (error as RegistryError).problems;
  }
  throw new Error("the registry was accepted");
}

const SPEC_EXAMPLE = `# yaml-language-server: $schema=./node_modules/@flaglint/core/schema/feature-flags.schema.json
version: 1

detect:
  sdks: [openfeature, launchdarkly]
  calls:
    - module: "@acme/feature-flags"
      import: client
      method: isEnabled
      contextArg: 1
    - object: flagResolver
      method: isEnabled
    - function: useUiFlag
      keyArg: 1
  objects:
    - path: config.featureToggles
      keyCase: camel
    - path: uiConfig.flags
  constants:
    - name: FeatureFlagsKeysEnum
  properties:
    - name: flag

flags:
  new_payment_flow:
    type: release             # release | experiment | ops | permission
    owner: "@payments"
    created: 2026-03-01
    removeBy: 2026-04-15
    ticket: PAY-1234
    description: New payment processor
  kill_search:
    type: kill-switch
    status: retired
  "checkout.v2": { type: operational, owner: '@shop' }
`;

describe("a valid registry", () => {
  test("YAML: the spec's example loads with defaults filled in", () => {
    const registry = parseRegistry(SPEC_EXAMPLE, YAML_FILE);
    expect(registry.path).toBe(YAML_FILE);
    expect(registry.dir).toBe(DIR);
    expect(registry.policy).toEqual(DEFAULT_POLICY);
    expect(registry.detect).toEqual({
      sdks: ["openfeature", "launchdarkly"],
      calls: [
        { module: "@acme/feature-flags", import: "client", method: "isEnabled", keyArg: 0, contextArg: 1 },
        { object: "flagResolver", method: "isEnabled", keyArg: 0 },
        { function: "useUiFlag", keyArg: 1 },
      ],
      objects: [
        { path: "config.featureToggles", keyCase: "camel" },
        { path: "uiConfig.flags", keyCase: "exact" },
      ],
      constants: [{ name: "FeatureFlagsKeysEnum" }],
      properties: [{ name: "flag" }],
    });
    expect([...registry.flags.keys()]).toEqual(["new_payment_flow", "kill_search", "checkout.v2"]);
    expect(registry.flags.get("new_payment_flow")).toEqual({
      key: "new_payment_flow",
      type: "release",
      owner: "@payments",
      created: "2026-03-01", // unquoted in the file: still the day as written, not a Date
      removeBy: "2026-04-15",
      ticket: "PAY-1234",
      description: "New payment processor",
      status: "active",
      position: { line: 25, column: 3 },
    });
    expect(registry.flags.get("kill_search")).toMatchObject({ type: "ops", status: "retired", position: { line: 32, column: 3 } });
    expect(registry.flags.get("checkout.v2")).toMatchObject({ type: "ops", owner: "@shop", status: "active", position: { line: 35, column: 3 } });
  });

  test("YAML: no detect and no policy give the defaults; a partial policy keeps the rest", () => {
    const registry = parseRegistry(
      ["version: 1", "policy:", "  lifetimeDays:", "    release: 30", "  requireTicket: [release, operational]", "flags:", "  a:", "    type: experiment", ""].join("\n"),
      YAML_FILE,
    );
    expect(registry.detect).toEqual(DEFAULT_DETECT);
    expect(registry.policy).toEqual({
      lifetimeDays: { release: 30, experiment: 90, ops: null, permission: null },
      warnDays: 14,
      requireTicket: ["release", "ops"],
    });
    expect(registry.flags.get("a")).toEqual({ key: "a", type: "experiment", status: "active", position: { line: 7, column: 3 } });
  });

  test("YAML: an empty flags section is no flags", () => {
    expect(parseRegistry("version: 1\nflags:\n  # all removed\n", YAML_FILE).flags.size).toBe(0);
  });

  test("JSON: loads with defaults filled in and positions of the keys", () => {
    const text = `{
  "$schema": "./node_modules/@flaglint/core/schema/feature-flags.schema.json",
  "version": 1,
  "detect": {
    "calls": [{ "function": "useFlag" }],
    "objects": [{ "path": "cfg.flags" }]
  },
  "policy": { "warnDays": 7 },
  "flags": {
    "new_nav": { "type": "release", "created": "2026-03-01", "ticket": "NAV-1" },
    "kill-all": {
      "type": "ops"
    }
  }
}
`;
    const registry = parseRegistry(text, JSON_FILE);
    expect(registry.detect).toEqual({ ...DEFAULT_DETECT, calls: [{ function: "useFlag", keyArg: 0 }], objects: [{ path: "cfg.flags", keyCase: "exact" }] });
    expect(registry.policy).toEqual({ ...DEFAULT_POLICY, warnDays: 7 });
    expect(registry.flags.get("new_nav")).toEqual({
      key: "new_nav",
      type: "release",
      created: "2026-03-01",
      ticket: "NAV-1",
      status: "active",
      position: { line: 10, column: 5 },
    });
    expect(registry.flags.get("kill-all")?.position).toEqual({ line: 11, column: 5 });
  });

  test("the registry does not share the default policy's arrays", () => {
    const registry = parseRegistry("version: 1\n", YAML_FILE);
    expect(registry.policy.requireTicket).not.toBe(DEFAULT_POLICY.requireTicket);
    registry.policy.requireTicket.push("ops");
    expect(DEFAULT_POLICY.requireTicket).toEqual(["release", "experiment"]);
  });

  test("10,000 flags all load", () => {
    const lines = ["version: 1", "flags:"];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`  flag_${i}:`, "    type: release", `    owner: "@team-${i % 40}"`, "    created: 2026-03-01", `    ticket: PAY-${i}`);
    }
    const registry = parseRegistry(lines.join("\n"), YAML_FILE);
    expect(registry.flags.size).toBe(10_000);
    expect(registry.flags.get("flag_9999")).toMatchObject({ ticket: "PAY-9999", position: { line: 2 + 9999 * 5 + 1, column: 3 } });
  });
});

describe("a bad YAML registry", () => {
  test("a syntax error names its place", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    owner: @payments\n")).toEqual([
      "feature-flags.yaml:5:12: YAML syntax error: Plain value cannot start with reserved character @ (put the value in quotes)",
    ]);
  });

  test("an unknown type suggests the nearest", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: relase\n")).toEqual(['feature-flags.yaml:4:11: unknown type "relase" (did you mean "release"?)']);
  });

  test("an unknown type that is nothing like a type lists the types", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: banana\n")).toEqual([
      'feature-flags.yaml:4:11: unknown type "banana" (one of: release, experiment, ops, permission)',
    ]);
  });

  test("an impossible date", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    created: 2026-02-30\n")).toEqual([
      'feature-flags.yaml:5:14: impossible date "2026-02-30" (February 2026 has 28 days)',
    ]);
  });

  test("a date in another shape", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    removeBy: 15/04/2026\n")).toEqual([
      'feature-flags.yaml:5:15: "removeBy" must be a date written YYYY-MM-DD, not "15/04/2026"',
    ]);
  });

  test("a duplicate flag key", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n  b:\n    type: ops\n  a:\n    type: ops\n")).toEqual([
      'feature-flags.yaml:7:3: duplicate key "a" (first written on line 3)',
    ]);
  });

  test("a duplicate field outside the flags", () => {
    expect(problemsOf("version: 1\npolicy:\n  warnDays: 3\n  warnDays: 4\n")).toEqual(['feature-flags.yaml:4:3: duplicate key "warnDays" (first written on line 3)']);
  });

  test("removeBy before created", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    created: 2026-03-01\n    removeBy: 2026-02-01\n")).toEqual([
      "feature-flags.yaml:6:15: removeBy 2026-02-01 is before created 2026-03-01",
    ]);
  });

  test("an unknown field suggests the nearest", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    ownr: '@x'\n")).toEqual(['feature-flags.yaml:5:5: unknown field "ownr" (did you mean "owner"?)']);
  });

  test("an unknown top-level field suggests the nearest", () => {
    expect(problemsOf("version: 1\nflag:\n  a:\n    type: release\n")).toEqual(['feature-flags.yaml:2:1: unknown field "flag" (did you mean "flags"?)']);
  });

  test("a negative lifetime", () => {
    expect(problemsOf("version: 1\npolicy:\n  lifetimeDays:\n    release: -5\n  warnDays: -1\n")).toEqual([
      'feature-flags.yaml:4:14: "lifetimeDays.release" must not be negative (-5)',
      'feature-flags.yaml:5:13: "warnDays" must not be negative (-1)',
    ]);
  });

  test("flags written as a list", () => {
    expect(problemsOf("version: 1\nflags:\n  - new_nav\n  - kill_search\n")).toEqual([
      'feature-flags.yaml:3:3: "flags" must be a map, not a list (each flag is written as its key with a map of fields under it)',
    ]);
  });

  test("a bad sdk name suggests the nearest", () => {
    expect(problemsOf("version: 1\ndetect:\n  sdks: [openfeature, launchdarkley]\n")).toEqual([
      'feature-flags.yaml:3:23: unknown sdk "launchdarkley" (did you mean "launchdarkly"?)',
    ]);
  });

  test("version other than 1", () => {
    expect(problemsOf("version: 2\n")).toEqual(['feature-flags.yaml:1:10: "version" must be 1, not 2']);
  });

  test("no version", () => {
    expect(problemsOf("flags: {}\n")).toEqual(['feature-flags.yaml:1:1: missing required field "version" (add "version: 1")']);
  });

  test("wrong types: a number where text goes, an empty flag, a flag with no type", () => {
    expect(problemsOf("version: 1\nflags:\n  a:\n    type: release\n    ticket: 1234\n  b:\n  c:\n    owner: x\n")).toEqual([
      'feature-flags.yaml:5:13: "ticket" must be a string, not a number (put it in quotes: "1234")',
      'feature-flags.yaml:6:3: flag "b" is empty (give it at least a "type")',
      'feature-flags.yaml:7:3: missing required field "type" (one of: release, experiment, ops, permission)',
    ]);
  });

  test("a call matcher's fixed key takes no keyArg", () => {
    const text = ["version: 1", "detect:", "  calls:", "    - function: newCheckout", "      key: new-checkout", "    - function: promo", "      key: promo", "      keyArg: 1", ""].join("\n");
    expect(problemsOf(text)).toEqual(['feature-flags.yaml:6:7: a call matcher with a "key" takes no "keyArg": the key is the same for every call']);
  });

  test("call matchers need exactly one of module, object, function, call", () => {
    const text = ["version: 1", "detect:", "  calls:", "    - module: a", "      object: b", "      method: m", "    - object: c", "    - method: m", ""].join("\n");
    expect(problemsOf(text)).toEqual([
      'feature-flags.yaml:4:7: a call matcher needs exactly one of "module", "object", "function" or "call"',
      'feature-flags.yaml:7:7: "object" needs "method" as well',
      'feature-flags.yaml:8:7: a call matcher needs exactly one of "module", "object", "function" or "call"',
    ]);
  });

  test("every problem is reported, in the order of the file", () => {
    const text = ["version: 1", "flags:", "  b:", "    type: ops", "    created: 2026-13-01", "  a:", "    type: relase", "    staus: active", ""].join("\n");
    expect(problemsOf(text)).toEqual([
      'feature-flags.yaml:5:14: impossible date "2026-13-01" (there is no month 13)',
      'feature-flags.yaml:7:11: unknown type "relase" (did you mean "release"?)',
      'feature-flags.yaml:8:5: unknown field "staus" (did you mean "status"?)',
    ]);
  });

  test("odd inputs are registry errors, never crashes", () => {
    expect(problemsOf("")).toEqual(['feature-flags.yaml:1:1: the registry file is empty (start with "version: 1")']);
    expect(problemsOf("# nothing here\n")).toEqual(['feature-flags.yaml:1:1: the registry file is empty (start with "version: 1")']);
    expect(problemsOf("just text\n")).toEqual(['feature-flags.yaml:1:1: the registry must be a map, not a string (start with "version: 1", then detect, policy and flags)']);
    expect(problemsOf("- a\n- b\n")).toEqual(['feature-flags.yaml:1:1: the registry must be a map, not a list (start with "version: 1", then detect, policy and flags)']);
    expect(problemsOf("version: 1\nflags: !!set { a, b }\n")).toEqual(['feature-flags.yaml:2:14: unsupported YAML tag "!!set"']);
    expect(problemsOf("version: 1\n---\nversion: 1\n")[0]).toMatch(/^feature-flags\.yaml:2:1: YAML syntax error: /);
  });

  test("a binary file, or one saved as UTF-16, is named as such", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("version: 1\n", "utf16le")]).toString("utf8");
    expect(problemsOf(utf16)).toEqual([
      "feature-flags.yaml:1:4: the registry is not UTF-8 text (it holds a NUL character) (is it a binary file, or saved as UTF-16? Save it as UTF-8)",
    ]);
    expect(problemsOf("\u0089PNG\r\n\u001a\n\u0000\u0000", JSON_FILE)[0]).toMatch(/^feature-flags\.json:3:1: the registry is not UTF-8 text/);
  });

  test("an unresolved merge conflict is named at each of its starts", () => {
    const text = ["version: 1", "flags:", "  a:", "<<<<<<< HEAD", "    type: ops", "=======", "    type: release", ">>>>>>> feature", "  b:", "<<<<<<< HEAD", "    type: ops", "=======", ">>>>>>> feature", ""].join("\n");
    const hint = "(keep one side and delete the <<<<<<<, ======= and >>>>>>> lines)";
    expect(problemsOf(text)).toEqual([`feature-flags.yaml:4:1: unresolved merge conflict ${hint}`, `feature-flags.yaml:10:1: unresolved merge conflict ${hint}`]);
    expect(problemsOf("version: 1\n=======\n")).toEqual([`feature-flags.yaml:2:1: unresolved merge conflict ${hint}`]);
  });

  test("an alias bomb is refused", () => {
    const lines = ["version: 1", "a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"], ["f", "e"], ["g", "f"], ["h", "g"]]) {
      lines.push(`${name}: &${name} [${new Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    expect(problemsOf(lines.join("\n"))).toEqual(["feature-flags.yaml:1:1: the registry repeats YAML aliases too often (write the entries out instead of aliasing them)"]);
  });

  test("a few aliases are fine", () => {
    const registry = parseRegistry("version: 1\nflags:\n  a: &release\n    type: release\n  b: *release\n", YAML_FILE);
    expect(registry.flags.get("b")).toMatchObject({ type: "release", position: { line: 5, column: 3 } });
  });

  test("an explicitly tagged timestamp still reads as the day", () => {
    const registry = parseRegistry("version: 1\nflags:\n  a:\n    type: release\n    created: !!timestamp 2026-03-01\n", YAML_FILE);
    expect(registry.flags.get("a")?.created).toBe("2026-03-01");
  });
});

describe("a bad JSON registry", () => {
  test("a trailing comma names its line", () => {
    const text = '{\n  "version": 1,\n  "flags": {\n    "a": { "type": "release" },\n  }\n}\n';
    expect(problemsOf(text, JSON_FILE)).toEqual(['feature-flags.json:4:31: trailing comma before "}" (JSON allows no comma after the last entry)']);
  });

  test("a duplicate key, which JSON.parse would silently drop", () => {
    const text = '{\n  "version": 1,\n  "flags": {\n    "a": { "type": "release" },\n    "a": { "type": "ops" }\n  }\n}\n';
    expect(problemsOf(text, JSON_FILE)).toEqual(['feature-flags.json:5:5: duplicate key "a" (first written on line 4)']);
  });

  test("a missing comma", () => {
    expect(problemsOf('{\n  "version": 1\n  "flags": {}\n}\n', JSON_FILE)).toEqual([
      'feature-flags.json:3:3: unexpected string where "," or "}" should be (is a comma missing at the end of the line before?)',
    ]);
  });

  test("comments, single quotes, bare words, an unclosed bracket", () => {
    expect(problemsOf('{ "version": 1, // no\n}', JSON_FILE)).toEqual([
      'feature-flags.json:1:17: unexpected "/" where a key in double quotes should be (JSON has no comments; a feature-flags.yaml can have them)',
    ]);
    expect(problemsOf("{ 'version': 1 }", JSON_FILE)).toEqual([`feature-flags.json:1:3: unexpected "'" where a key in double quotes should be (JSON strings use double quotes)`]);
    expect(problemsOf('{ "version": one }', JSON_FILE)).toEqual([
      'feature-flags.json:1:14: unexpected "one" where a value should be (JSON keys and strings are written in double quotes)',
    ]);
    expect(problemsOf('{ "version": 1, "flags": {', JSON_FILE)).toEqual(["feature-flags.json:1:27: unexpected end of file (a bracket or quote is not closed)"]);
    expect(problemsOf("", JSON_FILE)).toEqual(['feature-flags.json:1:1: the registry file is empty (start with { "version": 1 })']);
    expect(problemsOf("[".repeat(10_000), JSON_FILE)).toEqual(["feature-flags.json:1:202: the JSON is nested too deeply (a registry needs a few levels at most)"]);
  });

  test("validation problems carry JSON positions too", () => {
    const text = '{\n  "version": 1,\n  "flags": {\n    "a": { "type": "relase", "created": "2026-02-30" }\n  }\n}\n';
    expect(problemsOf(text, JSON_FILE)).toEqual([
      'feature-flags.json:4:20: unknown type "relase" (did you mean "release"?)',
      'feature-flags.json:4:41: impossible date "2026-02-30" (February 2026 has 28 days)',
    ]);
  });

  test("a __proto__ key is an unknown field, not a prototype", () => {
    expect(problemsOf('{ "version": 1, "__proto__": { "x": 1 } }', JSON_FILE)).toEqual(['feature-flags.json:1:17: unknown field "__proto__" (allowed here: $schema, version, detect, policy, sources, rules, ignore, flags)']);
  });
});

describe("line endings and byte-order marks", () => {
  const YAML_TEXT = ["version: 1", "flags:", "  a:", "    type: relase", ""].join("\n");
  const JSON_TEXT = ['{ "version": 2,', '  "flags": { "a": { "type": "relase" } } }', ""].join("\n");

  test.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["lone CR", "\r"],
  ])("%s: problems keep their lines and columns, in YAML and JSON", (_name, newline) => {
    expect(problemsOf(YAML_TEXT.replace(/\n/g, newline))).toEqual(['feature-flags.yaml:4:11: unknown type "relase" (did you mean "release"?)']);
    expect(problemsOf(JSON_TEXT.replace(/\n/g, newline), JSON_FILE)).toEqual([
      'feature-flags.json:1:14: "version" must be 1, not 2',
      'feature-flags.json:2:29: unknown type "relase" (did you mean "release"?)',
    ]);
    const registry = parseRegistry(["version: 1", "flags:", "  a:", "    type: ops", "  b:", "    type: ops", ""].join(newline), YAML_FILE);
    expect(registry.flags.get("b")?.position).toEqual({ line: 5, column: 3 });
  });

  test("a UTF-8 byte-order mark is not a column", () => {
    expect(problemsOf("\uFEFFversion: 2\n")).toEqual(['feature-flags.yaml:1:10: "version" must be 1, not 2']);
    expect(problemsOf(`\uFEFF${JSON_TEXT}`, JSON_FILE)[0]).toBe('feature-flags.json:1:14: "version" must be 1, not 2');
    expect(parseRegistry("\uFEFFversion: 1\nflags: { a: { type: ops } }\n", YAML_FILE).flags.get("a")?.position).toEqual({ line: 2, column: 10 });
  });
});

describe("loadRegistry", () => {
  test("reads the file, as YAML or JSON by its name", () => {
    const dir = mkdtempSync(join(tmpdir(), "flaglint-load-"));
    try {
      writeFileSync(join(dir, "feature-flags.json"), '{ "version": 1, "flags": { "a": { "type": "ops" } } }');
      const registry = loadRegistry(join(dir, "feature-flags.json"));
      expect(registry.dir).toBe(dir);
      expect(registry.flags.get("a")).toMatchObject({ type: "ops", position: { line: 1, column: 28 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a missing file is a RegistryError at 1:1", () => {
    const file = join(tmpdir(), "flaglint-no-such-dir", "feature-flags.yaml");
    expect(() => loadRegistry(file)).toThrow(RegistryError);
    try {
      loadRegistry(file);
    } catch (error) {
      expect((error as RegistryError).problems).toEqual([{ file, line: 1, column: 1, message: "cannot read the registry: file not found" }]);
    }
  });
});

describe("RegistryError", () => {
  test("its message lists every problem with the absolute path, one per line", () => {
    try {
      parseRegistry("version: 2\nflags:\n  a:\n    type: relase\n", YAML_FILE);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        ['/project/feature-flags.yaml:1:10: "version" must be 1, not 2', '/project/feature-flags.yaml:4:11: unknown type "relase" (did you mean "release"?)'].join("\n"),
      );
      expect((error as Error).name).toBe("RegistryError");
    }
  });
});

describe("whatever the input", () => {
  const JSON_EXAMPLE = JSON.stringify(
    {
      version: 1,
      detect: { sdks: ["unleash"], calls: [{ object: "o", method: "m" }], objects: [{ path: "config.flags", keyCase: "camel" }] },
      policy: { lifetimeDays: { release: 30 }, warnDays: 7 },
      flags: {
        a: { type: "release", owner: "@team", created: "2026-03-01", removeBy: "2026-04-01", ticket: "T-1" },
        b: { type: "ops", status: "retired" },
      },
    },
    null,
    2,
  );
  const EXAMPLES = [
    ["YAML", YAML_FILE, SPEC_EXAMPLE],
    ["JSON", JSON_FILE, JSON_EXAMPLE],
  ] as const;

  /** The spec's example with a few characters deleted, replaced or inserted: near misses, as people make them. */
  const damagedExample = (text: string) =>
    fc
      .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.constantFrom("", " ", "\n", ":", "-", "[", "{", '"', "'", "#", "&a", "*a", "\t", "1", ",")), {
        minLength: 1,
        maxLength: 4,
      })
      .map((edits) => edits.reduce((damaged, [at, remove, insert]) => damaged.slice(0, at) + insert + damaged.slice(at + remove), text));

  test.each(EXAMPLES)("%s: a registry or a RegistryError, nothing else", (_format, file, example) => {
    const input = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), damagedExample(example));
    fc.assert(
      fc.property(input, (text) => {
        registryOrProblems(text, file);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test.each(EXAMPLES)(
    "%s: random mutations of a valid registry (delete a line, duplicate a line, change a value's type, swap indentation, insert a tab, truncate) give a sane registry or placed problems",
    (_format, file, example) => {
      const outcomes = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(fc.array(lineMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = mutations.reduce((current, mutation) => mutation(current), example);
          outcomes[registryOrProblems(text, file) ? "accepted" : "refused"]++;
        }),
        { numRuns: 400, seed: 11 },
      );
      // Both sides of the contract were exercised, not only one.
      expect(outcomes.accepted).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    },
  );

  test("random YAML and JSON documents, registry-shaped or not, give a sane registry or placed problems", () => {
    const document = fc.oneof(fc.jsonValue({ maxDepth: 4 }), registryShaped);
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(document, (value) => {
        const fromYaml = registryOrProblems(toYaml(value), YAML_FILE);
        const fromJson = registryOrProblems(JSON.stringify(value, null, 2) ?? "", JSON_FILE);
        outcomes[fromYaml ? "accepted" : "refused"]++;
        outcomes[fromJson ? "accepted" : "refused"]++;
      }),
      { numRuns: 400, seed: 5 },
    );
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  test("a flag type that is not one of the four (or an alias of one) is never accepted", () => {
    const type = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...FLAG_TYPES, "operational", "kill-switch", "Release", "relase", "ops ", "permissions"));
    fc.assert(
      fc.property(type, (name) => {
        const text = `version: 1\nflags:\n  a:\n    type: ${JSON.stringify(name)}\n`;
        const accepted = registryOrProblems(text, YAML_FILE);
        const known = (FLAG_TYPES as readonly string[]).includes(name) || name === "operational" || name === "kill-switch";
        expect(accepted !== undefined).toBe(known);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

/**
 * The contract of parseRegistry for any text: a Registry that makes sense, or a RegistryError
 * whose every problem is placed inside the file. Returns the registry, if one was accepted.
 */
function registryOrProblems(text: string, file: string): Registry | undefined {
  let registry: Registry;
  try {
    registry = parseRegistry(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const problem of (error as RegistryError).problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lines);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toContain("\n");
      expect(problem.file).toBe(file);
    }
    return undefined;
  }
  expectSensible(registry);
  return registry;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What every accepted registry must honour, whatever text it came from: no accepted nonsense. */
function expectSensible(registry: Registry): void {
  for (const flag of registry.flags.values()) {
    expect(FLAG_TYPES).toContain(flag.type);
    expect(FLAG_STATUSES).toContain(flag.status);
    for (const field of ["owner", "ticket", "description", "created", "removeBy"] as const) {
      if (flag[field] !== undefined) expect(typeof flag[field]).toBe("string");
    }
    for (const date of [flag.created, flag.removeBy]) {
      if (date === undefined) continue;
      expect(date).toMatch(DATE);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
    if (flag.created !== undefined && flag.removeBy !== undefined) expect(flag.removeBy >= flag.created).toBe(true);
    expect(flag.position.line).toBeGreaterThanOrEqual(1);
    expect(flag.position.column).toBeGreaterThanOrEqual(1);
  }
  const { lifetimeDays, warnDays, requireTicket } = registry.policy;
  expect(Object.keys(lifetimeDays).sort()).toEqual([...FLAG_TYPES].sort());
  for (const days of Object.values(lifetimeDays)) {
    if (days !== null) expect(Number.isInteger(days) && days >= 0).toBe(true);
  }
  expect(Number.isFinite(warnDays) && warnDays >= 0).toBe(true);
  for (const type of requireTicket) expect(FLAG_TYPES).toContain(type);
  const { sdks, calls, objects, constants, properties } = registry.detect;
  for (const sdk of sdks) expect(SDK_PRESET_NAMES).toContain(sdk);
  for (const call of calls) {
    const sources = [call.module, call.object, call.function].filter((name) => name !== undefined);
    expect(sources).toHaveLength(1);
    expect(typeof sources[0] === "string" && sources[0] !== "").toBe(true);
    expect(Number.isInteger(call.keyArg) && call.keyArg >= 0).toBe(true);
    if (call.contextArg !== undefined) expect(Number.isInteger(call.contextArg) && call.contextArg >= 0).toBe(true);
  }
  for (const object of objects) {
    expect(typeof object.path === "string" && object.path !== "").toBe(true);
    expect(KEY_CASES).toContain(object.keyCase);
  }
  for (const { name } of [...constants, ...properties]) expect(typeof name === "string" && name !== "").toBe(true);
}

/** Values of every type, to put where the registry expects another. */
const OTHER_TYPES = ["[1, 2]", "{ a: 1 }", "42", "-1", "true", "null", "~", '""', "2026-02-30", "relase", "[]"];
const JSON_OTHER_TYPES = ["[1, 2]", '{ "a": 1 }', "42", "-1", "true", "null", '""', '"2026-02-30"', '"relase"', "[]", "1.5"];

/** One edit of a registry's text, as a hurried person or a broken merge makes it. */
const lineMutation: fc.Arbitrary<(text: string) => string> = fc
  .tuple(fc.constantFrom("delete", "duplicate", "retype", "reindent", "tab", "truncate"), fc.nat(), fc.nat())
  .map(([kind, at, pick]) => (text: string) => {
    const lines = text.split("\n");
    const index = at % lines.length;
    const line = lines[index]!;
    switch (kind) {
      case "delete":
        lines.splice(index, 1);
        break;
      case "duplicate":
        lines.splice(index, 0, line);
        break;
      case "retype": {
        const yaml = /^(\s*(?:- )?[^:#"]+:\s+)([^#]+?)(\s*(?:#.*)?)$/.exec(line);
        const json = /^(\s*"[^"]*":\s*)(.+?)(,?)$/.exec(line);
        if (json) lines[index] = json[1]! + JSON_OTHER_TYPES[pick % JSON_OTHER_TYPES.length]! + json[3]!;
        else if (yaml) lines[index] = yaml[1]! + OTHER_TYPES[pick % OTHER_TYPES.length]! + yaml[3]!;
        break;
      }
      case "reindent": {
        const other = lines[pick % lines.length]!;
        const indentOf = (text: string) => /^\s*/.exec(text)![0];
        lines[index] = indentOf(other) + line.trimStart();
        break;
      }
      case "tab": {
        const column = pick % (line.length + 1);
        lines[index] = `${line.slice(0, column)}\t${line.slice(column)}`;
        break;
      }
      case "truncate":
        return text.slice(0, pick % (text.length + 1));
    }
    return lines.join("\n");
  });

const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 10 }),
    fc.integer({ min: -3, max: 400 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A field that is usually plausible and sometimes anything at all. */
const field = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });
const date = fc.oneof(
  fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2026-13-01", "2026-1-1", "26-01-01"),
);

const registryShaped = fc.record(
  {
    version: field(fc.constant(1)),
    detect: field(
      fc.record(
        {
          sdks: field(fc.array(fc.constantFrom(...SDK_PRESET_NAMES, "unleesh"), { maxLength: 3 })),
          calls: field(
            fc.array(
              fc.record(
                {
                  module: field(fc.constantFrom("@acme/flags", "./flags", "")),
                  import: field(fc.constantFrom("client", "default", "*")),
                  method: field(fc.constantFrom("isEnabled", "variation")),
                  object: field(fc.constantFrom("flagResolver")),
                  function: field(fc.constantFrom("useFlag")),
                  keyArg: field(fc.integer({ min: -1, max: 3 })),
                  contextArg: field(fc.integer({ min: -1, max: 3 })),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          ),
          objects: field(fc.array(fc.record({ path: field(fc.constantFrom("config.flags", "")), keyCase: field(fc.constantFrom(...KEY_CASES, "upper")) }, { requiredKeys: [] }), { maxLength: 2 })),
          constants: field(fc.array(fc.record({ name: field(fc.constantFrom("Flags", "")) }, { requiredKeys: [] }), { maxLength: 2 })),
          properties: field(fc.array(fc.record({ name: field(fc.constantFrom("flag", "")) }, { requiredKeys: [] }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    policy: field(
      fc.record(
        {
          lifetimeDays: field(fc.dictionary(fc.constantFrom(...FLAG_TYPES, "relase"), fc.oneof(fc.integer({ min: -2, max: 100 }), fc.constant(null)))),
          warnDays: field(fc.integer({ min: -2, max: 30 })),
          requireTicket: field(fc.array(fc.constantFrom(...FLAG_TYPES, "operational", "relase"), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
    ),
    flags: field(
      fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }),
        field(
          fc.record(
            {
              type: field(fc.constantFrom(...FLAG_TYPES, "operational", "kill-switch", "relase", "")),
              owner: field(fc.string({ maxLength: 10 })),
              created: field(date),
              removeBy: field(date),
              ticket: field(fc.string({ maxLength: 10 })),
              description: field(fc.string({ maxLength: 20 })),
              status: field(fc.constantFrom(...FLAG_STATUSES, "gone")),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxKeys: 4 },
      ),
    ),
  },
  { requiredKeys: [] },
);
