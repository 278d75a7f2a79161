// `flaglint check`: the lint gate. Exit 0 when clean, 1 on an error finding (or too many warnings).
import type { Command } from "commander";
import { RULES, analyzeProjectAsync, type ProjectResult } from "@flaglint/core";
import { CommandContext, addCommonOptions, changedSinceOption, formatOption, maxFileSizeOption, megabytesToBytes, parseCount, type CommonOptions } from "../command-context.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { CHECK_FORMATS } from "../formats/index.js";
import { VERSION } from "../version.js";

interface CheckOptions extends CommonOptions {
  format: string;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
}

export function registerCheck(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("check")
    .description("lint gate: check every flag reference against its registry; exit 1 on errors")
    .argument("[paths...]", "files or folders to check (default: the current folder)");
  addCommonOptions(command)
    .addOption(formatOption(Object.keys(CHECK_FORMATS), "stylish"))
    .addOption(changedSinceOption())
    .option("--quiet", "report errors only, not warnings")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .addOption(maxFileSizeOption())
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, context));
    });
}

async function runCheck(paths: string[], options: CheckOptions, context: CommandContext): Promise<number> {
  const now = context.now(options);
  const full = await analyzeProjectAsync({
    cwd: context.io.cwd,
    paths,
    registry: options.registry,
    now,
    changedSince: options.changedSince,
    maxFileBytes: megabytesToBytes(options.maxFileSize),
    onProgress: context.progress("flaglint: checking"),
  });
  context.noteSkipped(full.skipped, options.maxFileSize);
  const warnings = full.summary.warnings;
  const result = options.quiet ? onlyErrors(full) : full;
  context.emit(
    CHECK_FORMATS[options.format]!(result, {
      cwd: context.io.cwd,
      version: VERSION,
      color: context.useColor(options),
      rules: Object.values(RULES),
    }),
    options,
  );
  if (result.summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    context.io.stderr.write(
      `flaglint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function onlyErrors(result: ProjectResult): ProjectResult {
  const findings = result.findings.filter((finding) => finding.severity === "error");
  return { ...result, findings, summary: { ...result.summary, warnings: 0 } };
}

