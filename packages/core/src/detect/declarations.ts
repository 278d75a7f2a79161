// Which declaration a name in code stands for, through what the file itself shows: local `const`
// aliases, import aliases (`import { FeatureKeys as Keys }`), default and namespace imports
// (`flags.FeatureKeys`), and, given the cross-file index, re-exports under another name. Matchers
// that name a declaration (`detect.constants`, key sets) use it, so that a same-named object that
// is not that declaration is not a check.
import ts from "../typescript.js";
import type { ConstantIndex, Declaration } from "./external-names.js";
import type { Scopes } from "./scope.js";
import { memberName, skipWrappers } from "./syntax.js";

// A chain of `const A = B` aliases longer than this is not followed.
const MAX_ALIASES = 8;

/**
 * The declaration `expression` (an identifier, or a member of a namespace import) stands for;
 * `undefined` for a parameter, a `let`, a property of some object, or anything else that is not
 * bound to one. A global name (declared by no import or local) is the declaration of that name.
 * Without `index`, an import is taken at its exported name (`file` unknown); with it, re-exports
 * are followed to the declaring module.
 */
export function declarationOf(
  expression: ts.Expression,
  scopes: Scopes,
  index?: ConstantIndex,
  depth = 0,
): Declaration | undefined {
  if (depth > MAX_ALIASES) return undefined;
  const current = skipWrappers(expression);
  const fileName = current.getSourceFile().fileName;
  if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    // `flags.FeatureKeys` where `import * as flags from "…"`.
    const member = memberName(current);
    const namespace = skipWrappers(current.expression);
    if (member === undefined || !ts.isIdentifier(namespace)) return undefined;
    const binding = scopes.lookup(namespace);
    if (binding?.kind !== "import" || binding.imported !== "*") return undefined;
    return imported(member, binding.specifier, fileName, index);
  }
  if (!ts.isIdentifier(current)) return undefined;
  const binding = scopes.lookup(current);
  if (binding === undefined) return { file: undefined, name: current.text };
  switch (binding.kind) {
    case "enum":
      return { file: fileName, name: current.text };
    case "variable": {
      const { declaration, path, constant } = binding;
      if (!constant || path === null || path.length > 0 || declaration.initializer === undefined) return undefined;
      // `const Keys = FeatureKeys` stands for FeatureKeys; any other const is its own declaration.
      const initializer = skipWrappers(declaration.initializer);
      const aliased =
        ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)
          ? declarationOf(initializer, scopes, index, depth + 1)
          : undefined;
      return aliased ?? { file: fileName, name: current.text };
    }
    case "import":
      if (binding.imported === "*") return undefined;
      // A default import is known by its local name until the index says what the module declares.
      if (binding.imported === "default") {
        return (index && imported("default", binding.specifier, fileName, index)) ?? { file: undefined, name: current.text };
      }
      return imported(binding.imported, binding.specifier, fileName, index);
    default:
      return undefined;
  }
}

function imported(name: string, specifier: string, file: string, index: ConstantIndex | undefined): Declaration | undefined {
  return index?.origin({ name, specifier, file }) ?? (name === "default" ? undefined : { file: undefined, name });
}
