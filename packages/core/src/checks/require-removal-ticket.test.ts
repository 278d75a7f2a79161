import { describe, expect, it } from "vitest";
import { requireRemovalTicket } from "./require-removal-ticket.js";
import { FILE, REGISTRY_PATH, makeFlag, makeRegistry } from "./__fixtures__/build.js";

const site = { file: FILE, line: 5, column: 9, endLine: 5, endColumn: 23 };

describe("require-removal-ticket", () => {
  it("reports a release flag without a ticket at the given site", () => {
    const flag = makeFlag("new_checkout", { ticket: undefined });
    expect(requireRemovalTicket(flag, site, makeRegistry([flag]))).toEqual({
      rule: "require-removal-ticket",
      severity: "error",
      flag: "new_checkout",
      ...site,
      messageId: "missingTicket",
      data: {
        flag: "new_checkout",
        kind: "Release",
        owner: "owner @payments",
        ticket: "no removal ticket",
        registryName: "feature-flags.yaml",
      },
      message:
        'Release toggle "new_checkout" has no removal ticket; owner @payments. Add a ticket to its entry in feature-flags.yaml.',
      registry: REGISTRY_PATH,
    });
  });

  it("reports an experiment without ticket or owner", () => {
    const flag = makeFlag("exp", { type: "experiment", ticket: undefined, owner: undefined });
    expect(requireRemovalTicket(flag, site, makeRegistry([flag]))?.message).toBe(
      'Experiment toggle "exp" has no removal ticket; no owner. Add a ticket to its entry in feature-flags.yaml.',
    );
  });

  it("accepts a flag with a ticket", () => {
    const flag = makeFlag("a");
    expect(requireRemovalTicket(flag, site, makeRegistry([flag]))).toBeUndefined();
  });

  it("asks only for the types the policy lists", () => {
    const ops = makeFlag("kill", { type: "ops", ticket: undefined });
    expect(requireRemovalTicket(ops, site, makeRegistry([ops]))).toBeUndefined();
    const release = makeFlag("a", { ticket: undefined });
    expect(requireRemovalTicket(release, site, makeRegistry([release], { requireTicket: ["experiment"] }))).toBeUndefined();
  });

  it("exempts retired and archived flags", () => {
    for (const status of ["retired", "archived"] as const) {
      const flag = makeFlag("a", { ticket: undefined, status });
      expect(requireRemovalTicket(flag, site, makeRegistry([flag]))).toBeUndefined();
    }
  });
});
