// Every rule's id, default severity and message templates: the one source both front ends report from.
import type { RuleId, Severity } from "../types.js";

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: string;
  /** Reported by the CLI only: there is no ESLint rule of this id. */
  cliOnly: boolean;
  /** camelCase message id -> template with ESLint-style `{{placeholders}}` filled from `Finding.data`. */
  messages: Record<string, string>;
}

// Placeholders shared by the flag messages (see flagData in finding.ts):
//   {{kind}} "Release" | "Experiment" | "Ops" | "Permission"   {{flag}} the registry key
//   {{owner}} "owner @payments" | "no owner"   {{ticket}} "ticket PAY-1234" | "no removal ticket"
//   {{registryName}} the registry file's base name   {{when}} "225 days ago" | "in 3 days" | "today"
export const RULES: Record<RuleId, RuleMeta> = {
  "no-unknown-flag": {
    id: "no-unknown-flag",
    severity: "error",
    description: "Disallow checks of flags that the registry does not list.",
    cliOnly: false,
    messages: {
      unknownFlag: 'Unknown flag "{{flag}}": not in {{registryName}}. Add it there, or fix the key.',
      unknownFlagSuggestion: 'Unknown flag "{{flag}}": not in {{registryName}}. Did you mean "{{suggestion}}"?',
    },
  },
  "no-stale-flag": {
    id: "no-stale-flag",
    severity: "error",
    description: "Disallow checks of temporary flags past their removal date, and of retired or archived flags.",
    cliOnly: false,
    messages: {
      overdue:
        '{{kind}} toggle "{{flag}}" was due for removal on {{deadline}} ({{when}}); {{owner}}, {{ticket}}. Remove the check.',
      retired: '{{kind}} toggle "{{flag}}" is retired in {{registryName}}; {{owner}}, {{ticket}}. Remove the check.',
      archived:
        '{{kind}} toggle "{{flag}}" is archived in {{registryName}} but still checked here; {{owner}}. Remove the check, or set the flag\'s status back to active.',
    },
  },
  "flag-expiring-soon": {
    id: "flag-expiring-soon",
    severity: "warn",
    description: "Warn about checks of temporary flags whose removal date is near.",
    cliOnly: false,
    messages: {
      dueSoon:
        '{{kind}} toggle "{{flag}}" is due for removal on {{deadline}} ({{when}}); {{owner}}, {{ticket}}. Plan its removal.',
    },
  },
  "require-removal-ticket": {
    id: "require-removal-ticket",
    severity: "error",
    description: "Require a removal ticket for flags of the types the policy lists (release and experiment by default).",
    cliOnly: false,
    messages: {
      missingTicket:
        '{{kind}} toggle "{{flag}}" has no removal ticket; {{owner}}. Add a ticket to its entry in {{registryName}}.',
    },
  },
  "no-expired-todo": {
    id: "no-expired-todo",
    severity: "error",
    description: "Disallow flag-removal TODO comments whose date has passed.",
    cliOnly: false,
    messages: {
      expiredTodo:
        'TODO to remove "{{flag}}" by {{date}} has expired ({{when}}); {{owner}}, {{ticket}}. Remove the flag, or update the date in the comment.',
    },
  },
  "no-dynamic-flag-key": {
    id: "no-dynamic-flag-key",
    severity: "warn",
    description: "Warn about flag checks whose key cannot be resolved statically.",
    cliOnly: false,
    messages: {
      dynamicKey:
        "Cannot tell which flag this checks: the key {{keyText}} is not a literal or a known constant. Use a string literal or a constant so flaglint can check it.",
    },
  },
  "require-flag-context": {
    id: "require-flag-context",
    severity: "warn",
    description: "Require an evaluation context when checking experiment and permission flags.",
    cliOnly: false,
    messages: {
      missingContext:
        '{{kind}} toggle "{{flag}}" is evaluated without a user context; {{owner}}. Pass the evaluation context so targeting works.',
    },
  },
  "no-unused-flag": {
    id: "no-unused-flag",
    severity: "warn",
    description: "Report active registry flags that no code checks.",
    cliOnly: true,
    messages: {
      unusedFlag:
        '{{kind}} toggle "{{flag}}" is not checked anywhere in the code; {{owner}}. Remove its entry from {{registryName}}, or mark it archived.',
    },
  },
  "invalid-registry": {
    id: "invalid-registry",
    severity: "error",
    description: "The registry itself is malformed.",
    // In ESLint this rule alone reports `cannotLoad`, once per file, so a broken registry is one report.
    cliOnly: false,
    messages: {
      invalidRegistry: "{{problem}}",
      invalidRegistryHint: "{{problem}} ({{hint}})",
      cannotLoad: "flaglint: cannot load {{registryName}}: {{problem}}",
    },
  },
  "parse-error": {
    id: "parse-error",
    severity: "error",
    description: "A source file that does not parse.",
    // ESLint reports its own parsing errors.
    cliOnly: true,
    messages: {
      parseError: "Parsing error: {{problem}}",
      cannotRead: "Cannot read the file: {{problem}}. Nothing in it was checked.",
    },
  },
};

/** Fill `{{name}}` placeholders from `data`, leaving unknown ones as written (as ESLint does). */
export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{([^{}]+)\}\}/g, (placeholder, name: string) => {
    const key = name.trim();
    return Object.hasOwn(data, key) ? String(data[key]) : placeholder;
  });
}
