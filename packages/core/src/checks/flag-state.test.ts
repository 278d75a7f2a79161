import { describe, expect, it } from "vitest";
import { deadline, flagState, isTemporary } from "./flag-state.js";
import { DEFAULT_POLICY, makeFlag } from "./__fixtures__/build.js";

describe("deadline", () => {
  it("is removeBy when the registry gives one", () => {
    expect(deadline(makeFlag("a", { removeBy: "2026-04-15" }), DEFAULT_POLICY)).toBe("2026-04-15");
  });

  it("defaults to created + the type's lifetime", () => {
    expect(deadline(makeFlag("a", { created: "2026-03-01" }), DEFAULT_POLICY)).toBe("2026-04-12");
    expect(deadline(makeFlag("a", { type: "experiment", created: "2026-03-01" }), DEFAULT_POLICY)).toBe("2026-05-30");
  });

  it("counts the leap day", () => {
    expect(deadline(makeFlag("a", { created: "2024-01-31" }), DEFAULT_POLICY)).toBe("2024-03-13");
    expect(deadline(makeFlag("a", { created: "2026-01-31" }), DEFAULT_POLICY)).toBe("2026-03-14");
  });

  it("is undefined for a permanent type, even with a removeBy", () => {
    expect(deadline(makeFlag("a", { type: "ops" }), DEFAULT_POLICY)).toBeUndefined();
    expect(deadline(makeFlag("a", { type: "permission", removeBy: "2026-01-01" }), DEFAULT_POLICY)).toBeUndefined();
  });

  it("is undefined when neither removeBy nor created is known", () => {
    expect(deadline(makeFlag("a", { created: undefined }), DEFAULT_POLICY)).toBeUndefined();
  });

  it("follows the policy's lifetimes", () => {
    const policy = { ...DEFAULT_POLICY, lifetimeDays: { ...DEFAULT_POLICY.lifetimeDays, ops: 365, release: null } };
    expect(deadline(makeFlag("a", { type: "ops", created: "2026-01-01" }), policy)).toBe("2027-01-01");
    expect(isTemporary(makeFlag("a"), policy)).toBe(false);
    expect(deadline(makeFlag("a"), policy)).toBeUndefined();
  });
});

describe("flagState", () => {
  const due = makeFlag("a", { removeBy: "2026-11-26" });

  it("is ok beyond warnDays and due-soon on the warnDays edge", () => {
    expect(flagState(due, DEFAULT_POLICY, "2026-11-11", 1)).toEqual({ state: "ok", deadline: "2026-11-26", daysLeft: 15 });
    expect(flagState(due, DEFAULT_POLICY, "2026-11-12", 1)).toEqual({
      state: "due-soon",
      deadline: "2026-11-26",
      daysLeft: 14,
    });
  });

  it("is due-soon on the deadline day and overdue from the day after", () => {
    expect(flagState(due, DEFAULT_POLICY, "2026-11-26", 1)).toEqual({
      state: "due-soon",
      deadline: "2026-11-26",
      daysLeft: 0,
    });
    expect(flagState(due, DEFAULT_POLICY, "2026-11-27", 1)).toEqual({
      state: "overdue",
      deadline: "2026-11-26",
      daysLeft: -1,
    });
  });

  it("is permanent for a type without lifetime", () => {
    expect(flagState(makeFlag("a", { type: "ops" }), DEFAULT_POLICY, "2026-11-26", 2)).toEqual({
      state: "permanent",
      daysLeft: null,
    });
  });

  it("puts retired and archived before everything, keeping the deadline", () => {
    const retired = makeFlag("a", { removeBy: "2026-04-15", status: "retired" });
    expect(flagState(retired, DEFAULT_POLICY, "2026-11-26", 0)).toEqual({
      state: "retired",
      deadline: "2026-04-15",
      daysLeft: -225,
    });
    expect(flagState(makeFlag("a", { status: "archived" }), DEFAULT_POLICY, "2026-11-26", 3).state).toBe("archived");
  });

  it("calls an active flag with no references unused, overdue or permanent alike", () => {
    const overdue = makeFlag("a", { removeBy: "2026-04-15" });
    expect(flagState(overdue, DEFAULT_POLICY, "2026-11-26", 0)).toEqual({
      state: "unused",
      deadline: "2026-04-15",
      daysLeft: -225,
    });
    expect(flagState(makeFlag("a", { type: "ops" }), DEFAULT_POLICY, "2026-11-26", 0).state).toBe("unused");
  });

  it("is ok without a knowable deadline", () => {
    expect(flagState(makeFlag("a", { created: undefined }), DEFAULT_POLICY, "2026-11-26", 1)).toEqual({
      state: "ok",
      daysLeft: null,
    });
  });
});
