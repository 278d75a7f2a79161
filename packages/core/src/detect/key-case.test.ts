import { describe, expect, it } from "vitest";
import { mergeCamelCasedReads, registryKeyFor, toKeyCase } from "./key-case.js";

describe("toKeyCase", () => {
  it.each([
    ["new_checkout_v2", "camel", "newCheckoutV2"],
    ["new-nav", "camel", "newNav"],
    ["NEW_NAV", "pascal", "NewNav"],
    ["newNav", "snake", "new_nav"],
    ["HTTPServer", "kebab", "http-server"],
    ["isV2Enabled", "kebab", "is-v2-enabled"],
    ["Any.Thing", "exact", "Any.Thing"],
  ] as const)("writes %s in %s case as %s", (key, keyCase, expected) => {
    expect(toKeyCase(key, keyCase)).toBe(expected);
  });
});

describe("registryKeyFor", () => {
  const keys = new Set(["new_checkout_v2", "new-nav", "dup_key", "dup-key"]);

  it("maps a code name to the registry key written in another case", () => {
    expect(registryKeyFor("newCheckoutV2", "camel", keys)).toBe("new_checkout_v2");
    expect(registryKeyFor("newNav", "camel", keys)).toBe("new-nav");
  });

  it("keeps a name the registry lists as is, and an unknown or ambiguous one unchanged", () => {
    expect(registryKeyFor("new-nav", "camel", keys)).toBe("new-nav");
    expect(registryKeyFor("somethingElse", "camel", keys)).toBe("somethingElse");
    expect(registryKeyFor("dupKey", "camel", keys)).toBe("dupKey");
    expect(registryKeyFor("newNav", "camel", undefined)).toBe("newNav");
  });
});

describe("mergeCamelCasedReads", () => {
  it("joins a camelCased read to the one key it camelCases, and leaves calls and ambiguity alone", () => {
    const byKey = new Map<string, Array<{ kind: "call" | "hook" | "member" }>>([
      ["beta-dashboard", [{ kind: "call" }]],
      ["betaDashboard", [{ kind: "hook" }]],
      ["newNav", [{ kind: "member" }]],
      ["searchRanking", [{ kind: "call" }]],
      ["search_ranking", [{ kind: "call" }]],
    ]);
    mergeCamelCasedReads(byKey);
    expect([...byKey.keys()]).toEqual(["beta-dashboard", "newNav", "searchRanking", "search_ranking"]);
    expect(byKey.get("beta-dashboard")).toEqual([{ kind: "call" }, { kind: "hook" }]);
  });
});
