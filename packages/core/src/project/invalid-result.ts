// A run stopped by a broken registry still gives a result, so every output format can say why
// (a code-scanning upload, a JSON reader, an annotation) and not only the text on stderr.
import { invalidRegistryFinding } from "../checks/index.js";
import type { RegistryError } from "../registry/index.js";
import type { ProjectResult } from "../types.js";

/** One `invalid-registry` finding per problem, at its place in the registry file; nothing else was checked. */
export function invalidRegistryResult(error: RegistryError, options: { cwd: string; now: string }): ProjectResult {
  const findings = error.problems.map((problem) => invalidRegistryFinding(problem));
  return {
    cwd: options.cwd,
    now: options.now,
    registries: [...new Set(error.problems.map((problem) => problem.file))].sort(),
    findings,
    references: [],
    flags: [],
    summary: { files: 0, parsed: 0, references: 0, errors: findings.length, warnings: 0 },
  };
}
