// `flaglint report`: the inventory of every flag, for the weekly stale-flag review. Always exits 0 on success.
import type { Command } from "commander";
import {
  RULES,
  RegistryError,
  UsageError,
  analyzeProjectAsync,
  flagHistory,
  historyDates,
  withCodeOwners,
  type ProjectResult,
  type Shard,
} from "@flaglint/core";
import { CommandContext, addCommonOptions, changedSinceOption, formatOption, maxFileSizeOption, megabytesToBytes, type CommonOptions } from "../command-context.js";
import { EXIT_OK, EXIT_USAGE } from "../errors.js";
import { REPORT_FORMATS } from "../formats/index.js";
import { VERSION } from "../version.js";
import { withCacheOptions, cacheOptions, type CacheFlags } from "../cache-options.js";
import { shardOption } from "./shard-option.js";

interface ReportOptions extends CommonOptions, CacheFlags {
  format: string;
  ticketUrl?: string;
  /** `--no-git` sets it to false. */
  git: boolean;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
  /** `--history 12w`. */
  history?: string;
  historyFrom?: string;
  /** `--shard K/N`. */
  shard?: Shard;
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
    .option("--history <weeks>", "add the trend: the states at one commit per week, this many weeks back, e.g. 12w")
    .option("--history-from <date>", "add the trend from this date (YYYY-MM-DD) to today, one point per week")
    .addOption(shardOption());
  withCacheOptions(command)
    .action(async (paths: string[], options: ReportOptions) => {
      setExitCode(await runReport(paths, options, context));
    });
}

async function runReport(paths: string[], options: ReportOptions, context: CommandContext): Promise<number> {
  if (options.ticketUrl !== undefined && !/^https?:\/\/[^\s]*\{id\}/.test(options.ticketUrl)) {
    throw new UsageError(`--ticket-url must be an http(s) URL containing {id}, like https://tracker.example.com/browse/{id}`);
  }
  const now = context.now(options);
  const dates = trendDates(options, now);
  if (options.shard && dates) throw new UsageError("--shard and --history: the trend is not split; run it once, without --shard");
  let scanned: ProjectResult;
  try {
    scanned = await analyzeProjectAsync({
      cwd: context.io.cwd,
    paths,
    registry: options.registry,
    now,
    changedSince: options.changedSince,
    maxFileBytes: megabytesToBytes(options.maxFileSize),
    createdFromGit: options.git,
    onProgress: context.progress("flaglint: scanning"),
    ...(options.shard ? { shard: { ...options.shard, flaglint: VERSION, command: "report" } } : {}),
    cache: cacheOptions(options, context.io),
    });
  } catch (error) {
    // The reports for people (markdown, html, csv) have the error lines on stderr; JSON is read by
    // tools, which get the problems as findings at the registry's lines, as from check.
    if (!(error instanceof RegistryError) || options.format !== "json") throw error;
    const json = REPORT_FORMATS.json!;
    context.emitInvalidRegistry(error, now, (result) => json(result, { cwd: context.io.cwd, version: VERSION, color: false, rules: Object.values(RULES) }), options);
    return EXIT_USAGE;
  }
  context.noteSkipped(scanned.skipped, options.maxFileSize);
  context.noteScope(scanned.scope);
  const result = withHistory(withCodeOwners(scanned), dates, paths, options);
  context.note(result.notes);
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

function trendDates(options: ReportOptions, now: string): string[] | undefined {
  if (options.history !== undefined && options.historyFrom !== undefined) {
    throw new UsageError("--history and --history-from: give one of them");
  }
  if (options.historyFrom !== undefined) return historyDates(now, { from: options.historyFrom });
  if (options.history === undefined) return undefined;
  const weeks = /^([1-9][0-9]*)w$/.exec(options.history.trim());
  if (!weeks) throw new UsageError(`--history ${options.history}: write a number of weeks, like 12w`);
  return historyDates(now, { weeks: Number(weeks[1]) });
}

function withHistory(result: ProjectResult, dates: string[] | undefined, paths: string[], options: ReportOptions): ProjectResult {
  if (dates === undefined) return result;
  const trend = flagHistory({ cwd: result.cwd, paths, registry: options.registry, dates, createdFromGit: options.git });
  return {
    ...result,
    ...(trend.points ? { history: trend.points } : {}),
    notes: [...(result.notes ?? []), ...trend.notes],
  };
}
