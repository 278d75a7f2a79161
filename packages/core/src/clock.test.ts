import { afterEach, describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDate, resolveNow, UsageError, utcDate } from "./clock.js";

const fixedClock = (instant: Date) => () => instant;
const noClock = () => {
  throw new Error("the clock must not be read");
};

describe("resolveNow", () => {
  it("takes --now first", () => {
    expect(resolveNow({ now: "2026-11-26", env: "2025-01-01", clock: noClock })).toBe("2026-11-26");
  });

  it("takes FLAGLINT_NOW when there is no --now", () => {
    expect(resolveNow({ env: "2025-01-01", clock: noClock })).toBe("2025-01-01");
  });

  it("reads the clock when neither is given, or FLAGLINT_NOW is empty", () => {
    const clock = fixedClock(new Date(Date.UTC(2026, 10, 26, 12)));
    expect(resolveNow({ clock })).toBe("2026-11-26");
    expect(resolveNow({ env: "", clock })).toBe("2026-11-26");
  });

  it("reads the clock's instant in UTC, whatever the local time zone", () => {
    expect(resolveNow({ clock: fixedClock(new Date(Date.UTC(2026, 2, 29, 0, 30))) })).toBe("2026-03-29");
    expect(resolveNow({ clock: fixedClock(new Date(Date.UTC(2026, 2, 28, 23, 59, 59))) })).toBe("2026-03-28");
  });

  it("rejects an impossible date with a usage error naming the source and a hint", () => {
    expect(() => resolveNow({ now: "2026-02-30", clock: noClock })).toThrow(UsageError);
    expect(() => resolveNow({ now: "2026-02-30", clock: noClock })).toThrow(
      'Invalid --now "2026-02-30": not a real calendar date. Use a date such as 2026-11-26.',
    );
  });

  it("rejects words and other shapes", () => {
    expect(() => resolveNow({ env: "yesterday", clock: noClock })).toThrow(
      'Invalid FLAGLINT_NOW "yesterday": expected a date written YYYY-MM-DD. Use a date such as 2026-11-26.',
    );
    expect(() => resolveNow({ now: "2026-1-5" })).toThrow(UsageError);
    expect(() => resolveNow({ now: "" })).toThrow(UsageError);
  });

  it("checks an invalid --now even when FLAGLINT_NOW is fine", () => {
    expect(() => resolveNow({ now: "2026-13-01", env: "2026-11-26" })).toThrow('Invalid --now "2026-13-01"');
  });
});

describe("isCalendarDate", () => {
  it("knows month lengths and leap years", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-11-26T00:00:00Z")).toBe(false);
  });
});

describe("daysBetween and addDays", () => {
  it("counts calendar days, negative backwards", () => {
    expect(daysBetween("2026-04-15", "2026-11-26")).toBe(225);
    expect(daysBetween("2026-11-26", "2026-04-15")).toBe(-225);
    expect(daysBetween("2026-11-26", "2026-11-26")).toBe(0);
  });

  it("counts whole days across daylight saving changes", () => {
    // Europe and the US move their clocks on these weekends.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", -1)).toBe("2026-10-24");
  });

  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("keeps years before 100 as written", () => {
    expect(addDays("0050-12-31", 1)).toBe("0051-01-01");
  });

  it("matches UTC-midnight arithmetic for every day of a year", () => {
    for (let day = 0; day < 366; day++) {
      const expected = utcDate(new Date(Date.UTC(2024, 0, 1 + day)));
      expect(addDays("2024-01-01", day)).toBe(expected);
      expect(daysBetween("2024-01-01", expected)).toBe(day);
    }
  });

  it("rejects what is not a calendar date", () => {
    expect(() => daysBetween("2026-02-30", "2026-03-01")).toThrow(RangeError);
    expect(() => addDays("soon", 1)).toThrow(RangeError);
  });
});

describe("in other time zones", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  // Node re-reads TZ when it is assigned, in this process (vitest runs test files in forks).
  // Azores: UTC-1 in winter, UTC+0 in summer, where local-time arithmetic on UTC dates miscounts.
  // Apia: skipped 2011-12-30. Lord Howe: half-hour DST. Kathmandu: +05:45.
  const zones = ["Atlantic/Azores", "Pacific/Apia", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago"];

  it.each(zones)("gives the same answers in %s", (zone) => {
    process.env.TZ = zone;
    // The zone really is in effect: the local offset is not UTC's.
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).not.toBe(0);
    expect(daysBetween("2026-03-01", "2026-06-01")).toBe(92);
    expect(daysBetween("2011-12-29", "2011-12-31")).toBe(2);
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(resolveNow({ clock: fixedClock(new Date(Date.UTC(2026, 5, 1, 23, 30))) })).toBe("2026-06-01");
  });
});
