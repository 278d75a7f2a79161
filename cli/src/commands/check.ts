// `flaglint check`: the lint gate. Exit 0 when clean, 1 on an error finding (or too many warnings).
import fs from "node:fs";
import path from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  RULES,
  RULE_IDS,
  RegistryError,
  SUPPRESSIONS_FILE,
  UsageError,
  analyzeProjectAsync,
  applySuppressions,
  nearestKey,
  parseSuppressions,
  pathsCover,
  pruneSuppressions,
  repositoryRoot,
  serializeSuppressions,
  suppressFindings,
  type ProjectResult,
  type Shard,
  type Suppressions,
  type UnusedDirective,
  type UnusedSuppression,
} from "@flaglint/core";
import { CommandContext, addCommonOptions, changedSinceOption, formatOption, maxFileSizeOption, megabytesToBytes, parseCount, type CommonOptions } from "../command-context.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../errors.js";
import { CHECK_FORMATS, REPOSITORY_PATH_FORMATS } from "../formats/index.js";
import { relativePath } from "../formats/paths.js";
import { writeFileAtomic } from "../io.js";
import { VERSION } from "../version.js";
import { withCacheOptions, cacheOptions, type CacheFlags } from "../cache-options.js";
import { shardOption } from "./shard-option.js";

interface CheckOptions extends CommonOptions, CacheFlags {
  format: string;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
  passOnUnprunedSuppressions?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity: "off" | "warn" | "error";
  /** `--shard K/N`. */
  shard?: Shard;
}

export function registerCheck(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("check")
    .description("lint gate: check every flag reference against its registry; exit 1 on errors")
    .argument("[paths...]", "files or folders to check (default: the current folder)");
  addCommonOptions(command)
    .addOption(formatOption(Object.keys(CHECK_FORMATS), "stylish"))
    .addOption(changedSinceOption())
    .option("--quiet", "report errors only: warnings are neither shown nor counted (as in ESLint)")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .addOption(maxFileSizeOption())
    .option("--suppress-all", "write every error finding into the suppressions file (a baseline)")
    .addOption(
      new Option("--suppress-rule <id>", "write this rule's error findings into the suppressions file (repeatable)").argParser(ruleIds),
    )
    .option("--prune-suppressions", "remove suppressions that no finding uses any more")
    .option("--suppressions-location <file>", `the suppressions file (default: ${SUPPRESSIONS_FILE})`)
    .option("--pass-on-unpruned-suppressions", "exit as if there were no unused suppressions")
    .option("--report-unused-disable-directives", "report disable directives that silence nothing as errors")
    .addOption(
      new Option("--report-unused-disable-directives-severity <severity>", "how to report disable directives that silence nothing")
        .choices(["off", "warn", "error"])
        .default("warn"),
    )
    .addOption(shardOption());
  withCacheOptions(command)
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, context));
    });
}

async function runCheck(paths: string[], options: CheckOptions, context: CommandContext): Promise<number> {
  const cwd = context.io.cwd;
  if (options.shard && (options.suppressAll || options.suppressRule || options.pruneSuppressions)) {
    throw new UsageError("--shard sees part of the findings: write suppressions from one whole run or from `flaglint merge` instead");
  }
  const now = context.now(options);
  const format = CHECK_FORMATS[options.format]!;
  const formatOptions = {
    cwd,
    // Asking git costs a process: only the formats that need the root pay for it.
    root: REPOSITORY_PATH_FORMATS.has(options.format) ? repositoryRoot(cwd) : cwd,
    version: VERSION,
    color: context.useColor(options),
    rules: Object.values(RULES),
  };
  let full: ProjectResult;
  try {
    full = await analyzeProjectAsync({
      cwd,
      paths,
      registry: options.registry,
      now,
      changedSince: options.changedSince,
      maxFileBytes: megabytesToBytes(options.maxFileSize),
      onProgress: context.progress("flaglint: checking"),
      ...(options.shard ? { shard: { ...options.shard, flaglint: VERSION, command: "check" } } : {}),
      cache: cacheOptions(options, context.io),
    });
  } catch (error) {
    // stylish is for people: the error lines on stderr are all of it. Other formats are read by
    // tools, which get the problems as findings at the registry's lines.
    if (!(error instanceof RegistryError) || options.format === "stylish") throw error;
    context.emitInvalidRegistry(error, now, (result) => format(result, formatOptions), options);
    return EXIT_USAGE;
  }
  context.noteSkipped(full.skipped, options.maxFileSize);
  if (!options.quiet) context.noteScope(full.scope);
  if (options.shard) {
    // A shard holds part of the findings: suppressions, --quiet and the exit code are the merge's.
    context.emit(format(full, formatOptions), options);
    return EXIT_OK;
  }
  return gate(full, paths, options, context, (result) => format(result, formatOptions));
}

/** Options of check's gate, which `merge` shares. */
export type GateOptions = Pick<
  CheckOptions,
  | "quiet"
  | "maxWarnings"
  | "changedSince"
  | "suppressAll"
  | "suppressRule"
  | "pruneSuppressions"
  | "suppressionsLocation"
  | "passOnUnprunedSuppressions"
  | "reportUnusedDisableDirectives"
  | "reportUnusedDisableDirectivesSeverity"
  | "output"
  | "color"
>;

/** The whole run's result -> suppressions applied, the output written, the exit code. */
export function gate(full: ProjectResult, paths: readonly string[], options: GateOptions, context: CommandContext, render: (result: ProjectResult) => string): number {
  const cwd = context.io.cwd;
  const baseline = new Baseline(path.resolve(cwd, options.suppressionsLocation ?? SUPPRESSIONS_FILE), cwd);
  // --changed-since sees part of each file's findings: it cannot tell a suppression is unused.
  const covers = options.changedSince !== undefined ? () => false : pathsCover(cwd, paths.length > 0 ? paths : ["."]);
  if (options.suppressAll || options.suppressRule || options.pruneSuppressions) {
    const existing = baseline.read() ?? {};
    const next = options.pruneSuppressions
      ? pruneSuppressions(existing, full, { base: baseline.base, covers })
      : suppressFindings(existing, full, { base: baseline.base, covers, rules: options.suppressAll ? undefined : options.suppressRule });
    baseline.write(next);
  }
  const suppressions = baseline.read();
  const applied = suppressions ? applySuppressions(full, suppressions, { base: baseline.base, covers }) : undefined;

  const result = options.quiet ? onlyErrors(applied?.result ?? full) : (applied?.result ?? full);
  context.emit(render(result), options);

  const directives = reportUnusedDirectives(full.unusedDirectives ?? [], options, context);
  const unused = applied?.unused ?? [];
  reportUnusedSuppressions(unused, baseline.file, context);

  if (result.summary.errors + directives.errors > 0) return EXIT_FINDINGS;
  const warnings = result.summary.warnings + directives.warnings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    context.io.stderr.write(`flaglint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
    return EXIT_FINDINGS;
  }
  // As ESLint: suppressions nobody needs fail the run until pruned, so the baseline only shrinks.
  if (unused.length > 0 && !options.passOnUnprunedSuppressions) return EXIT_USAGE;
  return EXIT_OK;
}

/**
 * Disable directives that silence nothing, as ESLint reports them: warnings unless asked otherwise
 * (`--quiet` hides those), errors with --report-unused-disable-directives. Returns what they add.
 */
function reportUnusedDirectives(unused: readonly UnusedDirective[], options: GateOptions, context: CommandContext): { errors: number; warnings: number } {
  const severity = options.reportUnusedDisableDirectives ? "error" : options.reportUnusedDisableDirectivesSeverity;
  if (severity === "off" || (severity === "warn" && options.quiet)) return { errors: 0, warnings: 0 };
  for (const directive of unused) {
    const label = directive.rules.length > 0 ? directive.rules.join(", ") : "any rule";
    context.io.stderr.write(
      `${relativePath(directive.file, context.io.cwd)}:${directive.line}: ${severity === "error" ? "error" : "warning"}: unused disable directive (no problem from ${label} was silenced)\n`,
    );
  }
  return severity === "error" ? { errors: unused.length, warnings: 0 } : { errors: 0, warnings: unused.length };
}

/** One line per suppression nothing uses any more, and what to do about it. */
function reportUnusedSuppressions(unused: readonly UnusedSuppression[], file: string, context: CommandContext): void {
  if (unused.length === 0) return;
  const where = relativePath(file, context.io.cwd);
  for (const entry of unused) context.io.stderr.write(`flaglint: ${where}: ${entry.file} allows ${entry.count} ${entry.rule}, ${entry.found} found\n`);
  context.io.stderr.write(
    `flaglint: ${unused.length} ${unused.length === 1 ? "suppression is" : "suppressions are"} no longer needed (hint: flaglint check --prune-suppressions).\n`,
  );
}

/** The suppressions file: read when present, written atomically. */
class Baseline {
  readonly base: string;

  constructor(
    readonly file: string,
    private readonly cwd: string,
  ) {
    this.base = path.dirname(file);
  }

  read(): Suppressions | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new UsageError(`cannot read ${relativePath(this.file, this.cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return parseSuppressions(text, relativePath(this.file, this.cwd));
  }

  write(suppressions: Suppressions): void {
    try {
      fs.mkdirSync(this.base, { recursive: true });
      writeFileAtomic(this.file, serializeSuppressions(suppressions));
    } catch (error) {
      throw new UsageError(`cannot write ${relativePath(this.file, this.cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}

/** `--suppress-rule`, repeatable: each value a rule id. */
function ruleIds(value: string, previous: string[] | undefined): string[] {
  if (!(RULE_IDS as readonly string[]).includes(value)) {
    const near = nearestKey(value, RULE_IDS);
    throw new InvalidArgumentError(`unknown rule "${value}"${near ? ` (did you mean "${near}"?)` : ""}.`);
  }
  return [...(previous ?? []), value];
}

function onlyErrors(result: ProjectResult): ProjectResult {
  const findings = result.findings.filter((finding) => finding.severity === "error");
  return { ...result, findings, summary: { ...result.summary, warnings: 0 } };
}
