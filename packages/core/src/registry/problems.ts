// What a broken registry reports: one problem per mistake, each with its place in the file.
import * as path from "node:path";

export interface RegistryProblem {
  /** Absolute path of the registry file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** What to do about it, such as `did you mean "release"?`. */
  hint?: string;
}

/** `feature-flags.yaml:12:5: unknown type "relase" (did you mean "release"?)`, the path relative to `cwd`. */
export function formatProblem(problem: RegistryProblem, cwd: string): string {
  const relative = path.relative(cwd, problem.file) || path.basename(problem.file);
  return formatAt(relative.split(path.sep).join("/"), problem);
}

function formatAt(file: string, problem: RegistryProblem): string {
  const hint = problem.hint ? ` (${problem.hint})` : "";
  return `${file}:${problem.line}:${problem.column}: ${problem.message}${hint}`;
}

export class RegistryError extends Error {
  readonly problems: RegistryProblem[];

  constructor(problems: RegistryProblem[]) {
    // The message stands alone (no cwd is known here), so it names files by absolute path.
    super(problems.map((problem) => formatAt(problem.file, problem)).join("\n"));
    this.name = "RegistryError";
    this.problems = problems;
  }
}

/** One problem at the top of the file: for failures that have no better place. */
export function fileProblem(file: string, message: string, hint?: string): RegistryProblem {
  return hint === undefined ? { file, line: 1, column: 1, message } : { file, line: 1, column: 1, message, hint };
}

/** In file order; the same problem found twice is reported once. */
export function sortProblems(problems: RegistryProblem[]): RegistryProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((problem) => {
      const id = `${problem.line}:${problem.column}:${problem.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}
