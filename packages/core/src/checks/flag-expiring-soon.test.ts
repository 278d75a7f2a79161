import { describe, expect, it } from "vitest";
import { flagExpiringSoon } from "./flag-expiring-soon.js";
import { REGISTRY_PATH, fileInput, makeFlag, makeReference, makeRegistry } from "./__fixtures__/build.js";

const check = (flag: ReturnType<typeof makeFlag>, now: string, warnDays = 14) =>
  flagExpiringSoon(makeReference(flag.key), fileInput(makeRegistry([flag], { warnDays }), undefined, now));

describe("flag-expiring-soon", () => {
  const flag = makeFlag("new_checkout", { removeBy: "2026-12-01" });

  it("warns within warnDays of the deadline", () => {
    expect(check(flag, "2026-11-26")).toMatchObject({
      rule: "flag-expiring-soon",
      severity: "warn",
      flag: "new_checkout",
      messageId: "dueSoon",
      data: { flag: "new_checkout", kind: "Release", deadline: "2026-12-01", days: 5, when: "in 5 days" },
      message:
        'Release toggle "new_checkout" is due for removal on 2026-12-01 (in 5 days); owner @payments, ticket PAY-1234. Plan its removal.',
      registry: REGISTRY_PATH,
    });
  });

  it("starts exactly warnDays before the deadline", () => {
    expect(check(flag, "2026-11-16")).toBeUndefined();
    expect(check(flag, "2026-11-17")?.data).toMatchObject({ days: 14, when: "in 14 days" });
    expect(check(flag, "2026-11-17", 13)).toBeUndefined();
  });

  it("says today on the deadline day and in 1 day the day before", () => {
    expect(check(flag, "2026-12-01")?.message).toContain("(today)");
    expect(check(flag, "2026-11-30")?.message).toContain("(in 1 day)");
  });

  it("hands over to no-stale-flag the day after", () => {
    expect(check(flag, "2026-12-02")).toBeUndefined();
  });

  it("counts across the leap day from created + lifetime", () => {
    // 2024-01-20 + 42 days = 2024-03-02 (February 2024 has 29 days).
    const created = makeFlag("leap", { created: "2024-01-20" });
    expect(check(created, "2024-02-29")?.data).toMatchObject({ deadline: "2024-03-02", days: 2 });
  });

  it("ignores permanent, retired and archived flags", () => {
    expect(check(makeFlag("kill", { type: "ops", removeBy: "2026-11-27" }), "2026-11-26")).toBeUndefined();
    expect(check(makeFlag("done", { status: "retired", removeBy: "2026-11-27" }), "2026-11-26")).toBeUndefined();
    expect(check(makeFlag("gone", { status: "archived", removeBy: "2026-11-27" }), "2026-11-26")).toBeUndefined();
  });
});
