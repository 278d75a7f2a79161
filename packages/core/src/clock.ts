// "Now" and calendar-date arithmetic: every date flaglint handles is a `YYYY-MM-DD` calendar date.
// The mini version: the full one makes three Intl.DateTimeFormat (for toString) as it loads, 17 ms of every run.
import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { addDays as addCalendarDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";

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
  return formatDay(new UTCDate(instant.getTime()));
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return remembered(`${from}>${to}`, () => differenceInCalendarDays(utcDay(to), utcDay(from)));
}

/** The calendar date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return remembered(`${date}+${days}`, () => formatDay(addCalendarDays(utcDay(date), days)));
}

/**
 * Answers already worked out: a run asks about the same few dates (each flag's, today) for every
 * check and every summary, and date-fns takes tens of microseconds per question. Bounded: a
 * long-lived ESLint process never holds more than this many.
 */
const answers = new Map<string, number | string>();
const MAX_ANSWERS = 10_000;

function remembered<T extends number | string>(question: string, work: () => T): T {
  const known = answers.get(question);
  if (known !== undefined) return known as T;
  const answer = work();
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(question, answer);
  return answer;
}

/** How many days the month has (`month` 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(utcCalendarDay(year, month, 1));
}

// Every date is a UTCDate: date-fns then counts in UTC, which has no daylight saving time and no
// skipped days, whatever the machine's time zone (plain Dates would miscount where the offset
// changes sign, e.g. Atlantic/Azores, or on a day a zone skipped, Pacific/Apia 2011-12-30).
function utcDay(date: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD calendar date: "${date}"`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return utcCalendarDay(year, month, day);
}

function utcCalendarDay(year: number, month: number, day: number): Date {
  const date = new UTCDate(0);
  // setUTCFullYear, not the (year, month, day) constructor: that reads years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function formatDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}
