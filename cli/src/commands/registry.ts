// `flaglint registry pull`: bring the registry in step with a flag service or a flag file.
// Default: write the merged registry and say what changed. --dry-run: print the diff, write nothing.
// --check: write nothing; exit 0 in step, 1 behind (a scheduled CI job).
import path from "node:path";
import { Option, type Command } from "commander";
import { REGISTRY_SOURCE_NAMES, UsageError, findRegistry, pullRegistry, type PullResult, type SourceOptions } from "@flaglint/core";
import type { CommandContext } from "../command-context.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { relativePath } from "../formats/paths.js";
import { writeFileAtomic } from "../io.js";
import { unifiedDiff } from "./cleanup.js";

interface PullOptions {
  from?: SourceOptions["from"];
  file?: string;
  project?: string;
  environment?: string;
  baseUrl?: string;
  tokenEnv?: string;
  registry?: string;
  dryRun?: boolean;
  check?: boolean;
}

/** Options that describe one source: only with --from. */
const SOURCE_FLAGS = [
  ["file", "--file"],
  ["project", "--project"],
  ["environment", "--environment"],
  ["baseUrl", "--base-url"],
  ["tokenEnv", "--token-env"],
] as const;

export function registerRegistry(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const registry = program.command("registry").description("keep feature-flags.yaml in step with a flag service or flag file");
  registry
    .command("pull")
    .description("merge the flags of a flag service or flag file into the registry (default: the registry's sources: list)")
    .addOption(new Option("--from <source>", "where the flags come from").choices([...REGISTRY_SOURCE_NAMES]))
    .option("--file <path>", "read this file instead of the network: a service's saved JSON answer, a flag manifest, a folder of definitions (gitlab)")
    .option("--project <key>", "the project in the service (LaunchDarkly key, Unleash/GrowthBook/Flagsmith/PostHog id)")
    .option("--environment <key>", "the environment flag links point at (LaunchDarkly, Flagsmith)")
    .option("--base-url <url>", "address of a self-hosted or regional service, e.g. https://unleash.example.com")
    .option("--token-env <name>", "environment variable that holds the API token (default: LD_API_KEY, UNLEASH_API_TOKEN, …)")
    .option("--registry <path>", "the registry to update (default: the nearest feature-flags.yaml)")
    .option("--dry-run", "print the changes as a unified diff and write nothing")
    .option("--check", "write nothing; exit 1 when the registry is behind its sources")
    .action(async (options: PullOptions) => {
      setExitCode(await runPull(options, context));
    });
}

async function runPull(options: PullOptions, context: CommandContext): Promise<number> {
  const { cwd, env, stdout, stderr } = context.io;
  if (options.dryRun && options.check) throw new UsageError("--dry-run and --check do not go together: --check already writes nothing");
  if (options.from === undefined) {
    const given = SOURCE_FLAGS.find(([field]) => options[field] !== undefined);
    if (given) throw new UsageError(`${given[1]} needs --from to say which source it is for (or put it in the registry's sources: list)`);
  }
  if (options.tokenEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.tokenEnv)) {
    throw new UsageError(`--token-env takes the name of an environment variable, such as LD_API_KEY, not the token itself`);
  }
  const registryPath = options.registry !== undefined ? path.resolve(cwd, options.registry) : (findRegistry(cwd) ?? path.join(cwd, "feature-flags.yaml"));
  const sources = options.from === undefined ? undefined : [{ options: sourceOptions(options), baseDir: cwd }];
  const progress = pageProgress(context);
  let result: PullResult;
  try {
    result = await pullRegistry({ registryPath, sources, env, onPage: progress?.update });
  } finally {
    progress?.done();
  }

  const name = relativePath(registryPath, cwd);
  const notes = result.conflicts.map((conflict) => `note: ${conflict}`);
  if (options.check) {
    stdout.write([checkLine(result, name), ...notes, ""].join("\n"));
    return result.changed ? EXIT_FINDINGS : EXIT_OK;
  }
  if (options.dryRun) {
    stdout.write(unifiedDiff(result.changed ? [{ file: registryPath, before: result.before, after: result.after }] : [], cwd));
    // The diff stays applyable (`| git apply`): everything else goes to stderr.
    stderr.write([`${summaryLine(result, name)}; nothing written`, ...notes, ""].join("\n"));
    return EXIT_OK;
  }
  if (result.changed) {
    try {
      writeFileAtomic(registryPath, result.after);
    } catch (error) {
      throw new UsageError(`cannot write ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  stdout.write([summaryLine(result, name), ...notes, ""].join("\n"));
  return EXIT_OK;
}

function sourceOptions(options: PullOptions): SourceOptions {
  const source: SourceOptions = { from: options.from! };
  for (const [field] of SOURCE_FLAGS) {
    if (options[field] !== undefined) source[field] = options[field];
  }
  return source;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function readFrom(result: PullResult): string {
  return `${count(result.pulled, "flag")} read from ${result.sources.join(", ")}`;
}

/** `feature-flags.yaml: 2 added, 1 updated, 1 archived, 1 conflict (12 flags read from launchdarkly)` */
function summaryLine(result: PullResult, name: string): string {
  const created = result.existed ? "" : " (new file)";
  if (!result.changed) return `${name} is in step (${readFrom(result)})${result.conflicts.length > 0 ? `; ${count(result.conflicts.length, "conflict")} kept as written` : ""}`;
  const parts = [`${result.added.length} added`, `${result.updated.length} updated`, `${result.archived.length} archived`, count(result.conflicts.length, "conflict")];
  return `${name}${created}: ${parts.join(", ")} (${readFrom(result)})`;
}

function checkLine(result: PullResult, name: string): string {
  if (!result.changed) return `${name} is in step with ${result.sources.join(", ")} (${count(result.pulled, "flag")} read)`;
  if (!result.existed) return `${name} does not exist yet; run flaglint registry pull to write it`;
  const parts = [`${result.added.length} to add`, `${result.updated.length} to update`, `${result.archived.length} to archive`];
  return `${name} is behind ${result.sources.join(", ")}: ${parts.join(", ")}; run flaglint registry pull`;
}

/** Pages read so far, on stderr, only when a person is watching. */
function pageProgress(context: CommandContext): { update: (source: string, pages: number, flags: number) => void; done: () => void } | undefined {
  const { stderr, env } = context.io;
  if (!stderr.isTTY || env.CI) return undefined;
  let shown = false;
  return {
    update(source, pages, flags) {
      shown = true;
      stderr.write(`\rflaglint: ${source}: ${count(pages, "page")}, ${count(flags, "flag")}…`);
    },
    done() {
      if (shown) stderr.write("\r\u001b[K");
    },
  };
}
