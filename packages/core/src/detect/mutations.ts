// Which members of a file's `const` objects the file writes (`Flags.key = …`, `delete Flags.key`,
// `Object.assign(Flags, …)`): a plain object's property is a key only where nothing assigns it.
import ts, {
  forEachChild,
  isCallExpression,
  isElementAccessExpression,
  isIdentifier,
  isPropertyAccessExpression,
} from "../typescript.js";
import type { Scopes } from "./scope.js";
import { isWriteTarget, memberName, skipWrappers } from "./syntax.js";

/** Every member of the object may be written. */
const ANY = "*";


/** Functions that write members of their first argument. */
const WRITERS = new Set(["assign", "defineProperty", "defineProperties", "setPrototypeOf", "set", "deleteProperty"]);

export class Mutations {
  private written: Map<ts.VariableDeclaration, Set<string>> | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly scopes: Scopes,
  ) {}

  /** Whether the file may write `member` of the object `declaration` binds (at any depth under it). */
  assigned(declaration: ts.VariableDeclaration, member: string): boolean {
    const members = (this.written ??= this.collect()).get(declaration);
    return members !== undefined && (members.has(member) || members.has(ANY));
  }

  /** One walk of the file, the first time a plain object is read (most files never ask). */
  private collect(): Map<ts.VariableDeclaration, Set<string>> {
    const written = new Map<ts.VariableDeclaration, Set<string>>();
    const mark = (root: ts.Expression, member: string): void => {
      const target = skipWrappers(root);
      if (!isIdentifier(target)) return;
      const binding = this.scopes.lookup(target);
      if (binding?.kind !== "variable") return;
      // `const { nav } = Flags; nav.key = …` writes under Flags.nav.
      const first = binding.path === null ? ANY : (binding.path[0] ?? member);
      let members = written.get(binding.declaration);
      if (members === undefined) written.set(binding.declaration, (members = new Set()));
      members.add(first);
    };
    // An explicit stack: generated code can nest deeper than recursion may go.
    const stack: ts.Node[] = [this.sourceFile];
    const push = (child: ts.Node): undefined => {
      stack.push(child);
      return undefined;
    };
    while (stack.length > 0) {
      const node = stack.pop()!;
      if ((isPropertyAccessExpression(node) || isElementAccessExpression(node)) && isWriteTarget(node)) {
        // `Flags.nav.key = …`: the member read on the root names what is written.
        let access: ts.PropertyAccessExpression | ts.ElementAccessExpression = node;
        for (;;) {
          const inner = skipWrappers(access.expression);
          if (!isPropertyAccessExpression(inner) && !isElementAccessExpression(inner)) break;
          access = inner;
        }
        mark(access.expression, memberName(access) ?? ANY);
      } else if (isCallExpression(node) && node.arguments.length > 0 && writesFirstArgument(node)) {
        mark(node.arguments[0]!, ANY);
      }
      forEachChild(node, push);
    }
    return written;
  }
}

/** `Object.assign(x, …)`, `Reflect.set(x, …)`, `Object.defineProperty(x, …)`. */
function writesFirstArgument(call: ts.CallExpression): boolean {
  const callee = skipWrappers(call.expression);
  return (
    isPropertyAccessExpression(callee) &&
    isIdentifier(callee.expression) &&
    (callee.expression.text === "Object" || callee.expression.text === "Reflect") &&
    WRITERS.has(callee.name.text)
  );
}

