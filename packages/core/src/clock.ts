// "Now" and calendar-date arithmetic: every date flaglint handles is a `YYYY-MM-DD` calendar date.
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { millisecondsInDay } from "date-fns/constants";

/** Bad CLI or config input that the user can fix; the message is one line and ends with a hint. */
export class UsageError extends Error {
  override name = "UsageError";
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const EXAMPLE_DATE = "2026-11-26";

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isCalendarDate(text: string): boolean {
  // parseISO checks the day against the month's length, leap years included.
  return DATE_SHAPE.test(text) && isValid(parseISO(text));
}

/**
 * Today's date where the run happens: `--now`, then the `FLAGLINT_NOW` environment variable,
 * then the clock. The clock's instant is read in UTC, so every machine agrees on the day.
 */
export function resolveNow(opts: { now?: string; env?: string; clock?: () => Date }): string {
  if (opts.now !== undefined) return validNow(opts.now, "--now");
  // An empty variable (`FLAGLINT_NOW= flaglint check`) means "not set", as shells treat it.
  if (opts.env !== undefined && opts.env !== "") return validNow(opts.env, "FLAGLINT_NOW");
  const clock = opts.clock ?? (() => new Date());
  return utcDate(clock());
}

function validNow(text: string, source: string): string {
  if (isCalendarDate(text)) return text;
  const why = DATE_SHAPE.test(text) ? "not a real calendar date" : "expected a date written YYYY-MM-DD";
  throw new UsageError(`Invalid ${source} "${text}": ${why}. Use a date such as ${EXAMPLE_DATE}.`);
}

/** The UTC calendar date of an instant. */
export function utcDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("The clock returned an invalid date");
  return formatEpochDay(Math.floor(instant.getTime() / millisecondsInDay));
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The calendar date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return formatEpochDay(epochDay(date) + days);
}

// The arithmetic counts whole days since 1970-01-01 in UTC, which has no daylight saving time
// and no skipped days. date-fns's own addDays / differenceInCalendarDays work in the machine's
// local time zone (a UTC context needs @date-fns/utc, not a dependency): on UTC-midnight dates
// they miscount wherever the UTC offset changes sign, e.g. Atlantic/Azores (-1 in winter, 0 in
// summer), and local-midnight dates break on days a zone skipped (Pacific/Apia, 2011-12-30).
function epochDay(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${date}"`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  return new Date(0).setUTCFullYear(year, month - 1, day) / millisecondsInDay;
}

function formatEpochDay(day: number): string {
  const date = new Date(day * millisecondsInDay);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const dayOfMonth = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${dayOfMonth}`;
}
