// Discovery: one pass over a project with the type checker that finds how its code checks flags —
// the declarations that list the flags, its own check functions, the objects of flag values it
// reads by property, the SDK clients it shares — each with the evidence that chose it. Only
// generic rules: what a declaration is and how the code uses it, names only as a second signal.
import fs from "node:fs";
import path from "node:path";
import type * as TS from "typescript";
import { analyzeSource } from "../detect/analyze.js";
import { AnalysisContext } from "../detect/context.js";
import { getParseError } from "../detect/parse.js";
import { SDK_PRESETS } from "../detect/presets/index.js";
import { lookupPackage, packagesByModule, SdkMatcher } from "../detect/presets/matcher.js";
import type { Evaluation } from "../detect/presets/types.js";
import type { SdkImport } from "../detect/presets/values.js";
import { Scopes } from "../detect/scope.js";
import { CALL_SEGMENT_SUFFIX, calledIn, callSegment, findsFlagRecord, isBlankJsxText, isWriteTarget, lastName, memberName, skipWrappers, writtenNames } from "../detect/syntax.js";
import { DEFAULT_DETECT } from "../registry/defaults.js";
import { UsageError } from "../clock.js";
import { readSource } from "../project/detection.js";
import { walkProject } from "../project/files.js";
import { isWithin } from "../paths.js";
import ts from "../typescript.js";
import type { CallMatcher, DetectConfig, FlagReference, JsxMatcher, ObjectMatcher, ParseFailure, PropertyMatcher } from "../types.js";
import {
  declarationOf,
  keySetOfInterface,
  keySetOfMemberRead,
  keySetOfTypeNode,
  MAX_KEY_SET_MEMBERS,
  type KeySet,
} from "./key-sets.js";
import { collectGarbage, createProjectProgram, ProgramTooLarge, type HeapBudget } from "./program.js";
import {
  candidatePaths,
  compare,
  declarationFiles,
  fieldsOf,
  functionName,
  isCallable,
  isCallee,
  isExported,
  isFunctionLike,
  isMethod,
  isTestFile,
  mayBeFlagValue,
  mayNameKeySet,
  nodeAt,
  ownerName,
  parametersOf,
  patternPath,
  propertyName,
  returnedExpressions,
  returnStatements,
  sameLiterals,
  skipParents,
  stripParens,
  sum,
  typeDeclaration,
  type Callable,
  type FunctionLike,
} from "./syntax.js";

export interface DiscoverOptions {
  cwd: string;
  /** Files or folders to look at, relative to cwd; empty means cwd. */
  paths: readonly string[];
  /** The registry's folder: evidence names files relative to it. */
  dir: string;
  /** Files larger than this are not read (default 5 MB). */
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Given the syntax trees of the program's files that parsed (by absolute path), so that the scan
   * that follows discovery need not parse them again.
   */
  onTrees?: (trees: ReadonlyMap<string, TS.SourceFile>) => void;
  /** How much memory one program may take (see HeapBudget; default: half of V8's heap). */
  heap?: HeapBudget;
}

/** A key set discovery chose, with why: plain data, holding nothing of the program. */
export interface DiscoveredKeySet extends Omit<KeySet, "declaration" | "objectType" | "source"> {
  why: string;
  /**
   * Whether `detect.keySets` names it: a `keyof typeof OBJECT` declared inline has no name of its
   * own to write (the object's name would make every read of its members a check).
   */
  named: boolean;
}

export interface Discovered<M> {
  matcher: M;
  /** The evidence, as a generated comment says it: `key parameter typed FlagKey (src/flags.ts:12)`. */
  why: string;
  /** Where a call matcher's fixed `key` is declared (`flag({ key })`, by the name the matcher calls). */
  declaredAt?: { file: string; line: number };
}

export interface Discovery {
  /** The built-in presets plus every discovered matcher and key set, as `detect:` would say it. */
  detect: DetectConfig;
  keySets: DiscoveredKeySet[];
  calls: Array<Discovered<CallMatcher>>;
  objects: Array<Discovered<ObjectMatcher>>;
  properties: Array<Discovered<PropertyMatcher>>;
  /** Components that render their children only when the flag a prop names is on. */
  jsx: Array<Discovered<JsxMatcher>>;
  /** One-line notes on what was left out and why (a file that does not parse, a huge key set). */
  notes: string[];
  files: number;
  parseErrors: Array<ParseFailure & { file: string }>;
  skipped: Array<{ file: string; bytes: number }>;
}

/** The Flags SDK's packages whose `flag({ key })` declares a flag as a function (`flags`, once `@vercel/flags`). */
const FLAG_DECLARING_MODULE = /^(?:@vercel\/)?flags\/(?:next|sveltekit)$/;
/** Names that say "flag" — only ever a second signal, next to how a declaration is used. */
const FLAG_WORDS = /flag|feature|toggle|experiment/i;
/**
 * A key set's name that says it lists flags on its own: "feature" alone names product features as
 * often as flags (`ClientSpecFeature`), so it counts only as a feature's key, name or id.
 */
const FLAG_SET_NAME = /(?:flags?|toggles?|experiments?|feature[_-]?(?:flags?|toggles?|keys?|names?|ids?|enum)|^(?:app)?features)$/i;
/** What may follow the word that says what a set lists: `FlagKey`, `FEATURE_FLAG_KEYS`, `FlagsEnum`. */
const GENERIC_TAIL = /[_-]?(?:keys?|names?|ids?|enum|values?|list|union)$/i;

/**
 * Whether a key set's name says it lists flags: by its head word, not a word that qualifies
 * another (`FeatureFlagKey`, `UiFlags`, `IFlagKey`, `FEATURE_FLAGS`; not `ExperimentSectionId` or
 * `DashboardExperimentCategoryKey`, where an experimentation product's own word qualifies a section
 * or a category).
 */
function namesFlagSet(name: string): boolean {
  for (let head = name; head !== ""; ) {
    if (FLAG_SET_NAME.test(head)) return true;
    const shorter = head.replace(GENERIC_TAIL, "");
    if (shorter === head) return false;
    head = shorter;
  }
  return false;
}
/** A name of a domain enum, whatever word comes before: `ExperimentStatus` lists states, not flags. */
const DOMAIN_SET_NAME = /(?:status|state|type|kind|mode|stage|step|phase|tab|view|size|colou?r|sort|order|direction|role|level|event|action|operator|unit|format|provider)(?:es|s)?$/i;
/**
 * A function named for writing a value (`setFlag`, `enable`, `toggleFeature`): whatever its
 * parameters, it is not a check, and a key set whose members the product writes through one by
 * name (`user.setFlag(UserFlag.InviteSent)`) holds application state, not flags.
 */
const WRITER_NAME = /^(?:set|unset|enable|disable|toggle|clear|reset|remove|delete|add|update|save|store|write|mark|increment|decrement)(?:[A-Z_\d]|$)/;
/** A key parameter's name that says flag, when the function's name (or its class's) says so too. */
const FLAG_PARAMETER = /^(?:flags?|flag(?:name|key|id)|feature(?:flag)?(?:name|key|id)?|featureflag|toggle(?:name)?|experiment(?:name|key)?)$/i;
/** The share of the reads by a path that must be of flags for `objects` to name it. */
const OBJECT_PRECISION = 0.9;
/** ...and the reads typed so must be this share of all its reads at least: the rest may be `any`. */
const TYPED_SHARE = 0.25;
/** Parameter names that carry an evaluation context. */
const CONTEXT_NAMES = /^(ctx|context|user|evaluationContext|attributes|identity|subject)$/i;

const PRESETS_ONLY: DetectConfig = DEFAULT_DETECT;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;


interface CheckFunction {
  node: Callable;
  name: string;
  /** A method of a class or object: matched by its receiver at each call site. */
  method: boolean;
  keyArg: number;
  contextArg?: number;
  why: string;
  /** The keys its key parameter takes, where a key set types it. */
  keys?: ReadonlySet<string>;
}

interface FileFacts {
  sourceFile: TS.SourceFile;
  sdkReferences: FlagReference[];
}

export function discoverProject(options: DiscoverOptions): Discovery {
  const walk = walkProject({ cwd: options.cwd, paths: options.paths });
  if (walk.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${walk.missing.join(", ")} (paths are relative to ${options.cwd})`);
  }
  const texts = new Map<string, string>();
  const skipped: Discovery["skipped"] = [];
  const parseErrors: Discovery["parseErrors"] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  // Tests are mocks and fixtures: they declare nothing discovery trusts, and leaving them out of
  // the program spares a third of its work on a well-tested application. `check` still reads them.
  for (const file of walk.files.filter((candidate) => !isTestFile(candidate))) {
    const text = readSource(file, maxBytes);
    if (typeof text === "string") texts.set(file, text);
    else if (text instanceof Error) parseErrors.push({ file, line: 1, column: 1, message: text.message, unreadable: true });
    else skipped.push({ file, bytes: text.bytes });
  }
  // Declaration files are not linted, but they declare globals and generated types the code uses.
  for (const file of declarationFiles(walk.files, options.dir)) {
    const text = readSource(file, maxBytes);
    if (typeof text === "string") texts.set(file, text);
  }
  try {
    return new Discoverer(options, texts, walk.files.length, parseErrors, skipped).run();
  } catch (error) {
    if (error instanceof ProgramTooLarge) return discoverByPackage(options, texts, error, walk.files.length, parseErrors, skipped);
    // The compiler gave up on the project as a whole (a stack overflow binding generated code):
    // init goes on with what the SDK presets find.
    const note = `discovery stopped (${(error as Error).message}): only the built-in SDK presets are used`;
    return { detect: DEFAULT_DETECT, keySets: [], calls: [], objects: [], properties: [], jsx: [], notes: [note], files: walk.files.length, parseErrors, skipped };
  }
}

/**
 * Discovery one package at a time, for a monorepo whose files do not fit in one program: each
 * package's program holds its own files and what they import (a shared package of keys too), and
 * the packages' findings are merged. Each program is dropped before the next is made, so the
 * peak is the largest package's, not the sum. A package too large on its own stops init as the
 * whole would have.
 */
function discoverByPackage(
  options: DiscoverOptions,
  texts: ReadonlyMap<string, string>,
  whole: ProgramTooLarge,
  fileCount: number,
  parseErrors: Discovery["parseErrors"],
  skipped: Discovery["skipped"],
): Discovery {
  const packages = packageFiles(texts, options.dir);
  if (packages.length < 2) throw tooLarge(whole);
  // The scan after discovery parses each file again: trees of several programs would be the sum.
  const perPackage: DiscoverOptions = { ...options, onTrees: undefined };
  const names = declaredNames(texts);
  // In a function of its own, and released after, so that neither a slot of this loop's frame nor
  // anything V8 keeps of a finished Discoverer holds its program while the next one is made.
  const discoverPackage = (files: readonly string[], options: DiscoverOptions): Discovery => {
    const discoverer = new Discoverer(options, texts, fileCount, parseErrors, skipped, files, names);
    try {
      return discoverer.run();
    } finally {
      discoverer.release();
    }
  };
  const found: Array<{ folder: string; discovery: Discovery }> = [];
  // One count over all packages, each package's share by its own files (its program also holds
  // the files it imports from others), rather than a count that starts again with each package.
  const total = packages.reduce((sum, { files }) => sum + files.length, 0);
  let before = 0;
  for (const { folder, files } of packages) {
    // What the whole program, or the package before, left behind would count against the budget.
    collectGarbage();
    const onProgress = options.onProgress;
    const progress = onProgress && ((done: number, of: number) => onProgress(before + Math.floor((files.length * done) / Math.max(of, 1)), total));
    try {
      found.push({ folder, discovery: discoverPackage(files, progress === undefined ? perPackage : { ...perPackage, onProgress: progress }) });
    } catch (error) {
      if (error instanceof ProgramTooLarge) throw tooLarge(error, path.relative(options.cwd, folder) || ".");
      throw error;
    }
    before += files.length;
  }
  const note =
    `discovery ran one package at a time (${packages.length} packages), as the ${texts.size} files do not fit in one program: ` +
    "each matcher holds in the packages it was found in (`files:`), where a name may mean something else elsewhere";
  return mergeDiscoveries(found, options.dir, note);
}

/** How many functions and methods of the files declare each name: a parse of one file at a time. */
function declaredNames(texts: ReadonlyMap<string, string>): Map<string, number> {
  const names = new Map<string, number>();
  const visit = (node: TS.Node): void => {
    if (isCallable(node)) {
      const name = functionName(node);
      if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
    }
    ts.forEachChild(node, visit);
  };
  for (const [file, text] of texts) {
    try {
      visit(ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true));
    } catch {
      // Nested too deeply to walk: the packages' own programs leave it out too.
    }
  }
  return names;
}

/**
 * The files of each package (the nearest folder with a package.json, at or under `dir`), with the
 * declaration files, which declare globals for all, in each.
 */
function packageFiles(texts: ReadonlyMap<string, string>, dir: string): Array<{ folder: string; files: string[] }> {
  const declarations = [...texts.keys()].filter((file) => file.endsWith(".d.ts"));
  const byPackage = new Map<string, string[]>();
  const packageOf = new Map<string, string>();
  const findPackage = (folder: string): string => {
    let known = packageOf.get(folder);
    if (known === undefined) {
      const parent = path.dirname(folder);
      const inside = folder !== dir && folder !== parent && isWithin(folder, dir);
      known = !inside || fs.existsSync(path.join(folder, "package.json")) ? (inside ? folder : dir) : findPackage(parent);
      packageOf.set(folder, known);
    }
    return known;
  };
  for (const file of texts.keys()) {
    if (file.endsWith(".d.ts")) continue;
    const folder = findPackage(path.dirname(file));
    const files = byPackage.get(folder);
    if (files === undefined) byPackage.set(folder, [file]);
    else files.push(file);
  }
  return [...byPackage.keys()].sort(compare).map((folder) => ({ folder, files: [...byPackage.get(folder)!, ...declarations] }));
}

/**
 * One discovery of the packages': each finding once, with the first package's evidence. A
 * matcher found by name (a call, an object path, a property) holds in the packages it was found
 * in: another package may declare the same name for something else, which one program would have
 * seen. One found in the root package holds everywhere, as it would have.
 */
function mergeDiscoveries(parts: ReadonlyArray<{ folder: string; discovery: Discovery }>, dir: string, note: string): Discovery {
  const scoped = <M extends { files?: string[] }>(found: ReadonlyArray<{ folder: string; item: Discovered<M> }>, key: (matcher: M) => string): Array<Discovered<M>> => {
    const byKey = new Map<string, { first: Discovered<M>; globs: Set<string>; everywhere: boolean }>();
    for (const { folder, item } of found) {
      const { files: own, ...matcher } = item.matcher;
      let known = byKey.get(key(matcher as M));
      if (known === undefined) byKey.set(key(matcher as M), (known = { first: item, globs: new Set(), everywhere: false }));
      // Discovery's own scope (the folders a name is read as flags in) is narrower than a package.
      if (own !== undefined) for (const glob of own) known.globs.add(glob);
      else if (folder === dir) known.everywhere = true;
      else known.globs.add(`${path.relative(dir, folder).split(path.sep).join("/")}/**`);
    }
    return [...byKey.values()].map(({ first, globs, everywhere }) => {
      const { files: _files, ...matcher } = first.matcher;
      return everywhere ? { ...first, matcher: matcher as M } : { ...first, matcher: { ...matcher, files: [...globs].sort(compare) } as M };
    });
  };
  const each = <T>(pick: (discovery: Discovery) => readonly T[]) => parts.flatMap(({ folder, discovery }) => pick(discovery).map((item) => ({ folder, item })));
  const keySets = new Map<string, DiscoveredKeySet>();
  for (const { item } of each((discovery) => discovery.keySets)) {
    const key = `${item.file}:${item.line}:${item.name}`;
    if (!keySets.has(key)) keySets.set(key, item);
  }
  const first = parts[0]!.discovery;
  return {
    ...discoveryOf(
      [...keySets.values()],
      scoped(each((discovery) => discovery.calls), (matcher) => JSON.stringify(matcher)),
      scoped(each((discovery) => discovery.objects), (matcher) => matcher.path),
      scoped(each((discovery) => discovery.properties), (matcher) => matcher.name),
      // A gate is one component wherever it is used: no folder scope (detect.jsx takes no files).
      [...new Map(each((discovery) => discovery.jsx).map(({ item }) => [`${item.matcher.component}\0${item.matcher.prop}`, item])).values()],
      dir,
    ),
    notes: [note, ...new Set(parts.flatMap(({ discovery }) => discovery.notes))],
    files: first.files,
    parseErrors: first.parseErrors,
    skipped: first.skipped,
  };
}

/** The findings in result order, and the `detect:` section that says them. */
function discoveryOf(
  keySets: readonly DiscoveredKeySet[],
  calls: ReadonlyArray<Discovered<CallMatcher>>,
  objects: ReadonlyArray<Discovered<ObjectMatcher>>,
  properties: ReadonlyArray<Discovered<PropertyMatcher>>,
  jsx: ReadonlyArray<Discovered<JsxMatcher>>,
  dir: string,
): Pick<Discovery, "detect" | "keySets" | "calls" | "objects" | "properties" | "jsx"> {
  const sortedKeySets = [...keySets].sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  const sortedCalls = withoutSubsumed(calls).sort((a, b) => compare(JSON.stringify(a.matcher), JSON.stringify(b.matcher)));
  const sortedObjects = [...objects].sort((a, b) => compare(a.matcher.path, b.matcher.path));
  const sortedGates = [...jsx].sort((a, b) => compare(a.matcher.component, b.matcher.component) || compare(a.matcher.prop, b.matcher.prop));
  const relativeFile = (file: string) => path.relative(dir, file).split(path.sep).join("/");
  const detect: DetectConfig = {
    sdks: [...DEFAULT_DETECT.sdks],
    calls: sortedCalls.map(({ matcher }) => matcher),
    objects: sortedObjects.map(({ matcher }) => matcher),
    constants: [],
    properties: properties.map(({ matcher }) => matcher),
    keySets: sortedKeySets.filter((keySet) => keySet.named && keySet.members.length > 0).map((keySet) => ({ name: keySet.name, file: relativeFile(keySet.file) })),
    ...(sortedGates.length === 0 ? {} : { jsx: sortedGates.map(({ matcher }) => matcher) }),
  };
  return { detect, keySets: sortedKeySets, calls: sortedCalls, objects: sortedObjects, properties: [...properties], jsx: sortedGates };
}

/**
 * The call matchers less those another one makes redundant: `function: m` matches every call whose
 * callee ends in `m`, `o.m(…)` too, so `object: o, method: m` beside it, with the same arguments and
 * files, finds nothing more (both come of one check declared twice, an interface's and a polyfill's).
 */
function withoutSubsumed(calls: ReadonlyArray<Discovered<CallMatcher>>): Array<Discovered<CallMatcher>> {
  const reach = (name: string, matcher: CallMatcher) => JSON.stringify([name, matcher.key ?? matcher.keyArg ?? 0, matcher.contextArg ?? null, matcher.files ?? null]);
  const byName = new Set(calls.flatMap(({ matcher }) => (matcher.function !== undefined && matcher.module === undefined ? [reach(matcher.function, matcher)] : [])));
  return calls.filter(({ matcher }) => matcher.object === undefined || matcher.method === undefined || matcher.module !== undefined || !byName.has(reach(matcher.method, matcher)));
}

/**
 * What to do when discovery cannot hold a program's files at once (the project's, where it has no
 * packages, or one package's): give Node the memory it takes (what filled the budget, scaled to
 * every file, with what binding and discovery add, in whole gigabytes), or discover a part.
 */
function tooLarge(error: ProgramTooLarge, inPackage?: string): UsageError {
  const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const needed = Math.ceil((error.heapBudget * (error.total / Math.max(1, error.parsed)) * 1.6) / 1024 ** 3) * 1024;
  return new UsageError(
    `discovery does not fit in memory: ${error.total} files${inPackage === undefined ? "" : ` of the package ${inPackage}`} (${megabytes(error.sourceBytes)} MB of source) make one type-checked program, and ` +
      `${error.parsed} of them filled ${megabytes(error.heapBudget)} MB, half of Node's heap (hint: give Node more memory, NODE_OPTIONS=--max-old-space-size=${needed}, ` +
      "or run init on a part of the tree: `flaglint init <folder>` writes <folder>/feature-flags.yaml)",
  );
}

class Discoverer {
  private readonly checker: TS.TypeChecker;
  private readonly files: FileFacts[] = [];
  private readonly checks = new Map<Callable, CheckFunction>();
  /** The calls of each check function, found through the calls of its name. */
  private readonly callsOfCheck = new Map<Callable, TS.CallExpression[]>();
  /** Every call by the last name of its callee, for telling a check from a namesake. */
  private readonly callsByName = new Map<string, TS.CallExpression[]>();
  /** What each call calls (calledFunction), asked once: a name's calls are asked of for every check by it. */
  private readonly calledBy = new Map<TS.CallExpression, Callable | undefined>();
  /** How many functions and methods of the project declare each name. */
  private readonly declaredNames = new Map<string, number>();
  /** Typed key parameters: candidates until a signal says the function checks flags. */
  private readonly typedParameters: Array<{ node: Callable; index: number; keySet: KeySet }> = [];
  /** Functions that return a check function: `useFlagEvaluator(): (flag: FlagKey) => boolean`. */
  private readonly checkFactories: Array<{ node: Callable; index: number; keySet: KeySet; typed: string }> = [];
  private readonly keySets = new Map<TS.Node, { keySet: KeySet; why: string; named: boolean }>();
  /** Literal keys seen at check sites: a property whose every value is one names flags. */
  private readonly knownKeys = new Set<string>();
  private readonly notes: string[] = [];
  private readonly calls = new Map<string, Discovered<CallMatcher>>();
  /** Gate components by `component\0prop`. */
  private readonly gates = new Map<string, Discovered<JsxMatcher>>();
  private readonly objects = new Map<string, { matcher: ObjectMatcher; reads: number; why: string }>();
  /** The key set of what each project function returns, when a `return` expression is an object of flag values. */
  private readonly returnedShapes = new Map<TS.Node, string | undefined>();
  /** What a name the checker types `any` holds, by its declaration (see sourceShape). */
  private readonly sourceShapes = new Map<TS.Node, string | undefined>();

  constructor(
    private readonly options: DiscoverOptions,
    texts: ReadonlyMap<string, string>,
    private readonly fileCount: number,
    private readonly parseErrors: Discovery["parseErrors"],
    private readonly skipped: Discovery["skipped"],
    /** The files discovery is of (default: all of `texts`); it reads the others they import. */
    roots?: readonly string[],
    /**
     * How many functions of the whole project declare each name, when discovery is of a part of
     * it: a name unique in one package may not be in the project (default: counted from the roots).
     */
    private readonly projectNames?: ReadonlyMap<string, number>,
  ) {
    const { checker, sourceFiles, failures } = createProjectProgram(options.dir, texts, {
      ...(options.heap === undefined ? {} : { heap: options.heap }),
      ...(roots === undefined ? {} : { roots }),
    });
    this.checker = checker;
    if (options.onTrees !== undefined) {
      const trees = new Map<string, TS.SourceFile>();
      for (const sourceFile of sourceFiles) {
        const file = path.resolve(sourceFile.fileName);
        if (!failures.has(file)) trees.set(file, sourceFile);
      }
      options.onTrees(trees);
    }
    const presets = new AnalysisContext({ detect: PRESETS_ONLY });
    sourceFiles.forEach((sourceFile, index) => {
      options.onProgress?.(index, sourceFiles.length);
      const failed = failures.get(path.resolve(sourceFile.fileName));
      const failure = failed === undefined ? getParseError(sourceFile) : { line: 1, column: 1, message: failed };
      if (failure !== undefined) {
        this.parseErrors.push({ ...failure, file: sourceFile.fileName });
        return;
      }
      const sdkReferences = analyzeSource(sourceFile, PRESETS_ONLY, { context: presets }).references;
      this.files.push({ sourceFile, sdkReferences });
    });
  }

  /**
   * Lets go of the program: what run() returned holds none of it, but V8 may keep this object
   * itself reachable for a while (a closure's context in a handle of native code), and with it
   * every tree and type, while discovery of the next package builds its own program.
   */
  release(): void {
    (this as unknown as { checker?: TS.TypeChecker }).checker = undefined;
    this.files.length = 0;
    this.typedParameters.length = 0;
    this.checkFactories.length = 0;
    for (const map of [this.checks, this.callsOfCheck, this.callsByName, this.calledBy, this.keySets, this.returnedShapes, this.sourceShapes]) map.clear();
  }

  run(): Discovery {
    for (const facts of this.files) this.guard(facts.sourceFile, () => this.indexFile(facts));
    for (const facts of this.files) this.guard(facts.sourceFile, () => this.followSdkReferences(facts));
    this.acceptTypedParameters();
    this.followFactories();
    this.followWrappers();
    this.matchersOfChecks();
    for (const facts of this.files) this.guard(facts.sourceFile, () => this.findReexportedChecks(facts.sourceFile));
    for (const facts of this.files) this.guard(facts.sourceFile, () => this.readUses(facts.sourceFile));
    this.findFlagObjects();
    this.findGates();
    const properties = this.findKeyProperties();
    // A function that passes its parameter to a shared client's check is a check too, and so are its wrappers.
    const throughClients = this.findSharedClients();
    if (throughClients.length > 0) this.matchersOfChecks([...throughClients, ...this.followWrappers(throughClients)]);
    return this.result(properties);
  }

  // -------------------------------------------------------------------------------------------
  // The index: functions, typed parameters, calls of project functions

  private indexFile({ sourceFile }: FileFacts): void {
    // Declarations in tests are mocks and fixtures: they say nothing of how the product checks flags.
    const declares = !isTestFile(sourceFile.fileName);
    const visit = (node: TS.Node): void => {
      if (declares && isCallable(node)) this.indexFunction(node);
      else if (ts.isCallExpression(node)) {
        this.indexCall(node);
        if (declares) this.declaredFlag(node);
      }
      ts.forEachChild(node, visit);
    };
    this.guard(sourceFile, () => visit(sourceFile));
  }

  private indexFunction(node: Callable): void {
    const name = functionName(node);
    if (name === undefined) return;
    this.declaredNames.set(name, (this.declaredNames.get(name) ?? 0) + 1);
    if (FLAG_VALUES_FUNCTION.test(name) && isFunctionLike(node)) {
      const keySet = this.returnedRecordKeySet(node);
      if (keySet !== undefined) this.addKeySet(keySet, `the keys of the flag values ${name} returns (${this.where(node.getSourceFile(), node)})`);
    }
    const returned = !ts.isPropertySignature(node) && node.type !== undefined ? stripParens(node.type) : undefined;
    if (returned !== undefined && ts.isFunctionTypeNode(returned)) {
      returned.parameters.forEach((parameter, index) => {
        if (parameter.type === undefined || !mayNameKeySet(parameter.type)) return;
        const keySet = keySetOfTypeNode(parameter.type, this.checker);
        if (keySet !== undefined) this.checkFactories.push({ node, index, keySet, typed: parameter.type.getText().replace(/\s+/g, " ") });
      });
    }
    parametersOf(node).forEach((parameter, index) => {
      if (parameter.type === undefined || !ts.isIdentifier(parameter.name) || !mayNameKeySet(parameter.type)) return;
      const keySet = keySetOfTypeNode(parameter.type, this.checker);
      if (keySet !== undefined) this.typedParameters.push({ node, index, keySet });
    });
  }

  /**
   * `getFeatureFlags(): Promise<Record<BetaFeatures, boolean>>`, or a `return` of a variable
   * declared so: the union that keys the booleans a function named for flags returns.
   */
  private returnedRecordKeySet(node: FunctionLike): KeySet | undefined {
    const typeNodes: TS.TypeNode[] = [];
    if (node.type !== undefined) typeNodes.push(node.type);
    else {
      for (const returned of returnedExpressions(node)) {
        const value = skipWrappers(returned);
        const declaration = ts.isIdentifier(value) ? declarationOf(this.checker, value) : undefined;
        if (declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.type !== undefined) typeNodes.push(declaration.type);
      }
    }
    for (const typeNode of typeNodes) {
      const keys = booleanRecordKeys(typeNode);
      const keySet = keys && keySetOfTypeNode(keys, this.checker);
      if (keySet !== undefined && !keySet.membersAreRead) return keySet;
    }
    return undefined;
  }

  /**
   * `const newCheckout = flag({ key: "new-checkout", … })`, `flag` imported from the Flags SDK: a
   * flag declared as a function, which the code checks by calling it (`await newCheckout()`).
   */
  private declaredFlag(call: TS.CallExpression): void {
    const callee = skipWrappers(call.expression);
    if (!ts.isIdentifier(callee) || !this.isImportedFlagDeclarer(callee)) return;
    const holder = skipParents(call);
    if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name) || (holder.parent.flags & ts.NodeFlags.Const) === 0) return;
    const options = call.arguments[0] === undefined ? undefined : skipWrappers(call.arguments[0]);
    if (options === undefined || !ts.isObjectLiteralExpression(options)) return;
    const keyProperty = options.properties.find((property) => ts.isPropertyAssignment(property) && propertyName(property.name) === "key");
    const value = keyProperty === undefined ? undefined : skipWrappers((keyProperty as TS.PropertyAssignment).initializer);
    if (value === undefined || !(ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) || value.text === "") return;
    const sourceFile = call.getSourceFile();
    const line = sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile)).line + 1;
    const why = `declared as flag({ key }) of the Flags SDK (${this.whereFile(sourceFile.fileName, line)})`;
    this.addCall({ function: holder.name.text, keyArg: 0, key: value.text }, why, { file: sourceFile.fileName, line });
  }

  /** Whether `name` is the `flag` export of a Flags SDK package, imported into its file (under any name). */
  private isImportedFlagDeclarer(name: TS.Identifier): boolean {
    const binding = importBinding(this.checker, name);
    return binding !== undefined && !binding.typeOnly && binding.imported === "flag" && FLAG_DECLARING_MODULE.test(binding.specifier.text);
  }

  private indexCall(call: TS.CallExpression): void {
    const name = lastName(skipWrappers(call.expression));
    if (name === undefined) return;
    const named = this.callsByName.get(name);
    if (named === undefined) this.callsByName.set(name, [call]);
    else named.push(call);
  }

  /** The calls of a check: the calls of its name that the checker finds reach it. */
  private callsOf(check: CheckFunction): TS.CallExpression[] {
    let calls = this.callsOfCheck.get(check.node);
    if (calls === undefined) {
      // A call the checker cannot follow (on a global typed any) is the check's when nothing else
      // in the project declares the name.
      const only = (this.projectNames ?? this.declaredNames).get(check.name) === 1;
      calls = (this.callsByName.get(check.name) ?? []).filter((call) => {
        const called = this.calledFunction(call);
        return called === check.node || (only && called === undefined && this.isUnresolved(call));
      });
      this.callsOfCheck.set(check.node, calls);
    }
    return calls;
  }

  /** Whether the checker finds no declaration at all for a call's callee. */
  private isUnresolved(call: TS.CallExpression): boolean {
    const callee = skipWrappers(call.expression);
    const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    return name !== undefined && declarationOf(this.checker, name) === undefined;
  }

  /** The project function a call calls: `f()`, `a.b.f()`, through imports and `const f = () => …`. */
  private calledFunction(call: TS.CallExpression): Callable | undefined {
    if (this.calledBy.has(call)) return this.calledBy.get(call);
    const called = this.findCalledFunction(call);
    this.calledBy.set(call, called);
    return called;
  }

  private findCalledFunction(call: TS.CallExpression): Callable | undefined {
    const callee = skipWrappers(call.expression);
    const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    if (name === undefined) return undefined;
    const declaration = declarationOf(this.checker, name);
    if (declaration === undefined) return undefined;
    if (isCallable(declaration)) return declaration;
    // `const { isOn } = useFlags(); isOn("x")`: the property of the object the pattern takes apart.
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) return this.destructuredFunction(declaration);
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer !== undefined) {
      const initializer = skipWrappers(declaration.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
    }
    return undefined;
  }

  /** The function a destructured name takes from its object: `const { isOn } = useFlags()` -> `isOn: (key) => …`. */
  private destructuredFunction(element: TS.BindingElement): Callable | undefined {
    const property = element.propertyName ?? element.name;
    if (!ts.isIdentifier(property)) return undefined;
    const symbol = this.checker.getTypeAtLocation(element.parent).getProperty(property.text);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined) return undefined;
    if (isCallable(declaration)) return declaration;
    if ((ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer !== undefined) {
      const initializer = skipWrappers(declaration.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Check functions

  /** An SDK check inside a function, keyed by one of its parameters, makes it a check function. */
  private followSdkReferences({ sourceFile, sdkReferences }: FileFacts): void {
    for (const reference of sdkReferences) {
      const keyNode = nodeAt(sourceFile, reference.start, reference.end);
      const site = nodeAt(sourceFile, reference.siteStart, reference.siteEnd);
      const call = site !== undefined && ts.isCallExpression(site) ? site : undefined;
      const sdk = reference.matcher.replace(/^sdk:/, "");
      if (reference.flag !== null) this.knownKeys.add(reference.flag);
      if (call?.typeArguments?.length === 1) this.typeArgumentKeySet(call.typeArguments[0]!, sdk, sourceFile, call);
      if (keyNode === undefined) continue;
      const key = skipWrappers(keyNode as TS.Expression);
      if (ts.isPropertyAccessExpression(key) || ts.isElementAccessExpression(key)) {
        this.memberKeySet(key, `its members are keys of ${sdk} checks (${this.where(sourceFile, key)})`);
        continue;
      }
      const parameter = ts.isIdentifier(key) ? this.parameterOf(key) : undefined;
      if (parameter === undefined) continue;
      const contextArg = call === undefined || reference.context === null ? undefined : this.contextParameter(call, parameter.node, key);
      this.addCheck(parameter.node, parameter.index, contextArg, `passes its parameter ${(key as TS.Identifier).text} to the ${sdk} SDK (${this.where(sourceFile, key)})`);
    }
  }

  /** `useFeatureIsOn<AppFeatures>("x")`: the SDK's type argument lists the flags. */
  private typeArgumentKeySet(type: TS.TypeNode, sdk: string, sourceFile: TS.SourceFile, call: TS.CallExpression): void {
    if (!ts.isTypeReferenceNode(type)) return;
    const declaration = declarationOf(this.checker, type.typeName);
    if (declaration === undefined || !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) return;
    const keySet = ts.isTypeAliasDeclaration(declaration) && !ts.isTypeLiteralNode(declaration.type)
      ? keySetOfTypeNode(type, this.checker)
      : keySetOfInterface(declaration, this.checker);
    if (keySet !== undefined) this.addKeySet(keySet, `type argument of ${sdk} checks (${this.where(sourceFile, call)})`);
  }

  private memberKeySet(access: TS.PropertyAccessExpression | TS.ElementAccessExpression, why: string): void {
    const keySet = keySetOfMemberRead(access, this.checker);
    if (keySet !== undefined) this.addKeySet(keySet, why);
  }

  /** A parameter typed with a key set is a key parameter when something says the function checks flags. */
  private acceptTypedParameters(): void {
    const state = this.keySetsWrittenByName();
    for (const { node, index, keySet } of this.typedParameters) {
      if (this.checks.has(node)) continue;
      const parameter = parametersOf(node)[index]!;
      const name = functionName(node)!;
      const known = this.keySets.has(keySet.declaration);
      const saysFlag = FLAG_WORDS.test(name) || FLAG_WORDS.test(ownerName(node) ?? "");
      const listsFlags = namesFlagSet(keySet.name) || (keySet.listedIn !== undefined && namesFlagSet(keySet.listedIn));
      const named = !DOMAIN_SET_NAME.test(keySet.name) && (listsFlags || (FLAG_PARAMETER.test(parameter.name.getText()) && saysFlag));
      if (!known && (!named || state.has(keySet.declaration))) continue;
      if (this.returnsNumber(node)) continue;
      const typed = parameter.type!.getText().replace(/\s+/g, " ");
      const why = `key parameter typed ${typed} (${this.whereFile(keySet.file, keySet.line)})`;
      // A writer is no check (addCheck says so), and then its key set is not taken on its word.
      if (this.addCheck(node, index, this.contextByName(node, index), why, new Set(keySet.members)) === undefined) continue;
      this.addKeySet(keySet, `the type of the key parameter of ${name} (${this.where(node.getSourceFile(), parameter)})`);
    }
  }

  /**
   * A function that returns a number (`getFlag = (flag: TeamFlag) => this.flags?.[flag] ?? 0`)
   * reads a count or a bit stored under the key, not whether a flag is on.
   */
  private returnsNumber(node: Callable): boolean {
    if (!isFunctionLike(node)) return false;
    const signature = this.checker.getSignatureFromDeclaration(node);
    if (signature === undefined) return false;
    const returned = this.checker.getReturnTypeOfSignature(signature);
    return (returned.flags & ts.TypeFlags.NumberLike) !== 0;
  }

  /**
   * The key sets whose members product code passes by name to a function named for writing
   * (`user.setFlag(UserFlag.MCP)`, `setFlag("inviteSent")`): flags are set by a flag service or a
   * person, while code that sets a given key itself keeps state under it. A writer given a key it
   * does not name (a toggle menu's `FeatureFlags.enable(flag)` over every flag) says nothing.
   */
  private keySetsWrittenByName(): Set<TS.Node> {
    const written = new Set<TS.Node>();
    for (const { node, index, keySet } of this.typedParameters) {
      const name = functionName(node)!;
      if (written.has(keySet.declaration) || !WRITER_NAME.test(name)) continue;
      const byName = (this.callsByName.get(name) ?? []).some((call) => {
        const key = call.arguments[index];
        if (key === undefined || isTestFile(call.getSourceFile().fileName) || this.calledFunction(call) !== node) return false;
        const value = skipWrappers(key);
        if (ts.isStringLiteralLike(value)) return keySet.members.includes(value.text);
        return ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && declarationOf(this.checker, value.expression) === keySet.declaration;
      });
      if (byName) written.add(keySet.declaration);
    }
    return written;
  }

  /**
   * `const evaluate = useFlagEvaluator(); evaluate("x")`: the variables that hold a check function
   * a factory returns are checks by their name, where no other declaration shares it.
   */
  private followFactories(): void {
    for (const { node, index, keySet, typed } of this.checkFactories) {
      const factory = functionName(node)!;
      if (!this.keySets.has(keySet.declaration) && !namesFlagSet(keySet.name)) continue;
      const holders = new Map<string, Set<TS.Node>>();
      for (const call of this.callsByName.get(factory) ?? []) {
        const parent = skipParents(call);
        if (!ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name) || this.calledFunction(call) !== node) continue;
        const set = holders.get(parent.name.text) ?? new Set<TS.Node>();
        holders.set(parent.name.text, set.add(parent));
      }
      for (const [name, declarations] of holders) {
        const calls = this.callsByName.get(name) ?? [];
        const own = calls.filter((call) => {
          const callee = skipWrappers(call.expression);
          const declaration = ts.isIdentifier(callee) ? declarationOf(this.checker, callee) : undefined;
          if (declaration === undefined) return false;
          // Passed on as a parameter typed as such a check (`evaluateFlag: FlagEvaluator`) it is still one.
          return declarations.has(declaration) || (ts.isParameter(declaration) && this.isCheckTyped(declaration, index, keySet));
        });
        if (own.length === 0 || own.length < calls.length) continue;
        const declaration = [...declarations][0]!;
        this.addKeySet(keySet, `the type of the key parameter of what ${factory} returns (${this.where(node.getSourceFile(), node)})`);
        this.addCall({ function: name, keyArg: index }, `${name}: holds what ${factory}() returns, a check with its key parameter typed ${typed} (${this.where(declaration.getSourceFile(), declaration)})`);
      }
    }
  }

  /** Whether a parameter's type is a function whose parameter at `index` is typed with `keySet`. */
  private isCheckTyped(parameter: TS.ParameterDeclaration, index: number, keySet: KeySet): boolean {
    const signatures = this.checker.getTypeAtLocation(parameter).getCallSignatures();
    return signatures.some((signature) => {
      const declaration = signature.getParameters()[index]?.valueDeclaration;
      if (declaration === undefined || !ts.isParameter(declaration) || declaration.type === undefined) return false;
      return keySetOfTypeNode(declaration.type, this.checker)?.declaration === keySet.declaration;
    });
  }

  /** Wrappers of wrappers: a function that passes its parameter on as the key of a check is one too. */
  /** Wrappers of `from` (every check by default), and of those, and so on: the checks it added. */
  private followWrappers(from: readonly CheckFunction[] = [...this.checks.values()]): CheckFunction[] {
    const added: CheckFunction[] = [];
    let pending = [...from];
    while (pending.length > 0) {
      const next: CheckFunction[] = [];
      for (const check of pending) {
        for (const call of this.callsOf(check)) {
          const argument = call.arguments[check.keyArg];
          if (argument === undefined) continue;
          const key = skipWrappers(argument);
          if (ts.isStringLiteralLike(key)) this.knownKeys.add(key.text);
          if (ts.isPropertyAccessExpression(key) || ts.isElementAccessExpression(key)) {
            this.memberKeySet(key, `its members are keys of ${check.name} (${this.where(call.getSourceFile(), key)})`);
          }
          const parameter = ts.isIdentifier(key) ? this.parameterOf(key) : undefined;
          if (parameter === undefined || this.checks.has(parameter.node)) continue;
          const contextArg = check.contextArg === undefined ? undefined : this.contextParameter(call, parameter.node, key);
          const wrapper = this.addCheck(parameter.node, parameter.index, contextArg, `passes its parameter ${(key as TS.Identifier).text} to ${check.name} (${this.where(call.getSourceFile(), key)})`);
          if (wrapper !== undefined) next.push(wrapper);
        }
      }
      added.push(...next);
      pending = next;
    }
    return added;
  }

  private addCheck(node: Callable, keyArg: number, contextArg: number | undefined, why: string, keys?: ReadonlySet<string>): CheckFunction | undefined {
    if (this.checks.has(node)) return undefined;
    const name = functionName(node);
    if (name === undefined || WRITER_NAME.test(name)) return undefined;
    const check: CheckFunction = { node, name, method: isMethod(node), keyArg, why, ...(contextArg === undefined ? {} : { contextArg }), ...(keys && { keys }) };
    this.checks.set(node, check);
    return check;
  }

  /** The parameter (of a named function) an identifier refers to. */
  private parameterOf(identifier: TS.Identifier): { node: FunctionLike; index: number } | undefined {
    const symbol = this.checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined || !ts.isParameter(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
    const owner = declaration.parent;
    if (!isFunctionLike(owner) || functionName(owner) === undefined || isTestFile(owner.getSourceFile().fileName)) return undefined;
    return { node: owner, index: owner.parameters.indexOf(declaration) };
  }

  /** Another parameter of `owner` passed to the same call: the context a check passes on. */
  private contextParameter(call: TS.CallExpression, owner: FunctionLike, key: TS.Node): number | undefined {
    for (const argument of call.arguments) {
      const value = skipWrappers(argument);
      if (value === key || !ts.isIdentifier(value)) continue;
      const parameter = this.parameterOf(value);
      if (parameter?.node === owner) return parameter.index;
    }
    return undefined;
  }

  private contextByName(node: Callable, keyArg: number): number | undefined {
    const index = parametersOf(node).findIndex((parameter, position) => position !== keyArg && ts.isIdentifier(parameter.name) && CONTEXT_NAMES.test(parameter.name.text));
    return index < 0 ? undefined : index;
  }

  /** How each check function is matched at its call sites: by name, or by receiver for methods. */
  private matchersOfChecks(checks: Iterable<CheckFunction> = this.checks.values()): void {
    for (const check of checks) {
      const fields = { keyArg: check.keyArg, ...(check.contextArg === undefined ? {} : { contextArg: check.contextArg }) };
      const why = `${check.name}: ${check.why}`;
      if (!check.method) {
        const collides = this.collides(check);
        const imports = collides ? this.importsOf(check) : undefined;
        if (!collides) {
          this.addCall({ function: check.name, ...fields }, why);
        } else if (imports === undefined) {
          // Called by a name others share, and not through an import: no matcher would tell them apart.
          this.notes.push(`${why}: left out, other functions share the name ${check.name}`);
        } else {
          // Another function or method shares the name: match the check through its imports only.
          for (const [module, imported] of imports) this.addCall({ module, import: imported, ...fields }, why);
        }
        continue;
      }
      let collides: boolean | undefined;
      for (const call of this.callsOf(check)) {
        if (isTestFile(call.getSourceFile().fileName)) continue;
        const callee = skipWrappers(call.expression);
        // Destructured under its own name (`const { isOn } = useFlags()`): a plain call, matched by
        // name where no other function of the project is called by it.
        if (ts.isIdentifier(callee)) {
          if (callee.text === check.name && !(collides ??= this.collides(check))) this.addCall({ function: check.name, ...fields }, why);
          continue;
        }
        if (!ts.isPropertyAccessExpression(callee)) continue;
        let receiver = skipWrappers(callee.expression);
        if (ts.isAwaitExpression(receiver)) receiver = skipWrappers(receiver.expression);
        if (ts.isCallExpression(receiver)) {
          const called = lastName(skipWrappers(receiver.expression));
          if (called !== undefined) this.addCall({ call: called, method: check.name, ...fields }, why);
          continue;
        }
        const object = lastName(receiver);
        if (object !== undefined) this.addCall({ object, method: check.name, ...fields }, why);
      }
    }
  }

  /**
   * Whether some call of the same name calls something else (`pluginService.isEnabled(id)`). Another
   * check by the same name and key argument is no other thing: an interface's member and the
   * polyfill beside it (`hasFeature(feature: Feature)` in both) are matched by the one name; nor is
   * a call the checker cannot follow that passes one of the check's own keys (`polyfills?.hasFeature("x")`
   * on a value typed `any`).
   */
  private collides(check: CheckFunction): boolean {
    return (
      this.callsByName.get(check.name)?.some((call) => {
        const called = this.calledFunction(call);
        if (called === check.node) return false;
        if (called === undefined) return !passesOwnKey(call, check);
        const other = this.checks.get(called);
        return other === undefined || other.keyArg !== check.keyArg;
      }) === true
    );
  }

  /**
   * The modules (as `detect.calls` writes them) and export names each call of `check` imports it
   * through; `undefined` when some call reaches it otherwise (in its own file), where only a name can match.
   */
  private importsOf(check: CheckFunction): Map<string, string> | undefined {
    const imports = new Map<string, string>();
    for (const call of this.callsOf(check)) {
      // A call the checker cannot follow (`posthog()?.isFeatureEnabled(…)` on an SDK's `any`) is
      // what the name collides with, not a call of the check: only the calls that reach it say how
      // it is imported.
      if (this.calledFunction(call) !== check.node) continue;
      const callee = skipWrappers(call.expression);
      const root = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined;
      const binding = root === undefined ? undefined : importBinding(this.checker, root);
      if (binding === undefined) return undefined;
      // `flags.isEnabled()` on `import * as flags`: the check's own export.
      const imported = binding.imported === NAMESPACE ? check.name : binding.imported;
      imports.set(this.moduleAsWritten(binding.specifier.text, call.getSourceFile().fileName), imported);
    }
    return imports.size === 0 ? undefined : imports;
  }

  /** A relative import as the registry writes it (relative to its folder); anything else as written. */
  private moduleAsWritten(specifier: string, importingFile: string): string {
    if (!specifier.startsWith(".")) return specifier;
    const relative = path.relative(this.options.dir, path.resolve(path.dirname(importingFile), specifier)).split(path.sep).join("/");
    return relative.startsWith(".") ? relative : `./${relative}`;
  }

  private addCall(matcher: CallMatcher, why: string, declaredAt?: Discovered<CallMatcher>["declaredAt"]): void {
    const id = JSON.stringify(matcher);
    if (!this.calls.has(id)) this.calls.set(id, { matcher, why, ...(declaredAt && { declaredAt }) });
  }

  // -------------------------------------------------------------------------------------------
  // Key sets read as data: `flags[FEATURE_FLAGS.X]`, `featureFlags.find((flag) => flag.name === FeatureKeys.X)`

  private readUses(sourceFile: TS.SourceFile): void {
    const visit = (node: TS.Node): void => {
      if (ts.isElementAccessExpression(node)) {
        const index = skipWrappers(node.argumentExpression);
        if (ts.isPropertyAccessExpression(index)) {
          const keySet = keySetOfMemberRead(index, this.checker);
          const object = lastName(skipWrappers(node.expression));
          const named = keySet !== undefined && (FLAG_WORDS.test(keySet.name) || (object !== undefined && FLAG_WORDS.test(object)));
          // What the read gives must be able to be a flag's value: a map of providers is not flags.
          if (named && mayBeFlagValue(this.checker.getTypeAtLocation(node))) {
            this.addKeySet(keySet, `its members index ${object ?? "an object"} (${this.where(sourceFile, node)})`);
          }
        }
      } else if (ts.isPropertyAccessExpression(node) && findsFlagRecord(node)) {
        // A list of flag records (what an API sends: `{ name, active }`) looked up by a member's key.
        const keySet = keySetOfMemberRead(node, this.checker);
        if (keySet !== undefined && !DOMAIN_SET_NAME.test(keySet.name)) {
          this.addKeySet(keySet, `its members name the flag records a list is searched for (${this.where(sourceFile, node)})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    this.guard(sourceFile, () => visit(sourceFile));
  }

  private addKeySet(keySet: KeySet, why: string): void {
    if (this.keySets.has(keySet.declaration)) return;
    if (keySet.members.length > MAX_KEY_SET_MEMBERS) {
      this.notes.push(`${this.whereFile(keySet.file, keySet.line)}: ${keySet.name} has ${keySet.members.length} members, more than a list of flags: left out`);
      this.keySets.set(keySet.declaration, { keySet: { ...keySet, members: [] }, why, named: false });
      return;
    }
    // A key set is named in `detect.keySets` by a type, or by an enum or const object whose members code reads.
    const declaration = keySet.declaration;
    const named = keySet.membersAreRead || ts.isTypeAliasDeclaration(declaration) || ts.isInterfaceDeclaration(declaration);
    this.keySets.set(declaration, { keySet, why, named });
  }

  // -------------------------------------------------------------------------------------------
  // Objects of flag values read by property: `uiConfig.flags.newNav`, `const { newNav } = flags`

  private findFlagObjects(): void {
    const shapes = new Map<TS.Node, string>();
    for (const { keySet } of this.keySets.values()) {
      const target = keySet.objectType === undefined ? undefined : typeDeclaration(keySet.objectType);
      if (target !== undefined && !shapes.has(target)) shapes.set(target, keySet.name);
    }
    if (shapes.size === 0 && this.keySets.size === 0) return;
    // Every read by each path a matcher could name, typed or not: a path is written only when
    // nearly all its reads are of flags (`flags` is also every array called flags).
    const totals = new Map<string, number>();
    const typed = new Map<string, { reads: number; named: number; shape: string; node: TS.Node }>();
    /** Per path, per folder: its reads and how many of them are typed as flag values. */
    const byFolder = new Map<string, Map<string, { reads: number; typed: number }>>();
    /** The reads of each path, by the node read: a name's reads may all be reads of a call's result. */
    const readsOf = new Map<string, Set<TS.Node>>();
    /**
     * Reads of a key whose value the checker types `any` (it comes from a library discovery does not
     * read: `({ ctx }) => ctx.features.x` in a tRPC procedure): they neither speak for a path nor against it.
     */
    const untyped = new Map<string, number>();
    // Asking the checker for the type of every read is most of discovery's time: only a read of a
    // property named like a key (or of a computed one) can be a read of a flag's value.
    const members = new Set<string>();
    for (const { keySet } of this.keySets.values()) for (const member of keySet.members) members.add(looseName(member));
    const read = (names: readonly string[], node: TS.Node, inCheck: boolean, mayBeFlag: boolean, named: boolean) => {
      const paths = candidatePaths(names);
      const shape = mayBeFlag ? this.shapeOf(node, shapes, inCheck) : undefined;
      const unknown = mayBeFlag && shape === undefined && this.isUntyped(node);
      const folder = path.dirname(node.getSourceFile().fileName);
      for (const candidate of paths) {
        totals.set(candidate, (totals.get(candidate) ?? 0) + 1);
        const nodes = readsOf.get(candidate) ?? new Set<TS.Node>();
        readsOf.set(candidate, nodes);
        nodes.add(node);
        if (unknown) untyped.set(candidate, (untyped.get(candidate) ?? 0) + 1);
        const folders = byFolder.get(candidate) ?? new Map<string, { reads: number; typed: number }>();
        byFolder.set(candidate, folders);
        const counts = folders.get(folder) ?? { reads: 0, typed: 0 };
        folders.set(folder, counts);
        counts.reads++;
        if (shape !== undefined) counts.typed++;
      }
      if (shape === undefined) return;
      for (const candidate of paths) {
        const entry = typed.get(candidate);
        if (entry === undefined) typed.set(candidate, { reads: 1, named: named ? 1 : 0, shape, node });
        else {
          entry.reads++;
          if (named) entry.named++;
        }
      }
    };
    for (const { sourceFile } of this.files) {
      const visit = (node: TS.Node, inCheck: boolean): void => {
        if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && !isWriteTarget(node) && !isCallee(node)) {
          const receiver = skipWrappers(node.expression);
          const names = writtenNames(receiver);
          const mayBeFlag = mayReadKey(node, members, this.checker);
          const named = memberName(node) !== undefined;
          if (names.length > 0) read(names, receiver, inCheck, mayBeFlag, named);
          // `const flags = await getFlags(); flags.x` is also a read of what `getFlags()` returns.
          const call = ts.isIdentifier(receiver) ? this.boundCall(receiver) : undefined;
          if (call !== undefined) read([call], receiver, inCheck, mayBeFlag, named);
        } else if (ts.isObjectBindingPattern(node)) {
          const names = patternPath(node);
          const mayBeFlag = mayBindKey(node, members);
          if (names !== undefined && names.length > 0) read(names, node, inCheck, mayBeFlag, true);
          const source = ts.isVariableDeclaration(node.parent) && node.parent.initializer !== undefined ? skipWrappers(node.parent.initializer) : undefined;
          const call = source !== undefined && ts.isIdentifier(source) ? this.boundCall(source) : undefined;
          if (call !== undefined) read([call], node, inCheck, mayBeFlag, true);
        }
        const inside = inCheck || (isCallable(node) && this.checks.has(node));
        if (!ts.isTypeNode(node)) ts.forEachChild(node, (child) => visit(child, inside));
      };
      this.guard(sourceFile, () => visit(sourceFile, false));
    }
    // Nearly every read whose type is known is typed as flag values, and those are a good part of
    // all; and one at least names its key (a table only ever indexed by a variable,
    // `lowestPlan?.[feature]`, would give nothing but dynamic references).
    const precise = [...typed].filter(([candidate, { reads, named }]) => {
      const total = totals.get(candidate) ?? reads;
      return named > 0 && reads / (total - (untyped.get(candidate) ?? 0)) >= OBJECT_PRECISION && reads >= TYPED_SHARE * total;
    });
    const kept = new Set(precise.map(([candidate]) => candidate));
    // `features` goes when each of its reads is of a const bound to a call kept as a path
    // (`const features = useFeatureFlags()`): that path matches them all, and only them.
    const callReads = new Set([...kept].filter((candidate) => candidate.endsWith(CALL_SEGMENT_SUFFIX)).flatMap((candidate) => [...(readsOf.get(candidate) ?? [])]));
    const redundant = new Set<string>();
    for (const candidate of kept) {
      if (candidate.includes(".") || candidate.endsWith(CALL_SEGMENT_SUFFIX)) continue;
      if ([...(readsOf.get(candidate) ?? [])].every((node) => callReads.has(node))) redundant.add(candidate);
    }
    for (const candidate of redundant) kept.delete(candidate);
    for (const [candidate, { reads, shape, node }] of precise) {
      if (!kept.has(candidate)) continue;
      // `uiConfig.flags` goes when `flags` alone is as precise: it matches every read of both.
      const shorter = candidate.includes(".") ? candidate.slice(candidate.indexOf(".") + 1) : undefined;
      if (shorter !== undefined && kept.has(shorter)) continue;
      const why = `typed ${shape} (${this.where(node.getSourceFile(), node)}); ${reads} of ${totals.get(candidate) ?? reads} reads by that name`;
      this.objects.set(candidate, { matcher: { path: candidate, keyCase: "exact" }, reads, why });
    }
    // The name also holds other things (`features` of a plan): scope it to the folders where its
    // reads are typed as flag values, if nearly every read there is. Only the trailing name is
    // scoped, and only where no matcher covers it already (`uiConfig.flags` covers `flags`).
    for (const [candidate, { reads, named, shape, node }] of typed) {
      if (kept.has(candidate) || redundant.has(candidate) || candidate.includes(".") || reads < 2 || named === 0) continue;
      if ([...kept].some((written) => written.endsWith(`.${candidate}`))) continue;
      const inScope = [...(byFolder.get(candidate) ?? new Map<string, { reads: number; typed: number }>())].filter(([, counts]) => counts.typed > 0);
      const scopedReads = inScope.reduce((total, [, counts]) => total + counts.reads, 0);
      if (reads / scopedReads < OBJECT_PRECISION) continue;
      const files = inScope.map(([folder]) => `${path.relative(this.options.dir, folder).split(path.sep).join("/") || "."}/*`.replace(/^\.\//, "")).sort(compare);
      const why = `typed ${shape} (${this.where(node.getSourceFile(), node)}); ${reads} of ${scopedReads} reads by that name in these folders, of ${totals.get(candidate) ?? reads} in all`;
      this.objects.set(candidate, { matcher: { path: candidate, keyCase: "exact", files }, reads, why });
    }
  }

  /**
   * The key set an object of flag values read here is typed with. Inside a check function (the
   * wrapper's own body, `features?.[feature]`) only a declared flag interface counts.
   */
  private shapeOf(node: TS.Node, shapes: ReadonlyMap<TS.Node, string>, inCheck: boolean): string | undefined {
    // A pattern's own type lists only what it takes apart: the value it takes apart says what that is.
    const typed = ts.isObjectBindingPattern(node) && ts.isVariableDeclaration(node.parent) && node.parent.initializer !== undefined ? node.parent.initializer : node;
    const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(typed));
    const declaration = typeDeclaration(type);
    const named = declaration === undefined ? undefined : shapes.get(declaration);
    if (named !== undefined || inCheck) return named;
    const keyed = this.keyedShape(type);
    if (keyed !== undefined || (type.flags & ts.TypeFlags.Any) === 0) return keyed;
    if (ts.isIdentifier(node)) return this.sourceShape(node) ?? this.writtenShape(node);
    // `(await getFlags(team)).x`, `const { x } = await getFlags(team)`: what the call returns.
    const value = ts.isObjectBindingPattern(node) && ts.isVariableDeclaration(node.parent) ? node.parent.initializer : ts.isExpression(node) ? node : undefined;
    const call = value && calledIn(value);
    return (call && (this.typeArgumentShape(call) ?? this.returnedShape(call))) ?? (value && this.writtenShape(value));
  }

  /** The key set of the flag values an expression holds by the type the code writes for it (see writtenType). */
  private writtenShape(expression: TS.Expression): string | undefined {
    const type = this.writtenType(expression, 0);
    return type === undefined ? undefined : this.keyedShape(this.checker.getNonNullableType(type));
  }

  /**
   * The type the code writes for an expression the checker types `any` (its value comes from
   * outside the program): `const { data: workspace } = useSWR<Workspace>(…)` makes `workspace` a
   * Workspace and `workspace.flags` its `flags`; a hook that returns `{ ...workspace }` or
   * `{ workspace }` hands those on to `const { flags } = useWorkspace()`.
   */
  private writtenType(expression: TS.Expression, depth: number): TS.Type | undefined {
    if (depth > MAX_SOURCE_DEPTH) return undefined;
    const node = skipWrappers(expression);
    const checked = this.checker.getTypeAtLocation(node);
    if ((checked.flags & ts.TypeFlags.Any) === 0) return checked;
    if (ts.isPropertyAccessExpression(node)) {
      const owner = this.writtenType(node.expression, depth + 1);
      return owner === undefined ? undefined : this.propertyType(owner, node.name.text, node);
    }
    if (!ts.isIdentifier(node)) return undefined;
    // `return { workspace }`: the name stands for the variable, not for the property it makes.
    const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? node.parent : undefined;
    const declaration = shorthand !== undefined ? this.checker.getShorthandAssignmentValueSymbol(shorthand)?.declarations?.[0] : declarationOf(this.checker, node);
    if (declaration === undefined) return undefined;
    const assigned = assignedCall(declaration);
    if (assigned !== undefined) return this.typeArgumentType(assigned);
    const { property, call } = destructuredCall(declaration) ?? {};
    if (call === undefined || property === undefined) return undefined;
    if (property === "data") {
      const fetched = this.typeArgumentType(call);
      if (fetched !== undefined) return fetched;
    }
    for (const object of this.returnedObjects(call)) {
      // The last member of that name wins, as at run time: walk from the end.
      for (const member of [...object.properties].reverse()) {
        if (ts.isShorthandPropertyAssignment(member) && member.name.text === property) return this.writtenType(member.name, depth + 1);
        if (ts.isPropertyAssignment(member) && propertyName(member.name) === property) return this.writtenType(member.initializer, depth + 1);
        if (ts.isSpreadAssignment(member)) {
          const spread = this.writtenType(member.expression, depth + 1);
          const type = spread === undefined ? undefined : this.propertyType(spread, property, member);
          if (type !== undefined) return type;
        }
      }
    }
    return undefined;
  }

  /** The object literals the project function a call calls returns: `return { flags, … }`. */
  private returnedObjects(call: TS.CallExpression): TS.ObjectLiteralExpression[] {
    const called = this.calledFunction(call);
    if (called === undefined || !isFunctionLike(called)) return [];
    return returnedExpressions(called)
      .map((returned) => skipWrappers(returned))
      .filter((returned): returned is TS.ObjectLiteralExpression => ts.isObjectLiteralExpression(returned));
  }

  /** `useSWR<Workspace>(…)`: the type argument of a call the checker types `any`. */
  private typeArgumentType(call: TS.CallExpression): TS.Type | undefined {
    const argument = call.typeArguments?.[0];
    if (argument === undefined || (this.checker.getTypeAtLocation(call).flags & ts.TypeFlags.Any) === 0) return undefined;
    return this.checker.getTypeFromTypeNode(argument);
  }

  private propertyType(owner: TS.Type, name: string, at: TS.Node): TS.Type | undefined {
    const symbol = this.checker.getNonNullableType(owner).getProperty(name);
    return symbol === undefined ? undefined : this.checker.getTypeOfSymbolAtLocation(symbol, at);
  }

  /**
   * `Record<FlagKey, boolean>`, `{ [K in FlagKey]: V }`: an object whose property names are exactly
   * the members of a key set holds flag values (any part of a union, `{ [k: string]: V } | Record<…>`).
   */
  private keyedShape(type: TS.Type): string | undefined {
    const parts = type.isUnion() ? type.types : [type];
    for (const part of parts) {
      if ((part.flags & ts.TypeFlags.Object) === 0) continue;
      // `Record<PartnerFlag, boolean>`: booleans keyed by exactly a key set's members, however few.
      const [recordKeys, recordValues] = part.aliasSymbol?.getName() === "Record" ? (part.aliasTypeArguments ?? []) : [];
      if (recordKeys !== undefined && recordValues !== undefined && (recordValues.flags & ts.TypeFlags.BooleanLike) !== 0) {
        for (const { keySet } of this.keySets.values()) {
          if (keySet.members.length > 0 && sameLiterals(recordKeys, keySet.members)) return keySet.name;
        }
      }
      const properties = part.getProperties();
      const names = properties.map((property) => property.getName());
      const declaration = part.getSymbol()?.declarations?.[0];
      // `features: { appBlocks?: boolean; appListings?: boolean }`, written in place: the flags a
      // function takes, every one a member of one key set (two at least: `{ conversations?: boolean }`
      // is as likely a setting named like a flag).
      if (declaration !== undefined && ts.isTypeLiteralNode(declaration) && names.length > 1 && properties.every((property) => this.isBooleanProperty(property, declaration))) {
        const named = [...this.keySets.values()].find(({ keySet }) => names.every((name) => keySet.members.includes(name)));
        if (named !== undefined) return named.keySet.name;
      }
      if (names.length < 2) continue;
      // The enum or const object that lists the keys (`FLAGS.NEW_NAV`, the `CATALOG` of `keyof
      // typeof CATALOG`) is read for keys, not values: of its own key set and of every other.
      if (declaration !== undefined && this.listsKeys(declaration)) continue;
      for (const { keySet } of this.keySets.values()) {
        if (keySet.members.length === names.length && names.every((name) => keySet.members.includes(name))) return keySet.name;
      }
    }
    return undefined;
  }

  /** Whether the checker types what a read reads (or a pattern takes apart) `any`. */
  private isUntyped(node: TS.Node): boolean {
    const typed = ts.isObjectBindingPattern(node) && ts.isVariableDeclaration(node.parent) && node.parent.initializer !== undefined ? node.parent.initializer : node;
    return (this.checker.getTypeAtLocation(typed).flags & ts.TypeFlags.Any) !== 0;
  }

  /** Whether a property holds a boolean (or nothing): `enabled: boolean`, `enabled?: boolean`. */
  private isBooleanProperty(property: TS.Symbol, at: TS.Node): boolean {
    const type = this.checker.getNonNullableType(this.checker.getTypeOfSymbolAtLocation(property, at));
    return (type.flags & ts.TypeFlags.BooleanLike) !== 0 || (type.isUnion() && type.types.every((part) => (part.flags & ts.TypeFlags.BooleanLike) !== 0));
  }

  /** `getFlags()` where `name` is a const that holds what a call returns: `const name = await getFlags(team)`. */
  private boundCall(name: TS.Identifier): string | undefined {
    const declaration = declarationOf(this.checker, name);
    const call = declaration && assignedCall(declaration);
    const list = declaration?.parent;
    if (call === undefined || list === undefined || !ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return undefined;
    return callSegment(call);
  }

  /** Whether `declaration` is within the declaration of a key set, or of the object one is derived from. */
  private listsKeys(declaration: TS.Node): boolean {
    for (const { keySet } of this.keySets.values()) {
      if (within(declaration, keySet.declaration) || (keySet.source !== undefined && within(declaration, keySet.source))) return true;
    }
    return false;
  }

  /**
   * Where the checker types a name `any` (what it holds comes from outside the program), what the
   * code itself says it holds:
   * - `const flags = await getTeamFlags()`: a `return` expression of the function is an object
   *   of flag values;
   * - `const { data: flags } = useSWR<Record<FlagKey, boolean>>(…)`, `const flags = fetchJson<…>()`:
   *   the type argument of a call the checker cannot type names it (`data`, by the convention of
   *   data-fetching hooks, is what they fetch);
   * - `const { flags } = useTeamFlags()`: the function returns `{ flags }`, one of the above.
   */
  private sourceShape(identifier: TS.Identifier, depth = 0): string | undefined {
    const declaration = declarationOf(this.checker, identifier);
    return declaration === undefined ? undefined : this.declaredShape(declaration, depth);
  }

  private declaredShape(declaration: TS.Declaration, depth: number): string | undefined {
    if (depth > MAX_SOURCE_DEPTH) return undefined;
    if (this.sourceShapes.has(declaration)) return this.sourceShapes.get(declaration);
    this.sourceShapes.set(declaration, undefined); // a cycle ends here
    let shape: string | undefined;
    const assigned = assignedCall(declaration);
    const destructured = assigned === undefined ? destructuredCall(declaration) : undefined;
    if (assigned !== undefined) shape = this.typeArgumentShape(assigned) ?? this.returnedShape(assigned);
    else if (destructured !== undefined) {
      const { property, call } = destructured;
      shape = (property === "data" ? this.typeArgumentShape(call) : undefined) ?? this.returnedPropertyShape(call, property, depth);
    }
    this.sourceShapes.set(declaration, shape);
    return shape;
  }

  /** A return expression of the called function is an object of flag values. */
  private returnedShape(call: TS.CallExpression): string | undefined {
    const called = this.calledFunction(call);
    if (called === undefined || !isFunctionLike(called)) return undefined;
    if (!this.returnedShapes.has(called)) {
      let shape: string | undefined;
      for (const returned of returnedExpressions(called)) {
        shape ??= this.keyedShape(this.checker.getNonNullableType(this.checker.getTypeAtLocation(returned)));
      }
      this.returnedShapes.set(called, shape);
    }
    return this.returnedShapes.get(called);
  }

  /** `return { flags, … }`: what the returned object's `property` holds. */
  private returnedPropertyShape(call: TS.CallExpression, property: string, depth: number): string | undefined {
    for (const object of this.returnedObjects(call)) {
      for (const member of object.properties) {
        let value: TS.Expression | undefined;
        let source: TS.Declaration | undefined;
        if (ts.isShorthandPropertyAssignment(member) && member.name.text === property) {
          value = member.name;
          source = this.checker.getShorthandAssignmentValueSymbol(member)?.declarations?.[0];
        } else if (ts.isPropertyAssignment(member) && propertyName(member.name) === property) {
          value = skipWrappers(member.initializer);
          source = ts.isIdentifier(value) ? declarationOf(this.checker, value) : undefined;
        }
        if (value === undefined) continue;
        const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(value));
        const shape = (type.flags & ts.TypeFlags.Any) === 0 ? this.keyedShape(type) : source && this.declaredShape(source, depth + 1);
        if (shape !== undefined) return shape;
      }
    }
    return undefined;
  }

  /**
   * `useSWR<Record<FlagKey, boolean>>(…)`, `useSWR<{ newNav: boolean }>(…)`: a call the checker
   * types `any`, whose type argument is an object of flag values — all of a key set's members, or,
   * written in place, boolean properties every one of which is a member of one key set.
   */
  private typeArgumentShape(call: TS.CallExpression): string | undefined {
    const type = this.typeArgumentType(call);
    if (type === undefined) return undefined;
    const keyed = this.keyedShape(type);
    const argument = call.typeArguments![0]!;
    if (keyed !== undefined || !ts.isTypeLiteralNode(argument) || argument.members.length === 0) return keyed;
    const names: string[] = [];
    for (const member of argument.members) {
      if (!ts.isPropertySignature(member) || member.type?.kind !== ts.SyntaxKind.BooleanKeyword) return undefined;
      const name = propertyName(member.name);
      if (name === undefined) return undefined;
      names.push(name);
    }
    for (const { keySet } of this.keySets.values()) {
      if (names.every((name) => keySet.members.includes(name))) return keySet.name;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // SDK checks a module of the project re-exports: `export { useFeatureFlagEnabled } from "posthog-js/react"`

  /**
   * A module of the project (a workspace package that wraps an SDK) that re-exports one of an SDK's
   * checks: each import of it from that module is matched as the check it is (`module:
   * "@acme/analytics/client", import: useFeatureFlagEnabled`), as the SDK's own preset would match
   * an import from the SDK.
   */
  private findReexportedChecks(sourceFile: TS.SourceFile): void {
    if (isTestFile(sourceFile.fileName)) return;
    for (const statement of sourceFile.statements) {
      if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue;
      const sdk = lookupPackage((sdkPackages ??= packagesByModule(SDK_PRESETS)), statement.moduleSpecifier.text);
      if (sdk === undefined) continue;
      for (const element of statement.exportClause.elements) {
        if (element.isTypeOnly) continue;
        const original = (element.propertyName ?? element.name).text;
        const kind = sdk.pkg.exports[original];
        const evaluation = kind === undefined ? undefined : sdk.preset.kinds[kind]?.call;
        if (evaluation === undefined || typeof evaluation === "string") continue;
        const why = `re-exports ${original} of ${statement.moduleSpecifier.text} (${this.where(sourceFile, element)})`;
        for (const call of this.callsByName.get(element.name.text) ?? []) {
          const imported = this.importedFrom(call, sourceFile);
          if (imported !== undefined) this.addCall({ module: imported.module, import: imported.name, ...fieldsOf(evaluation) }, why);
        }
      }
    }
  }

  /** How a call's callee is imported (module as the registry writes it, export name), when from `module`. */
  private importedFrom(call: TS.CallExpression, module: TS.SourceFile): { module: string; name: string } | undefined {
    if (isTestFile(call.getSourceFile().fileName)) return undefined;
    const callee = skipWrappers(call.expression);
    const binding = ts.isIdentifier(callee) ? importBinding(this.checker, callee) : undefined;
    if (binding === undefined || !binding.named || this.checker.getSymbolAtLocation(binding.specifier)?.valueDeclaration !== module) return undefined;
    return { module: this.moduleAsWritten(binding.specifier.text, call.getSourceFile().fileName), name: binding.imported };
  }

  // -------------------------------------------------------------------------------------------
  // Gate components: `<IfFeatureEnabled feature="billing">…</IfFeatureEnabled>`

  /**
   * A component that passes one of its props, as the key, to a check and renders its children:
   * `function IfFeatureEnabled({ feature, children }) { return useFeatureFlag(feature) ? children : null; }`
   * (or `props.feature`). Its elements are gates: `detect.jsx`, which cleanup can unwrap or remove.
   */
  private findGates(): void {
    for (const check of this.checks.values()) {
      for (const call of this.callsOf(check)) {
        const key = call.arguments[check.keyArg];
        const gate = key === undefined ? undefined : gatePropOf(skipWrappers(key), this.checker);
        if (gate === undefined || isTestFile(gate.component.getSourceFile().fileName)) continue;
        const name = functionName(gate.component);
        if (name === undefined || !/^[A-Z]/.test(name) || !rendersChildren(gate.component)) continue;
        const id = `${name}\0${gate.prop}`;
        if (this.gates.has(id)) continue;
        const why = `renders its children when ${check.name}(${gate.prop}) is on (${this.where(call.getSourceFile(), call)})`;
        this.gates.set(id, { matcher: { component: name, prop: gate.prop }, why });
      }
    }
  }

  /** Whether a JSX attribute is the flag prop of a discovered gate (its key is the gate's, not data). */
  private isGateProp(attribute: TS.JsxAttribute): boolean {
    if (this.gates.size === 0 || !ts.isIdentifier(attribute.name)) return false;
    const element = attribute.parent.parent;
    const component = ts.isJsxOpeningLikeElement(element) ? lastName(element.tagName as TS.Expression) : undefined;
    return component !== undefined && this.gates.has(`${component}\0${attribute.name.text}`);
  }

  // -------------------------------------------------------------------------------------------
  // Keys written as data: `{ path: "/x", flag: "newNav" }`

  private findKeyProperties(): Array<Discovered<PropertyMatcher>> {
    const typedSets = [...this.keySets.values()].filter(({ keySet }) => !keySet.membersAreRead && keySet.members.length > 0);
    const everyKey = new Set([...this.knownKeys, ...[...this.keySets.values()].flatMap(({ keySet }) => keySet.members)]);
    /** Property name -> its string values per file: known keys, other strings, values typed with a key set. */
    const byName = new Map<string, { files: Map<string, { known: number; unknown: number; typed: number }>; typed?: string; where: string }>();
    for (const { sourceFile } of this.files) {
      const visit = (node: TS.Node): void => {
        if ((ts.isPropertyAssignment(node) || (ts.isJsxAttribute(node) && !this.isGateProp(node))) && node.initializer !== undefined) {
          const name = ts.isPropertyAssignment(node) ? propertyName(node.name) : ts.isIdentifier(node.name) ? node.name.text : undefined;
          const value = ts.isJsxAttribute(node) && node.initializer !== undefined && ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
          if (name !== undefined && value !== undefined && ts.isStringLiteralLike(value)) {
            let entry = byName.get(name);
            if (entry === undefined) byName.set(name, (entry = { files: new Map(), where: this.where(sourceFile, node) }));
            let counts = entry.files.get(sourceFile.fileName);
            if (counts === undefined) entry.files.set(sourceFile.fileName, (counts = { known: 0, unknown: 0, typed: 0 }));
            const known = everyKey.has(value.text);
            if (known) counts.known++;
            else counts.unknown++;
            // Only a known key can be typed with a key set: the checker is asked about those alone.
            if (known && typedSets.length > 0) {
              const contextual = this.checker.getContextualType(value);
              const set = contextual === undefined ? undefined : typedSets.find(({ keySet }) => sameLiterals(contextual, keySet.members));
              if (set !== undefined) {
                counts.typed++;
                if (entry.typed === undefined) {
                  entry.typed = set.keySet.name;
                  entry.where = this.where(sourceFile, node);
                }
              }
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      this.guard(sourceFile, () => visit(sourceFile));
    }
    const found: Array<Discovered<PropertyMatcher>> = [];
    for (const [name, entry] of [...byName].sort(([a], [b]) => compare(a, b))) {
      const all = [...entry.files.values()];
      const known = sum(all, "known");
      const share = known / (known + sum(all, "unknown"));
      if (entry.typed === undefined) {
        if (FLAG_WORDS.test(name) && known > 0 && share >= OBJECT_PRECISION) {
          found.push({ matcher: { name }, why: `${known} of ${known + sum(all, "unknown")} values are flag keys (first at ${entry.where})` });
        }
        continue;
      }
      const why = `values typed ${entry.typed} (${entry.where})`;
      if (share >= OBJECT_PRECISION) {
        found.push({ matcher: { name }, why });
        continue;
      }
      // The name is also used for other strings (`flag: "--verbose"`): scope it to the folders where
      // its values are typed with the key set, if nearly every value there is a flag key.
      const folders = [...new Set([...entry.files].filter(([, counts]) => counts.typed > 0).map(([file]) => path.dirname(file)))];
      const inScope = [...entry.files].filter(([file]) => folders.includes(path.dirname(file))).map(([, counts]) => counts);
      const scopedKnown = sum(inScope, "known");
      if (scopedKnown / (scopedKnown + sum(inScope, "unknown")) < OBJECT_PRECISION) continue;
      const files = folders.map((folder) => `${path.relative(this.options.dir, folder).split(path.sep).join("/") || "."}/*`.replace(/^\.\//, "")).sort();
      found.push({ matcher: { name, files }, why: `${why}; ${scopedKnown + sum(inScope, "unknown")} of ${known + sum(all, "unknown")} values are in these folders` });
    }
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // SDK clients the presets do not follow: returned by a function, exported, kept on an object

  private findSharedClients(): CheckFunction[] {
    const checks: CheckFunction[] = [];
    const factories = new Map<string, Map<string, Evaluation>>();
    const holders = new Map<string, Map<string, Evaluation>>();
    for (const { sourceFile } of this.files) {
      const matcher = SdkMatcher.forFile(sourceFile, SDK_PRESETS, new Scopes());
      if (matcher === undefined) continue;
      const methodsOf = (expression: TS.Expression): Map<string, Evaluation> | undefined => {
        const value = matcher.valueOf(expression);
        const methods = Object.entries(value?.kind.methods ?? {}).filter((entry): entry is [string, Evaluation] => typeof entry[1] === "object");
        return methods.length === 0 ? undefined : new Map(methods);
      };
      /** `name` holds the client `value` is, where it is one. */
      const hold = (name: TS.Identifier | TS.PrivateIdentifier, value: TS.Expression): void => {
        const methods = methodsOf(value);
        if (methods !== undefined) holders.set(name.text, methods);
      };
      const visit = (node: TS.Node): void => {
        if (isFunctionLike(node) && node.body !== undefined) {
          const name = functionName(node);
          const returned = returnedExpressions(node);
          for (const expression of returned) {
            const methods = methodsOf(expression);
            if (name !== undefined && methods !== undefined) factories.set(name, methods);
          }
        } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && isExported(node)) {
          hold(node.name, node.initializer);
        } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind !== ts.SyntaxKind.ThisKeyword) {
          // `req.gb = gb`: a request object carries the client to other files.
          hold(node.left.name, node.right);
        } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
          // `filter({ gb: growthbook })`: an object literal hands the client on, to props or a callback.
          hold(node.name, node.initializer);
        }
        ts.forEachChild(node, visit);
      };
      this.guard(sourceFile, () => visit(sourceFile));
    }
    if (factories.size === 0 && holders.size === 0) return checks;
    const names = [...factories.keys(), ...holders.keys()];
    for (const { sourceFile, sdkReferences } of this.files) {
      if (!names.some((name) => sourceFile.text.includes(name))) continue;
      const found = new Set(sdkReferences.map((reference) => reference.siteStart));
      const visit = (node: TS.Node): void => {
        if (ts.isCallExpression(node) && !found.has(node.getStart(sourceFile))) {
          const check = this.sharedClientCall(node, factories, holders);
          if (check !== undefined) checks.push(check);
        }
        ts.forEachChild(node, visit);
      };
      this.guard(sourceFile, () => visit(sourceFile));
    }
    return checks;
  }

  /** Matches a call of a shared client's check; returns the function that passes its parameter to it as the key, if one does. */
  private sharedClientCall(
    call: TS.CallExpression,
    factories: ReadonlyMap<string, Map<string, Evaluation>>,
    holders: ReadonlyMap<string, Map<string, Evaluation>>,
  ): CheckFunction | undefined {
    const callee = skipWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    let receiver = skipWrappers(callee.expression);
    if (ts.isAwaitExpression(receiver)) receiver = skipWrappers(receiver.expression);
    const where = this.where(call.getSourceFile(), call);
    if (ts.isCallExpression(receiver)) {
      const factory = lastName(skipWrappers(receiver.expression));
      const evaluation = factory === undefined ? undefined : factories.get(factory)?.get(method);
      if (evaluation === undefined) return undefined;
      this.addCall({ call: factory!, method, ...fieldsOf(evaluation) }, `${factory}() returns an SDK client (first check at ${where})`);
      return this.keyParameterCheck(call, evaluation, `${factory}().${method}`);
    }
    const holder = lastName(receiver);
    const evaluation = holder === undefined ? undefined : holders.get(holder)?.get(method);
    if (evaluation === undefined) return undefined;
    this.addCall({ object: holder!, method, ...fieldsOf(evaluation) }, `${holder} holds an SDK client (first check at ${where})`);
    return this.keyParameterCheck(call, evaluation, `${holder}.${method}`);
  }

  /** `posthogServer.getFeatureFlag(flagKey, …)` in `getFlag(user, flagKey)`: the function whose parameter is the key. */
  private keyParameterCheck(call: TS.CallExpression, evaluation: Evaluation, calledAs: string): CheckFunction | undefined {
    const argument = call.arguments[evaluation.key];
    const key = argument === undefined ? undefined : skipWrappers(argument);
    const parameter = key !== undefined && ts.isIdentifier(key) ? this.parameterOf(key) : undefined;
    if (parameter === undefined) return undefined;
    const contextArg = typeof evaluation.context === "number" ? this.contextParameter(call, parameter.node, key!) : undefined;
    return this.addCheck(parameter.node, parameter.index, contextArg, `passes its parameter ${(key as TS.Identifier).text} to ${calledAs} (${this.where(call.getSourceFile(), key!)})`);
  }

  // -------------------------------------------------------------------------------------------

  private result(properties: Array<Discovered<PropertyMatcher>>): Discovery {
    // Nodes and types would keep the whole program alive as long as the result is.
    const keySets: DiscoveredKeySet[] = [...this.keySets.values()].map(({ keySet, why, named }) => {
      const { declaration: _declaration, objectType: _objectType, source: _source, ...rest } = keySet;
      return { ...rest, why, named };
    });
    const objects = [...this.objects.values()].map(({ matcher, why }) => ({ matcher, why }));
    return {
      ...discoveryOf(keySets, [...this.calls.values()], objects, properties, [...this.gates.values()], this.options.dir),
      notes: this.notes,
      files: this.fileCount,
      parseErrors: this.parseErrors,
      skipped: this.skipped,
    };
  }

  /** One file's part of a step; a file the compiler cannot walk (nested too deeply) is left out with a note. */
  private guard(sourceFile: TS.SourceFile, work: () => void): void {
    try {
      work();
    } catch (error) {
      const note = `${this.whereFile(sourceFile.fileName, 1).replace(/:1$/, "")}: left out of discovery (${(error as Error).message})`;
      if (!this.notes.includes(note)) this.notes.push(note);
    }
  }

  private where(sourceFile: TS.SourceFile, node: TS.Node): string {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    return this.whereFile(sourceFile.fileName, line);
  }

  private whereFile(file: string, line: number): string {
    return `${path.relative(this.options.dir, file).split(path.sep).join("/")}:${line}`;
  }
}

/** `imported` of a namespace import: the whole module. */
const NAMESPACE = "*";

/**
 * The import a name is bound by: the module's specifier and the export it names (`default` for a
 * default import, `*` for a namespace import); `undefined` for a name no import binds.
 */
function importBinding(checker: TS.TypeChecker, name: TS.Identifier): { specifier: TS.StringLiteral; imported: string; named: boolean; typeOnly: boolean } | undefined {
  const declaration = checker.getSymbolAtLocation(name)?.declarations?.[0];
  if (declaration === undefined) return undefined;
  let specifier: TS.Expression;
  let imported: string;
  if (ts.isImportSpecifier(declaration)) {
    specifier = declaration.parent.parent.parent.moduleSpecifier;
    imported = (declaration.propertyName ?? declaration.name).text;
  } else if (ts.isImportClause(declaration)) {
    specifier = declaration.parent.moduleSpecifier;
    imported = "default";
  } else if (ts.isNamespaceImport(declaration)) {
    specifier = declaration.parent.parent.moduleSpecifier;
    imported = NAMESPACE;
  } else {
    return undefined;
  }
  if (!ts.isStringLiteral(specifier)) return undefined;
  const named = ts.isImportSpecifier(declaration);
  return { specifier, imported, named, typeOnly: named && declaration.isTypeOnly };
}

/** Every built-in preset's packages by import specifier, made on first use. */
let sdkPackages: ReadonlyMap<string, SdkImport> | undefined;

/**
 * The component and prop a key comes from: `feature` destructured from the first parameter
 * (`({ feature, children })`), or read from it (`props.feature`).
 */
function gatePropOf(key: TS.Expression, checker: TS.TypeChecker): { component: FunctionLike; prop: string } | undefined {
  if (ts.isIdentifier(key)) {
    const declaration = checker.getSymbolAtLocation(key)?.declarations?.[0];
    if (declaration === undefined || !ts.isBindingElement(declaration) || !ts.isObjectBindingPattern(declaration.parent)) return undefined;
    const parameter = declaration.parent.parent;
    const prop = declaration.propertyName === undefined ? declaration.name : declaration.propertyName;
    if (!ts.isParameter(parameter) || !ts.isIdentifier(prop) || declaration.dotDotDotToken !== undefined) return undefined;
    return firstParameterOf(parameter, prop.text);
  }
  if (ts.isPropertyAccessExpression(key) && ts.isIdentifier(key.expression)) {
    const declaration = checker.getSymbolAtLocation(key.expression)?.declarations?.[0];
    if (declaration === undefined || !ts.isParameter(declaration)) return undefined;
    return firstParameterOf(declaration, key.name.text);
  }
  return undefined;
}

function firstParameterOf(parameter: TS.ParameterDeclaration, prop: string): { component: FunctionLike; prop: string } | undefined {
  const component = parameter.parent;
  if (!isFunctionLike(component) || component.parameters[0] !== parameter) return undefined;
  return { component, prop };
}

/**
 * Whether a component renders its children or nothing, and nothing else: every value it returns
 * is `children` (`props.children`, `<>{children}</>`), nothing (`null`, `undefined`, `false`), or a
 * choice between those (`on ? children : null`, `on && children`), with both somewhere. One that
 * always renders its children, beside a badge or inside a tooltip, is no gate.
 */
function rendersChildren(component: FunctionLike): boolean {
  const seen = { children: false, nothing: false };
  const isGateValue = (node: TS.Expression): boolean => {
    const value = skipWrappers(node);
    if ((ts.isIdentifier(value) && value.text === "children") || (ts.isPropertyAccessExpression(value) && value.name.text === "children")) {
      seen.children = true;
      return true;
    }
    if (value.kind === ts.SyntaxKind.NullKeyword || value.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(value) && value.text === "undefined")) {
      seen.nothing = true;
      return true;
    }
    if (ts.isJsxFragment(value)) {
      const children = value.children.filter((child) => !isBlankJsxText(child));
      if (children.length === 0) {
        seen.nothing = true;
        return true;
      }
      const only = children.length === 1 ? children[0] : undefined;
      return only !== undefined && ts.isJsxExpression(only) && only.expression !== undefined && isGateValue(only.expression);
    }
    if (ts.isConditionalExpression(value)) return isGateValue(value.whenTrue) && isGateValue(value.whenFalse);
    if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      seen.nothing = true;
      return isGateValue(value.right);
    }
    return false;
  };
  const returned = returnedExpressions(component);
  // A bare `return;` renders nothing too.
  const body = component.body;
  if (body !== undefined && ts.isBlock(body) && returnStatements(body).some((statement) => statement.expression === undefined)) seen.nothing = true;
  return returned.length > 0 && returned.every(isGateValue) && seen.children && seen.nothing;
}

/** A function whose name says it hands out flags' values: `getFeatureFlags`, `useToggles`. */
const FLAG_VALUES_FUNCTION = /flag|toggle/i;

/** `const flags = await getFlags()`: the call a variable's initializer makes. */
function assignedCall(declaration: TS.Node): TS.CallExpression | undefined {
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || declaration.initializer === undefined) return undefined;
  return calledIn(declaration.initializer);
}

/** Whether a call passes, where the check takes its key, a string that is one of the check's keys. */
function passesOwnKey(call: TS.CallExpression, check: CheckFunction): boolean {
  const key = call.arguments[check.keyArg];
  if (key === undefined || check.keys === undefined) return false;
  const value = skipWrappers(key);
  return ts.isStringLiteralLike(value) && check.keys.has(value.text);
}

/** `const { data: flags } = useSWR<T>(…)`: the property a binding element takes, and the call it takes it from. */
function destructuredCall(declaration: TS.Node): { property: string; call: TS.CallExpression } | undefined {
  if (!ts.isBindingElement(declaration) || !ts.isObjectBindingPattern(declaration.parent) || !ts.isVariableDeclaration(declaration.parent.parent)) return undefined;
  const property = propertyName(declaration.propertyName ?? (declaration.name as TS.Identifier));
  const initializer = declaration.parent.parent.initializer;
  const call = initializer && calledIn(initializer);
  return call === undefined || property === undefined ? undefined : { property, call };
}

/**
 * The key type of an object of booleans: `Record<K, boolean>`, `{ [key in K]?: boolean }`, through
 * `Promise<…>`, `Partial<…>` and `Readonly<…>`.
 */
function booleanRecordKeys(node: TS.TypeNode): TS.TypeNode | undefined {
  const type = stripParens(node);
  if (ts.isMappedTypeNode(type)) return type.type?.kind === ts.SyntaxKind.BooleanKeyword ? type.typeParameter.constraint : undefined;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const [first, second] = type.typeArguments ?? [];
  switch (type.typeName.text) {
    case "Promise":
    case "Partial":
    case "Readonly":
      return first === undefined ? undefined : booleanRecordKeys(first);
    case "Record":
      return second?.kind === ts.SyntaxKind.BooleanKeyword ? first : undefined;
    default:
      return undefined;
  }
}

/** A name's source followed this many steps through returned objects: `{ flags }` of `{ data: flags }` of a call. */
const MAX_SOURCE_DEPTH = 4;

/** Whether `node` lies inside `outer` (or is it), in the same file. */
function within(node: TS.Node, outer: TS.Node): boolean {
  return node.getSourceFile() === outer.getSourceFile() && node.pos >= outer.pos && node.end <= outer.end;
}

/** A key as a property may spell it: case and separators aside (`new_nav`, `newNav`). */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, "");
}

/**
 * Whether a member read may read a flag: its name is a key's, or it is computed with something
 * that is not a number (`flags[FLAGS.X]`, `flags[key]`; not `items[index]`).
 */
function mayReadKey(access: TS.PropertyAccessExpression | TS.ElementAccessExpression, members: ReadonlySet<string>, checker: TS.TypeChecker): boolean {
  if (ts.isPropertyAccessExpression(access)) return members.has(looseName(access.name.text));
  const argument = skipWrappers(access.argumentExpression);
  if (ts.isStringLiteralLike(argument)) return members.has(looseName(argument.text));
  if (ts.isNumericLiteral(argument)) return false;
  return (checker.getTypeAtLocation(argument).flags & ts.TypeFlags.NumberLike) === 0;
}

/** Whether a destructuring may bind a flag: it names a key, or takes the rest, or a computed property. */
function mayBindKey(pattern: TS.ObjectBindingPattern, members: ReadonlySet<string>): boolean {
  return pattern.elements.some((element) => {
    if (element.dotDotDotToken !== undefined) return true;
    const name = element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined);
    if (name === undefined) return true;
    const text = propertyName(name);
    return text === undefined || members.has(looseName(text));
  });
}
