// `settings.flaglint`: the options every flaglint rule shares, read and checked once per file.
import { isCalendarDate } from "@flaglint/core";

export interface FlaglintSettings {
  /** The registry that governs every linted file, relative to ESLint's working directory. */
  registry?: string;
  /** Today, `YYYY-MM-DD`; otherwise `FLAGLINT_NOW`, then the clock. */
  now?: string;
}

export type SettingsResult = { settings: FlaglintSettings } | { problem: string };

const KNOWN = new Set(["registry", "now"]);

/**
 * ESLint hands the files that share a config one settings object: it is checked once. Keyed by
 * that object, which ESLint owns, not by a registry: nothing of a registry is derived here.
 */
const checked = new WeakMap<object, SettingsResult>();

/** `settings.flaglint` checked: a wrong setting is a problem to report, never a crash. */
export function readSettings(allSettings: Readonly<Record<string, unknown>> | undefined): SettingsResult {
  if (allSettings === undefined) return { settings: {} };
  let result = checked.get(allSettings);
  if (result === undefined) {
    result = check(allSettings.flaglint);
    checked.set(allSettings, result);
  }
  return result;
}

function check(raw: unknown): SettingsResult {
  if (raw === undefined || raw === null) return { settings: {} };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { problem: "settings.flaglint must be an object such as { registry: \"feature-flags.yaml\" }" };
  }
  const given = raw as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !KNOWN.has(key));
  if (unknown !== undefined) {
    return { problem: `unknown setting settings.flaglint.${unknown} (known: registry, now)` };
  }
  const settings: FlaglintSettings = {};
  if (given.registry !== undefined) {
    if (typeof given.registry !== "string" || given.registry === "") {
      return { problem: "settings.flaglint.registry must be the path of a registry file" };
    }
    settings.registry = given.registry;
  }
  if (given.now !== undefined) {
    if (typeof given.now !== "string" || !isCalendarDate(given.now)) {
      const got = JSON.stringify(given.now);
      return { problem: `settings.flaglint.now must be a date written YYYY-MM-DD, such as "2026-11-26"; got ${got}` };
    }
    settings.now = given.now;
  }
  return { settings };
}
