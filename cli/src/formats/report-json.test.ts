import { describe, expect, it } from "vitest";
import { options, projectResult } from "./fixture.js";
import { formatJson, toJson } from "./report-json.js";

describe("toJson", () => {
  const json = toJson(projectResult(), options());

  it("has the SPEC §6 top-level shape", () => {
    expect(Object.keys(json)).toEqual(["version", "now", "registries", "findings", "references", "flags", "summary"]);
    expect(json.version).toBe(1);
    expect(json.now).toBe("2026-11-26");
    expect(json.registries).toEqual(["feature-flags.yaml"]);
    expect(json.summary).toEqual({ files: 120, parsed: 14, references: 31, errors: 5, warnings: 3 });
  });

  it("writes findings with relative files and 1-based ranges", () => {
    expect(json.findings[0]).toEqual({
      rule: "no-stale-flag",
      severity: "error",
      flag: "new_payment_flow",
      file: "src/pay.ts",
      line: 12,
      column: 7,
      endLine: 12,
      endColumn: 25,
      message: projectResult().findings[0]!.message,
      registry: "feature-flags.yaml",
    });
    expect(json.findings[1]!.suggestion).toBe("new_payment_flow");
  });

  it("writes references, a dynamic one with flag null", () => {
    expect(json.references[0]).toEqual({
      flag: "new_payment_flow", file: "src/pay.ts", line: 12, column: 7, kind: "call", matcher: "calls[0]", dynamic: false, context: true,
    });
    expect(json.references[2]).toMatchObject({ flag: null, dynamic: true, context: null, file: "src/weird dir/a#b [1].ts" });
  });

  it("writes every flag with the SPEC fields first, missing values as null, extras only when present", () => {
    const payment = json.flags.find((flag) => flag.key === "new_payment_flow")!;
    expect(payment).toEqual({
      key: "new_payment_flow",
      type: "release",
      owner: "@payments",
      ownerSource: "registry",
      created: "2026-03-01",
      removeBy: "2026-04-15",
      ticket: "PAY-1234",
      state: "overdue",
      daysLeft: -225,
      references: 3,
      known: true,
      description: "New payment processor",
      registry: "feature-flags.yaml",
      locations: [
        { file: "src/pay.ts", line: 12, column: 7 },
        { file: "src/checkout/summary.tsx", line: 40, column: 9 },
        { file: "src/api/charge.ts", line: 8, column: 20 },
      ],
    });
    expect(json.flags.find((flag) => flag.key === "checkout_v3")!.createdInferred).toBe(true);
    expect(json.flags.find((flag) => flag.key === "new_paymnet_flow")).toEqual({
      key: "new_paymnet_flow", type: null, owner: null, ownerSource: null, created: null, removeBy: null, ticket: null,
      state: "unknown", daysLeft: null, references: 1, known: false, locations: [{ file: "src/pay.ts", line: 30, column: 20 }],
    });
  });
});

describe("formatJson", () => {
  it("prints toJson as indented JSON ending in a newline", () => {
    const text = formatJson(projectResult(), options());
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(toJson(projectResult(), options()));
  });
});
