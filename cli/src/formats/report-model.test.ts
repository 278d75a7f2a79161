import { describe, expect, it } from "vitest";
import { options, projectResult } from "./fixture.js";
import { buildReport, httpUrl, ticketView } from "./report-model.js";

describe("buildReport", () => {
  const report = buildReport(projectResult(), options());

  it("groups flags by owner, alphabetically, with unowned flags last", () => {
    expect(report.groups.map((group) => group.owner)).toEqual(["@growth", "@payments", "@platform", undefined]);
  });

  it("puts overdue flags first (most overdue first), then due soon, then the rest", () => {
    const keys = (owner: string | undefined) => report.groups.find((group) => group.owner === owner)!.flags.map((flag) => flag.key);
    expect(keys("@payments")).toEqual(["new_payment_flow", "checkout_v3", "payments_kill_switch"]);
    expect(keys("@growth")).toEqual(["onboarding_quiz", "legacy_banner", "pricing_page_test"]);
    expect(keys(undefined)).toEqual(["holiday_banner", "new_paymnet_flow", "dark_mode"]);
  });

  it("gives an unknown key the state unknown and the unowned group", () => {
    const unknown = report.groups.at(-1)!.flags.find((flag) => flag.key === "new_paymnet_flow")!;
    expect(unknown).toMatchObject({ known: false, state: "unknown", days: "" });
  });

  it("sums up the flag debt: by type, by state, overdue temporary flags and the oldest one", () => {
    const { summary } = report;
    expect(summary.flags).toBe(11);
    expect(summary.unknown).toBe(1);
    expect(Object.fromEntries(summary.byState.map(({ state, count }) => [state, count]))).toEqual({
      overdue: 3, "due-soon": 1, unknown: 1, retired: 1, unused: 1, ok: 2, permanent: 1, archived: 1,
    });
    expect(Object.fromEntries(summary.byType.map(({ type, count }) => [type, count]))).toEqual({
      release: 6, experiment: 2, ops: 1, permission: 1, unknown: 1,
    });
    expect(summary.overdue).toBe(3);
    expect(summary.temporary).toBe(6);
    expect(summary.oldestOverdue?.key).toBe("new_payment_flow");
  });

  it("says days overdue or left, and nothing for retired, archived or permanent flags", () => {
    const days = Object.fromEntries(report.groups.flatMap((group) => group.flags).map((flag) => [flag.key, flag.days]));
    expect(days).toMatchObject({
      new_payment_flow: "225 days overdue",
      checkout_v3: "5 days left",
      legacy_banner: "",
      old_search: "",
      payments_kill_switch: "",
    });
    const oneDay = buildReport({ ...projectResult(), flags: [{ ...projectResult().flags[0]!, daysLeft: -1, state: "overdue" }] }, options());
    expect(oneDay.groups[0]!.flags[0]!.days).toBe("1 day overdue");
  });

  it("makes paths relative with forward slashes", () => {
    expect(report.registries).toEqual(["feature-flags.yaml"]);
    expect(report.groups[1]!.flags[0]!.locations[0]).toEqual({ file: "src/pay.ts", line: 12, column: 7 });
  });
});

describe("ticket links", () => {
  const template = "https://tracker.example/browse/{id}";

  it("links a URL ticket to itself and shows it without the scheme", () => {
    expect(ticketView("https://github.com/acme/shop/issues/42", template)).toEqual({
      text: "https://github.com/acme/shop/issues/42",
      label: "github.com/acme/shop/issues/42",
      href: "https://github.com/acme/shop/issues/42",
    });
  });

  it("puts an id into the ticket URL template, URL-encoded", () => {
    expect(ticketView("PAY-1234", template).href).toBe("https://tracker.example/browse/PAY-1234");
    expect(ticketView("A B/<c>", template).href).toBe("https://tracker.example/browse/A%20B%2F%3Cc%3E");
  });

  it("leaves an id as text without a template", () => {
    expect(ticketView("PAY-1234", undefined)).toEqual({ text: "PAY-1234", label: "PAY-1234" });
  });

  it("never links anything but http and https", () => {
    expect(ticketView("javascript:alert(1)", template).href).toBeUndefined();
    expect(ticketView("JAVASCRIPT:alert(1)", undefined).href).toBeUndefined();
    expect(ticketView("data:text/html,<script>", template).href).toBeUndefined();
    expect(ticketView("PAY-1", "javascript:alert('{id}')").href).toBeUndefined();
    expect(httpUrl("https://ok.example/a b")).toBe("https://ok.example/a%20b");
    expect(httpUrl("http://")).toBeUndefined();
  });
});
