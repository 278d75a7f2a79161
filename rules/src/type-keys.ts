// Keys syntax cannot resolve (a constant imported from another file), read from the type checker.
import type { KeyFallback } from "@flaglint/core";
import type ts from "typescript";

/**
 * A key expression whose type is one string literal names that flag; a union of literals, or
 * `string`, stays dynamic. Never throws: a checker failure leaves the key dynamic.
 */
export function typeCheckerKeys(program: ts.Program): KeyFallback {
  const checker = program.getTypeChecker();
  return (expression) => {
    try {
      const type = checker.getTypeAtLocation(expression);
      return type.isStringLiteral() ? type.value : undefined;
    } catch {
      return undefined;
    }
  };
}
