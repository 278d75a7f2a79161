// One check at a time, for an editor suggestion: the cleanup of a single site as one text edit,
// and whether the check tests the flag as a boolean (so "treat it as on" means `true`).
import ts from "../typescript.js";
import type { ReferenceKind } from "../types.js";
import type { TextEdit } from "./edits.js";
import { cleanupSource, type FlagSite } from "./engine.js";
import { nodeAt, parseReusing, skipParens } from "./syntax.js";
import type { FlagValue } from "./value.js";

export type { TextEdit } from "./edits.js";

/**
 * A key used as data (an enum member anywhere, a `{ flag: "x" }` property, a key compared or
 * listed), not the flag's value: there is no check to fold, only a key for a person to remove.
 */
export function isKeyAsData(kind: ReferenceKind): boolean {
  return kind === "constant" || kind === "property" || kind === "mention";
}

/**
 * `cleanupSource` for one site, as the one edit that turns `text` into the cleaned-up text: the
 * changed region between what both texts share at the start and at the end. ESLint suggestions
 * replace one range, and a region keeps the edit small enough to review in an editor's preview.
 * `undefined` when the engine leaves anything for a person (a manual spot), when the file or its
 * rewrite does not parse, or when nothing changes. `parsed`: `text` already parsed, when the caller
 * has it (an ESLint rule: the parser's tree), to spare parsing it again.
 */
export function cleanupOneCheck(
  text: string,
  fileName: string,
  site: FlagSite,
  value: FlagValue,
  parsed?: ts.SourceFile,
): TextEdit | undefined {
  // No `flag` option: other checks of the flag may remain, so its removal TODOs stay.
  const sites = [{ siteStart: site.siteStart, siteEnd: site.siteEnd }];
  const result = cleanupSource(text, fileName, sites, value, parsed === undefined ? {} : { parsed });
  if (result.failed || result.manual.length > 0 || !result.changed) return undefined;
  return changedRegion(text, result.text);
}

/** The smallest single edit from `before` to `after`. */
function changedRegion(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/**
 * Whether the check at `site` tests the flag as a boolean: its value decides an `if`, a loop, a
 * ternary, a `!`, the left side of `&&` / `||`, or is compared with `true` / `false` — directly,
 * or through a `const` (or destructured name) every use of which does so. Anything else (a
 * comparison with a string, a value passed on or returned) may be a multivariate flag, where
 * "on" has no meaning. `parsed` as for cleanupOneCheck.
 */
export function isBooleanCheck(text: string, fileName: string, site: FlagSite, parsed?: ts.SourceFile): boolean {
  const sourceFile = parseReusing(text, fileName, parsed);
  const node = nodeAt(sourceFile, site.siteStart, site.siteEnd);
  if (node === undefined) return false;
  const bound = boundName(node);
  if (bound !== undefined) return everyUseTests(bound);
  return ts.isExpression(node) && isTruthTest(node);
}

/** The name the site's value is bound to: `const on = check()`, or `const { enabled } = useFlag("x")`'s `enabled`. */
function boundName(site: ts.Node): ts.Identifier | undefined {
  if (ts.isIdentifier(site) && ts.isBindingElement(site.parent) && site.parent.name === site) return site;
  if (!ts.isExpression(site)) return undefined;
  const value = outermostOf(site);
  const holder = value.parent;
  if (holder && ts.isVariableDeclaration(holder) && holder.initializer === value && ts.isIdentifier(holder.name)) return holder.name;
  return undefined;
}

/**
 * Every identifier spelt like the binding in its function (or file) tests it, and there is one.
 * Same-named identifiers of other bindings count too: that can only say "no" more often.
 */
function everyUseTests(name: ts.Identifier): boolean {
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && !isNameOfSomethingElse(node)) uses.push(node);
    ts.forEachChild(node, visit);
  };
  visit(enclosingFunction(name));
  return uses.length > 0 && uses.every(isTruthTest);
}

/** `a.on`, `{ on: x }`, `{ on: alias } = …`, `<A on />`: the identifier names a property, not the binding. */
function isNameOfSomethingElse(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === identifier) ||
    (ts.isPropertyAssignment(parent) && parent.name === identifier) ||
    (ts.isBindingElement(parent) && parent.propertyName === identifier) ||
    (ts.isJsxAttribute(parent) && parent.name === identifier)
  );
}

function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** Whether only the value's truth matters where it stands (its value never flows on as data). */
function isTruthTest(node: ts.Expression): boolean {
  const child = outermostOf(node);
  const parent = child.parent;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === child;
  if (ts.isForStatement(parent)) return parent.condition === child;
  if (ts.isConditionalExpression(parent)) return parent.condition === child;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (!ts.isBinaryExpression(parent)) return false;
  switch (parent.operatorToken.kind) {
    case ts.SyntaxKind.AmpersandAmpersandToken:
    case ts.SyntaxKind.BarBarToken:
      // The left side picks the branch; the right side's value is the result, so it counts
      // only when the result itself is tested.
      return parent.left === child || isTruthTest(parent);
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      return isBooleanLiteral(parent.left === child ? parent.right : parent.left);
    default:
      return false;
  }
}

/** The expression around `node` that stands for the same value: through `( )`, `await` and `x!`. */
function outermostOf(node: ts.Expression): ts.Expression {
  let current = node;
  while (isSameValueWrapper(current.parent)) current = current.parent;
  return current;
}

function isSameValueWrapper(node: ts.Node): node is ts.Expression {
  return ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node);
}

function isBooleanLiteral(node: ts.Expression): boolean {
  const kind = skipParens(node).kind;
  return kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword;
}
