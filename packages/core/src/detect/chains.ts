// Follows an expression like `ff?.isEnabled` back through const aliases, destructuring and imports
// to where it comes from: a module export, a name we cannot see through, or `this`.
import ts, {
  SyntaxKind,
  isAwaitExpression,
  isCallExpression,
  isElementAccessExpression,
  isIdentifier,
  isPropertyAccessExpression,
} from "../typescript.js";
import { loadsModule, type Binding, type Scopes } from "./scope.js";
import { callSegment, memberName, moduleLoadSpecifier, skipWrappers } from "./syntax.js";

export type ChainRoot =
  /** `whole`: the module namespace itself (`import * as`, `require()`); `commonJs`: reached through `require`. */
  | { kind: "module"; specifier: string; whole: boolean; commonJs: boolean }
  /** A name we do not see through: a parameter, a `let`, a global; `getFlags()` for what a call returns. */
  | { kind: "name"; name: string }
  | { kind: "this" }
  /** A call result, a computed member, a literal… */
  | { kind: "unknown" };

/** A root and the member names read from it, in order: `flags.client.isEnabled` from `import * as flags`. */
export interface Chain {
  root: ChainRoot;
  names: readonly string[];
}

const UNKNOWN: Chain = { root: { kind: "unknown" }, names: [] };
const THIS: Chain = { root: { kind: "this" }, names: [] };
// Deep enough for any real alias chain; guards against cycles (`const a = b, b = a`) and pathological input.
const MAX_DEPTH = 64;

export class ChainResolver {
  private readonly chainsByBinding = new Map<Binding, Chain>();

  constructor(private readonly scopes: Scopes) {}

  of(expression: ts.Expression, depth = 0): Chain {
    if (depth > MAX_DEPTH) return UNKNOWN;
    let current = skipWrappers(expression);
    if (isAwaitExpression(current)) current = skipWrappers(current.expression);
    if (isIdentifier(current)) return this.ofIdentifier(current, depth);
    if (current.kind === SyntaxKind.ThisKeyword) return THIS;
    if (isPropertyAccessExpression(current) || isElementAccessExpression(current)) {
      const name = memberName(current);
      if (name === undefined) return UNKNOWN;
      return extend(this.of(current.expression, depth + 1), [name]);
    }
    const specifier = moduleLoadSpecifier(current);
    if (specifier !== undefined) {
      const commonJs = isCallExpression(current) && current.expression.kind !== SyntaxKind.ImportKeyword;
      return { root: { kind: "module", specifier, whole: true, commonJs }, names: [] };
    }
    // What a call returns is not seen through; an object path can still name it (`getFlags()`).
    const segment = isCallExpression(current) ? callSegment(current) : undefined;
    return segment === undefined ? UNKNOWN : { root: { kind: "name", name: segment }, names: [] };
  }

  private ofIdentifier(identifier: ts.Identifier, depth: number): Chain {
    const binding = this.scopes.lookup(identifier);
    // Opaque bindings share one object: caching by it would give every such name the first one's chain.
    if (binding === undefined || binding.kind === "opaque") return { root: { kind: "name", name: identifier.text }, names: [] };
    let chain = this.chainsByBinding.get(binding);
    if (chain === undefined) {
      chain = this.ofBinding(binding, identifier.text, depth);
      this.chainsByBinding.set(binding, chain);
    }
    return chain;
  }

  private ofBinding(binding: Binding, name: string, depth: number): Chain {
    switch (binding.kind) {
      case "import": {
        const { specifier, imported, commonJs } = binding;
        const whole = imported === "*";
        return { root: { kind: "module", specifier, whole, commonJs }, names: whole ? [] : [imported] };
      }
      case "variable": {
        const initializer = binding.declaration.initializer;
        // A `let` can be re-assigned, so only a `const` (or a module load) is seen through.
        if (initializer === undefined || !(binding.constant || loadsModule(initializer))) {
          return { root: { kind: "name", name }, names: [] };
        }
        if (binding.path === null) return UNKNOWN;
        return extend(this.of(initializer, depth + 1), binding.path);
      }
      default:
        return { root: { kind: "name", name }, names: [] };
    }
  }
}

export function extend(chain: Chain, names: readonly string[]): Chain {
  if (names.length === 0) return chain;
  return { root: chain.root, names: [...chain.names, ...names] };
}

/** The chain as written names, for matchers that go by trailing names (`this.flagResolver.isEnabled`). */
export function trailingNames(chain: Chain): readonly string[] {
  return chain.root.kind === "name" ? [chain.root.name, ...chain.names] : chain.names;
}

export function endsWith(names: readonly string[], suffix: readonly string[]): boolean {
  const offset = names.length - suffix.length;
  if (offset < 0) return false;
  for (let index = 0; index < suffix.length; index++) {
    if (names[offset + index] !== suffix[index]) return false;
  }
  return true;
}
