import type { Finding } from "../types.js";
import { createFinding } from "./finding.js";

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
  return createFinding({
    rule: "invalid-registry",
    messageId: hinted ? "invalidRegistryHint" : "invalidRegistry",
    data: hinted ? { problem: problem.message, hint } : { problem: problem.message },
    site: { file, line, column, endLine: problem.endLine ?? line, endColumn: problem.endColumn ?? column },
    flag: null,
    registry: file,
  });
}
