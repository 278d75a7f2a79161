import { daysBetween, isCalendarDate } from "../clock.js";
import type { Finding, RemovalNote } from "../types.js";
import type { FileCheckInput, Rule } from "./rule.js";
import { createFinding, ownerText, relativeDays, siteIn, ticketText } from "./finding.js";

/**
 * no-expired-todo: a `TODO: remove <flag> … by <date>` comment whose date has passed (the date
 * itself is still in time). Reported whether or not the registry knows the flag: the promise in
 * the comment is broken either way. Owner comes from the registry, the ticket from the comment
 * or else the registry.
 */
export function noExpiredTodo(note: RemovalNote, input: FileCheckInput): Finding | undefined {
  const { registry, now } = input;
  // Detection only hands over real dates; a bad one must not stop the run.
  if (!isCalendarDate(note.date)) return undefined;
  const daysAgo = daysBetween(note.date, now);
  if (daysAgo <= 0) return undefined;
  const flag = registry.flags.get(note.flag);
  return createFinding(noExpiredTodoRule, {
    messageId: "expiredTodo",
    data: {
      flag: note.flag,
      date: note.date,
      days: daysAgo,
      when: relativeDays(-daysAgo),
      owner: ownerText(flag?.owner),
      ticket: ticketText(note.ticket ?? flag?.ticket),
    },
    site: siteIn(input.file, note),
    flag: note.flag,
    registry: registry.path,
  });
}

export const noExpiredTodoRule: Rule = {
  id: "no-expired-todo",
  severity: "error",
  description: "Disallow flag-removal TODO comments whose date has passed.",
  cliOnly: false,
  messages: {
    expiredTodo:
      'TODO to remove "{{flag}}" by {{date}} has expired ({{when}}); {{owner}}, {{ticket}}. Remove the flag, or update the date in the comment.',
  },
  note: noExpiredTodo,
};
