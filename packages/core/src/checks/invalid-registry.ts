import type { Finding } from "../types.js";
import { createFinding } from "./finding.js";
import type { Rule } from "./rule.js";

/** One problem the registry loader found, at its place in the registry file (its RegistryProblem). */
interface Problem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** What to do about it, e.g. `did you mean "release"?` */
  hint?: string;
}

/** invalid-registry: the registry is malformed. Without an end the range is a point. */
export function invalidRegistryFinding(problem: Problem): Finding {
  const { file, line, column, hint } = problem;
  const hinted = hint !== undefined && hint !== "";
  return createFinding(invalidRegistryRule, {
    messageId: hinted ? "invalidRegistryHint" : "invalidRegistry",
    data: hinted ? { problem: problem.message, hint } : { problem: problem.message },
    site: { file, line, column, endLine: problem.endLine ?? line, endColumn: problem.endColumn ?? column },
    flag: null,
    registry: file,
  });
}

/** Reported by the registry loader; in ESLint this rule alone reports `cannotLoad`, once per file. */
export const invalidRegistryRule: Rule = {
  id: "invalid-registry",
  severity: "error",
  description: "Report a registry that cannot be loaded, or flaglint settings that cannot be used.",
  cliOnly: false,
  messages: {
    invalidRegistry: "{{problem}}",
    invalidRegistryHint: "{{problem}} ({{hint}})",
    cannotLoad: "flaglint: cannot load {{registryName}}: {{problem}}",
  },
  eslintMessages: {
    invalidSettings: "flaglint: {{problem}}",
    internalError: "flaglint: could not check this file: {{problem}}. Please report this as a flaglint bug.",
  },
};
