// Checks one linted file once for every flaglint rule: settings, registry, detection and policy
// all come from core; this turns its findings into ESLint reports, shared by the rules through a
// cache keyed by the file's SourceCode (one per lint), so each rule only reports its own.
import path from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type ts from "typescript";
import {
  analyzeSource,
  applyEntryDirectives,
  applyRuleSettings,
  isIgnoredByRegistry,
  checkFile,
  mayNeedAnalysis,
  resolveNow,
  RULES,
  UsageError,
  type FileAnalysis,
  type Finding,
  type FlagReference,
  type LintedText,
  type Range,
  type RuleId,
  type Suggestion,
} from "@flaglint/core";
import type { LintContext } from "./lint-context.js";
import { loadRegistry, registryPathFor } from "./registries.js";
import { LIFETIME } from "./lifetime.js";
import { offersRemovalSuggestion, readSettings } from "./settings.js";
import { lintedTree } from "./source-file.js";
import { typeCheckerKeys } from "./type-keys.js";

/** One report ready for `context.report`. */
export interface PreparedReport {
  messageId: string;
  data: Record<string, string | number>;
  loc: TSESTree.SourceLocation;
  /**
   * The rule's suggestion, worked out only when its rule reports: no-stale-flag's runs the cleanup
   * engine, too costly for a rule that is off.
   */
  suggestLater?: () => Suggestion | undefined;
}


export type FileReports = ReadonlyMap<RuleId, readonly PreparedReport[]>;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const NOTHING: FileReports = new Map();
/** Problems that stop the file's checks go to invalid-registry, at the top of the file. */
const TOP_OF_FILE: TSESTree.SourceLocation = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

// Keyed by the lint's SourceCode on purpose: it is the one object ESLint gives every rule of one lint,
// and the reports are of that lint only. What outlives a lint is in the registry's LintContext.
const reportsByLint = new WeakMap<object, FileReports>();

/** What every flaglint rule reports in the file being linted, computed once per lint. */
export function fileReports(context: Context): FileReports {
  const { sourceCode } = context;
  let reports = reportsByLint.get(sourceCode);
  if (reports === undefined) {
    reports = checkSafely(context);
    reportsByLint.set(sourceCode, reports);
  }
  return reports;
}

/** A rule must never crash ESLint (an editor would lose every other rule's reports with it). */
function checkSafely(context: Context): FileReports {
  try {
    return check(context);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return fileProblem("internalError", { problem });
  }
}

function check(context: Context): FileReports {
  const { sourceCode } = context;
  // Another language (JSON, CSS, Markdown) has no JavaScript to check.
  if ((sourceCode.ast?.type as string | undefined) !== "Program") return NOTHING;

  const read = readSettings(context.settings);
  if ("problem" in read) return fileProblem("invalidSettings", { problem: read.problem });
  const given = givenDay(read.settings.now);
  if (typeof given === "object") return given;

  const file = path.resolve(context.cwd, context.physicalFilename);
  const registryPath = registryPathFor(file, context.cwd, read.settings.registry);
  // Not every file of a repository is governed by a registry: without one there is nothing to check.
  if (registryPath === undefined) return NOTHING;
  const loaded = loadRegistry(registryPath);
  if (!("context" in loaded)) return fileProblem("cannotLoad", loaded);

  const { registry } = loaded.context;
  // The registry's own `ignore:` and `rules:` hold here as in the CLI; ESLint's config still sets severities.
  if (isIgnoredByRegistry(registry, file, loaded.context.analysis)) return NOTHING;
  // A processor's code block (README.md/0.ts) parses by its own extension, in its file's folder.
  const parseAs = path.join(path.dirname(file), path.basename(context.filename));
  const { analysis, tree } = analyze(context, parseAs, loaded.context);
  // The usual file: the text search found nothing to check, so there is nothing to judge.
  if (analysis === EMPTY_ANALYSIS) return NOTHING;
  // The clock is read per file with something to judge (an editor session can pass midnight).
  const now = given ?? resolveNow({});
  const findings = applyEntryDirectives(applyRuleSettings(checkFile({ file, analysis, registry, now, ticketAt: "reference" }), registry.rules), registry);
  const suggestRemoval = offersRemovalSuggestion(read.settings.suggestRemoval, LIFETIME);
  return byRule(findings, analysis.references, { text: sourceCode.text, fileName: parseAs, ...(tree && { sourceFile: tree }) }, suggestRemoval);
}

/** A given date is checked once, and a wrong one is reported on every file. */
const givenDays = new Map<string, string | FileReports>();

/** `settings.flaglint.now` (already checked), then FLAGLINT_NOW; `undefined` when the clock decides. */
function givenDay(setting: string | undefined): string | FileReports | undefined {
  const given = setting ?? (process.env.FLAGLINT_NOW || undefined);
  if (given === undefined) return undefined;
  let day = givenDays.get(given);
  if (day === undefined) {
    day = checkedDay(setting === undefined ? { env: given } : { now: setting });
    givenDays.set(given, day);
  }
  return day;
}

function checkedDay(given: { now: string } | { env: string }): string | FileReports {
  try {
    return resolveNow(given);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fileProblem("invalidSettings", { problem: error.message });
  }
}

function fileProblem(messageId: string, data: Record<string, string>): FileReports {
  return new Map([["invalid-registry", [{ messageId, data, loc: TOP_OF_FILE }]]]);
}

// ---------------------------------------------------------------------------------------------
// Detection, once per syntax tree

const EMPTY_ANALYSIS: FileAnalysis = { references: [], notes: [], directives: [] };

interface LintedAnalysis {
  analysis: FileAnalysis;
  /** The tree, for suggestions to start from; not one a type-checked program shares. */
  tree?: ts.SourceFile;
}

function analyze(context: Context, fileName: string, lint: LintContext): LintedAnalysis {
  const { sourceCode } = context;
  const { registry } = lint;
  // The same text search as the CLI: a file that names no configured check is not walked (or parsed).
  if (!mayNeedAnalysis(sourceCode.text, registry.detect, lint.analysis, fileName)) return { analysis: EMPTY_ANALYSIS };
  const { sourceFile, program } = lintedTree(sourceCode.ast, sourceCode.text, fileName, sourceCode.parserServices);
  return { analysis: analyzeTree(sourceFile, program, lint), ...(program === undefined && { tree: sourceFile }) };
}

function analyzeTree(sourceFile: ts.SourceFile, program: ts.Program | undefined, lint: LintContext): FileAnalysis {
  const { registry, analyses } = lint;
  // The walk of a tree is reused while the registry (its context) and the program stay the same.
  const cached = analyses.get(sourceFile);
  if (cached !== undefined && !cached.crossFile && cached.program === program) return cached.analysis;
  // Keys other modules export, as `flaglint check` resolves them: core's index of the registry's
  // folder, built once per process and re-read file by file as they change.
  const index = lint.constants;
  let crossFile = false;
  const analysis = analyzeSource(sourceFile, registry.detect, {
    constants: {
      resolve(external, path) {
        crossFile = true;
        return index.resolve(external, path);
      },
      origin(external) {
        crossFile = true;
        return index.origin(external);
      },
    },
    context: lint.analysis,
    ...(program === undefined ? {} : { resolveKey: typeCheckerKeys(program) }),
  });
  analyses.set(sourceFile, { program, analysis, crossFile });
  return analysis;
}

// ---------------------------------------------------------------------------------------------
// Findings -> reports

/** `suggestRemoval`: whether a suggestion that runs the cleanup engine is offered (`settings.flaglint.suggestRemoval`). */
function byRule(findings: readonly Finding[], references: readonly FlagReference[], file: LintedText, suggestRemoval: boolean): FileReports {
  const reports = new Map<RuleId, PreparedReport[]>();
  for (const finding of findings) {
    const report: PreparedReport = { messageId: finding.messageId, data: finding.data, loc: eslintLoc(finding) };
    const { suggest, suggestRunsCleanup } = RULES[finding.rule];
    if (suggest !== undefined && (suggestRemoval || suggestRunsCleanup !== true)) report.suggestLater = () => suggest(finding, references, file);
    const own = reports.get(finding.rule);
    if (own === undefined) reports.set(finding.rule, [report]);
    else own.push(report);
  }
  return reports;
}

/** Core's ranges are 1-based with an exclusive end; ESLint's columns are 0-based. */
function eslintLoc(range: Range): TSESTree.SourceLocation {
  return {
    start: { line: range.line, column: range.column - 1 },
    end: { line: range.endLine, column: range.endColumn - 1 },
  };
}
