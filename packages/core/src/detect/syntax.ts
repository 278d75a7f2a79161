// Small syntax helpers shared by the matchers: seeing through wrappers, static names, module loads.
import ts, {
  SyntaxKind,
  isBinaryExpression,
  isCallExpression,
  isComputedPropertyName,
  isDeleteExpression,
  isIdentifier,
  isPostfixUnaryExpression,
  isPrefixUnaryExpression,
  isPrivateIdentifier,
  isPropertyAccessExpression,
  isStringLiteralLike,
  isTypeReferenceNode,
} from "../typescript.js";
import type { Range } from "../types.js";
import { positionOf } from "./parse.js";

/** The outermost node that holds `node` through parents `through` accepts: `((Flags.X))` for `Flags.X`. */
export function enclosedBy(node: ts.Node, through: (parent: ts.Node) => boolean): ts.Node {
  let outer = node;
  while (outer.parent !== undefined && through(outer.parent)) outer = outer.parent;
  return outer;
}

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>` casts: they do not change which value is read. */
export function skipWrappers(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    switch (current.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression:
        current = (current as ts.ParenthesizedExpression).expression;
        break;
      default:
        return current;
    }
  }
}

/** The text of a literal that names something statically: `"x"`, `` `x` ``, `1`. */
export function literalText(node: ts.Node): string | undefined {
  switch (node.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.NumericLiteral:
      return (node as ts.LiteralExpression).text;
    default:
      return undefined;
  }
}

/** The name a property is known by, when it is written statically: `a`, `"a"`, `["a"]`, `#a`. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (isIdentifier(name) || isPrivateIdentifier(name)) return name.text;
  if (isComputedPropertyName(name)) return literalText(skipWrappers(name.expression));
  return literalText(name);
}

/** The member name of `a.b` or `a["b"]`; `undefined` for a computed `a[x]`. */
export function memberName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (isPropertyAccessExpression(access)) return access.name.text;
  return literalText(skipWrappers(access.argumentExpression));
}

/** The last name of `a.b["c"]`, `a`, `this.a` as written; `undefined` for anything else. */
export function lastName(expression: ts.Expression): string | undefined {
  if (isIdentifier(expression)) return expression.text;
  if (isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) return memberName(expression);
  return undefined;
}

/** The node that writes a callee's last name: `f` of `f()`, `b` of `a.b()`, `"b"` of `a["b"]()`. */
export function calleeNameNode(callee: ts.Expression): ts.Node | undefined {
  const written = skipWrappers(callee);
  if (isIdentifier(written)) return written;
  if (isPropertyAccessExpression(written)) return written.name;
  if (ts.isElementAccessExpression(written)) return skipWrappers(written.argumentExpression);
  return undefined;
}

/** JSX text of nothing but whitespace and line breaks: the layout between elements. */
export function isBlankJsxText(child: ts.JsxChild): boolean {
  return ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces;
}

/** `===`, `!==`, `==` or `!=`: a comparison that says whether two values are the same. */
export function isEqualityOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === SyntaxKind.EqualsEqualsEqualsToken ||
    kind === SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === SyntaxKind.EqualsEqualsToken ||
    kind === SyntaxKind.ExclamationEqualsToken
  );
}

/** `getFlags()`, a segment of an object path: the value a call of `getFlags` returns. */
export const CALL_SEGMENT_SUFFIX = "()";

/** The call an expression makes: `f()`, `await f()`, `(await f()) as T`. */
export function calledIn(expression: ts.Expression): ts.CallExpression | undefined {
  let value = skipWrappers(expression);
  if (ts.isAwaitExpression(value)) value = skipWrappers(value.expression);
  return isCallExpression(value) ? value : undefined;
}

/** `getFlags()` for a call of `getFlags` or `api.getFlags`: the call as a segment of an object path. */
export function callSegment(call: ts.CallExpression): string | undefined {
  if (moduleLoadSpecifier(call) !== undefined) return undefined;
  const callee = skipWrappers(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name === undefined ? undefined : `${name}${CALL_SEGMENT_SUFFIX}`;
}

/**
 * The names of a member chain as written, first to last: `this.flagResolver?.isEnabled` ->
 * flagResolver, isEnabled; a call in the chain is its callee's name and `()`
 * (`(await api.getFlags()).newNav` -> api, getFlags(), newNav). Stops at anything else.
 */
export function writtenNames(expression: ts.Expression): string[] {
  const names: string[] = [];
  let current = skipWrappers(expression);
  for (;;) {
    if (isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      const name = memberName(current);
      if (name === undefined) break;
      names.push(name);
      current = skipWrappers(current.expression);
    } else if (ts.isAwaitExpression(current)) {
      current = skipWrappers(current.expression);
    } else if (isCallExpression(current)) {
      const segment = callSegment(current);
      if (segment === undefined) break;
      names.push(segment);
      const callee = skipWrappers(current.expression);
      if (!isPropertyAccessExpression(callee)) break;
      current = skipWrappers(callee.expression);
    } else {
      if (isIdentifier(current)) names.push(current.text);
      break;
    }
  }
  return names.reverse();
}

/** The specifier of `require("m")` or `import("m")`, when the expression is one of them. */
export function moduleLoadSpecifier(expression: ts.Expression): string | undefined {
  if (!isCallExpression(expression) || expression.arguments.length < 1) return undefined;
  const callee = expression.expression;
  const isLoad =
    callee.kind === SyntaxKind.ImportKeyword || (isIdentifier(callee) && callee.text === "require");
  if (!isLoad) return undefined;
  const argument = expression.arguments[0]!;
  return isStringLiteralLike(argument) ? argument.text : undefined;
}

/** Whether `node` is written to rather than read: `a.b = 1`, `a.b++`, `delete a.b`. */
export function isWriteTarget(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    return (
      parent.left === node &&
      operator >= SyntaxKind.FirstAssignment &&
      operator <= SyntaxKind.LastAssignment
    );
  }
  if (isPrefixUnaryExpression(parent) || isPostfixUnaryExpression(parent)) {
    return parent.operator === SyntaxKind.PlusPlusToken || parent.operator === SyntaxKind.MinusMinusToken;
  }
  return isDeleteExpression(parent);
}

/** 1-based line/column range of two offsets; `endColumn` is exclusive. */
export function rangeOf(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const from = positionOf(sourceFile, start);
  const to = positionOf(sourceFile, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export function hasExportModifier(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword) ?? false;
}

/** `as const`: the literal's members cannot change. */
export function isConstTypeReference(type: ts.TypeNode): boolean {
  return isTypeReferenceNode(type) && isIdentifier(type.typeName) && type.typeName.text === "const";
}

/** `Object.freeze(x)`. */
export function isObjectFreeze(expression: ts.Expression): expression is ts.CallExpression {
  if (!isCallExpression(expression) || expression.arguments.length !== 1) return false;
  const callee = expression.expression;
  return (
    isPropertyAccessExpression(callee) &&
    isIdentifier(callee.expression) &&
    callee.expression.text === "Object" &&
    callee.name.text === "freeze"
  );
}

/** Array methods that look a record up by a predicate. */
const LOOKUP_METHODS = new Set(["find", "findLast", "findIndex", "findLastIndex", "some", "every", "filter"]);
/** The fields of a flag record that hold its key. */
const RECORD_KEY_FIELDS = new Set(["name", "key", "id", "flag", "feature"]);
/** A list's name that says it holds flags: `featureFlags`, `flags`, `toggles`. */
const NAMES_FLAG_LIST = /flag|feature|toggle/i;

/**
 * Whether `key` is compared (`===`, `!==`, `==`, `!=`) with the key field of the record a lookup
 * over a list of flags is at: `featureFlags?.find((flag) => flag.name === Keys.X)`.
 * That comparison is how such code reads the flag (what it finds is the flag's record, with its
 * value); a key compared anywhere else only names it.
 */
export function findsFlagRecord(key: ts.Expression): boolean {
  const outer = enclosedBy(key, (parent) => parent.kind === SyntaxKind.ParenthesizedExpression);
  const comparison = outer.parent;
  if (comparison === undefined || !isBinaryExpression(comparison) || !isEqualityOperator(comparison.operatorToken.kind)) return false;
  const other = skipWrappers(comparison.left === outer ? comparison.right : comparison.left);
  if (!isPropertyAccessExpression(other) || !isIdentifier(other.expression) || !RECORD_KEY_FIELDS.has(other.name.text)) return false;
  // The predicate the comparison is the body of (or part of: `(f) => f.active && f.name === Keys.X`).
  let predicate: ts.Node | undefined = comparison.parent;
  while (predicate !== undefined && !ts.isArrowFunction(predicate) && !ts.isFunctionExpression(predicate)) {
    if (ts.isFunctionLike(predicate) || ts.isSourceFile(predicate)) return false;
    predicate = predicate.parent;
  }
  if (predicate === undefined) return false;
  const record = predicate.parameters[0]?.name;
  if (record === undefined || !isIdentifier(record) || record.text !== other.expression.text) return false;
  const lookup = predicate.parent;
  if (lookup === undefined || !isCallExpression(lookup) || lookup.arguments[0] !== predicate) return false;
  const method = lookup.expression;
  if (!isPropertyAccessExpression(method) || !LOOKUP_METHODS.has(method.name.text)) return false;
  const listName = lastName(skipWrappers(method.expression));
  return listName !== undefined && NAMES_FLAG_LIST.test(listName);
}
