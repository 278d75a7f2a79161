import { describe, expect, it } from "vitest";
import { ModuleMatcher } from "./modules.js";

describe("ModuleMatcher", () => {
  it("matches a package by name, ignoring extension and /index", () => {
    const matcher = new ModuleMatcher("@acme/flags", "/repo/src/a.ts", "/repo");
    expect(matcher.matches("@acme/flags")).toBe(true);
    expect(matcher.matches("@acme/flags/index.js")).toBe(true);
    expect(matcher.matches("@acme/flags/react")).toBe(false);
    expect(matcher.matches("./@acme/flags")).toBe(false);
  });

  it("resolves relative paths against the registry and the importing file", () => {
    const matcher = new ModuleMatcher("./lib/flags.ts", "/repo/src/pages/home.ts", "/repo");
    expect(matcher.matches("../../lib/flags")).toBe(true);
    expect(matcher.matches("../../lib/flags.js")).toBe(true);
    expect(matcher.matches("../../lib/flags/index")).toBe(true);
    expect(matcher.matches("../lib/flags")).toBe(false);
  });

  it("accepts Windows paths", () => {
    const matcher = new ModuleMatcher("./lib/flags", "C:\\repo\\src\\a.ts", "C:\\repo");
    expect(matcher.matches("../lib/flags")).toBe(true);
  });

  it("compares relative paths as written when no registry directory is known", () => {
    const matcher = new ModuleMatcher("./flags/index.ts", "/repo/src/a.ts", undefined);
    expect(matcher.matches("./flags")).toBe(true);
    expect(matcher.matches("../flags")).toBe(false);
  });
});
