import { describe, expect, it } from "vitest";
import { parseRegistry } from "../parse.js";
import { mergePulledFlags, yamlText } from "./merge.js";
import type { PulledFlag } from "./types.js";

const YAML_FILE = "/repo/feature-flags.yaml";
const JSON_FILE = "/repo/feature-flags.json";

const REGISTRY = `# The shop's flags.   Keep this comment.
version: 1

flags:
  # Payments team
  new_payment_flow:
    type: release          # aligned comment
    owner: "@payments"
    created: 2026-03-01
    removeBy: 2026-04-15
    ticket: PAY-1234

  dark_mode:
    type: permission
    owner: "@web"
    tags:
      - ui
      - theme
# trailing comment
`;

function merge(text: string, pulled: PulledFlag[], file = YAML_FILE) {
  const result = mergePulledFlags(text, file, pulled, "launchdarkly");
  parseRegistry(result.text, file); // every merge must give a valid registry
  return result;
}

describe("mergePulledFlags", () => {
  it("changes nothing when the registry already says what the service says", () => {
    const result = merge(REGISTRY, [{ key: "new_payment_flow", created: "2026-03-01", type: "release", archived: false }]);
    expect(result).toEqual({ text: REGISTRY, added: [], updated: [], archived: [], conflicts: [] });
  });

  it("adds new flags after the last one, with the file's indentation, keeping every comment", () => {
    const result = merge(REGISTRY, [
      { key: "search_v2", created: "2026-05-02", type: "release", archived: false, link: "https://app.launchdarkly.com/projects/shop/flags/search_v2", tags: ["search", "web"], description: "New search: faster" },
      { key: "kill_reviews", type: "ops", archived: false },
    ]);
    expect(result.added).toEqual(["search_v2", "kill_reviews"]);
    expect(result.text).toBe(
      REGISTRY.replace(
        "      - theme\n",
        [
          "      - theme",
          "  search_v2:",
          "    type: release",
          "    created: 2026-05-02",
          '    description: "New search: faster"',
          "    link: https://app.launchdarkly.com/projects/shop/flags/search_v2",
          "    tags: [search, web]",
          "  kill_reviews:",
          "    type: ops",
          "",
        ].join("\n"),
      ),
    );
  });

  it("updates service fields in place and adds missing ones at the end of the entry", () => {
    const result = merge(REGISTRY, [
      { key: "new_payment_flow", created: "2026-02-27", archived: false, description: "Stripe checkout" },
      { key: "dark_mode", archived: false, tags: ["ui", "theme", "a11y"] },
    ]);
    expect(result.updated).toEqual(["new_payment_flow", "dark_mode"]);
    expect(result.text).toBe(
      REGISTRY.replace("created: 2026-03-01", "created: 2026-02-27")
        .replace("    ticket: PAY-1234\n", "    ticket: PAY-1234\n    description: Stripe checkout\n")
        .replace("      - theme\n", "      - theme\n      - a11y\n"),
    );
  });

  it("marks a flag the service archived as archived, and counts it", () => {
    const result = merge(REGISTRY, [{ key: "dark_mode", archived: true }]);
    expect(result.archived).toEqual(["dark_mode"]);
    expect(result.updated).toEqual([]);
    expect(result.text).toBe(REGISTRY.replace("      - theme\n", "      - theme\n    status: archived\n"));
  });

  it("keeps the person's fields and notes each disagreement in one line", () => {
    const text = REGISTRY.replace("    type: permission\n", "    type: permission\n    status: archived\n");
    const result = merge(text, [
      { key: "new_payment_flow", type: "ops", created: "2026-05-01", archived: false },
      { key: "dark_mode", type: "release", archived: false },
    ]);
    expect(result.text).toBe(text);
    expect(result.conflicts).toEqual([
      "new_payment_flow: type is release in the registry but ops in launchdarkly; kept release",
      "new_payment_flow: launchdarkly says created 2026-05-01, after its removeBy 2026-04-15; kept created 2026-03-01",
      "dark_mode: type is permission in the registry but release (temporary) in launchdarkly; kept permission",
      "dark_mode: archived in the registry but live in launchdarkly; kept archived",
    ]);
  });

  it("leaves flags the service archived before the registry listed them out", () => {
    expect(merge(REGISTRY, [{ key: "old_banner", archived: true }]).text).toBe(REGISTRY);
  });

  it("fills an empty flags section and starts one where there is none", () => {
    expect(merge("version: 1\nflags:   # none yet\n", [{ key: "a", archived: false }]).text).toBe("version: 1\nflags:   # none yet\n  a:\n    type: release\n");
    expect(merge("version: 1\nflags: {}\n", [{ key: "a", archived: false }]).text).toBe("version: 1\nflags:\n  a:\n    type: release\n");
    expect(merge("version: 1\n# end\n", [{ key: "a", type: "ops", archived: false }]).text).toBe("version: 1\n# end\n\nflags:\n  a:\n    type: ops\n");
  });

  it("edits flow-style entries and keeps CRLF line ends", () => {
    const text = "version: 1\r\nflags:\r\n  a: { type: ops }\r\n";
    const result = merge(text, [
      { key: "a", archived: false, created: "2026-01-02" },
      { key: "b", archived: false },
    ]);
    expect(result.text).toBe("version: 1\r\nflags:\r\n  a: { type: ops, created: 2026-01-02 }\r\n  b:\r\n    type: release\r\n");
  });

  it("re-writes a JSON registry with the same indentation", () => {
    const text = '{\n    "version": 1,\n    "flags": { "a": { "type": "ops" } }\n}\n';
    const result = merge(text, [{ key: "a", archived: true }, { key: "b", archived: false, tags: ["x"] }], JSON_FILE);
    expect(JSON.parse(result.text)).toEqual({ version: 1, flags: { a: { type: "ops", status: "archived" }, b: { type: "release", tags: ["x"] } } });
    expect(result.text).toContain('\n    "version": 1,');
  });

  it("treats keys named like object properties as plain keys", () => {
    const pulled: PulledFlag[] = [
      { key: "constructor", archived: false },
      { key: "__proto__", archived: false, type: "ops" },
    ];
    const yaml = merge("version: 1\nflags:\n  toString:\n    type: ops\n", pulled);
    expect(yaml.added).toEqual(["constructor", "__proto__"]);
    expect(yaml.text).toBe("version: 1\nflags:\n  toString:\n    type: ops\n  constructor:\n    type: release\n  __proto__:\n    type: ops\n");
    const json = merge('{ "version": 1, "flags": {} }', pulled, JSON_FILE);
    expect(Object.keys(JSON.parse(json.text).flags)).toEqual(["constructor", "__proto__"]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it("notes a key a source lists twice", () => {
    expect(merge(REGISTRY, [{ key: "x", archived: false }, { key: "x", archived: false }]).conflicts).toEqual(["x: listed twice by launchdarkly; kept the first"]);
  });
});

describe("yamlText", () => {
  it("writes plain what reads back as the same string, and quotes the rest", () => {
    const cases = ["release", "2026-03-01", "@payments", "123", "true", "null", "a: b", "x #y", "https://a.b/c?d=e", "- item", "two words", "it's", " lead", "a,b", "[x]", 'say "hi"\n'];
    for (const value of cases) {
      for (const flow of [false, true]) {
        const written = yamlText(value, flow);
        const field = flow ? `tags: [${written}]` : `description: ${written}`;
        const flag = parseRegistry(`version: 1\nflags:\n  k:\n    type: ops\n    ${field}\n`, YAML_FILE).flags.get("k")!;
        expect(flow ? flag.tags : flag.description).toEqual(flow ? [value] : value);
      }
    }
    expect(yamlText("@payments", false)).toBe('"@payments"');
    expect(yamlText("new_nav", false)).toBe("new_nav");
  });
});
