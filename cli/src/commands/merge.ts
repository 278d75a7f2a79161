// `flaglint merge <result.json…>`: the shards of a `--shard K/N` run -> the output one run on the whole tree gives.
import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { RULES, UsageError, mergeShardResults, readShardResult, repositoryRoot, withCodeOwners } from "@flaglint/core";
import { CommandContext, parseCount } from "../command-context.js";
import { EXIT_OK } from "../errors.js";
import { CHECK_FORMATS, REPOSITORY_PATH_FORMATS, REPORT_FORMATS } from "../formats/index.js";
import { VERSION } from "../version.js";
import { gate, type GateOptions } from "./check.js";

interface MergeOptions extends GateOptions {
  format?: string;
  color: boolean;
  ticketUrl?: string;
}

export function registerMerge(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const formats = [...new Set([...Object.keys(CHECK_FORMATS), ...Object.keys(REPORT_FORMATS)])];
  program
    .command("merge")
    .description("combine the JSON results of check or report --shard K/N into the result of one run (run it where the shards ran)")
    .argument("<results...>", "the shards' --format json results, one per shard")
    .addOption(new Option("-f, --format <format>", "output format (default: stylish after check, markdown after report)").choices(formats))
    .option("-o, --output <file>", "write the result to a file instead of stdout")
    .option("--no-color", "plain output without colours (also NO_COLOR=1)")
    .option("--quiet", "check: report errors only, as check --quiet")
    .option("--max-warnings <count>", "check: exit 1 when there are more warnings than this", parseCount)
    .option("--suppressions-location <file>", "check: the suppressions file, as check's")
    .option("--pass-on-unpruned-suppressions", "check: exit as if there were no unused suppressions")
    .option("--report-unused-disable-directives", "check: report registry disable directives that silence nothing as errors")
    .addOption(
      new Option("--report-unused-disable-directives-severity <severity>", "check: how to report disable directives that silence nothing")
        .choices(["off", "warn", "error"])
        .default("warn"),
    )
    .option("--ticket-url <template>", "report: turn ticket ids into links, e.g. https://tracker.example.com/browse/{id}")
    .action((results: string[], options: MergeOptions) => {
      setExitCode(runMerge(results, options, context));
    });
}

function runMerge(files: string[], options: MergeOptions, context: CommandContext): number {
  const cwd = context.io.cwd;
  const shards = files.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, file), "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return readShardResult(text, file, cwd);
  });
  const merged = mergeShardResults(shards, { cwd });
  const command = shards[0]!.shard.command;
  const formatName = options.format ?? (command === "report" ? "markdown" : "stylish");
  const format = (command === "report" ? REPORT_FORMATS : CHECK_FORMATS)[formatName];
  if (format === undefined) {
    const names = Object.keys(command === "report" ? REPORT_FORMATS : CHECK_FORMATS).join(", ");
    throw new UsageError(`merge: --format ${formatName} is not a format of ${command} (hint: one of ${names})`);
  }
  const formatOptions = {
    cwd,
    root: REPOSITORY_PATH_FORMATS.has(formatName) ? repositoryRoot(cwd) : cwd,
    version: VERSION,
    color: context.useColor(options),
    rules: Object.values(RULES),
    ticketUrl: options.ticketUrl,
  };
  if (command === "report") {
    context.emit(format(withCodeOwners(merged), formatOptions), options);
    return EXIT_OK;
  }
  return gate(merged, shards[0]!.shard.paths, options, context, (result) => format(result, formatOptions));
}
