// `flaglint init`: a starter feature-flags.yaml from the flag checks already in the code.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  DEFAULT_DETECT,
  DEFAULT_POLICY,
  SDK_PRESET_NAMES,
  UsageError,
  inferCreatedDates,
  loadRegistry,
  parseRegistry,
  mergeCamelCasedReads,
  scanFlagChecks,
  type CallMatcher,
  type DetectConfig,
  type FlagReference,
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
  /** `--no-git` sets it to false. */
  git: boolean;
  /** `--max-file-size`, in megabytes. */
  maxFileSize: number;
}

const REGISTRY_NAME = "feature-flags.yaml";
const SCHEMA_IN_PACKAGE = "node_modules/@flaglint/core/schema/feature-flags.schema.json";

export function registerInit(program: Command, context: CommandContext, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("write a starter feature-flags.yaml from the checks found in code")
    .argument("[paths...]", "folders or files to scan; the registry goes in the first (default: the current folder)")
    .option("--detect-from <registry>", "find checks with this registry's detect section, and copy it")
    .option("--function <name>", "also count calls of this function as checks, e.g. useFlag (repeatable)", collect, [])
    .option("--object <name.method>", "also count this method as a check, e.g. flagResolver.isEnabled (repeatable)", collect, [])
    .option("--force", "replace an existing feature-flags.yaml")
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
  const dir = targetFolder(cwd, paths[0]);
  const target = registryTarget(dir, cwd, options.force === true);
  const { detect, detectDir } = detectConfig(cwd, dir, options);

  const scan = scanFlagChecks({
    cwd,
    paths,
    detect,
    dir: detectDir,
    onProgress: context.progress("flaglint: scanning"),
    maxFileBytes: megabytesToBytes(options.maxFileSize),
    cache: cacheOptions(options, context.io),
  });
  context.noteSkipped(scan.skipped, options.maxFileSize);
  const checks = checksByKey(scan.references);
  const created = options.git ? inferCreatedDates({ registry: target, keys: checks.keys() }) : undefined;

  const text = renderRegistry({
    schema: schemaPath(dir),
    detect: detect === DEFAULT_DETECT ? undefined : relocate(detect, detectDir, dir),
    flags: [...checks].map(([key, places]) => ({ key, places, created: created?.get(key) })),
    dir,
  });
  // What init writes must load: a failure here is a bug in init, never the user's.
  parseRegistry(text, target);
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${relative(cwd, target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  const dynamic = scan.references.filter((reference) => reference.dynamic).length;
  context.io.stdout.write(summary(relative(cwd, target), checks.size, created?.size, dynamic, scan.parseErrors.length));
  return EXIT_OK;
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

/** Where the registry goes; an existing one is kept unless --force says otherwise. */
function registryTarget(dir: string, cwd: string, force: boolean): string {
  const json = path.join(dir, "feature-flags.json");
  const yml = path.join(dir, "feature-flags.yml");
  const yaml = path.join(dir, REGISTRY_NAME);
  if (fs.existsSync(json)) {
    throw new UsageError(`${relative(cwd, json)} already exists (hint: init writes YAML; move the JSON registry away first)`);
  }
  const existing = [yaml, yml].find((file) => fs.existsSync(file));
  if (existing && !force) {
    throw new UsageError(`${relative(cwd, existing)} already exists (hint: edit it, or pass --force to replace it)`);
  }
  return existing ?? yaml;
}

/** The built-in presets, or another registry's detect section, plus --function and --object. */
function detectConfig(cwd: string, dir: string, options: InitOptions): { detect: DetectConfig; detectDir: string } {
  let detect: DetectConfig = DEFAULT_DETECT;
  let detectDir = dir;
  if (options.detectFrom !== undefined) {
    const source = loadRegistry(path.resolve(cwd, options.detectFrom));
    detect = source.detect;
    detectDir = source.dir;
  }
  const calls: CallMatcher[] = [
    ...options.function.map((name) => ({ function: identifier(name, "--function"), keyArg: 0 })),
    ...options.object.map(objectMethod),
  ];
  if (calls.length > 0) detect = { ...detect, calls: [...detect.calls, ...calls] };
  return { detect, detectDir };
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

/** `./path` modules are relative to the registry that names them: rewrite them for the new one's folder. */
function relocate(detect: DetectConfig, from: string, to: string): DetectConfig {
  if (from === to) return detect;
  const calls = detect.calls.map((call) => {
    if (call.module === undefined || !/^\.\.?\//.test(call.module)) return call;
    const moved = path.relative(to, path.resolve(from, call.module)).split(path.sep).join("/");
    return { ...call, module: moved.startsWith(".") ? moved : `./${moved}` };
  });
  return { ...detect, calls };
}

type Located = FlagReference & { file: string };

/** Statically known keys, sorted, each with the places that check it. */
function checksByKey(references: readonly Located[]): Map<string, Located[]> {
  const byKey = new Map<string, Located[]>();
  for (const reference of references) {
    if (reference.dynamic || reference.flag === null) continue;
    byKey.set(reference.flag, [...(byKey.get(reference.flag) ?? []), reference]);
  }
  mergeCamelCasedReads(byKey);
  return new Map([...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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

interface StarterFlag {
  key: string;
  places: readonly Located[];
  created?: string;
}

interface StarterRegistry {
  schema: string;
  /** Absent when the built-in presets found the checks: no detect section means every preset. */
  detect?: DetectConfig;
  flags: StarterFlag[];
  /** The registry's folder: places in comments are relative to it. */
  dir: string;
}

export function renderRegistry(registry: StarterRegistry): string {
  const lines = [
    `# yaml-language-server: $schema=${registry.schema}`,
    "# Written by `flaglint init` from the flag checks found in the code. For each flag: confirm its",
    "# type, name its owner, and give release and experiment flags a removal ticket; then run `flaglint check`.",
    "version: 1",
    "",
    ...(registry.detect ? renderDetect(registry.detect) : DETECT_HINT),
    "",
    ...POLICY_HINT,
    "",
  ];
  if (registry.flags.length === 0) {
    lines.push("flags:", "  # none found: if your code checks flags through its own wrapper, describe it under detect", "");
    return lines.join("\n");
  }
  lines.push("flags:");
  for (const flag of registry.flags) lines.push(...renderFlag(flag, registry.dir));
  return lines.join("\n");
}

const DETECT_HINT = [
  "# detect:                      # what counts as a flag check; left out, every built-in SDK preset",
  "#   sdks: [launchdarkly]       # openfeature, launchdarkly, unleash, growthbook, flagsmith, posthog, statsig, configcat, split",
  "#   calls:",
  "#     - function: useFlag      # your own wrappers, see the schema for module / object / function",
];

const POLICY_HINT = [
  "# policy:                      # the defaults; uncomment to change them",
  "#   lifetimeDays:",
  ...Object.entries(DEFAULT_POLICY.lifetimeDays).map(([type, days]) => `#     ${type}: ${days === null ? "null" : days}`),
  `#   warnDays: ${DEFAULT_POLICY.warnDays}`,
  `#   requireTicket: [${DEFAULT_POLICY.requireTicket.join(", ")}]`,
];

function renderDetect(detect: DetectConfig): string[] {
  const lines = ["detect:"];
  const everyPreset = detect.sdks.length === SDK_PRESET_NAMES.length && SDK_PRESET_NAMES.every((name) => detect.sdks.includes(name));
  if (!everyPreset) lines.push(`  sdks: [${detect.sdks.join(", ")}]`);
  if (detect.calls.length > 0) {
    lines.push("  calls:");
    for (const call of detect.calls) {
      const fields: Array<[string, string | number | undefined]> = [
        ["module", call.module],
        ["import", call.import],
        ["object", call.object],
        ["function", call.function],
        ["method", call.method],
        ["keyArg", call.keyArg === 0 ? undefined : call.keyArg],
        ["contextArg", call.contextArg],
      ];
      lines.push(...listItem(fields));
    }
  }
  if (detect.objects.length > 0) {
    lines.push("  objects:");
    for (const object of detect.objects) {
      lines.push(...listItem([["path", object.path], ["keyCase", object.keyCase === "exact" ? undefined : object.keyCase]]));
    }
  }
  for (const section of ["constants", "properties"] as const) {
    if (detect[section].length === 0) continue;
    lines.push(`  ${section}:`);
    for (const entry of detect[section]) lines.push(...listItem([["name", entry.name]]));
  }
  return lines;
}

function listItem(fields: ReadonlyArray<[string, string | number | undefined]>): string[] {
  const present = fields.filter((field): field is [string, string | number] => field[1] !== undefined);
  return present.map(([name, value], index) => `${index === 0 ? "    - " : "      "}${name}: ${scalar(value)}`);
}

/** How many places a flag's comment names before "and N more". */
const PLACES_SHOWN = 1;

function renderFlag(flag: StarterFlag, dir: string): string[] {
  const shown = flag.places.slice(0, PLACES_SHOWN).map((place) => `${relative(dir, place.file)}:${place.line}`);
  const more = flag.places.length - shown.length;
  const where = `checked in ${shown.join(", ")}${more > 0 ? ` and ${more} more place${more === 1 ? "" : "s"}` : ""}`;
  return [
    `  ${scalar(flag.key)}:  # ${where}`,
    "    type: release  # confirm the type: release, experiment, ops (kill switch) or permission",
    '    # owner: "@team"',
    flag.created === undefined
      ? "    # created: YYYY-MM-DD  # git could not date it"
      : `    created: ${flag.created}  # inferred from git history`,
    "    # ticket: ABC-123  # the ticket to remove it; release and experiment flags need one",
    "",
  ];
}

/** A YAML scalar: plain when it reads back as the same string, double-quoted (JSON is valid YAML) otherwise. */
function scalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plain = /^[A-Za-z_$][\w$.\-/]*$/.test(value) && !/^(true|false|yes|no|on|off|y|n|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function summary(target: string, flags: number, dated: number | undefined, dynamic: number, unparsed: number): string {
  const lines = [
    flags === 0
      ? `Wrote ${target} with no flags: no flag checks found. If your code has its own wrapper, pass --function or --object.`
      : `Wrote ${target} with ${flags} flag${flags === 1 ? "" : "s"}${dated === undefined ? "" : ` (${dated} dated from git)`}. ` +
        "Confirm each type, add owners and removal tickets, then run flaglint check.",
  ];
  if (dynamic > 0) {
    lines.push(`${dynamic} check${dynamic === 1 ? "" : "s"} with a key that cannot be read statically left out (flaglint check lists them).`);
  }
  if (unparsed > 0) lines.push(`${unparsed} file${unparsed === 1 ? "" : "s"} did not parse and ${unparsed === 1 ? "was" : "were"} skipped.`);
  return `${lines.join("\n")}\n`;
}

function relative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join("/") || ".";
}
