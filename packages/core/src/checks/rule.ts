// What a rule is: its metadata and the checks it runs. Each rule is one module beside this file,
// listed once in rules.ts; the CLI, the ESLint plugin, SARIF and the docs all read it from there.
import type {
  FileAnalysis,
  Finding,
  FlagDefinition,
  FlagReference,
  Registry,
  RemovalNote,
  RuleId,
  Severity,
} from "../types.js";
import type ts from "../typescript.js";
import type { Site } from "./site.js";

/** One linted or scanned file, as the file-level checks see it. */
export interface FileCheckInput {
  /** Absolute path of the file. */
  file: string;
  analysis: FileAnalysis;
  /** The registry that governs the file. */
  registry: Registry;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /**
   * Where the `flag` checks (require-removal-ticket) report: at the registry entry (`"registry"`,
   * the CLI, which runs checkRegistry) or at each reference (`"reference"`, ESLint, which sees one
   * file at a time).
   */
  ticketAt: "registry" | "reference";
}

/** One registry and every reference in the files it governs: the registry-level checks' view. */
export interface RegistryCheckInput {
  registry: Registry;
  /** Every reference in the files this registry governs. */
  references: readonly FlagReference[];
  /** Today, `YYYY-MM-DD`. */
  now: string;
}

/** The linted file, as a suggestion reads it. */
export interface LintedText {
  text: string;
  /** The name its script kind comes from (`.tsx` parses JSX). */
  fileName: string;
  /**
   * `text` already parsed with parent pointers, when the linter has a tree that no type-checked
   * program shares (the cleanup engine may bind it): a suggestion starts from it instead of parsing.
   */
  sourceFile?: ts.SourceFile;
}

/** An editor suggestion: replace `range` (offsets in the file's text) with `text`. */
export interface Suggestion {
  messageId: string;
  data: Record<string, string>;
  range: [number, number];
  text: string;
}

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  description: string;
  /** Reported by the CLI only: there is no ESLint rule of this id. */
  cliOnly: boolean;
  /** camelCase message id -> template with ESLint-style `{{placeholders}}` filled from `Finding.data`. */
  messages: Record<string, string>;
  /** Messages only the ESLint rule reports: its suggestions, and problems of the editor's setup. */
  eslintMessages?: Record<string, string>;
}

/**
 * A rule: its metadata, and the checks it contributes. Each check answers for one thing it is
 * handed; a rule with none is reported by the loader or the parser (invalid-registry, parse-error).
 */
export interface Rule extends RuleMeta {
  /** At each reference of a flag in a file. */
  reference?: (reference: FlagReference, input: FileCheckInput) => Finding | undefined;
  /** At each flag-removal note (a `TODO: remove <flag> by <date>` comment). */
  note?: (note: RemovalNote, input: FileCheckInput) => Finding | undefined;
  /**
   * Of a registry entry, reported at `site`: the entry itself in the CLI, each reference of the
   * flag in ESLint (see FileCheckInput.ticketAt).
   */
  flag?: (flag: FlagDefinition, site: Site, registry: Registry) => Finding | undefined;
  /** Of a registry entry, with the whole project's reference count: the CLI only. */
  entry?: (flag: FlagDefinition, references: number, input: RegistryCheckInput) => Finding | undefined;
  /** The editor's suggestion for one of this rule's findings, worked out only when ESLint reports it. */
  suggest?: (finding: Finding, references: readonly FlagReference[], file: LintedText) => Suggestion | undefined;
  /**
   * `suggest` runs the cleanup engine over the whole file (a parse and rewrites per finding): worth
   * it only where the suggestion can be applied (the plugin's `settings.flaglint.suggestRemoval`).
   */
  suggestRunsCleanup?: boolean;
}
