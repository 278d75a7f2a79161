import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseRegistry, RegistryError } from "../registry/index.js";
import { planInit } from "./init.js";
import { GONE_NOTE, updateRegistryText } from "./update.js";

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../fixtures/discover-union-wrapper");
const FILE = path.join(FIXTURE, "feature-flags.yaml");
const plan = planInit({ cwd: FIXTURE, paths: [], target: FILE, schema: "s.json", git: false });

const HAND_WRITTEN = [
  "# Our flags. Ask #platform before adding one.",
  "version: 1",
  "",
  "detect:",
  "  sdks: [growthbook]   # the only SDK we use",
  "  calls:",
  "      - function: legacyFlag    # kept from the old wrapper",
  "        keyArg: 1",
  "",
  "flags:",
  "    new-checkout:",
  "        type: experiment        # we A/B test it",
  "        owner: '@payments'",
  "        ticket: PAY-1",
  "        # created: left out on purpose",
  "    retired-banner:",
  "        type: release",
  "        ticket: WEB-9",
  "",
  "# trailing notes stay at the end",
  "",
].join("\n");

describe("updateRegistryText", () => {
  it("adds the missing flags and matchers and keeps every hand-written line", () => {
    const { text, added, marked, matchersAdded } = updateRegistryText(HAND_WRITTEN, FILE, plan);
    expect(added).toEqual(["kill-switch-payments", "plan-enterprise-sso", "search-v2"]);
    expect(marked).toEqual(["retired-banner"]);
    expect(matchersAdded).toBe(2);
    // Every line written by hand is still there, in order.
    const lines = text.split("\n");
    let at = 0;
    for (const line of HAND_WRITTEN.split("\n")) {
      const found = lines.indexOf(line, at);
      expect([line, found >= at]).toEqual([line, true]);
      at = found;
    }
    // New entries follow the file's own indentation.
    expect(text).toContain("\n    kill-switch-payments:  # checked in src/checkout.ts:6");
    expect(text).toContain("\n      type: ops  # inferred from");
    expect(text).toContain("      - function: legacyFlag    # kept from the old wrapper\n        keyArg: 1\n      - module: \"./src/lib/flags\"");
    expect(text).toContain(`    ${GONE_NOTE}\n    retired-banner:`);

    const registry = parseRegistry(text, FILE);
    expect(registry.detect.sdks).toEqual(["growthbook"]);
    expect(registry.detect.keySets).toEqual([{ name: "FlagKey", file: "src/types/flags.ts" }]);
    expect(registry.flags.get("new-checkout")).toMatchObject({ type: "experiment", owner: "@payments", ticket: "PAY-1" });
    expect([...registry.flags.keys()]).toEqual(["new-checkout", "retired-banner", "kill-switch-payments", "plan-enterprise-sso", "search-v2"]);
  });

  it("changes nothing the second time", () => {
    const once = updateRegistryText(HAND_WRITTEN, FILE, plan).text;
    const twice = updateRegistryText(once, FILE, plan);
    expect(twice.text).toBe(once);
    expect([twice.added, twice.matchersAdded]).toEqual([[], 0]);
  });

  it("writes a detect section before the flags when there is none, and a flags section when there is none", () => {
    const { text } = updateRegistryText("version: 1\n", FILE, plan);
    expect(text.indexOf("detect:\n  keySets:\n    - name: FlagKey")).toBeGreaterThan(0);
    expect(text.indexOf("detect:")).toBeLessThan(text.indexOf("flags:"));
    expect(parseRegistry(text, FILE).flags.size).toBe(4);
  });

  it("refuses an invalid registry and merges nothing into it", () => {
    expect(() => updateRegistryText("version: 1\nflags:\n  a:\n    type: relase\n", FILE, plan)).toThrow(RegistryError);
  });
});
