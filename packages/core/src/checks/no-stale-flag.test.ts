import { describe, expect, it } from "vitest";
import { noStaleFlag } from "./no-stale-flag.js";
import { FILE, REGISTRY_PATH, fileInput, makeFlag, makeReference, makeRegistry } from "./__fixtures__/build.js";

const check = (flag: ReturnType<typeof makeFlag>, now: string) =>
  noStaleFlag(makeReference(flag.key), fileInput(makeRegistry([flag]), undefined, now));

describe("no-stale-flag", () => {
  it("reports a release toggle past its removeBy, with owner and ticket", () => {
    const flag = makeFlag("new_checkout_v2", { removeBy: "2026-04-15" });
    expect(check(flag, "2026-11-26")).toEqual({
      rule: "no-stale-flag",
      severity: "error",
      flag: "new_checkout_v2",
      file: FILE,
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 24,
      messageId: "overdue",
      data: {
        flag: "new_checkout_v2",
        kind: "Release",
        owner: "owner @payments",
        ticket: "ticket PAY-1234",
        registryName: "feature-flags.yaml",
        deadline: "2026-04-15",
        days: 225,
        when: "225 days ago",
      },
      message:
        'Release toggle "new_checkout_v2" was due for removal on 2026-04-15 (225 days ago); owner @payments, ticket PAY-1234. Remove the check.',
      registry: REGISTRY_PATH,
    });
  });

  it("is silent on the deadline day and reports from the day after, in the singular", () => {
    const flag = makeFlag("a", { removeBy: "2026-04-15" });
    expect(check(flag, "2026-04-15")).toBeUndefined();
    const finding = check(flag, "2026-04-16");
    expect(finding?.data).toMatchObject({ days: 1, when: "1 day ago" });
    expect(finding?.message).toContain("(1 day ago)");
  });

  it("uses created + lifetime without removeBy, and says so when owner and ticket are missing", () => {
    const flag = makeFlag("exp", { type: "experiment", created: "2024-01-01", owner: undefined, ticket: undefined });
    // 2024-01-01 + 90 days (2024 is a leap year) = 2024-03-31.
    expect(check(flag, "2024-03-31")).toBeUndefined();
    const finding = check(flag, "2024-04-02");
    expect(finding?.message).toBe(
      'Experiment toggle "exp" was due for removal on 2024-03-31 (2 days ago); no owner, no removal ticket. Remove the check.',
    );
  });

  it("reports every check of a retired flag, whatever its dates", () => {
    const finding = check(makeFlag("done", { status: "retired", removeBy: "2030-01-01" }), "2026-11-26");
    expect(finding?.messageId).toBe("retired");
    expect(finding?.message).toBe(
      'Release toggle "done" is retired in feature-flags.yaml; owner @payments, ticket PAY-1234. Remove the check.',
    );
  });

  it("reports a check of an archived flag, permanent types too", () => {
    const finding = check(makeFlag("gone", { type: "ops", status: "archived", owner: "@sre" }), "2026-11-26");
    expect(finding?.messageId).toBe("archived");
    expect(finding?.message).toBe(
      'Ops toggle "gone" is archived in feature-flags.yaml but still checked here; owner @sre. Remove the check, or set the flag\'s status back to active.',
    );
  });

  it("never reports an active ops or permission flag by date", () => {
    expect(check(makeFlag("kill", { type: "ops", created: "2020-01-01" }), "2026-11-26")).toBeUndefined();
    expect(check(makeFlag("admin", { type: "permission", removeBy: "2020-01-01" }), "2026-11-26")).toBeUndefined();
  });

  it("ignores unknown and dynamic keys", () => {
    const registry = makeRegistry([makeFlag("a", { removeBy: "2020-01-01" })]);
    expect(noStaleFlag(makeReference("b"), fileInput(registry))).toBeUndefined();
    expect(noStaleFlag(makeReference(null), fileInput(registry))).toBeUndefined();
  });
});
