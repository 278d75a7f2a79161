// What the schema cannot say: that a date exists on the calendar, and that a flag is not due before it is born.
import { finalFieldValue } from "../cleanup/value.js";
import { daysInMonth } from "../clock.js";
import { RULE_IDS } from "../types.js";
import { SDK_PRESET_NAMES } from "./defaults.js";
import type { ValueProblem } from "./schema.js";
import { nearestName } from "./suggest.js";

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Checks every flag entry that has the right shape; entries the schema rejects are skipped here. */
export function semanticProblems(value: unknown): ValueProblem[] {
  const problems: ValueProblem[] = isMap(value) && isMap(value.detect) ? sdkProblems(value.detect.sdks) : [];
  if (isMap(value) && isMap(value.rules)) problems.push(...ruleProblems(value.rules));
  const flags = isMap(value) ? value.flags : undefined;
  if (!isMap(flags)) return problems;
  for (const [key, entry] of Object.entries(flags)) {
    if (isMap(entry)) problems.push(...flagDateProblems(key, entry), ...finalProblems(key, entry));
  }
  return problems;
}

/**
 * `detect.sdks` names a preset the code has. Checked here, not by the compiled schema, so that a
 * new preset is its module and one line in the preset list (the published schema lists the names
 * for editors; `npm run generate` writes them).
 */
function sdkProblems(sdks: unknown): ValueProblem[] {
  if (!Array.isArray(sdks)) return [];
  return sdks.flatMap((name, index) => {
    if (typeof name !== "string" || SDK_PRESET_NAMES.includes(name)) return [];
    const near = nearestName(name, SDK_PRESET_NAMES);
    const hint = near ? `did you mean "${near}"?` : `one of: ${SDK_PRESET_NAMES.join(", ")}`;
    return [{ path: ["detect", "sdks", String(index)], anchor: "value" as const, message: `unknown sdk ${JSON.stringify(name)}`, hint }];
  });
}

/** Every rule a registry can set: all but invalid-registry, which a registry cannot silence about itself. */
const SETTABLE_RULES: readonly string[] = RULE_IDS.filter((id) => id !== "invalid-registry");

/** `rules:` names rules the code has (checked here for the reason sdkProblems gives). */
function ruleProblems(rules: Record<string, unknown>): ValueProblem[] {
  return Object.keys(rules).flatMap((name) => {
    if (SETTABLE_RULES.includes(name)) return [];
    const near = nearestName(name, SETTABLE_RULES);
    const hint = near ? `did you mean "${near}"?` : `allowed here: ${SETTABLE_RULES.join(", ")}`;
    return [{ path: ["rules", name], anchor: "key" as const, message: `unknown field ${JSON.stringify(name)}`, hint }];
  });
}

function flagDateProblems(key: string, entry: Record<string, unknown>): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const created = calendarDate(key, entry, "created", problems);
  const removeBy = calendarDate(key, entry, "removeBy", problems);
  if (created && removeBy && removeBy < created) {
    problems.push({ path: ["flags", key, "removeBy"], anchor: "value", message: `removeBy ${removeBy} is before created ${created}` });
  }
  return problems;
}

/** `final` text that no check could be replaced with: `final: blue` (a string needs JSON quotes), `final: "[1]"`. */
function finalProblems(key: string, entry: Record<string, unknown>): ValueProblem[] {
  const raw = entry.final;
  if (typeof raw !== "string" || finalFieldValue(raw) !== undefined) return [];
  return [
    {
      path: ["flags", key, "final"],
      anchor: "value",
      message: `final ${JSON.stringify(raw)} is not a flag value`,
      hint: `use on, off, or a JSON literal; a string needs its JSON quotes: final: '${JSON.stringify(raw)}'`,
    },
  ];
}

/** The field's date if it is a real day; reports an impossible one (2026-02-30). */
function calendarDate(key: string, entry: Record<string, unknown>, field: string, problems: ValueProblem[]): string | undefined {
  const value = entry[field];
  const text = typeof value === "string" ? value : "";
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const path = ["flags", key, field];
  if (month < 1 || month > 12) {
    problems.push({ path, anchor: "value", message: `impossible date "${text}"`, hint: `there is no month ${match[2]}` });
    return undefined;
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    problems.push({ path, anchor: "value", message: `impossible date "${text}"`, hint: `${MONTHS[month - 1]} ${year} has ${days} days` });
    return undefined;
  }
  return text;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
