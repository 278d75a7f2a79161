// `flaglint cleanup <flag> --value <v>`: remove a dead flag's checks from the code, Piranha-style.
// Exit 0 when the flag is gone, 1 when places are left for a person, 2 on bad usage.
import type { Command } from "commander";
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from "diff";
import { UsageError, cleanupProject, parseFlagValue, type CleanupResult, type FileChange } from "@flaglint/core";
import { CommandContext, addCommonOptions, type CommonOptions } from "../command-context.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { relativePath } from "../formats/paths.js";
import { runCleanupPatches } from "./cleanup-patches.js";

interface CleanupCommandOptions extends CommonOptions {
  value?: string;
  dryRun?: boolean;
  all?: boolean;
  patches?: string;
}

export function registerCleanup(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("cleanup")
    .description("remove a dead flag: replace its checks with a value, simplify the code, archive its registry entry")
    .argument("[flag]", "registry key of the flag to remove (not with --all)")
    .argument("[paths...]", "files or folders to clean up (default: the current folder)");
  addCommonOptions(command)
    .option("--value <value>", `the flag's final value: on, off, or a JSON literal such as '"blue"' or 3`)
    .option("--dry-run", "print the changes as a unified diff and write nothing")
    .option("--all", "every retired or overdue flag with a final value in the registry (with --patches)")
    .option("--patches <dir>", "with --all: write one <flag>.patch per flag and index.json into this folder, nothing else")
    .action((flag: string | undefined, paths: string[], options: CleanupCommandOptions) => {
      if (options.all || options.patches !== undefined) {
        setExitCode(runCleanupPatches(flag === undefined ? paths : [flag, ...paths], options, context));
        return;
      }
      if (flag === undefined) throw new UsageError("cleanup needs a flag (hint: flaglint cleanup <flag> --value on, or --all --patches DIR)");
      if (options.value === undefined) throw new UsageError(`cleanup ${flag} needs --value (hint: --value on, --value off, or a JSON literal)`);
      setExitCode(runCleanup(flag, paths, { ...options, value: options.value }, context));
    });
}

function runCleanup(flag: string, paths: string[], options: CleanupCommandOptions & { value: string }, context: CommandContext): number {
  const value = parseFlagValue(options.value);
  const cwd = context.io.cwd;
  const dryRun = options.dryRun === true;
  const result = cleanupProject({ cwd, paths, flag, value, registry: options.registry, dryRun, now: context.now(options) });
  const manual = result.manual.map((place) => `${relativePath(place.file, cwd)}:${place.line}: needs manual cleanup: ${place.reason}`);

  if (dryRun) {
    context.emit(unifiedDiff([...result.files, ...result.registry], cwd), options);
    // The diff stays applyable (`| git apply`): everything else goes to stderr.
    for (const line of manual) context.io.stderr.write(`${line}\n`);
  } else {
    context.emit([...changedLines(result, cwd), ...manual, summary(result)].join("\n"), options);
  }
  if (result.blocked) context.io.stderr.write(`flaglint: ${result.blocked}.\n`);
  return result.manual.length > 0 || result.blocked ? EXIT_FINDINGS : EXIT_OK;
}

/** A git-style patch: `a/` and `b/` paths relative to the working folder. */
export function unifiedDiff(changes: readonly FileChange[], cwd: string): string {
  return changes
    .map((change) => {
      const file = relativePath(change.file, cwd);
      const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, change.before, change.after, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      });
      return `diff --git a/${file} b/${file}\n${patch}`;
    })
    .join("");
}

function changedLines(result: CleanupResult, cwd: string): string[] {
  if (!result.written) return [];
  return [
    ...result.files.map((change) => `cleaned ${relativePath(change.file, cwd)}`),
    ...result.registry.map((change) => `${relativePath(change.file, cwd)}: ${result.flag} marked ${change.status}`),
  ];
}

function summary(result: CleanupResult): string {
  const checks = `${result.references} ${result.references === 1 ? "check" : "checks"}`;
  const files = `${result.files.length} ${result.files.length === 1 ? "file" : "files"}`;
  const left = result.manual.length;
  const places = left === 0 ? "nothing left to do by hand" : `${left} ${left === 1 ? "place needs" : "places need"} manual cleanup`;
  const done = result.written || result.files.length + result.registry.length === 0 ? "" : ", nothing written";
  return `${result.flag}: ${checks} found, ${files} rewritten${done}; ${places}.`;
}
