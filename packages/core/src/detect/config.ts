// Turns a DetectConfig into lookup tables once, so the per-node work of a file walk is a set lookup.
import type { CallMatcher, DetectConfig, FileScope, JsxMatcher, KeyCase } from "../types.js";
import { globToRegExp } from "./globs.js";
import { presetsNamed, type SdkPreset } from "./presets/index.js";
import { CALL_SEGMENT_SUFFIX } from "./syntax.js";

export interface CompiledCall {
  label: string;
  matcher: CallMatcher;
  /** The name the called function is known by, for telling hooks (`useX`) from plain calls. */
  calleeName: string | undefined;
}

export interface CompiledObject {
  label: string;
  /** `config.featureToggles` -> ["config", "featureToggles"]; the key is the name read after them. */
  segments: readonly string[];
  keyCase: KeyCase;
}

export interface CompiledJsx {
  label: string;
  matcher: JsxMatcher;
  /** The export the component is imported as: `import`, else the component's name. */
  imported: string;
}

export interface CompiledDetect {
  calls: readonly CompiledCall[];
  hasModuleCalls: boolean;
  /**
   * Names a check is written through (methods, functions, imports, receivers, path segments): a call
   * or read is looked at closely only when it ends in one of these or in a local alias of one.
   */
  aliasHints: ReadonlySet<string>;
  objects: readonly CompiledObject[];
  /** Last path segment of each object matcher: the receiver name a member read must end with. */
  objectTails: ReadonlySet<string>;
  /** `detect.constants` names -> matcher label. */
  constants: ReadonlyMap<string, string>;
  /** `detect.properties` names -> matcher label. */
  properties: ReadonlyMap<string, string>;
  /** `detect.jsx` component gates. */
  jsx: readonly CompiledJsx[];
  /** The SDK presets of `detect.sdks`. */
  presets: readonly SdkPreset[];
  /**
   * What any file with a flag check spells out (the pre-filter's search): one of `candidateTokens`,
   * or every token of one of `candidateTokenGroups`. Removal notes and directives are searched apart.
   * A token is a name written whole (`useFlag`, not inside `useFlags`), a property name written as a
   * property (`flag:`, `{ flag }`, `flag=`), or part of a package's import specifier.
   */
  candidateTokens: readonly SearchToken[];
  /** A method of a configured package is a check only where the package is imported: both are written. */
  candidateTokenGroups: ReadonlyArray<readonly SearchToken[]>;
  /**
   * Where each token and group comes from: the labels of the matchers that spell it (none for a
   * JSX gate), so that a file a matcher's `files:` leaves out is not searched for its names.
   */
  candidates: readonly Candidate[];
  /** Every `detect.constants` and `detect.keySets` matcher, then `detect.properties`: name and label, in order. */
  namedMatchers: { constants: ReadonlyArray<readonly [string, string]>; properties: ReadonlyArray<readonly [string, string]> };
  /** Labels of the matchers scoped with `files:` -> their globs (see file-scope.ts). */
  scoped: ReadonlyMap<string, readonly RegExp[]>;
}

/** One token (`tokens` of one) or group of tokens of the pre-filter, and the matchers that need it. */
export interface Candidate {
  tokens: readonly SearchToken[];
  labels: readonly string[];
}

export interface SearchToken {
  text: string;
  /**
   * `name`: a whole name; `constant`: a constant's name where a member is read or it is aliased;
   * `property`: a property's name where it is given a value; `member`: a method's or an object
   * path's name where it is read, called or destructured, not where an object literal gives it a
   * function; `object`: an object's name where a member of it is read (`features.beta`,
   * `(features as Flags)["beta"]`, `x["features"].beta`), or it is destructured or aliased;
   * `function`: a function's name where it is called or bound, not as a module path
   * or a stand-in's key (`vi.mock("./flags", () => ({ useFlag: vi.fn() }))`). (An SDK's packages
   * are searched apart, with the names of its checks: prefilter.ts.)
   */
  as: "name" | "constant" | "property" | "member" | "object" | "function";
}

/** The lookup tables of `detect`; an AnalysisContext (context.ts) keeps them for its run. */
export function compile(detect: DetectConfig): CompiledDetect {
  const calls = detect.calls.map((matcher, index) => ({
    label: `calls[${index}]`,
    matcher,
    calleeName: calleeNameOf(matcher),
  }));
  const objects = detect.objects.map((matcher, index) => ({
    label: `objects[${index}]`,
    segments: matcher.path.split(".").filter((segment) => segment !== ""),
    keyCase: matcher.keyCase,
  }));
  const aliasHints = new Set<string>();
  // Each token or group once, with every matcher that needs it.
  const candidates = new Map<string, { tokens: readonly SearchToken[]; labels: string[] }>();
  const group = (members: readonly SearchToken[], label?: string): void => {
    const key = members.map(({ text, as }) => `${as}\0${text}`).join("\0");
    let candidate = candidates.get(key);
    if (candidate === undefined) candidates.set(key, (candidate = { tokens: members, labels: [] }));
    if (label !== undefined) candidate.labels.push(label);
  };
  const token = (text: string, as: SearchToken["as"], label?: string): void => group([{ text, as }], label);
  for (const { label, matcher } of calls) {
    for (const name of [matcher.method, matcher.function, matcher.object, matcher.call, namedImport(matcher)]) {
      if (name !== undefined) aliasHints.add(name);
    }
    group(callTokens(matcher), label);
  }
  // A chain ending in `uiConfig.flags` spells every one of its names (`flags` alone is in most files).
  // A segment `getFlags()` is written `getFlags(…)`: its name is what a file spells.
  for (const { label, segments } of objects) {
    const names = segments.map((segment) => (segment.endsWith(CALL_SEGMENT_SUFFIX) ? segment.slice(0, -CALL_SEGMENT_SUFFIX.length) : segment));
    for (const name of names) aliasHints.add(name);
    // The first name may stand alone (`uiConfig`); the others are members of it (`.flags`, `{ flags }`).
    // A path of one plain name (`features`) is the object whose members are read: a file must read
    // one, destructure or alias it (prefilter.ts, "object"); the word alone is no check.
    const alone = names.length === 1 && !segments[0]!.endsWith(CALL_SEGMENT_SUFFIX);
    const members = names.map((text, index): SearchToken => ({ text, as: index > 0 ? "member" : alone ? "object" : "name" }));
    if (members.length > 0) group(members.filter((member, index) => members.findIndex(({ text }) => text === member.text) === index), label);
  }
  const jsx = (detect.jsx ?? []).map((matcher, index) => ({
    label: `jsx[${index}]`,
    matcher,
    imported: matcher.import ?? matcher.component,
  }));
  for (const { matcher, imported } of jsx) {
    // A default import may be named anything: its module is what the file spells.
    const spelt = callTokens({ module: matcher.module, import: imported, keyArg: 0 });
    if (imported === "default" && spelt.length > 0) token(spelt[spelt.length - 1]!.text, "name");
    else token(matcher.component, "name");
  }
  // A key set's members are used as an enum's or a const object's are: each use is a check.
  const namedMatchers = {
    constants: [...labelled(detect.constants, "constants"), ...labelled(detect.keySets ?? [], "keySets")],
    properties: labelled(detect.properties, "properties"),
  };
  const constants = firstLabelByName(namedMatchers.constants);
  const properties = firstLabelByName(namedMatchers.properties);
  // Every matcher of a name counts (a name in two matchers, one scoped, is searched where either applies).
  for (const [name, label] of namedMatchers.constants) token(name, "constant", label);
  for (const [name, label] of namedMatchers.properties) token(name, "property", label);
  // Every SDK check goes through a value imported from one of the preset's packages: the
  // pre-filter searches for a preset's packages and its names together (prefilter.ts).
  const presets = presetsNamed(detect.sdks);
  // An empty token (a matcher with nothing specific to look for) makes every file a candidate.
  return {
    calls,
    hasModuleCalls: calls.some(({ matcher }) => matcher.module !== undefined),
    aliasHints,
    objects,
    objectTails: new Set(objects.map(({ segments }) => segments[segments.length - 1] ?? "")),
    constants,
    properties,
    jsx,
    presets,
    ...searchTokens([...candidates.values()]),
    candidates: [...candidates.values()],
    namedMatchers,
    scoped: scopedMatchers(detect),
  };
}

/** The pre-filter's tokens and groups of `candidates`. */
export function searchTokens(candidates: readonly Candidate[]): Pick<CompiledDetect, "candidateTokens" | "candidateTokenGroups"> {
  return {
    candidateTokens: candidates.filter(({ tokens }) => tokens.length === 1).map(({ tokens }) => tokens[0]!),
    candidateTokenGroups: candidates.filter(({ tokens }) => tokens.length > 1).map(({ tokens }) => tokens),
  };
}

function scopedMatchers(detect: DetectConfig): Map<string, readonly RegExp[]> {
  const scoped = new Map<string, readonly RegExp[]>();
  const sections: Array<[string, readonly FileScope[]]> = [
    ["calls", detect.calls],
    ["objects", detect.objects],
    ["constants", detect.constants],
    ["properties", detect.properties],
    ["keySets", detect.keySets ?? []],
  ];
  for (const [section, matchers] of sections) {
    matchers.forEach((matcher, index) => {
      if (matcher.files !== undefined) scoped.set(`${section}[${index}]`, matcher.files.map(globToRegExp));
    });
  }
  return scoped;
}

function namedImport(matcher: CallMatcher): string | undefined {
  return matcher.import === undefined || matcher.import === "default" || matcher.import === "*"
    ? undefined
    : matcher.import;
}

function calleeNameOf(matcher: CallMatcher): string | undefined {
  return matcher.method ?? matcher.function ?? namedImport(matcher) ?? matcher.object;
}

/**
 * Texts every check through this matcher contains. A method or function name is always written
 * (destructuring keeps it too); a default or namespace import called directly leaves only the module.
 * An import from a package spells the package's name; a `./path` module may be imported as `..`,
 * so only its name counts there.
 */
function callTokens(matcher: CallMatcher): readonly SearchToken[] {
  const named = (text: string): SearchToken => ({ text, as: "name" });
  const method = matcher.method === undefined ? undefined : ({ text: matcher.method, as: "member" } as const);
  if (matcher.call !== undefined) return method === undefined ? [named(matcher.call)] : [named(matcher.call), method];
  // A receiver known by name is written where its method is called (`flagResolver.isEnabled`).
  if (matcher.object !== undefined && method !== undefined) {
    const receiver = lastName(matcher.object);
    return receiver === method.text ? [named(receiver)] : [named(receiver), method];
  }
  const called = matcher.function === undefined ? undefined : ({ text: matcher.function, as: "function" } as const);
  const other = namedImport(matcher) ?? matcher.object;
  const name = method ?? called ?? (other === undefined ? undefined : named(other));
  const module = matcher.module;
  if (module === undefined || module.startsWith(".")) return [name ?? named(moduleToken(module ?? ""))];
  return name === undefined ? [named(packageToken(module))] : [named(packageToken(module)), name];
}

/** What every specifier that names the package contains: `@acme/flags/index.js` may be imported as `@acme/flags`. */
function packageToken(module: string): string {
  return module
    .replace(/\.(?:d\.)?[cm]?[jt]sx?$/, "")
    .replace(/\/index$/, "")
    .replace(/\/$/, "");
}

/** The part of a module specifier any import of it spells out: `./src/flags/index.ts` -> `flags`. */
function moduleToken(module: string): string {
  if (!module.startsWith(".")) return module;
  const segments = module
    .replace(/\.[cm]?[jt]sx?$/, "")
    .split("/")
    .filter((segment) => segment !== "" && segment !== "." && segment !== ".." && segment !== "index");
  // `./index.ts` in the registry's own directory can be imported as `..`: nothing specific to look for.
  return segments[segments.length - 1] ?? "";
}

/** Each matcher's name and label (`constants[2]`), in order. */
function labelled(matchers: ReadonlyArray<{ name: string }>, kind: string): Array<readonly [name: string, label: string]> {
  return matchers.map(({ name }, index) => [name, `${kind}[${index}]`] as const);
}

/** Name -> the label of the first matcher of that name. */
export function firstLabelByName(matchers: ReadonlyArray<readonly [name: string, label: string]>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [name, label] of matchers) if (!labels.has(name)) labels.set(name, label);
  return labels;
}

function lastName(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}
