// A text search that lets the CLI skip, without parsing, files that cannot hold anything to report.
// It needs no TypeScript: a run whose files all fail it never loads the compiler.
import type { DetectConfig } from "../types.js";
import { compile, type CompiledDetect, type SearchToken } from "./config.js";
import type { SdkPreset } from "./presets/types.js";
import { NOTE_IN_TEXT } from "./removal-note.js";

/** A flaglint directive names flaglint. */
const DIRECTIVE_TOKEN = "flaglint";

export interface Search {
  /** One scan for every single token and the comment texts; `null` when an empty token admits every file. */
  anyOf: RegExp | null;
  /** Token groups whose every member must appear, each as a whole name (`flags`, not `featureFlags`). */
  allOf: ReadonlyArray<ReadonlyArray<{ text: string; whole: RegExp }>>;
  /**
   * SDK presets: one scan for an import of any of their packages, then, in a file that has one,
   * each preset's import and its names that can make a check; `null` without presets.
   */
  sdks: { anyImport: RegExp; presets: ReadonlyArray<{ imported: RegExp; names: RegExp }> } | null;
}

/**
 * `false` only when the file cannot hold a flag check, a removal TODO or a flaglint directive: every
 * check spells out a configured name (a method, function, import, receiver or constant) somewhere.
 * With `file` (absolute), the names of matchers whose `files:` leave it out are not searched for.
 */
export function mayNeedAnalysis(text: string, detect: DetectConfig, context?: { readonly search: Search; searchFor(file: string): Search }, file?: string): boolean {
  // Without the run's AnalysisContext (context.ts) the search is built for this one call.
  const { anyOf, allOf, sdks } = context === undefined ? buildSearch(compile(detect)) : file === undefined ? context.search : context.searchFor(file);
  if (anyOf === null || anyOf.test(text)) return true;
  // `includes` first: most files lack a member altogether, and it is the cheaper question.
  return allOf.some((group) => group.every((token) => text.includes(token.text) && token.whole.test(text))) || (sdks !== null && importsSdkCheck(text, sdks));
}

function importsSdkCheck(text: string, { anyImport, presets }: NonNullable<Search["sdks"]>): boolean {
  // Most files import no SDK: one scan says so.
  return anyImport.test(text) && presets.some(({ imported, names }) => imported.test(text) && names.test(text));
}

/** The search of `compiled`: an AnalysisContext builds it once per registry. */
export function buildSearch(compiled: CompiledDetect): Search {
  const tokens: SearchToken[] = [...compiled.candidateTokens, { text: DIRECTIVE_TOKEN, as: "name" }];
  // One regular expression scans a file once however many names there are; a run of
  // `includes` calls scans it once per name.
  const everyFile = tokens.some(({ text }) => text === "") || compiled.candidateTokenGroups.some((group) => group.some(({ text }) => text === ""));
  // A removal note as the comment reader reads it: a TODO that says "remove" and no date is none.
  const anyOf = everyFile ? null : new RegExp([...tokens.map(pattern), NOTE_IN_TEXT.source].join("|"));
  const sdks =
    compiled.presets.length === 0
      ? null
      : {
          anyImport: importOf(compiled.presets.flatMap((preset) => preset.tokens)),
          presets: compiled.presets.map((preset) => ({
            imported: importOf(preset.tokens),
            names: new RegExp([...checkNames(preset)].map((text) => pattern({ text, as: "name" })).join("|")),
          })),
        };
  const allOf = compiled.candidateTokenGroups.map((group) => group.map((token) => ({ text: token.text, whole: new RegExp(pattern(token)) })));
  return { anyOf, allOf, sdks };
}

/**
 * An import or a require of a package whose name starts with one of `tokens`:
 * `from "launchdarkly-js-client-sdk"`, `require("@launchdarkly/node-server-sdk")`,
 * `import("@growthbook/growthbook")`; not a folder of a relative path (`"../unleash-config"`), nor
 * any other string (`name: "unleash"`). A quote and a package name lead, and the import's own
 * words are asserted behind them: the engine finds quotes fast and a package name after one
 * rarely, while `from`, `import` and `require` are in nearly every file, many times over, and
 * leading with them made this scan, which most files get, take twice as long.
 */
function importOf(tokens: readonly string[]): RegExp {
  const names = `(?:${tokens.map((text) => `${text.startsWith("@") ? "" : "@?"}${escapeRegExp(text)}`).join("|")})`;
  return new RegExp(`["'\`]${names}(?<=(?:from|import|require)\\s*\\(?\\s*["'\`]${names})`);
}

/**
 * The names a file must spell to hold a check of `preset`, besides the import: every method of
 * its values (`client.isEnabled("x")`, `ldClient.allFlags()`), and each export that checks by
 * itself (`useFlag("x")`), hands out an object of flags (`useFlags().newNav`) or gates by a prop
 * (`<IfFeatureEnabled feature="x">`), directly or through what calling, constructing or a
 * property of it gives. An export that only makes a client (`initialize()`) needs a method too.
 */
function checkNames(preset: SdkPreset): Set<string> {
  const names = new Set<string>();
  for (const kind of Object.values(preset.kinds)) for (const method of Object.keys(kind.methods ?? {})) names.add(method);
  const checksByItself = (kindName: string, seen: Set<string>): boolean => {
    const kind = preset.kinds[kindName];
    if (kind === undefined || seen.has(kindName)) return false;
    seen.add(kindName);
    if ((kind.call !== undefined && typeof kind.call !== "string") || kind.flagSet !== undefined || kind.gate !== undefined) return true;
    const next = [kind.call, kind.construct, ...Object.values(kind.properties ?? {})].filter((name): name is string => typeof name === "string");
    return next.some((name) => checksByItself(name, seen));
  };
  for (const sdkPackage of preset.packages) {
    for (const [exported, kind] of Object.entries(sdkPackage.exports)) if (checksByItself(kind, new Set())) names.add(exported);
  }
  return names;
}

/**
 * A token as the code spells it: a name, not part of a longer one. `flag` (a property) is in
 * `{ flag: "x" }` and `const flag`, never only in `featureFlag` or `flags`, which most files of a
 * code base that has flags contain; `launchdarkly` is in `launchdarkly-js-client-sdk`. Where a
 * token starts or ends with something other than a name's character (`@growthbook/`), that end
 * matches anything. Each alternative starts with the token's own text, so that the engine scans
 * for literals; what must stand before it is asserted after it, looking back (`flag(?<![\w$]flag)`).
 */
function pattern(token: SearchToken): string {
  const text = escapeRegExp(token.text);
  // Each alternative starts with the name written whole; what may stand around it follows.
  const whole = `${text}${startsWhole(token.text)}${endsWhole(token.text)}`;
  switch (token.as) {
    case "name":
      return whole;
    // `Flags.X`, `Flags?.X`, `Flags["X"]`, `import { Flags as F }`, `const F = keys.Flags;`: a member read,
    // or a name that may stand for the constant (declarationOf follows those). Not the name alone:
    // a key set that is a type (`flag: FlagKey`, `FlagKey[]`) is everywhere and has no members to read.
    case "constant":
      return `${whole}(?:\\s*!?\\s*\\??\\.|\\s*\\[(?!\\s*\\])|\\s+as\\s|(?<=[=.]\\s*${text})\\s*(?:[;,)}\\n]|$))`;
    // `features.beta`, `features?.["beta"]`, `(features!).beta`, `(features as Flags).beta`,
    // `x["features"].beta`: a member read, through the wrappers detection looks through; `= features;`
    // (aliased or destructured), `{ features: { beta } }` and `{ features: f }` (destructured from
    // its holder). Not `<p>All features</p>`, `features: string[]`, `render(features)` or "features".
    case "object": {
      const read = String.raw`(?:\s*[!)])*\s*(?:\??\.|\[(?!\s*\]))`;
      return String.raw`${whole}(?:(?=${read})|\s+(?:as|satisfies)\s|(?<=[=.]\s*${text})\s*(?:[;,)}\n]|$)|(?=\s*:\s*(?:[\w$]+\s*[,}=]|[{[]))|(?<=\[\s*["'\`]${text})(?=["'\`]\s*\]${read}))`;
    }
    // `client.isEnabled(`, `client?.isEnabled`, `client["isEnabled"]`, and `{ isEnabled }`,
    // `{ isEnabled: check }`, `{ flags: { X } }`, `const isEnabled =` (destructured or bound): a
    // method or an object path's name read or bound. A bare call `isEnabled("x")` needs one of
    // those in the same file to be a check. Not `{ isEnabled: () => false }`, `isEnabled: jest.fn()`
    // or `isEnabled() { … }`, a test's stand-in for the receiver, nor "feature flags are" in prose.
    case "member":
      return `${whole}(?:${memberForms(text)})`;
    // `useFlag("x")`, `useFlag<Key>("x")`, `import { useFlag as check }`, `const check = useFlag`, and
    // every form of a member (`flags.useFlag(`, `{ useFlag }`). Not `vi.mock("./useFlag")` or
    // `{ useFlag: () => true }`, a test's stand-in, nor "once useFlag resolves" in prose.
    case "function":
      return `${whole}(?:${memberForms(text)}|(?=\\s*!?\\s*(?:\\?\\.\\s*)?[(<])|(?=\\s+as\\s)|(?<=[=:?|&]\\s*${text}))`;
    // `flag: "x"`, `"flag": "x"`, `["flag"]: "x"`, `{ flag }`, `<Gate flag="x">`, `const flag = …`
    // at a module's top level: a property given a value. A key starts an object's entry: after
    // `{`, a comma, or at the start of a line (after a comment). Not `case 'flag':`, `? 'flag' :`,
    // `(flag: boolean)`, `(flag, index)` or "a feature flag, your…" in prose; `flag = x` inside
    // code is an assignment; no key is an object, `true`, `false`, `null` or `undefined`.
    case "property":
      return `${whole}(?:(?<=${ENTRY_START}\\[?\\s*["'\`]${text})["'\`]\\]?\\s*:|(?<=${ENTRY_START}${text})\\s*(?:[,}]|:(?!\\s*(?:\\{|(?:true|false|null|undefined)(?![\\w$]))))|=|(?<=(?:^|\\n)(?:export[ \\t]+)?const[ \\t]+${text})\\s*=)`;
  }
}

/** Where a member's name (`text`, escaped) is read, destructured or bound: see pattern's "member". */
function memberForms(text: string): string {
  return `(?<=\\.\\s*${text})|(?<=["'\`]${text})(?=["'\`])|(?=\\s*[,}=])|(?=\\s*:\\s*(?:[\\w$]+\\s*[,}=]|[{[]))`;
}

/** What stands before an object literal's entry: `{`, a comma, the end of a block comment, or a line's start. */
const ENTRY_START = String.raw`(?:[{,]\s*|\*\/\s*|(?:^|\n)[ \t]*)`;

const IDENTIFIER_CHAR = /[\w$]/;

/** Nothing of a name stands right before `token`, where it starts with a name's character. */
function startsWhole(token: string): string {
  return IDENTIFIER_CHAR.test(token[0] ?? "") ? `(?<![\\w$]${escapeRegExp(token)})` : "";
}

/** Nothing of a name follows `token`, where it ends with a name's character. */
function endsWhole(token: string): string {
  return IDENTIFIER_CHAR.test(token[token.length - 1] ?? "") ? "(?![\\w$])" : "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
