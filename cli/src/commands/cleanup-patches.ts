// `flaglint cleanup --all --patches DIR`: one patch per dead flag and an index, for a scheduled job
// that opens a pull request per patch. Nothing in the project is written.
import fs from "node:fs";
import path from "node:path";
import { UsageError, cleanupPatches, type PatchSet } from "@flaglint/core";
import type { CommandContext, CommonOptions } from "../command-context.js";
import { EXIT_OK } from "../errors.js";
import { writeFileAtomic } from "../io.js";

interface PatchCommandOptions extends CommonOptions {
  value?: string;
  dryRun?: boolean;
  all?: boolean;
  patches?: string;
}

export function runCleanupPatches(paths: string[], options: PatchCommandOptions, context: CommandContext): number {
  if (!options.all) throw new UsageError("--patches goes with --all (hint: flaglint cleanup --all --patches DIR)");
  if (options.patches === undefined) throw new UsageError("--all needs --patches DIR: the patches are written there, the project is left alone");
  if (options.value !== undefined) throw new UsageError("--all takes each flag's value from its final field in the registry; leave out --value");
  const cwd = context.io.cwd;
  const set = cleanupPatches({ cwd, paths, registry: options.registry, now: context.now(options) });
  const dir = path.resolve(cwd, options.patches);
  if (!options.dryRun) writePatches(dir, set, options.patches);
  context.io.stdout.write(`${summaryLines(set, options.patches, options.dryRun === true).join("\n")}\n`);
  return EXIT_OK;
}

/** index.json as written: what a workflow reads to open one pull request per patch. */
export function patchIndex(set: PatchSet): object {
  return { version: 1, now: set.now, flags: set.flags };
}

function writePatches(dir: string, set: PatchSet, shown: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of set.patches) writeFileAtomic(path.join(dir, name), text);
    // The index last: a reader that sees it sees every patch it names.
    writeFileAtomic(path.join(dir, "index.json"), `${JSON.stringify(patchIndex(set), null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write into ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function summaryLines(set: PatchSet, shown: string, dryRun: boolean): string[] {
  const lines = set.flags.map((entry) => {
    if (entry.patch === null) return `skipped ${entry.flag}: ${entry.skipped ?? "no patch"}`;
    const left = entry.refusals.length > 0 ? `, ${entry.refusals.length} left for a person` : "";
    return `${dryRun ? "would write" : "wrote"} ${path.posix.join(shown.split(path.sep).join("/"), entry.patch)}: ${entry.flag}, ${entry.files.length} files, -${entry.linesRemoved} lines${left}`;
  });
  const written = set.flags.filter((entry) => entry.patch !== null).length;
  lines.push(`${written} of ${set.flags.length} retired or overdue flags have a patch${dryRun ? " (dry run: nothing written)" : ""}.`);
  return lines;
}
