// no-unknown-todo-flag: a flag-removal TODO that names a flag the registry does not list.
import type { Finding, RemovalNote } from "../types.js";
import { createFinding, siteIn, unknownKeyData } from "./finding.js";
import type { FileCheckInput, Rule } from "./rule.js";

/**
 * A removal note whose flag is not in the registry: misspelt, renamed, or about a flag already
 * removed. Either way the note points at nothing, and no-expired-todo's reminder would name a flag
 * nobody can find; the nearest key is offered.
 */
export function noUnknownTodoFlag(note: RemovalNote, input: FileCheckInput): Finding | undefined {
  const { registry } = input;
  if (registry.flags.has(note.flag)) return undefined;
  const { data, suggestion } = unknownKeyData(note.flag, registry);
  return createFinding(noUnknownTodoFlagRule, {
    messageId: suggestion === undefined ? "unknownTodoFlag" : "unknownTodoFlagSuggestion",
    data,
    site: siteIn(input.file, note),
    flag: note.flag,
    registry: registry.path,
  });
}

export const noUnknownTodoFlagRule: Rule = {
  id: "no-unknown-todo-flag",
  severity: "warn",
  description: "Warn about flag-removal TODO comments that name a flag the registry does not list.",
  cliOnly: false,
  messages: {
    unknownTodoFlag:
      'TODO to remove "{{flag}}" names a flag that {{registryName}} does not list. Fix the name, or delete the note if the flag is gone.',
    unknownTodoFlagSuggestion:
      'TODO to remove "{{flag}}" names a flag that {{registryName}} does not list. Did you mean "{{suggestion}}"?',
  },
  note: noUnknownTodoFlag,
};
