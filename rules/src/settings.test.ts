import { describe, expect, it } from "vitest";
import { offersRemovalSuggestion, readSettings } from "./settings.js";

describe("offersRemovalSuggestion", () => {
  it("by default works the suggestion out where ESLint may apply it: not under its command line", () => {
    expect(offersRemovalSuggestion(undefined, "watch")).toBe(true);
    expect(offersRemovalSuggestion(undefined, "run")).toBe(false);
    expect(offersRemovalSuggestion("editor", "watch")).toBe(true);
    expect(offersRemovalSuggestion("editor", "run")).toBe(false);
  });

  it('"always" and "never" hold in every process', () => {
    expect(offersRemovalSuggestion("always", "run")).toBe(true);
    expect(offersRemovalSuggestion("always", "watch")).toBe(true);
    expect(offersRemovalSuggestion("never", "run")).toBe(false);
    expect(offersRemovalSuggestion("never", "watch")).toBe(false);
  });
});

describe("readSettings", () => {
  it("keeps a valid suggestRemoval and refuses any other value with the ones it takes", () => {
    expect(readSettings({ flaglint: { suggestRemoval: "always" } })).toEqual({ settings: { suggestRemoval: "always" } });
    expect(readSettings({ flaglint: { suggestRemoval: "sometimes" } })).toEqual({
      problem: 'settings.flaglint.suggestRemoval must be one of "editor", "always", "never"; got "sometimes"',
    });
  });
});
