// `flaglint init`: discovery, then one scan with what it found, then the registry that says it all.
import path from "node:path";
import type * as TS from "typescript";
import { mergeCamelCasedReads } from "../detect/key-case.js";
import { SDK_PRESET_NAMES } from "../registry/defaults.js";
import { scanFlagChecks, type ScanResult } from "../project/scan.js";
import type { CacheOptions } from "../project/file-cache.js";
import { inferCreatedDates } from "../project/git.js";
import type { CallMatcher, DetectConfig, FlagDefinition, FlagReference, Registry } from "../types.js";
import { loadCodeOwners, type CodeOwners } from "../project/codeowners.js";
import { repositoryRoot } from "../project/git.js";
import { discoverProject, type Discovery, type DiscoveredKeySet } from "./discover.js";
import { isTestFile, isTestFolder } from "./syntax.js";
import { inferFlagType } from "./flag-type.js";
import { renderRegistry, type DetectEntry, type StarterFlag } from "./registry-text.js";

export interface InitOptions {
  cwd: string;
  /** Files or folders to look at, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** The registry file to write (it need not exist). */
  target: string;
  /** `$schema` for the first line, relative to the registry's folder. */
  schema: string;
  /** Date flags from git history (default true). */
  git?: boolean;
  /**
   * A detect section to use instead of discovery (`--detect-from`), with the folder its `./`
   * modules are relative to.
   */
  detectFrom?: { detect: DetectConfig; dir: string };
  /** Matchers added by hand (`--function`, `--object`). */
  extraCalls?: readonly CallMatcher[];
  /** A registry this one replaces (`--force`): its hand-written flag fields are kept. */
  replacing?: Registry;
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** As ProjectOptions.cache: the scan after discovery reuses what unchanged files yielded. */
  cache?: CacheOptions;
}

type Located = FlagReference & { file: string };

export interface InitPlan {
  /** The registry's text: it loads (a failure is a bug in init). */
  text: string;
  /** The detect section written, in the model (keySets, calls…): `check` finds with it what init saw. */
  detect: DetectConfig;
  flags: StarterFlag[];
  /** Every key the code declares or checks, for `--check` and `--update`. */
  keys: ReadonlySet<string>;
  /** The detect entries written, with their evidence, for `--update`. */
  entries: DetectEntry[];
  summary: InitSummary;
  /** One-line notes: files skipped, huge key sets. */
  notes: string[];
  parseErrors: ScanResult["parseErrors"];
  skipped: ScanResult["skipped"];
}

export interface InitSummary {
  files: number;
  keySets: number;
  matchers: number;
  flags: number;
  checkSites: number;
  dynamic: number;
  dated: number | undefined;
}

export function planInit(options: InitOptions): InitPlan {
  const dir = path.dirname(options.target);
  // The trees discovery parsed serve the scan too: each file is parsed once.
  let trees: ReadonlyMap<string, TS.SourceFile> | undefined;
  const discovery =
    options.detectFrom === undefined
      ? discoverProject({ cwd: options.cwd, paths: options.paths, dir, maxFileBytes: options.maxFileBytes, onProgress: options.onProgress, onTrees: (parsed) => (trees = parsed) })
      : undefined;
  const base = options.detectFrom === undefined ? discovery!.detect : relocate(options.detectFrom.detect, options.detectFrom.dir, dir);
  const extra = options.extraCalls ?? [];
  const withExtra: DetectConfig = extra.length === 0 ? base : { ...base, calls: [...base.calls, ...extra] };
  // --force: the matchers written by hand stay beside the discovered ones.
  const detect = options.replacing === undefined ? withExtra : keepDetect(withExtra, options.replacing.detect);

  const scan = scanFlagChecks({
    cwd: options.cwd,
    paths: options.paths,
    detect,
    dir,
    maxFileBytes: options.maxFileBytes,
    onProgress: options.onProgress,
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(trees === undefined ? {} : { trees }),
  });
  const entries = detectEntries(detect, discovery, scan.references, dir);

  const keySets = discovery?.keySets ?? [];
  const places = checksByKey(scan.references);
  const declared = new Map<string, DiscoveredKeySet>();
  for (const keySet of keySets) for (const member of keySet.members) if (!declared.has(member)) declared.set(member, keySet);
  // A flag declared as a function is a flag of the code base, called or not (yet).
  const declaredFunctions = new Map<string, NonNullable<StarterFlag["declaredIn"]>>();
  for (const { matcher, declaredAt } of discovery?.calls ?? []) {
    if (matcher.key !== undefined && matcher.function !== undefined && declaredAt !== undefined && !declared.has(matcher.key)) {
      declaredFunctions.set(matcher.key, { name: matcher.function, ...declaredAt, function: true });
    }
  }
  // A key only tests check, and no declaration lists, is test data (`"the-thing"`), not a flag.
  const testOnly = [...places].filter(([key, checks]) => !declared.has(key) && !declaredFunctions.has(key) && checks.every((check) => isTestFile(check.file))).map(([key]) => key);
  // ...which `check` would then call unknown: the tests that check them are left to themselves.
  const ignore = testDataGlobs(
    testOnly.flatMap((key) => places.get(key)!.map((check) => check.file)),
    new Set(scan.references.map((reference) => reference.file)),
    dir,
  );
  for (const key of testOnly) places.delete(key);
  const keys = new Set([...places.keys(), ...declared.keys(), ...declaredFunctions.keys()]);
  const replacing = options.replacing;
  const allKeys = [...new Set([...keys, ...(replacing?.flags.keys() ?? [])])].sort(compare);

  const created = options.git === false ? undefined : inferCreatedDates({ registry: options.target, keys: allKeys });
  const root = repositoryRoot(dir);
  const owners = loadCodeOwners(root);
  const flags: StarterFlag[] = allKeys.map((key) => {
    const keySet = declared.get(key);
    const checks = places.get(key) ?? [];
    const inferred = inferFlagType(key, keySet?.name);
    const declaredIn = keySet === undefined ? declaredFunctions.get(key) : { name: keySet.name, file: keySet.file, line: keySet.line };
    const home = checks[0]?.file ?? declaredIn?.file;
    const owner = home === undefined || owners === undefined ? undefined : ownerOf(owners, path.relative(root, home).split(path.sep).join("/"));
    const old = replacing?.flags.get(key);
    const flag: StarterFlag = {
      key,
      places: checks.map(({ file, line }) => ({ file, line })),
      type: inferred.type,
      ...(inferred.reason === undefined ? {} : { typeReason: inferred.reason }),
      ...(declaredIn === undefined ? {} : { declaredIn }),
      ...(created?.get(key) === undefined ? {} : { created: created.get(key) }),
      ...(owner === undefined ? {} : { owner }),
      ...(old === undefined ? {} : { kept: keptFields(old) }),
      ...(keys.has(key) ? {} : { gone: true }),
    };
    return flag;
  });

  const everyPreset = detect.sdks.length === SDK_PRESET_NAMES.length && SDK_PRESET_NAMES.every((name) => detect.sdks.includes(name));
  const written = entries.length > 0 || !everyPreset;
  const text = renderRegistry({
    schema: options.schema,
    ...(written ? { detect: entries } : {}),
    ...(everyPreset ? {} : { sdks: detect.sdks }),
    flags,
    ignore,
    dir,
  });
  const checkSites = scan.references.length;
  return {
    text,
    detect,
    flags,
    keys,
    entries,
    summary: {
      files: scan.files,
      keySets: keySets.filter((keySet) => keySet.members.length > 0).length,
      matchers: entries.filter((entry) => entry.section !== "keySets").length,
      flags: flags.length,
      checkSites,
      dynamic: scan.references.filter((reference) => reference.dynamic).length,
      dated: created === undefined ? undefined : allKeys.filter((key) => created.has(key)).length,
    },
    notes: [
      ...(discovery?.notes ?? []),
      ...(testOnly.length === 0 ? [] : [`${testOnly.length} key${testOnly.length === 1 ? "" : "s"} checked only in tests left out: ${testOnly.slice(0, 5).join(", ")}${testOnly.length > 5 ? ", …" : ""}`]),
    ],
    // The scan only parses files that may hold a check; discovery parsed them all.
    parseErrors: [...scan.parseErrors, ...(discovery?.parseErrors ?? []).filter((failure) => !scan.parseErrors.some((other) => other.file === failure.file))],
    skipped: scan.skipped,
  };
}

/**
 * `ignore:` globs for the test files that check only test data, relative to the registry's folder:
 * the outermost test folder they sit in (`packages/sdk/test/**`) when no other file there holds a
 * check, each file otherwise (`src/Card.stories.tsx`), so that no check of a real flag is hidden.
 */
function testDataGlobs(files: readonly string[], checked: ReadonlySet<string>, dir: string): string[] {
  const only = new Set(files);
  const relative = (file: string) => path.relative(dir, file).split(path.sep).join("/");
  const others = [...checked].filter((file) => !only.has(file)).map(relative);
  const globs = new Set<string>();
  for (const file of only) {
    const parts = relative(file).split("/");
    const at = parts.findIndex((part, index) => index < parts.length - 1 && isTestFolder(part));
    const folder = at === -1 ? undefined : `${parts.slice(0, at + 1).join("/")}/`;
    const whole = folder !== undefined && !others.some((other) => other.startsWith(folder));
    globs.add(whole ? `${folder}**` : parts.join("/"));
  }
  return [...globs].sort(compare);
}

/** The detect section as entries with evidence: how often each matcher matched, and why discovery chose it. */
function detectEntries(detect: DetectConfig, discovery: Discovery | undefined, references: readonly Located[], dir: string): DetectEntry[] {
  const uses = new Map<string, { sites: number; files: Set<string> }>();
  for (const reference of references) {
    let use = uses.get(reference.matcher);
    if (use === undefined) uses.set(reference.matcher, (use = { sites: 0, files: new Set() }));
    use.sites++;
    use.files.add(reference.file);
  }
  const counted = (label: string, noun: string) => {
    const use = uses.get(label);
    if (use === undefined) return `no ${noun}s found`;
    return `${use.sites} ${noun}${use.sites === 1 ? "" : "s"} in ${use.files.size} file${use.files.size === 1 ? "" : "s"}`;
  };
  const why = new Map<string, string>();
  for (const { matcher: { files: _files, ...matcher }, why: reason } of discovery?.calls ?? []) why.set(`calls:${JSON.stringify(matcher)}`, reason);
  for (const { matcher, why: reason } of discovery?.objects ?? []) why.set(`objects:${matcher.path}`, reason);
  for (const { matcher, why: reason } of discovery?.properties ?? []) why.set(`properties:${matcher.name}`, reason);
  for (const { matcher, why: reason } of discovery?.jsx ?? []) why.set(`jsx:${matcher.component}\0${matcher.prop}`, reason);
  const joined = (...parts: Array<string | undefined>) => parts.filter((part) => part !== undefined).join("; ");

  const entries: DetectEntry[] = [];
  (detect.keySets ?? []).forEach((keySet, index) => {
    const found = discovery?.keySets.find((candidate) => candidate.name === keySet.name && keySet.file !== undefined && path.resolve(dir, keySet.file) === candidate.file);
    const members = found === undefined ? undefined : `${found.members.length} key${found.members.length === 1 ? "" : "s"}`;
    const reads = found?.membersAreRead === true ? counted(`keySets[${index}]`, "read") : undefined;
    entries.push({
      section: "keySets",
      fields: [["name", keySet.name], ...(keySet.file === undefined ? [] : [["file", keySet.file] as const]), ...(keySet.files === undefined ? [] : [["files", keySet.files] as const])],
      comment: joined(members, reads, found?.why),
    });
  });
  detect.calls.forEach((call, index) => {
    const fields: Array<readonly [string, string | number | readonly string[]]> = [];
    for (const name of ["module", "import", "object", "function", "call", "method"] as const) {
      const value = call[name];
      if (value !== undefined) fields.push([name, value]);
    }
    if (call.key !== undefined) fields.push(["key", call.key]);
    else if (call.keyArg !== 0) fields.push(["keyArg", call.keyArg]);
    if (call.contextArg !== undefined) fields.push(["contextArg", call.contextArg]);
    if (call.files !== undefined) fields.push(["files", call.files]);
    const { files: _files, ...matcher } = call;
    entries.push({ section: "calls", fields, comment: joined(counted(`calls[${index}]`, "call"), why.get(`calls:${JSON.stringify(matcher)}`)) });
  });
  detect.objects.forEach((object, index) => {
    const fields: Array<readonly [string, string | number | readonly string[]]> = [["path", object.path]];
    if (object.keyCase !== "exact") fields.push(["keyCase", object.keyCase]);
    if (object.files !== undefined) fields.push(["files", object.files]);
    entries.push({ section: "objects", fields, comment: joined(counted(`objects[${index}]`, "read"), why.get(`objects:${object.path}`)) });
  });
  (detect.jsx ?? []).forEach((gate, index) => {
    const fields: Array<readonly [string, string | number | readonly string[]]> = [["component", gate.component], ["prop", gate.prop]];
    for (const name of ["module", "import"] as const) {
      const value = gate[name];
      if (value !== undefined) fields.push([name, value]);
    }
    entries.push({ section: "jsx", fields, comment: joined(counted(`jsx[${index}]`, "gate"), why.get(`jsx:${gate.component}\0${gate.prop}`)) });
  });
  for (const section of ["constants", "properties"] as const) {
    detect[section].forEach((entry, index) => {
      const fields: Array<readonly [string, string | number | readonly string[]]> = [["name", entry.name]];
      if (entry.files !== undefined) fields.push(["files", entry.files]);
      const noun = section === "constants" ? "read" : "key";
      entries.push({ section, fields, comment: joined(counted(`${section}[${index}]`, noun), why.get(`${section}:${entry.name}`)) });
    });
  }
  return entries;
}

/** Statically known keys, each with the places that check it. */
function checksByKey(references: readonly Located[]): Map<string, Located[]> {
  const byKey = new Map<string, Located[]>();
  for (const reference of references) {
    if (reference.dynamic || reference.flag === null) continue;
    byKey.set(reference.flag, [...(byKey.get(reference.flag) ?? []), reference]);
  }
  mergeCamelCasedReads(byKey);
  return byKey;
}

function keptFields(flag: FlagDefinition): StarterFlag["kept"] {
  const kept: NonNullable<StarterFlag["kept"]> = { type: flag.type };
  for (const field of ["owner", "created", "removeBy", "ticket", "description", "status"] as const) {
    if (flag[field] !== undefined) (kept as Record<string, unknown>)[field] = flag[field];
  }
  return kept;
}

/** `found` plus every matcher of `kept` it does not already have; `kept`'s presets. */
function keepDetect(found: DetectConfig, kept: DetectConfig): DetectConfig {
  const union = <T>(mine: readonly T[], theirs: readonly T[]): T[] => {
    const seen = new Set(mine.map((entry) => JSON.stringify(entry)));
    return [...mine, ...theirs.filter((entry) => !seen.has(JSON.stringify(entry)))];
  };
  return {
    sdks: [...kept.sdks],
    calls: union(found.calls, kept.calls),
    objects: union(found.objects, kept.objects),
    constants: union(found.constants, kept.constants),
    properties: union(found.properties, kept.properties),
    keySets: union(found.keySets ?? [], kept.keySets ?? []),
  };
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first owner of `file` (relative to the repository root) and the CODEOWNERS pattern that names it. */
function ownerOf(codeOwners: CodeOwners, file: string): { owner: string; pattern: string } | undefined {
  const rule = codeOwners.rules.findLast((candidate) => candidate.matches(file));
  const owner = rule?.owners[0];
  return rule === undefined || owner === undefined ? undefined : { owner, pattern: rule.pattern };
}
