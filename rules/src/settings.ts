// `settings.flaglint`: the options every flaglint rule shares, read and checked once per file.
import { isCalendarDate } from "@flaglint/core";
import type { Lifetime } from "./lifetime.js";

export interface FlaglintSettings {
  /** The registry that governs every linted file, relative to ESLint's working directory. */
  registry?: string;
  /** Today, `YYYY-MM-DD`; otherwise `FLAGLINT_NOW`, then the clock. */
  now?: string;
  /**
   * Where no-stale-flag offers its suggestion (the check removed by the cleanup engine, which
   * parses and rewrites the whole file for each stale check): `"editor"` (the default) wherever
   * ESLint may apply it, that is everywhere but ESLint's command line, which never applies a
   * suggestion; `"always"`, the command line too (for a tool that reads suggestions from
   * `--format json`); `"never"`.
   */
  suggestRemoval?: SuggestRemoval;
}

export type SuggestRemoval = "editor" | "always" | "never";

const SUGGEST_REMOVAL: readonly SuggestRemoval[] = ["editor", "always", "never"];

export type SettingsResult = { settings: FlaglintSettings } | { problem: string };

const KNOWN = new Set(["registry", "now", "suggestRemoval"]);

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
    return { problem: `unknown setting settings.flaglint.${unknown} (known: ${[...KNOWN].join(", ")})` };
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
  if (given.suggestRemoval !== undefined) {
    if (!SUGGEST_REMOVAL.includes(given.suggestRemoval as SuggestRemoval)) {
      const got = JSON.stringify(given.suggestRemoval);
      return { problem: `settings.flaglint.suggestRemoval must be one of ${SUGGEST_REMOVAL.map((value) => `"${value}"`).join(", ")}; got ${got}` };
    }
    settings.suggestRemoval = given.suggestRemoval as SuggestRemoval;
  }
  return { settings };
}

/** Whether no-stale-flag's suggestion is worked out, in a process of `lifetime` (see suggestRemoval). */
export function offersRemovalSuggestion(setting: SuggestRemoval | undefined, lifetime: Lifetime): boolean {
  if (setting === "always") return true;
  if (setting === "never") return false;
  // ESLint's command line ("run") never applies a suggestion, and prints one only in JSON.
  return lifetime === "watch";
}
