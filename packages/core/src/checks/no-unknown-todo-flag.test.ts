import { describe, expect, it } from "vitest";
import { noUnknownTodoFlag } from "./no-unknown-todo-flag.js";
import { FILE, REGISTRY_PATH, fileInput, makeFlag, makeNote, makeRegistry } from "./__fixtures__/build.js";

describe("no-unknown-todo-flag", () => {
  const registry = makeRegistry([makeFlag("new_checkout_v2")]);

  it("reports a removal note that names a flag the registry does not list, with the nearest key", () => {
    const note = makeNote("new_chekout_v2", "2027-01-15", { line: 3 });
    expect(noUnknownTodoFlag(note, fileInput(registry))).toEqual({
      rule: "no-unknown-todo-flag",
      severity: "warn",
      flag: "new_chekout_v2",
      file: FILE,
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 1 + note.text.length,
      messageId: "unknownTodoFlagSuggestion",
      data: { flag: "new_chekout_v2", registryName: "feature-flags.yaml", suggestion: "new_checkout_v2" },
      message: 'TODO to remove "new_chekout_v2" names a flag that feature-flags.yaml does not list. Did you mean "new_checkout_v2"?',
      registry: REGISTRY_PATH,
    });
  });

  it("says to fix or delete the note when no key is near", () => {
    const finding = noUnknownTodoFlag(makeNote("legacy_search", "2027-01-15"), fileInput(registry));
    expect(finding?.messageId).toBe("unknownTodoFlag");
    expect(finding?.message).toBe(
      'TODO to remove "legacy_search" names a flag that feature-flags.yaml does not list. Fix the name, or delete the note if the flag is gone.',
    );
  });

  it("is silent on a note about a listed flag, whatever its date or status", () => {
    const retired = makeRegistry([makeFlag("new_checkout_v2", { status: "retired" })]);
    expect(noUnknownTodoFlag(makeNote("new_checkout_v2", "2026-01-01"), fileInput(registry))).toBeUndefined();
    expect(noUnknownTodoFlag(makeNote("new_checkout_v2", "2027-01-15"), fileInput(retired))).toBeUndefined();
  });
});
