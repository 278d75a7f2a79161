// The shared model: what the registry says, what detection finds, what checks report.

/** 1-based line and column, as every output shows them. */
export interface Position {
  line: number;
  column: number;
}

/** A 1-based range; `endColumn` is exclusive, as in ESLint. */
export interface Range extends Position {
  endLine: number;
  endColumn: number;
}

export const FLAG_TYPES = ["release", "experiment", "ops", "permission"] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

export const FLAG_STATUSES = ["active", "retired", "archived"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const KEY_CASES = ["exact", "camel", "pascal", "snake", "kebab"] as const;
export type KeyCase = (typeof KEY_CASES)[number];

/** Globs, relative to the registry's folder, that scope a matcher to some files (`files: ["apps/web/**"]`). */
export interface FileScope {
  files?: string[];
}

/**
 * One `detect.calls` entry. Exactly one of `module`, `object`, `function`, `call` says where the
 * callee comes from; `import` and `method` narrow a `module` match, `method` an `object` match;
 * `call` names a function whose return value's `method` is the check (`getClient()?.isOn("x")`).
 */
export interface CallMatcher extends FileScope {
  module?: string;
  import?: string;
  method?: string;
  object?: string;
  function?: string;
  call?: string;
  keyArg: number;
  /**
   * The flag every call checks, for a function that stands for one flag and takes no key
   * (`await newCheckout()`, declared by the Flags SDK's `flag({ key })`); `keyArg` does not apply.
   */
  key?: string;
  contextArg?: number;
}

export interface ObjectMatcher extends FileScope {
  path: string;
  keyCase: KeyCase;
}

export interface ConstantMatcher extends FileScope {
  name: string;
}

export interface PropertyMatcher extends FileScope {
  name: string;
}

/**
 * One `detect.jsx` entry: a component that renders its children only when a flag is on, the flag
 * named by a prop (`<FeatureToggle featureFlag="x">`). `module` / `import` narrow it as for calls.
 */
export interface JsxMatcher {
  component: string;
  prop: string;
  module?: string;
  import?: string;
}

/**
 * A declaration that lists the flags (`detect.keySets`): a string-literal union, `keyof` an
 * interface, an enum or an `as const` object. Every member is a registry key; every use of a
 * member (`Flags.X`) is a check.
 */
export interface KeySetMatcher extends FileScope {
  name: string;
  /** The file that declares it, relative to the registry's folder. */
  file?: string;
}

export interface DetectConfig {
  sdks: string[];
  calls: CallMatcher[];
  objects: ObjectMatcher[];
  constants: ConstantMatcher[];
  properties: PropertyMatcher[];
  /** Component gates; absent means none. */
  jsx?: JsxMatcher[];
  keySets?: KeySetMatcher[];
}

export interface Policy {
  /** Days a toggle of each type may live; `null` means permanent. */
  lifetimeDays: Record<FlagType, number | null>;
  warnDays: number;
  requireTicket: FlagType[];
}

export interface FlagDefinition {
  key: string;
  type: FlagType;
  owner?: string;
  /** `YYYY-MM-DD` */
  created?: string;
  /** `YYYY-MM-DD`, as written in the registry (the computed deadline is `deadline()` in checks). */
  removeBy?: string;
  ticket?: string;
  description?: string;
  /** Where the flag lives in its flag service. */
  link?: string;
  tags?: string[];
  status: FlagStatus;
  /** The value the flag is removed with (`final: on|off|<json literal>`), for `cleanup --all`. */
  final?: boolean | string | number | null;
  /** Where the entry's key is written in the registry file. */
  position: Position;
}

/** The sources `flaglint registry pull` can read: flag services, then flag file formats. */
export const REGISTRY_SOURCE_NAMES = ["launchdarkly", "unleash", "growthbook", "flagsmith", "posthog", "openfeature", "flagd", "gitlab"] as const;
export type RegistrySourceName = (typeof REGISTRY_SOURCE_NAMES)[number];

/** One entry of the registry's `sources:` list: what a plain `flaglint registry pull` reads. */
export interface RegistrySourceConfig {
  from: RegistrySourceName;
  project?: string;
  environment?: string;
  baseUrl?: string;
  /** Name of the environment variable holding the token; never the token. */
  tokenEnv?: string;
  /** As written: relative to the registry's folder. */
  file?: string;
}

export interface Registry {
  /** Absolute path of the registry file. */
  path: string;
  /** Absolute directory that holds it: the root of the files it governs. */
  dir: string;
  detect: DetectConfig;
  policy: Policy;
  flags: Map<string, FlagDefinition>;
  /** The registry's `sources:` list, when it has one. */
  sources?: RegistrySourceConfig[];
  /** `rules:`: each rule's setting in the files this registry governs; absent rules keep their default. */
  rules?: RuleSettings;
  /** `ignore:`: gitignore-style globs, relative to `dir`, of files this registry does not check. */
  ignore?: string[];
  /** `# flaglint-disable-next-line <id>` comments in the registry file, for its registry-level findings. */
  directives?: DisableDirective[];
}

export const RULE_SETTINGS = ["off", "warn", "error"] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];
export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

/**
 * How a reference reads its flag: a check call, a hook, a member of an object of flag values, a
 * member of a constant that holds the key, a key written as data; or a `mention`, where a
 * constant's key is named and no value is read (a comparison of keys, a schema per flag).
 */
export type ReferenceKind = "call" | "hook" | "member" | "constant" | "property" | "mention";

/** A place in code where a flag's value is read. */
export interface FlagReference extends Range {
  /** The registry key, or `null` when the key cannot be resolved statically. */
  flag: string | null;
  dynamic: boolean;
  kind: ReferenceKind;
  /** Which matcher found it: `calls[0]`, `objects[1]`, `constants[0]`, `properties[0]`, `sdk:launchdarkly`. */
  matcher: string;
  /** Whether an evaluation context was passed; `null` when the matcher does not know a context argument. */
  context: boolean | null;
  /** Source text of the key expression (for messages about dynamic keys). */
  keyText: string;
  /** 0-based offsets of the key expression in the file text. */
  start: number;
  end: number;
  /**
   * 0-based offsets of the expression that evaluates to the flag's value: the whole call,
   * the member access, or the bound identifier of a destructuring. Cleanup rewrites this.
   */
  siteStart: number;
  siteEnd: number;
}

/** A `TODO: remove <flag> toggle by YYYY-MM-DD` comment. */
export interface RemovalNote extends Range {
  flag: string;
  /** `YYYY-MM-DD` */
  date: string;
  ticket?: string;
  text: string;
}

/** An inline `eslint-disable…` directive that names flaglint rules (or all rules). */
export interface DisableDirective {
  kind: "disable" | "enable" | "disable-line" | "disable-next-line";
  /** Rule ids without the `flaglint/` prefix; empty means every rule. */
  rules: string[];
  line: number;
}

export interface ParseFailure extends Position {
  message: string;
  /** The file could not be read at all (permissions, removed during the run): `message` says why. */
  unreadable?: boolean;
}

/** Everything detection learns from one file. */
export interface FileAnalysis {
  references: FlagReference[];
  notes: RemovalNote[];
  directives: DisableDirective[];
  parseError?: ParseFailure;
}

export const RULE_IDS = [
  "no-unknown-flag",
  "no-stale-flag",
  "flag-expiring-soon",
  "require-removal-ticket",
  "no-expired-todo",
  "no-unknown-todo-flag",
  "no-dynamic-flag-key",
  "require-flag-context",
  "no-unused-flag",
  "invalid-registry",
  "parse-error",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warn";

export interface Finding extends Range {
  rule: RuleId;
  severity: Severity;
  flag: string | null;
  /** Absolute path of the file the finding is in (front ends make it relative). */
  file: string;
  /** ESLint-style message id and data; `message` is the rendered text. */
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  /** For `no-unknown-flag`: the nearest registry key. */
  suggestion?: string;
  /** Absolute path of the registry that governs the file, when one does. */
  registry?: string;
}

/** The flag's standing on a given day, as the report and JSON output show it. */
export type FlagState = "ok" | "due-soon" | "overdue" | "retired" | "archived" | "unused" | "permanent";

/** One registry flag (or one unknown key seen in code) with its standing on `now`. */
export interface FlagSummary {
  key: string;
  /** `false` for a key that code checks but no registry lists. */
  known: boolean;
  type?: FlagType;
  owner?: string;
  created?: string;
  /** `created` was inferred (from git history), not written in the registry. */
  createdInferred?: boolean;
  /** The effective deadline: `removeBy`, or `created` + the type's lifetime; absent when permanent. */
  removeBy?: string;
  ticket?: string;
  description?: string;
  status?: FlagStatus;
  state: FlagState | "unknown";
  /** Days until the deadline, negative when overdue; `null` when there is none. */
  daysLeft: number | null;
  references: number;
  /** The first few places that check it. */
  locations: Array<{ file: string; line: number; column: number }>;
  /** Absolute path of the registry that lists it. */
  registry?: string;
  /** Where `owner` comes from: the registry entry, or CODEOWNERS for the files that check the flag. */
  ownerSource?: "registry" | "codeowners";
}

/** Something the run could not do as asked, said once: a CODEOWNERS line that does not parse, a shallow clone. */
export interface ProjectNote {
  /** Absolute path of the file the note is about, with the line when there is one. */
  file?: string;
  line?: number;
  message: string;
}

/** The flags' states at one point of the past: the last commit on or before `date`. */
export interface HistoryPoint {
  /** `YYYY-MM-DD` */
  date: string;
  /** `null` when the repository has no commit on or before the date. */
  commit: string | null;
  /** Flags per state; empty before the registry existed. */
  states: Partial<Record<FlagState | "unknown", number>>;
}

/** What a whole-project run found, before any output format. Paths are absolute. */
export interface ProjectResult {
  cwd: string;
  now: string;
  registries: string[];
  findings: Finding[];
  references: Array<FlagReference & { file: string }>;
  flags: FlagSummary[];
  summary: { files: number; parsed: number; references: number; errors: number; warnings: number };
  /** Files left unread because they are larger than the run's size limit, with their size in bytes. */
  skipped?: Array<{ file: string; bytes: number }>;
  /** What the run could not do as asked (see ProjectNote). */
  notes?: ProjectNote[];
  /** `report --history`: the states week by week, oldest first. */
  history?: HistoryPoint[];
  /** What the run did not cover, for the front ends to say (see RunNote). */
  scope?: RunNote[];
  /** Disable directives that silenced nothing (ESLint's `--report-unused-disable-directives`). */
  unusedDirectives?: UnusedDirective[];
  /** `--shard K/N`: which shard this is and what the merge needs (registry-level rules wait for it). */
  shard?: ShardInfo;
}

/** A `flaglint-disable-next-line` in a registry, or an `eslint-disable-line` / `-next-line` naming flaglint rules in code, that silenced nothing. */
export interface UnusedDirective {
  /** Absolute path of the file that holds it. */
  file: string;
  /** Line of the comment. */
  line: number;
  /** The rule ids it names. */
  rules: string[];
}

/**
 * Something a run did not cover, said so that a partial result is not taken for a whole one.
 * `nothing-to-check`: the paths hold no source file (`path` is the path as given).
 * `no-registry`: a folder (or file) of source files that no registry governs, left unchecked.
 * `partial-registry`: the paths cover part of a registry's tree, so its registry-level rules
 * (no-unused-flag, require-removal-ticket) were not run. Paths are absolute, except as given.
 */
export interface RunNote {
  kind: "nothing-to-check" | "no-registry" | "partial-registry";
  path: string;
  /** Source files concerned (for `no-registry`). */
  files?: number;
}

/** Which part of a split run a result is (Playwright's `--shard 2/3`): `index` is 1-based. */
export interface Shard {
  index: number;
  total: number;
}

/** What a shard's result carries for the merge, besides the shard's own findings and references. */
export interface ShardInfo extends Shard {
  /** The flaglint version that ran it: shards of different versions may detect differently. */
  flaglint: string;
  /** `check` or `report`: what the merge recomputes the same way. */
  command: string;
  /** Each registry of the run with the SHA-256 of its text: shards of different registries do not merge. */
  registries: Array<{ path: string; sha256: string }>;
  /** Registries whose tree the run's paths cover in part: their registry-level rules are not run. */
  partial: string[];
  /** `--registry`: it governs every file. */
  explicit: boolean;
  /** Flags without `created` are dated from git history (report). */
  createdFromGit: boolean;
  /** The paths the run was given, relative to its working folder, as given: suppressions judge by them. */
  paths: string[];
  /** Disable directives in this shard's files that silenced nothing: the merge reports them with the registries' own. */
  unusedDirectives: UnusedDirective[];
}
