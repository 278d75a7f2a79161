import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../types.js";
import { RULES, renderMessage } from "./rules.js";

describe("RULES", () => {
  it("describes every rule id under its own id", () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
  });

  it("has SPEC §4's default severities", () => {
    const warnings = RULE_IDS.filter((id) => RULES[id].severity === "warn");
    expect(warnings.sort()).toEqual(["flag-expiring-soon", "no-dynamic-flag-key", "no-unknown-todo-flag", "no-unused-flag", "require-flag-context"]);
  });

  it("keeps no-unused-flag and parse-error out of ESLint", () => {
    expect(RULE_IDS.filter((id) => RULES[id].cliOnly).sort()).toEqual(["no-unused-flag", "parse-error"]);
  });

  it("uses camelCase message ids and one-line templates", () => {
    for (const id of RULE_IDS) {
      for (const [messageId, template] of Object.entries(RULES[id].messages)) {
        expect(messageId).toMatch(/^[a-z][a-zA-Z]*$/);
        expect(template).not.toContain("\n");
      }
    }
  });
});

describe("renderMessage", () => {
  it("fills placeholders, numbers too, tolerating spaces inside the braces", () => {
    expect(renderMessage('"{{flag}}" is {{ days }} days old', { flag: "a", days: 3 })).toBe('"a" is 3 days old');
  });

  it("leaves unknown placeholders as written, as ESLint does", () => {
    expect(renderMessage("{{flag}} {{missing}}", { flag: "a" })).toBe("a {{missing}}");
  });

  it("does not read placeholders inside the data", () => {
    expect(renderMessage("{{a}} {{b}}", { a: "{{b}}", b: "x" })).toBe("{{b}} x");
  });

  it("ignores inherited properties", () => {
    expect(renderMessage("{{toString}}", {})).toBe("{{toString}}");
  });
});
