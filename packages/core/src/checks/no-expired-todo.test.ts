import { describe, expect, it } from "vitest";
import { noExpiredTodo } from "./no-expired-todo.js";
import { FILE, REGISTRY_PATH, fileInput, makeFlag, makeNote, makeRegistry } from "./__fixtures__/build.js";

describe("no-expired-todo", () => {
  const registry = makeRegistry([makeFlag("new_checkout_v2")]);

  it("reports a removal note whose date has passed, at the comment", () => {
    const note = makeNote("new_checkout_v2", "2026-04-15", { line: 3 });
    expect(noExpiredTodo(note, fileInput(registry))).toEqual({
      rule: "no-expired-todo",
      severity: "error",
      flag: "new_checkout_v2",
      file: FILE,
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 1 + note.text.length,
      messageId: "expiredTodo",
      data: {
        flag: "new_checkout_v2",
        date: "2026-04-15",
        days: 225,
        when: "225 days ago",
        owner: "owner @payments",
        ticket: "ticket PAY-1234",
      },
      message:
        'TODO to remove "new_checkout_v2" by 2026-04-15 has expired (225 days ago); owner @payments, ticket PAY-1234. Remove the flag, or update the date in the comment.',
      registry: REGISTRY_PATH,
    });
  });

  it("is silent on the note's date and reports the day after", () => {
    const note = makeNote("new_checkout_v2", "2026-11-26");
    expect(noExpiredTodo(note, fileInput(registry, undefined, "2026-11-26"))).toBeUndefined();
    expect(noExpiredTodo(note, fileInput(registry, undefined, "2026-11-27"))?.data.when).toBe("1 day ago");
  });

  it("prefers the ticket written in the comment", () => {
    const note = makeNote("new_checkout_v2", "2026-04-15", { ticket: "PAY-99" });
    expect(noExpiredTodo(note, fileInput(registry))?.data.ticket).toBe("ticket PAY-99");
  });

  it("reports a note about a flag the registry does not know", () => {
    const finding = noExpiredTodo(makeNote("old_banner", "2026-11-01"), fileInput(registry));
    expect(finding?.message).toBe(
      'TODO to remove "old_banner" by 2026-11-01 has expired (25 days ago); no owner, no removal ticket. Remove the flag, or update the date in the comment.',
    );
  });

  it("skips a note with an impossible date instead of failing the run", () => {
    expect(noExpiredTodo(makeNote("a", "2026-02-30"), fileInput(registry))).toBeUndefined();
  });
});
