// What an object literal or an enum declares, read without evaluating anything: shared by key
// resolution (keys.ts) and the exported-constants index (constants-index.ts).
import ts from "../typescript.js";
import { isConstTypeReference, isObjectFreeze, literalText, propertyNameText, skipWrappers } from "./syntax.js";

/** The value written for `member` in an object literal; the last one wins, as at run time. */
export function propertyValue(literal: ts.ObjectLiteralExpression, member: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === member) {
      found = property.initializer;
    } else if (ts.isShorthandPropertyAssignment(property) && property.name.text === member) {
      found = property.name;
    } else if (ts.isSpreadAssignment(property)) {
      // A spread after the member may override it: no longer statically known.
      found = undefined;
    }
  }
  return found;
}

/** The string a string-enum member holds; numeric or computed members have none. */
export function enumMemberValue(declaration: ts.EnumDeclaration, member: string): string | undefined {
  for (const enumMember of declaration.members) {
    if (propertyNameText(enumMember.name) !== member) continue;
    const initializer = enumMember.initializer && skipWrappers(enumMember.initializer);
    if (initializer === undefined || !ts.isStringLiteralLike(initializer)) return undefined;
    return literalText(initializer);
  }
  return undefined;
}

/**
 * The object literal a `const` initialiser makes, typed or not: `{ … }`, `{ … } satisfies T`,
 * `{ … } as T`, `{ … } as const`, `Object.freeze({ … })`. `frozen` when nothing can write its
 * members (`as const`, `Object.freeze`); a plain one is trusted only where nothing assigns them.
 */
export function objectLiteralOf(
  initializer: ts.Expression,
): { literal: ts.ObjectLiteralExpression; frozen: boolean } | undefined {
  let current = initializer;
  let frozen = false;
  for (;;) {
    if (ts.isObjectLiteralExpression(current)) return { literal: current, frozen };
    if (ts.isParenthesizedExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else if (ts.isAsExpression(current) || ts.isTypeAssertionExpression(current)) {
      if (isConstTypeReference(current.type)) frozen = true;
      current = current.expression;
    } else if (isObjectFreeze(current)) {
      frozen = true;
      current = current.arguments[0]!;
    } else {
      return undefined;
    }
  }
}
