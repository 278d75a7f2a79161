// `flaglint init`: discover how the code checks its flags and write (or update, or check) the registry.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  UsageError,
  loadRegistry,
  planInit,
  updateRegistryText,
  type CallMatcher,
  type InitPlan,
  type Registry,
} from "@flaglint/core";
import { maxFileSizeOption, megabytesToBytes, type CommandContext } from "../command-context.js";
import { EXIT_OK } from "../errors.js";
import { writeFileAtomic } from "../io.js";
import { cacheLocationOption, cacheOption, cacheOptions, cacheStrategyOption, type CacheFlags } from "../cache-options.js";

interface InitOptions extends CacheFlags {
  detectFrom?: string;
  function: string[];
  object: string[];
  force?: boolean;
  update?: boolean;
  check?: boolean;
  dryRun?: boolean;
  /** `--no-git` sets it to false. */
  git: boolean;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
}

const REGISTRY_NAME = "feature-flags.yaml";
const SCHEMA_IN_PACKAGE = "node_modules/@flaglint/core/schema/feature-flags.schema.json";
/** `--check` found a flag the registry lacks. */
const EXIT_OUT_OF_STEP = 1;

export function registerInit(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("discover how the code checks flags and write feature-flags.yaml, with the evidence as comments")
    .argument("[paths...]", "folders or files to scan; the registry goes in the first (default: the current folder)")
    .option("--dry-run", "print the summary and the registry; write nothing")
    .option("--update", "merge new flags and matchers into the existing registry, keeping every hand-written field and comment")
    .option("--check", "write nothing; exit 1 when the code declares or checks a flag the registry lacks")
    .option("--force", "replace an existing feature-flags.yaml (hand-written flag fields and matchers are carried over)")
    .option("--detect-from <registry>", "find checks with this registry's detect section instead of discovering, and copy it")
    .option("--function <name>", "also count calls of this function as checks, e.g. useFlag (repeatable)", collect, [])
    .option("--object <name.method>", "also count this method as a check, e.g. flagResolver.isEnabled (repeatable)", collect, [])
    .option("--no-git", "do not date flags from git history")
    .addOption(maxFileSizeOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(cacheStrategyOption())
    .action((paths: string[], options: InitOptions) => {
      setExitCode(runInit(paths, options, context));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function runInit(paths: string[], options: InitOptions, context: CommandContext): number {
  const cwd = context.io.cwd;
  const modes = [options.update && "--update", options.check && "--check", options.force && "--force"].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} cannot be combined (hint: pick one)`);
  const dir = targetFolder(cwd, paths[0]);
  const existing = existingRegistry(dir);
  const extraCalls: CallMatcher[] = [
    ...options.function.map((name) => ({ function: identifier(name, "--function"), keyArg: 0 })),
    ...options.object.map(objectMethod),
  ];
  const target = existing ?? path.join(dir, REGISTRY_NAME);

  if (options.check && existing === undefined) {
    throw new UsageError(`no registry in ${relative(cwd, dir)} to check (hint: write one with flaglint init)`);
  }
  if (existing !== undefined && existing.endsWith(".json") && !options.check) {
    throw new UsageError(`${relative(cwd, existing)} already exists (hint: init writes YAML; move the JSON registry away first)`);
  }
  if (existing !== undefined && !options.force && !options.update && !options.check && !options.dryRun) {
    throw new UsageError(`${relative(cwd, existing)} already exists (hint: pass --update to merge into it, or --force to replace it)`);
  }
  // An invalid registry stops here (exit 2), before anything is scanned or written.
  const current: Registry | undefined = existing === undefined ? undefined : loadRegistry(existing);

  const plan = planInit({
    cwd,
    paths,
    target,
    schema: schemaPath(dir),
    git: options.git,
    detectFrom: options.detectFrom === undefined ? undefined : detectFrom(cwd, options.detectFrom),
    extraCalls,
    replacing: options.force ? current : undefined,
    maxFileBytes: megabytesToBytes(options.maxFileSize),
    onProgress: context.progress("flaglint: discovering"),
    cache: cacheOptions(options, context.io),
  });
  context.noteSkipped(plan.skipped, options.maxFileSize);
  for (const note of plan.notes) context.io.stderr.write(`flaglint: ${note}\n`);
  const shown = relative(cwd, target);

  if (options.check) return checkInStep(plan, current!, shown, context);

  let text = plan.text;
  let outcome: string;
  if (options.update && existing !== undefined) {
    const update = updateRegistryText(fs.readFileSync(existing, "utf8"), existing, plan);
    for (const note of update.notes) context.io.stderr.write(`flaglint: ${note}\n`);
    text = update.text;
    outcome = updateSummary(shown, update.added, update.marked, update.matchersAdded, options.dryRun === true);
  } else {
    const dropped = options.force && current !== undefined ? ` (replaced; hand-written flag fields and matchers kept, comments regenerated)` : "";
    outcome = writeSummary(shown, plan, options.dryRun === true) + dropped;
  }

  const lines = [discoverySummary(plan), outcome];
  if (plan.summary.dynamic > 0) {
    const count = plan.summary.dynamic;
    lines.push(`${count} check${count === 1 ? "" : "s"} with a key that cannot be read statically left out (flaglint check lists them).`);
  }
  const unparsed = plan.parseErrors.length;
  if (unparsed > 0) lines.push(`${unparsed} file${unparsed === 1 ? "" : "s"} did not parse and ${unparsed === 1 ? "was" : "were"} skipped.`);
  if (options.dryRun) {
    context.io.stdout.write(`${lines.join("\n")}\n\n${text}`);
    return EXIT_OK;
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  context.io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** `--check`: every key the code declares or checks must be in the registry. */
function checkInStep(plan: InitPlan, registry: Registry, shown: string, context: CommandContext): number {
  const missing = plan.flags.filter((flag) => plan.keys.has(flag.key) && !registry.flags.has(flag.key));
  if (missing.length === 0) {
    context.io.stdout.write(`${shown} lists every flag the code declares or checks (${plan.keys.size}).\n`);
    return EXIT_OK;
  }
  const lines = [`${shown} lacks ${missing.length} flag${missing.length === 1 ? "" : "s"} the code declares or checks:`];
  for (const flag of missing) {
    const place = flag.places[0] ?? flag.declaredIn;
    lines.push(`  ${flag.key}${place === undefined ? "" : `  (${relative(context.io.cwd, place.file)}:${place.line})`}`);
  }
  lines.push("Run flaglint init --update to add them.");
  context.io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT_OUT_OF_STEP;
}

function discoverySummary(plan: InitPlan): string {
  const { files, keySets, matchers, checkSites } = plan.summary;
  return `Found ${count(keySets, "key set")}, ${count(matchers, "matcher")} and ${count(checkSites, "check site")} in ${count(files, "file")}.`;
}

function writeSummary(target: string, plan: InitPlan, dryRun: boolean): string {
  const { flags, dated } = plan.summary;
  const verb = dryRun ? "Would write" : "Wrote";
  if (flags === 0) {
    return `${verb} ${target} with no flags: no flag checks found. If your code has its own wrapper, pass --function or --object.`;
  }
  return (
    `${verb} ${target} with ${count(flags, "flag")}${dated === undefined ? "" : ` (${dated} dated from git)`}. ` +
    "Confirm each type, add owners and removal tickets, then run flaglint check."
  );
}

function updateSummary(target: string, added: readonly string[], marked: readonly string[], matchers: number, dryRun: boolean): string {
  const parts = [`${count(added.length, "new flag")}`, `${count(matchers, "new matcher")}`];
  if (marked.length > 0) parts.push(`${count(marked.length, "flag")} no longer found in the code marked (${marked.join(", ")})`);
  return `${dryRun ? "Would update" : "Updated"} ${target}: ${parts.join(", ")}; every hand-written field and comment kept.`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}

function targetFolder(cwd: string, first: string | undefined): string {
  const dir = path.resolve(cwd, first ?? ".");
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`no such file or folder: ${first} (paths are relative to ${cwd})`);
  if (!stat.isDirectory()) {
    throw new UsageError(`${first} is not a folder (hint: the registry is written in the first path; name a folder first)`);
  }
  return dir;
}

/** The registry already in the folder, if any. */
function existingRegistry(dir: string): string | undefined {
  return [REGISTRY_NAME, "feature-flags.yml", "feature-flags.json"].map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

function detectFrom(cwd: string, file: string): { detect: Registry["detect"]; dir: string } {
  const source = loadRegistry(path.resolve(cwd, file));
  return { detect: source.detect, dir: source.dir };
}

function objectMethod(text: string): CallMatcher {
  const dot = text.lastIndexOf(".");
  if (dot <= 0 || dot === text.length - 1) {
    throw new UsageError(`--object ${text}: expected the object and its method, like flagResolver.isEnabled`);
  }
  return { object: text.slice(0, dot), method: identifier(text.slice(dot + 1), "--object"), keyArg: 0 };
}

function identifier(name: string, option: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new UsageError(`${option} ${name}: not a function or method name`);
  return name;
}

/** The schema in the project's node_modules, looked up from the registry's folder; the usual place otherwise. */
function schemaPath(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, SCHEMA_IN_PACKAGE);
    if (fs.existsSync(candidate)) {
      const relativePath = path.relative(dir, candidate).split(path.sep).join("/");
      return relativePath.startsWith(".") ? relativePath : `./${relativePath}`;
    }
    if (path.dirname(current) === current) return `./${SCHEMA_IN_PACKAGE}`;
  }
}

function relative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join("/") || ".";
}
