// `flaglint report`: the inventory of every flag, for the weekly stale-flag review. Always exits 0 on success.
import type { Command } from "commander";
import { RULES, UsageError, analyzeProjectAsync } from "@flaglint/core";
import { CommandContext, addCommonOptions, changedSinceOption, formatOption, maxFileSizeOption, megabytesToBytes, type CommonOptions } from "../cli.js";
import { EXIT_OK } from "../errors.js";
import { REPORT_FORMATS } from "../formats/index.js";
import { VERSION } from "../version.js";

interface ReportOptions extends CommonOptions {
  format: string;
  ticketUrl?: string;
  /** `--no-git` sets it to false. */
  git: boolean;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
}

export function registerReport(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("report")
    .description("inventory of every flag: state, owner, age, due date, references")
    .argument("[paths...]", "files or folders to scan (default: the current folder)");
  addCommonOptions(command)
    .addOption(formatOption(Object.keys(REPORT_FORMATS), "markdown"))
    .addOption(changedSinceOption())
    .option("--no-git", "do not date flags without a created date from git history")
    .option("--ticket-url <template>", "turn ticket ids into links, e.g. https://tracker.example.com/browse/{id}")
    .addOption(maxFileSizeOption())
    .action(async (paths: string[], options: ReportOptions) => {
      setExitCode(await runReport(paths, options, context));
    });
}

async function runReport(paths: string[], options: ReportOptions, context: CommandContext): Promise<number> {
  if (options.ticketUrl !== undefined && !/^https?:\/\/[^\s]*\{id\}/.test(options.ticketUrl)) {
    throw new UsageError(`--ticket-url must be an http(s) URL containing {id}, like https://tracker.example.com/browse/{id}`);
  }
  const result = await analyzeProjectAsync({
    cwd: context.io.cwd,
    paths,
    registry: options.registry,
    now: context.now(options),
    changedSince: options.changedSince,
    maxFileBytes: megabytesToBytes(options.maxFileSize),
    createdFromGit: options.git,
    onProgress: context.progress("flaglint: scanning"),
  });
  context.noteSkipped(result.skipped, options.maxFileSize);
  context.noteScope(result.notes);
  context.emit(
    REPORT_FORMATS[options.format]!(result, {
      cwd: context.io.cwd,
      version: VERSION,
      color: context.useColor(options),
      rules: Object.values(RULES),
      ticketUrl: options.ticketUrl,
    }),
    options,
  );
  return EXIT_OK;
}
