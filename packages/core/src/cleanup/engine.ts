// `cleanupSource`: one file, its flag checks, the value the flag is fixed to -> the rewritten file.
import ts from "../typescript.js";
import { EditHistory, applyEdits, type TextEdit } from "./edits.js";
import { foldStep, type Refusal } from "./fold.js";
import { inlineStep, type BindingSite } from "./inline.js";
import { Sentinels, finalLiteral } from "./sentinels.js";
import { firstSyntaxError, isWrite, nodeAt, parse, parseOwn, parseReusing, reparse, variableStatementOf } from "./syntax.js";
import { removalRange } from "./text.js";
import { removeUnused } from "./unused.js";
import type { FlagValue } from "./value.js";

/** A place the cleanup left as it was, for a person to finish. Line and column are 1-based. */
export interface ManualSpot {
  line: number;
  column: number;
  reason: string;
}

export interface SourceCleanup {
  text: string;
  changed: boolean;
  manual: ManualSpot[];
  /** The rewrite was abandoned (the file or its rewrite does not parse): `text` is the original. */
  failed: boolean;
}

export interface FlagSite {
  siteStart: number;
  siteEnd: number;
}

export interface CleanupSourceOptions {
  /** The flag's key: `TODO: remove <key> …` comments go once no check of the flag is left. */
  flag?: string;
  /** `text` already parsed (a linter's tree), used instead of parsing it again when it is the same parse. */
  parsed?: ts.SourceFile;
}

/** Rewrite steps per file; a nest deeper than this is not real code. */
const MAX_STEPS = 500;

/**
 * Replaces every site with `value` and simplifies until nothing changes. Edits are text edits
 * on node ranges, so the code that survives keeps its formatting and comments.
 */
export function cleanupSource(
  text: string,
  fileName: string,
  sites: ReadonlyArray<FlagSite>,
  value: FlagValue,
  options: CleanupSourceOptions = {},
): SourceCleanup {
  const original = parseReusing(text, fileName, options.parsed);
  const broken = firstSyntaxError(original);
  if (broken) {
    return failure(text, broken.start, `the file does not parse (${broken.message}); it was left as it is`);
  }

  // Each refused fold names the places it came from; the next attempt leaves those alone.
  const kept = new Map<number, string>();
  let run: Run | undefined;
  for (let attempt = 0; attempt <= sites.length + 50; attempt++) {
    const next = simplify(original, outermost(sites), value, kept);
    if (next.refusals.length === 0) {
      run = next;
      break;
    }
    const before = kept.size;
    for (const refusal of next.refusals) {
      for (const origin of refusal.origins) if (!kept.has(origin)) kept.set(origin, refusal.reason);
    }
    if (kept.size === before) return failure(text, next.refusals[0]!.origins[0] ?? 0, next.refusals[0]!.reason);
  }
  if (!run) return failure(text, 0, "the simplification did not settle; the file was left as it is");
  if (run.error) return failure(text, run.error.start, run.error.reason);

  const manual = [...kept].map(([origin, reason]) => spotAt(text, origin, reason));
  manual.push(...run.notices.map((notice) => spotAt(text, notice.start, notice.reason)));

  const history = run.history;
  let rewritten = run.text;
  let parsed = original;
  if (rewritten !== text) {
    parsed = removeUnused(text, rewritten, fileName, (offset) => history.forward(offset), original, run.tree);
    rewritten = parsed.text;
  }
  if (options.flag && manual.length === 0) rewritten = removeRemovalNotes(rewritten, fileName, options.flag);

  manual.sort((a, b) => a.line - b.line || a.column - b.column);
  return verifiedRewrite(text, rewritten, fileName, manual, parsed.text === rewritten ? parsed : undefined);
}

/**
 * The last guard: the rewritten file is parsed again, and if it has a syntax error the original
 * text comes back unchanged, with a spot that says so. `parsedRewrite`, when given, is the
 * rewritten text already parsed.
 */
export function verifiedRewrite(
  original: string,
  rewritten: string,
  fileName: string,
  manual: ManualSpot[],
  parsedRewrite?: ts.SourceFile,
): SourceCleanup {
  const broken = firstSyntaxError(parsedRewrite?.text === rewritten ? parsedRewrite : parse(rewritten, fileName));
  if (broken) {
    const at = spotAt(rewritten, broken.start, "");
    return failure(original, 0, `the rewritten file would not parse (${broken.message} at ${at.line}:${at.column}); it was left as it is`);
  }
  return { text: rewritten, changed: rewritten !== original, manual, failed: false };
}

interface Run {
  text: string;
  /** `text` parsed, when the run got that far: the last step's tree, reparsed. */
  tree?: ts.SourceFile;
  history: EditHistory;
  refusals: Refusal[];
  /** Sites that could not be rewritten, reported without a retry. */
  notices: Array<{ start: number; reason: string }>;
  error?: { start: number; reason: string };
}

function simplify(original: ts.SourceFile, sites: readonly FlagSite[], value: FlagValue, kept: ReadonlyMap<number, string>): Run {
  const sentinels = Sentinels.for(original.text);
  const history = new EditHistory();
  const notices: Run["notices"] = [];
  const bindings: BindingSite[] = [];
  const edits: TextEdit[] = [];

  for (const site of sites) {
    if (kept.has(site.siteStart)) continue;
    const node = nodeAt(original, site.siteStart, site.siteEnd);
    const fact = { value, origins: [site.siteStart], roots: [site.siteStart] };
    if (node && ts.isIdentifier(node) && ts.isBindingElement(node.parent) && node.parent.name === node) {
      if (variableStatementOf(node.parent)) bindings.push({ start: site.siteStart, fact });
      else notices.push({ start: site.siteStart, reason: "the flag's value is bound where the cleanup cannot follow it (not a const, let or var)" });
    } else if (node && isValueExpression(node)) {
      edits.push({ start: site.siteStart, end: site.siteEnd, text: sentinels.make(value, fact.origins) });
    } else {
      notices.push({ start: site.siteStart, reason: "this flag check is not an expression the cleanup can replace" });
    }
  }
  let text = applyEdits(original.text, edits);
  history.record(edits);
  const keptUses = new Set(kept.keys());

  // Each step parses the text the step before it wrote: the first from scratch, each later one
  // incrementally from the tree before it, which this run alone holds.
  let sourceFile = parseOwn(text, original.fileName);
  for (let step = 0; step < MAX_STEPS; step++) {
    const broken = firstSyntaxError(sourceFile);
    if (broken) {
      return { text, history, refusals: [], notices, error: { start: 0, reason: `the simplification broke the syntax (${broken.message}); the file was left as it is` } };
    }
    let result = inlineStep({ sourceFile, sentinels, bindings, history, kept: keptUses });
    if (result.refusals.length === 0 && result.edits.length === 0) result = foldStep(sourceFile, sentinels);
    if (result.refusals.length > 0) return { text, history, refusals: result.refusals, notices };
    if (result.edits.length === 0) {
      const final = writeLiterals(sourceFile, sentinels);
      history.record(final);
      const written = applyEdits(text, final);
      return { text: written, tree: reparse(sourceFile, written, final), history, refusals: [], notices };
    }
    text = applyEdits(text, result.edits);
    history.record(result.edits);
    sourceFile = reparse(sourceFile, text, result.edits);
  }
  return { text, history, refusals: [], notices, error: { start: 0, reason: "the simplification did not settle; the file was left as it is" } };
}

/** What is left of the flag is written as literals: `true`, `"blue"`, `3`. */
function writeLiterals(sourceFile: ts.SourceFile, sentinels: Sentinels): TextEdit[] {
  const edits: TextEdit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && sentinels.isSentinel(node)) {
      const { value } = sentinels.read(node)!;
      const container = node.parent;
      if (typeof value === "string" && ts.isJsxExpression(container) && ts.isJsxAttribute(container.parent) && !/["\\&\n]/.test(value)) {
        edits.push({ start: container.getStart(sourceFile), end: container.end, text: JSON.stringify(value) });
      } else {
        edits.push({ start: node.getStart(sourceFile), end: node.end, text: finalLiteral(node, value) });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return edits;
}

/** A site the value can take the place of: a read of the flag, not a name being declared or written. */
function isValueExpression(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isIdentifier(node)) {
    if ((parent as { name?: ts.Node }).name === node && !ts.isPropertyAccessExpression(parent)) return false;
    if (isWrite(node)) return false;
  } else if (!(ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isAwaitExpression(node))) {
    return false;
  }
  if (ts.isDeleteExpression(parent) || ts.isTypeQueryNode(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  const assigned = ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  return !assigned;
}

/** Sites inside another site go with the outer one. */
function outermost(sites: readonly FlagSite[]): FlagSite[] {
  const sorted = [...sites].sort((a, b) => a.siteStart - b.siteStart || b.siteEnd - a.siteEnd);
  const result: FlagSite[] = [];
  for (const site of sorted) {
    const last = result[result.length - 1];
    if (last && site.siteStart >= last.siteStart && site.siteEnd <= last.siteEnd) continue;
    result.push(site);
  }
  return result;
}

/** Removes `// TODO: remove <flag> …` comments: the work they ask for is done. */
function removeRemovalNotes(text: string, fileName: string, flag: string): string {
  const key = new RegExp(`(^|[^\\w-])${flag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\w-])`);
  const edits: TextEdit[] = [];
  for (const comment of commentRanges(parse(text, fileName))) {
    const body = text.slice(comment.pos, comment.end);
    if (/\b(TODO|FIXME)\b/i.test(body) && /\bremove\b/i.test(body) && key.test(body)) {
      edits.push({ ...removalRange(text, comment.pos, comment.end), text: "" });
    }
  }
  return edits.length > 0 ? applyEdits(text, edits) : text;
}

/** Every comment of the file once (JSX text that looks like a comment is not one). */
function commentRanges(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const seen = new Map<number, ts.CommentRange>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) seen.set(range.pos, range);
  };
  const visit = (node: ts.Node): void => {
    const inJsxText = ts.isJsxText(node) || ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);
    if (!inJsxText) collect(ts.getLeadingCommentRanges(text, node.pos));
    ts.forEachChild(node, visit);
    if (!inJsxText) collect(ts.getTrailingCommentRanges(text, node.end));
  };
  ts.forEachChild(sourceFile, visit);
  collect(ts.getLeadingCommentRanges(text, sourceFile.endOfFileToken.pos));
  return [...seen.values()];
}

function spotAt(text: string, offset: number, reason: string): ManualSpot {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n"), reason };
}

function failure(text: string, offset: number, reason: string): SourceCleanup {
  return { text, changed: false, manual: [spotAt(text, offset, reason)], failed: true };
}
