// A flag's deadline and its standing on a given day, from the registry entry and the policy.
import { addDays, daysBetween } from "../clock.js";
import type { FlagDefinition, FlagState, Policy } from "../types.js";

/** A type with a lifetime (release and experiment by default) is temporary; the others are permanent. */
export function isTemporary(flag: FlagDefinition, policy: Policy): boolean {
  return policy.lifetimeDays[flag.type] != null;
}

/**
 * The date by which the flag should be gone: `removeBy`, else `created` + the type's lifetime.
 * `undefined` for a permanent type (even with a `removeBy`: SPEC §4, ops and permission toggles
 * never go stale by date) and for a temporary flag with neither `removeBy` nor `created`.
 */
export function deadline(flag: FlagDefinition, policy: Policy): string | undefined {
  const lifetime = policy.lifetimeDays[flag.type];
  if (lifetime == null) return undefined;
  if (flag.removeBy !== undefined) return flag.removeBy;
  if (flag.created !== undefined) return addDays(flag.created, lifetime);
  return undefined;
}

export interface FlagStanding {
  state: FlagState;
  deadline?: string;
  /** Days from `now` to the deadline, negative when overdue; `null` when there is no deadline. */
  daysLeft: number | null;
}

/**
 * The flag's state on `now`, given how many references code has to it. Precedence, first match:
 * 1. `retired` / `archived`: the registry's word on the flag beats every date.
 * 2. `unused`: an active flag nobody checks, permanent or not. Even an overdue one: its checks are
 *    gone already, so what is left to do is to archive the entry, which is what `unused` asks.
 * 3. `permanent`: no deadline by type.
 * 4. by the deadline: `overdue`, `due-soon`, else `ok` (also when a temporary flag's deadline is
 *    unknowable, having neither `removeBy` nor `created`).
 * `deadline` and `daysLeft` are given whenever the deadline is known, whatever the state.
 */
export function flagState(flag: FlagDefinition, policy: Policy, now: string, references: number): FlagStanding {
  const standing = dateStanding(flag, policy, now);
  if (flag.status !== "active") return { ...standing, state: flag.status };
  if (references === 0) return { ...standing, state: "unused" };
  return standing;
}

/**
 * The last standing worked out for each flag entry, with the policy and day it was for: every
 * check of a flag asks the same question, and the calendar arithmetic is the costly part.
 */
const standings = new WeakMap<FlagDefinition, { policy: Policy; now: string; standing: Readonly<FlagStanding> }>();

/** The flag's state by its dates alone, ignoring status and references. */
export function dateStanding(flag: FlagDefinition, policy: Policy, now: string): FlagStanding {
  const known = standings.get(flag);
  if (known !== undefined && known.policy === policy && known.now === now) return { ...known.standing };
  const standing = workOutStanding(flag, policy, now);
  standings.set(flag, { policy, now, standing });
  return { ...standing };
}

function workOutStanding(flag: FlagDefinition, policy: Policy, now: string): FlagStanding {
  if (!isTemporary(flag, policy)) return { state: "permanent", daysLeft: null };
  const due = deadline(flag, policy);
  if (due === undefined) return { state: "ok", daysLeft: null };
  const daysLeft = daysBetween(now, due);
  return { state: dateState(daysLeft, policy.warnDays), deadline: due, daysLeft };
}

// The deadline day itself is "due soon" (daysLeft 0, "today"): the flag may live through the day
// it is due. It is overdue from the day after.
function dateState(daysLeft: number, warnDays: number): FlagState {
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= warnDays) return "due-soon";
  return "ok";
}
