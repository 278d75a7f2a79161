// The flaglint command line: parses arguments, calls the engine, picks a format, returns the exit code.
import { Command, CommanderError } from "commander";
import { CommandContext } from "./command-context.js";
import { registerCheck } from "./commands/check.js";
import { registerCleanup } from "./commands/cleanup.js";
import { registerExplain } from "./commands/explain.js";
import { registerInit } from "./commands/init.js";
import { registerMerge } from "./commands/merge.js";
import { registerRegistry } from "./commands/registry.js";
import { registerReport } from "./commands/report.js";
import { EXIT_USAGE, reportError } from "./errors.js";
import type { CliIO } from "./io.js";
import { VERSION } from "./version.js";

export function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command("flaglint")
    .description("Find feature-flag checks in TypeScript and JavaScript and report the ones that rot.")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run flaglint --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const context = new CommandContext(io);
  registerCheck(program, context, setExitCode);
  registerReport(program, context, setExitCode);
  registerCleanup(program, context, setExitCode);
  registerInit(program, context, setExitCode);
  registerExplain(program, context, setExitCode);
  registerRegistry(program, context, setExitCode);
  registerMerge(program, context, setExitCode);
  return program;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    return reportError(error, io.cwd, io.stderr, Boolean(io.env.FLAGLINT_DEBUG));
  }
}
