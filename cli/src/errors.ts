// Errors a user can act on print as one line and exit 2; anything else is a bug and says so.
import { RegistryError, UsageError, formatProblem } from "@flaglint/core";
import type { OutputStream } from "./io.js";
import { VERSION } from "./version.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function reportError(error: unknown, cwd: string, stderr: OutputStream, debug = false): number {
  if (error instanceof RegistryError) {
    for (const problem of error.problems) stderr.write(`${formatProblem(problem, cwd)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    stderr.write(`flaglint: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(
    `flaglint ${VERSION} crashed: ${message}\n` +
      `This is a bug in flaglint: please report it with the command you ran` +
      (debug && error instanceof Error && error.stack ? ` and this trace:\n${error.stack}\n` : " (FLAGLINT_DEBUG=1 shows the trace).\n"),
  );
  return EXIT_USAGE;
}
